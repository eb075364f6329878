/**
 * Extracts the documented TypeScript usage of a Speakeasy-generated SDK into
 * tests/reference-snippets/<name>/snippets.json, keeping only the snippets that type-check against
 * that SDK itself (the control): a snippet its own SDK rejects says nothing about ours.
 *
 *   tsx scripts/reference-snippets-ts.ts <name> <git dir of the SDK's repository>
 *
 * <name> is one of SOURCES below. The repository is read with git at the pinned commit (never its work
 * tree); the SDK's runtime dependencies (zod…) are installed from npm into .tmp/. Run by hand when a
 * reference is added or moved; the test suite reads only the committed result.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "../tests/helpers/paths.js";
import { TSC } from "../tests/helpers/tsc.js";
import { REFERENCE_SDKS, snippetErrors, writeSnippetProject, type ReferenceSdk, type ReferenceSnippet } from "../tests/helpers/reference-sdks.js";

const [name, gitDir] = process.argv.slice(2);
const source = REFERENCE_SDKS.find((s) => s.name === name);
if (!source || !gitDir) {
  process.stderr.write(`usage: tsx scripts/reference-snippets-ts.ts <${REFERENCE_SDKS.map((s) => s.name).join("|")}> <git dir>\n`);
  process.exit(2);
}
const git = (...args: string[]) => execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });

/**
 * Every ```typescript block of the docs pages, with the operation it calls: as its UsageSnippet
 * comment names it, else (pages without such comments) as the standalone function its section
 * documents sends it, read from that function's source.
 */
function extract(sdk: ReferenceSdk): ReferenceSnippet[] {
  const pages = git("ls-tree", "-r", "--name-only", sdk.commit, "docs")
    .split("\n")
    .filter((p) => /\.mdx?$/.test(p))
    .sort();
  const snippets: ReferenceSnippet[] = [];
  for (const page of pages) {
    // An SDK page's sections (## method) each document one operation; model pages have no operation.
    for (const section of git("show", `${sdk.commit}:${page}`).split(/^(?=## )/m)) {
      const fn = page.startsWith("docs/sdks/") ? /\/funcs\/(\w+)\.js"/.exec(section)?.[1] : undefined;
      const sent = fn ? operationOf(sdk, fn) : undefined;
      for (const m of section.matchAll(/(?:<!-- UsageSnippet ([^>]*?) -->\n)?```typescript\n([\s\S]*?)```/g)) {
        const attrs = Object.fromEntries([...(m[1] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
        const op = attrs.operationID ? { operationId: attrs.operationID, method: attrs.method.toUpperCase(), path: attrs.path } : sent;
        snippets.push({ page, ...op, code: m[2] });
      }
    }
  }
  return snippets;
}

/** The operation a standalone function of the SDK sends: its operationID, method and path template. */
function operationOf(sdk: ReferenceSdk, fn: string): { operationId: string; method: string; path: string } | undefined {
  const src = git("show", `${sdk.commit}:src/funcs/${fn}.ts`);
  const operationId = /operationID: "([^"]+)"/.exec(src)?.[1];
  const method = /method: "([A-Z]+)"/.exec(src)?.[1];
  const path = /pathToFunc\("([^"]+)"/.exec(src)?.[1];
  return operationId && method && path ? { operationId, method, path } : undefined;
}

/** The SDK's sources at the commit, with its runtime dependencies installed beside them. */
function materialise(sdk: ReferenceSdk, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["--git-dir", gitDir, "archive", sdk.commit, "src", "package.json"], { maxBuffer: 1 << 28 });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  execFileSync("npm", ["install", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: dir, stdio: "inherit" });
}

/** The indexes of the snippets that do not type-check against the SDK in `src`. */
function failing(sdk: ReferenceSdk, snippets: ReferenceSnippet[], src: string, dir: string): Map<number, string> {
  const paths = { [sdk.packageName]: [join(src, "index.ts")], [`${sdk.packageName}/*.js`]: [join(src, "*.ts")], [`${sdk.packageName}/*`]: [join(src, "*"), join(src, "*/index.ts")] };
  writeSnippetProject(snippets, dir, paths);
  const r = spawnSync(process.execPath, [TSC, "-p", dir], { encoding: "utf8", maxBuffer: 1 << 28 });
  return snippetErrors(r.stdout + r.stderr);
}

/** The licence a LICENSE file states in its first words (MIT, Apache-2.0), for SOURCE.md. */
function licenceName(text: string): string | undefined {
  if (/^\s*MIT License/i.test(text)) return "MIT";
  if (/Apache License\s+Version 2\.0/i.test(text)) return "Apache-2.0";
  return undefined;
}

/** The licence the API document itself names (info.license), if any: said beside the repository's. */
function docLicence(spec: string): string {
  let info: { license?: { name?: string } } | undefined;
  try {
    info = (parse(readFileSync(spec, "utf8")) as { info?: typeof info }).info;
  } catch {
    return ""; // a document only specsmith's lenient YAML reads (Mistral's): no licence said here
  }
  return info?.license?.name ? ` The document's own info.license names ${info.license.name} (for the API description; kept here as test data only, outside the npm package).` : "";
}

/** What the folder holds and where it came from (SOURCE.md), and the repository's licence. */
function describe(sdk: ReferenceSdk, out: string, total: number, kept: number, errors: Map<number, string>): void {
  const files = git("ls-tree", "--name-only", sdk.commit).split("\n");
  const licenceFile = files.find((f) => /^LICEN[CS]E(\.md|\.txt)?$/i.test(f));
  const licenceText = licenceFile ? git("show", `${sdk.commit}:${licenceFile}`) : undefined;
  if (licenceText) writeFileSync(join(out, "LICENSE"), licenceText);
  const pkg = JSON.parse(git("show", `${sdk.commit}:package.json`)) as { name: string; version: string; license?: string };
  const licence = pkg.license ?? (licenceText ? licenceName(licenceText) : undefined) ?? "unstated";
  const byCode = new Map<string, number>();
  for (const e of errors.values()) byCode.set(e.slice(6, 12), (byCode.get(e.slice(6, 12)) ?? 0) + 1);
  const spec = sdk.spec.startsWith(out)
    ? `${sdk.spec.slice(out.length + 1)} (this folder; the repository's \`.speakeasy/out.openapi.yaml\`, with its gen.yaml)`
    : `../shared/specs/features/ (see its README)`;
  const lines = [
    `# ${pkg.name} ${pkg.version} (Speakeasy): the usage snippets of its docs`,
    "",
    `- Source: ${sdk.repository}, commit ${sdk.commit}: every \`\`\`typescript block of`,
    "  `docs/**/*.md(x)`, verbatim, with the operation it calls: as its `<!-- UsageSnippet -->` comment",
    "  names it, else as the standalone function of its section sends it (read from that function's",
    "  source: operationID, method, path).",
    `- Licence: ${licence}${licenceText ? " (LICENSE, copied from the repository)" : ""}.`,
    `- The spec it was generated from: ${spec}.${docLicence(sdk.spec)}`,
    `- ${total} blocks; ${kept} type-check against the SDK itself (TypeScript 7, --strict) and are kept in`,
    `  snippets.json. The ${errors.size} others fail there too (${[...byCode].map(([c, n]) => `${c} ×${n}`).join(", ")}):`,
    '  type listings shown as code (`"write" | "read"`), namespaces the page never imports, examples',
    "  missing required fields.",
    "- Written by `tsx scripts/reference-snippets-ts.ts <name> <git dir>` (the control installs the",
    "  SDK's runtime dependencies from npm); read by tests/reference-snippets-ts.test.ts. Kept apart",
    "  from tests/fixtures/, whose folders are feature specs.",
    "",
  ];
  writeFileSync(join(out, "SOURCE.md"), lines.join("\n"));
}

const work = join(ROOT, ".tmp", "reference-snippets", source.name);
const snippets = extract(source);
materialise(source, join(work, "sdk"));
const errors = failing(source, snippets, join(work, "sdk", "src"), join(work, "check"));
const kept = snippets.filter((_, i) => !errors.has(i));
const out = join(ROOT, "tests", "reference-snippets", source.name);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "snippets.json"), JSON.stringify(kept, null, 1) + "\n");
describe(source, out, snippets.length, kept.length, errors);
process.stdout.write(`${source.name}: ${snippets.length} blocks, ${kept.length} type-check against the SDK itself (kept), ${errors.size} do not\n`);
