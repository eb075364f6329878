/**
 * Generates one spec's TypeScript and Python SDKs and measures them: operations, type errors, broken
 * doc links, .ts files prettier would change (the formatting gate: every emitted file must be
 * prettier-clean), and Python import problems (every module imports, every model and signature resolves).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { formatDiagnostic, SpecError } from "../generator/diagnostics.js";
import { generateAll } from "../generator/generate.js";
import { writeOutput } from "../generator/write/write.js";
import { formatCheck } from "../tests/helpers/format.js";
import { brokenLinks as broken } from "../tests/helpers/links.js";
import { corpusTargets } from "./sweep.js";
import { checkPythonSdk, ruffFormatCheck } from "../tests/helpers/python.js";

export interface Row {
  spec: string;
  operations: number;
  generated: boolean;
  reason: string;
  typeErrors: number;
  brokenLinks: number;
  /** Emitted .ts files that prettier would change. */
  notPrettier: number;
  /** Emitted .py files that `ruff format` would change (0, or 1 when the check failed as a whole). */
  notRuffFormatted: number;
  /** Problems importing the Python SDK (a module, a model or a signature that does not resolve). */
  pythonErrors: string[];
  ms: number;
}

export async function checkSpec(name: string, spec: string, out: string, root: string): Promise<Row> {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  const pyOut = `${out}-py`;
  rmSync(pyOut, { recursive: true, force: true });
  let files, pyFiles;
  try {
    [{ files }, { files: pyFiles }] = await generateAll(spec, corpusTargets(out));
  } catch (e) {
    const reason = e instanceof SpecError ? formatDiagnostic(e.diagnostics[0]).split("\n")[0] : `crash: ${(e as Error).message}`;
    return { spec: name, operations: 0, generated: false, reason, typeErrors: 0, brokenLinks: 0, notPrettier: 0, notRuffFormatted: 0, pythonErrors: [], ms: performance.now() - started };
  }
  writeOutput(out, files);
  writeOutput(pyOut, pyFiles);
  const pythonErrors = checkPythonSdk(join(pyOut, "src"), "sdk_pkg").errors;
  const operations = files.filter((f) => f.path.startsWith("src/funcs/")).length;
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript-7/bin/tsc"), "-p", out, "--noEmit"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const typeErrors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  const brokenLinks = broken(
    out,
    files.filter((x) => x.path.endsWith(".md")).map((x) => x.path),
  ).length;
  const notPrettier = (await formatCheck(files)).length;
  const ruff = ruffFormatCheck([join(pyOut, "src")]);
  const notRuffFormatted = ruff === "" ? 0 : Math.max(1, (ruff.match(/^Would reformat/gm) ?? []).length);
  return { spec: name, operations, generated: true, reason: "", typeErrors, brokenLinks, notPrettier, notRuffFormatted, pythonErrors, ms: performance.now() - started };
}

export function table(rows: Row[]): string {
  const lines = [
    "| spec | operations | generated | type errors | doc links broken | .ts files not prettier-clean | .py files not ruff-formatted | Python import problems |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows)
    lines.push(
      `| ${r.spec} | ${r.operations} | ${r.generated ? "yes" : `no: ${r.reason.replace(/\|/g, "\\|")}`} | ${r.typeErrors} | ${r.brokenLinks} | ${r.notPrettier} | ${r.notRuffFormatted} | ${r.pythonErrors.length} |`,
    );
  const ok = rows.filter((r) => r.generated).length;
  const clean = rows.filter((r) => r.generated && r.typeErrors === 0 && r.brokenLinks === 0 && r.notPrettier === 0 && r.notRuffFormatted === 0 && r.pythonErrors.length === 0).length;
  lines.push(
    "",
    `${ok}/${rows.length} generated; ${clean}/${rows.length} generated with no type errors, no broken links, every .ts file prettier-clean, every .py file ruff-formatted and a Python SDK that imports whole.`,
  );
  return lines.join("\n");
}
