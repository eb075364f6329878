import * as prettier from "prettier";

/** The .ts files that prettier would change (it must change none). */
export async function formatCheck(files: { path: string; content: string }[]): Promise<string[]> {
  const bad: string[] = [];
  for (const f of files) {
    if (!f.path.endsWith(".ts")) continue;
    const formatted = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    if (formatted !== f.content) bad.push(f.path);
  }
  return bad;
}
