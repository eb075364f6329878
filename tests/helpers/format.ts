import * as prettier from "prettier";

/**
 * Contents prettier has already passed, in this worker: the runtime files every SDK carries (the
 * same bytes each time) are checked once, not once per SDK.
 */
const clean = new Set<string>();

/** The .ts files that prettier would change (it must change none). */
export async function formatCheck(files: { path: string; content: string }[]): Promise<string[]> {
  const bad: string[] = [];
  for (const f of files) {
    if (!f.path.endsWith(".ts") || clean.has(f.content)) continue;
    const formatted = await prettier.format(f.content, { parser: "typescript", filepath: f.path });
    if (formatted !== f.content) bad.push(f.path);
    else clean.add(f.content);
  }
  return bad;
}
