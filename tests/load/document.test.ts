// Resolver.deref: $ref chains followed to their value, cycles refused where they are, and a target
// remembered per file and ref string (the IR asks for the same ones hundreds of thousands of times)
// without one caller's location reaching another's.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/diagnostics.js";
import { Resolver, type Loc } from "../../generator/load/document.js";
import { SourceFile } from "../../generator/load/source.js";
import { tempDir } from "../helpers/paths.js";

type Obj = Record<string, unknown>;

function resolverOf(yaml: string, path = "/spec/openapi.yaml"): Resolver {
  return new Resolver(SourceFile.parse(path, yaml));
}

/** The value at `path` in the root document, and its location. */
function at(r: Resolver, ...path: string[]): { value: unknown; loc: Loc } {
  let value: unknown = r.root.data;
  for (const p of path) value = (value as Obj)[p];
  return { value, loc: { file: r.root, path } };
}

/** The diagnostic a deref throws, as "line:column pointer: message". */
function refusal(r: Resolver, ...path: string[]): string {
  const { value, loc } = at(r, ...path);
  try {
    r.deref(value, loc);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const d = e.diagnostics[0];
    return `${d.line}:${d.column} ${d.pointer}: ${d.message}`;
  }
  return "no error";
}

const CHAIN = `
a:
  $ref: "#/b"
b:
  $ref: "#/c"
c:
  type: string
`;

describe("Resolver.deref", () => {
  it.each([
    ["a value that is no $ref is itself", ["c"], { type: "string" }, ["c"]],
    ["a chain of $refs ends at its value, located there", ["a"], { type: "string" }, ["c"]],
    ["the middle of the chain", ["b"], { type: "string" }, ["c"]],
  ])("%s", (_, from, value, path) => {
    const r = resolverOf(CHAIN);
    const got = r.deref(at(r, ...from).value, at(r, ...from).loc);
    expect(got.value).toEqual(value);
    expect(got.loc.path).toEqual(path);
  });

  it.each([
    ["a $ref to itself", "me:\n  $ref: '#/me'\n", ["me"], "2:3 #/me: $ref cycle that never reaches a value"],
    ["two $refs to each other", "x:\n  $ref: '#/y'\ny:\n  $ref: '#/x'\n", ["x"], "2:3 #/x: $ref cycle that never reaches a value"],
    ["three, entered in the middle", "x:\n  $ref: '#/y'\ny:\n  $ref: '#/z'\nz:\n  $ref: '#/x'\n", ["y"], "4:3 #/y: $ref cycle that never reaches a value"],
    ["through a YAML alias (one object in two places)", "x: &loop\n  $ref: '#/y'\ny: *loop\n", ["x"], "3:4 #/y: $ref cycle that never reaches a value"],
  ])("refuses %s, at the first $ref the chain meets again", (_, yaml, from, message) => {
    expect(refusal(resolverOf(yaml), ...from)).toBe(message);
  });

  it("two $refs that reach one object without a cycle are followed", () => {
    const r = resolverOf("x:\n  $ref: '#/y'\ny:\n  $ref: '#/z'\nz: &v\n  type: integer\nw: *v\n");
    expect(r.deref(at(r, "x").value, at(r, "x").loc).value).toEqual({ type: "integer" });
  });

  it("a remembered target is the same value at an equal location, whose path no caller can change", () => {
    const r = resolverOf(CHAIN);
    const first = r.deref(at(r, "a").value, at(r, "a").loc);
    const second = r.deref(at(r, "b").value, at(r, "b").loc);
    expect(second.value).toBe(first.value);
    expect(second.loc).toEqual(first.loc);
    expect(second.loc).not.toBe(first.loc);
    expect(() => (first.loc.path as string[]).push("type")).toThrow(TypeError);
    expect(r.deref(at(r, "a").value, at(r, "a").loc).loc.path).toEqual(["c"]);
  });

  it("the same ref string in two files names two targets (each file's own)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "other"));
    writeFileSync(join(dir, "other", "part.yaml"), "here:\n  $ref: '#/thing'\nthing:\n  type: boolean\n");
    const r = resolverOf("here:\n  $ref: '#/thing'\nthing:\n  type: number\nthere:\n  $ref: 'other/part.yaml#/here'\n", join(dir, "openapi.yaml"));
    expect(r.deref(at(r, "here").value, at(r, "here").loc).value).toEqual({ type: "number" });
    const there = r.deref(at(r, "there").value, at(r, "there").loc);
    expect(there.value).toEqual({ type: "boolean" });
    expect(there.loc.file.path).toBe(join(dir, "other", "part.yaml"));
  });
});
