// The template lint: every `{{…}}` that prints goes through a helper of its target (the escaper of
// its output context, or a printer that escapes), or prints a field the target declares as
// planner-made code (identifiers and code built from them). Spec text printed raw fails here.
import Handlebars from "handlebars";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Helpers } from "../generator/render/helpers.js";
import { PYTHON_CODE_FIELDS, pythonHelpers } from "../generator/targets/python/helpers.js";
import { TYPESCRIPT_CODE_FIELDS, typescriptHelpers } from "../generator/targets/typescript/helpers.js";
import { ROOT } from "./helpers/paths.js";

type Node = hbs.AST.Node & Record<string, unknown>;

/** Findings for one template: each mustache that prints something neither escaped nor declared code. */
export function lintTemplate(source: string, helpers: Helpers, codeFields: readonly string[]): string[] {
  const findings: string[] = [];
  const fields = new Set(codeFields);
  const checkHelper = (name: string, line: number) => {
    if (!(name in helpers)) findings.push(`line ${line}: {{${name} …}} is not a helper of this target`);
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    if (n.type === "MustacheStatement" || n.type === "SubExpression") {
      const m = n as unknown as hbs.AST.MustacheStatement;
      const line = m.loc.start.line;
      const path = m.path as hbs.AST.PathExpression;
      if (n.type === "MustacheStatement" && !(m as { escaped?: boolean }).escaped) findings.push(`line ${line}: {{{…}}} is not allowed`);
      if (m.params.length > 0 || m.hash) checkHelper(path.original, line);
      else if (path.data) {
        // @index, @first: numbers and flags
      } else if (path.original === "this" || path.original === ".") {
        findings.push(`line ${line}: {{this}} prints a raw value; use the escaper of its context`);
      } else {
        const last = path.parts[path.parts.length - 1];
        if (!fields.has(last)) findings.push(`line ${line}: {{${path.original}}} prints "${last}" raw: use an escaper helper, or declare it planner-made code`);
      }
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object" && "type" in (value as object)) visit(value);
    }
  };
  visit(Handlebars.parse(source));
  return findings;
}

function templatesOf(target: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== "runtime") walk(p);
      } else if (name.endsWith(".hbs")) out.push(p);
    }
  };
  walk(join(ROOT, "templates", target));
  return out;
}

const TARGETS = [
  { target: "typescript", helpers: typescriptHelpers, fields: TYPESCRIPT_CODE_FIELDS },
  { target: "python", helpers: pythonHelpers, fields: PYTHON_CODE_FIELDS },
];

describe.each(TARGETS)("$target templates", ({ target, helpers, fields }) => {
  it.each(templatesOf(target).map((f) => relative(join(ROOT, "templates"), f)))("%s prints spec text only through escapers", (file) => {
    expect(lintTemplate(readFileSync(join(ROOT, "templates", file), "utf8"), helpers, fields)).toEqual([]);
  });
});

describe("the lint itself", () => {
  const lint = (src: string) => lintTemplate(src, typescriptHelpers, TYPESCRIPT_CODE_FIELDS);
  it.each([
    ["/** {{title}} */", /prints "title" raw/],
    ["{{#each servers}}{{this}}{{/each}}", /\{\{this\}\} prints a raw value/],
    ["{{{name}}}", /not allowed/],
    ["{{json title}}", /not a helper of this target/],
    ["{{pyString title}}", /not a helper of this target/],
    ["{{tsString (pyDoc title)}}", /not a helper of this target/],
  ])("flags %s", (src, finding) => {
    expect(lint(src).join("\n")).toMatch(finding);
  });
  it.each([["{{tsString title}}"], ["{{name}}: {{tsType type}}"], ["{{#each x}}{{@index}}{{/each}}"], ["{{jsdocLine (concat a b)}}"]])("accepts %s", (src) => {
    expect(lint(src)).toEqual([]);
  });
});
