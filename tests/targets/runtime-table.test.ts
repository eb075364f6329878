// Each target's runtime symbol table (generator/targets/<target>/runtime.ts) against what the runtime
// files really export: TypeScript's read by the TypeScript compiler, Python's by Python's `ast`. A symbol
// added to, removed from or renamed in a runtime file without the table (or the other way) fails here.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { RUNTIME_EXPORTS as PY_EXPORTS, RESERVED_CLASSES } from "../../generator/targets/python/runtime.js";
import { RESERVED_NAMES, RUNTIME_EXPORTS as TS_EXPORTS } from "../../generator/targets/typescript/runtime.js";
import { ROOT, listFiles } from "../helpers/paths.js";

type Table = Record<string, Record<string, string>>;

/** What each runtime .ts file exports: declarations with their kind, `export { x }` as "reexport". */
function typescriptExports(): Table {
  const dir = join(ROOT, "templates", "typescript", "runtime");
  const out: Table = {};
  for (const file of listFiles(dir).filter((f) => f.endsWith(".ts"))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.Latest);
    const names: Record<string, string> = {};
    const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    for (const s of source.statements) {
      if (ts.isFunctionDeclaration(s) && s.name && exported(s)) names[s.name.text] = "function";
      else if (ts.isClassDeclaration(s) && s.name && exported(s)) names[s.name.text] = "class";
      else if (ts.isTypeAliasDeclaration(s) && exported(s)) names[s.name.text] = "type";
      else if (ts.isInterfaceDeclaration(s) && exported(s)) names[s.name.text] = "interface";
      else if (ts.isVariableStatement(s) && exported(s)) for (const d of s.declarationList.declarations) names[(d.name as ts.Identifier).text] = "const";
      else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) for (const e of s.exportClause.elements) names[e.name.text] = "reexport";
    }
    out[file] = names;
  }
  return out;
}

function pythonExports(): Table {
  // The standard library alone (ast): any python3 does, no virtual environment needed.
  const r = spawnSync("python3", [join(ROOT, "tests/python/runtime_exports.py"), join(ROOT, "templates", "python", "runtime")], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Table;
}

/** Where `table` and `actual` disagree: missing or extra files and names, and kinds that differ. */
function disagreements(table: Table, actual: Table): string[] {
  const out: string[] = [];
  for (const file of new Set([...Object.keys(table), ...Object.keys(actual)])) {
    const want = table[file] ?? {};
    const got = actual[file];
    if (!got) out.push(`${file}: in the table, not in the runtime`);
    else if (!table[file]) out.push(`${file}: in the runtime, not in the table`);
    for (const name of new Set([...Object.keys(want), ...Object.keys(got ?? {})])) {
      if (!(name in want)) out.push(`${file}: ${name} is exported but not in the table`);
      else if (got && !(name in got)) out.push(`${file}: ${name} is in the table but not exported`);
      else if (got && got[name] !== "reexport" && got[name] !== want[name]) out.push(`${file}: ${name} is a ${got[name]}, the table says ${want[name]}`);
    }
  }
  return out;
}

describe("runtime symbol tables", () => {
  it("typescript: the table lists exactly what templates/typescript/runtime exports", () => {
    expect(disagreements(TS_EXPORTS, typescriptExports())).toEqual([]);
  });

  it("python: the table lists exactly what templates/python/runtime defines", () => {
    expect(disagreements(PY_EXPORTS, pythonExports())).toEqual([]);
  });

  it("can fail: a symbol missing from the table, or renamed in a file, is named", () => {
    const actual = typescriptExports();
    const { send: _send, ...rest } = TS_EXPORTS["lib/sdks.ts"];
    expect(disagreements({ ...TS_EXPORTS, "lib/sdks.ts": rest }, actual)).toEqual(["lib/sdks.ts: send is exported but not in the table"]);
    const renamed = { ...actual, "lib/url.ts": { ...actual["lib/url.ts"], encodePathSegment: "function" } };
    delete (renamed["lib/url.ts"] as Record<string, string>).encodePath;
    expect(disagreements(TS_EXPORTS, renamed)).toEqual(["lib/url.ts: encodePath is in the table but not exported", "lib/url.ts: encodePathSegment is exported but not in the table"]);
  });

  it("reserves what generated modules import from the runtime, so a schema of that name is renamed", () => {
    for (const name of ["send", "ClientSDK", "Result", "InvalidRequestError", "mapUnion", "Promise"]) expect(RESERVED_NAMES).toContain(name);
    for (const name of ["BaseModel", "OptionalNullable", "ResponseValidationError", "Client", "RetryConfig", "Optional"]) expect(RESERVED_CLASSES).toContain(name);
  });
});
