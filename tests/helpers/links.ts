import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Markdown outside fenced code blocks: links and headings there are not markdown. */
export function prose(md: string): string {
  return md.replace(/```[\s\S]*?```/g, "");
}

/** GitHub-style anchors of a page's headings. */
export function anchors(md: string): string[] {
  return prose(md)
    .split("\n")
    .filter((l) => /^#{1,6} /.test(l))
    .map((h) =>
      h
        .replace(/^#+ /, "")
        .toLowerCase()
        .replace(/[^\w\- ]/g, "")
        .replace(/ /g, "-"),
    );
}

/** Relative links in the pages (paths under `dir`) that point at no file or no heading. */
export function brokenLinks(dir: string, pages: string[]): string[] {
  const cache = new Map<string, string[]>();
  const headingsOf = (file: string) => {
    let a = cache.get(file);
    if (!a) cache.set(file, (a = anchors(readFileSync(file, "utf8"))));
    return a;
  };
  const broken: string[] = [];
  for (const page of pages) {
    const abs = join(dir, page);
    for (const m of prose(readFileSync(abs, "utf8")).matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = m[1];
      if (/^[a-z]+:/.test(link)) continue;
      const [file, anchor] = link.split("#");
      const target = file === "" ? abs : join(dirname(abs), file);
      if (!existsSync(target) || (anchor && !headingsOf(target).includes(anchor))) broken.push(`${page} → ${link}`);
    }
  }
  return broken;
}
