/**
 * YAML read by js-yaml (load/yaml-fast.ts) must be, value for value, what the `yaml` package reads, or
 * not be read there at all: given/want cases on each side of that line, every YAML file this project
 * has, and generated documents (random data written by the `yaml` package in random styles, and plain
 * scalars written by hand in the forms where YAML's schemas differ).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { fastYaml } from "../../generator/load/yaml-fast.js";
import { repairQuotedIndent } from "../../generator/load/yaml-lenient.js";
import { ROOT, SHARED } from "../helpers/paths.js";

/** The `yaml` package's reading, as source.ts makes it; undefined when it reports an error. */
function slow(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 10_000 });
}

/** A reading as text that tells every value apart: -0, NaN, Infinity, and a number from its digits. */
function exact(data: unknown): string {
  return JSON.stringify(data, (_k, v: unknown) => (typeof v === "number" ? `number:${Object.is(v, -0) ? "-0" : String(v)}` : v));
}

/** Whether the fast reading, where it reads `text`, equals the slow one. */
function agrees(text: string): { fast: boolean; same: boolean } {
  const fast = fastYaml(text);
  if (!fast) return { fast: false, same: true };
  return { fast: true, same: exact(fast.data) === exact(slow(text)) };
}

describe("fastYaml", () => {
  it.each([
    ["plain mappings, sequences and scalars", "a: 1\nb: [x, 'y', \"z\"]\nc:\n  - d: true\n    e: ~\n"],
    ["numbers of every form the core schema knows", "k: [0, -0, +1, 0o17, 0x1F, 017, 1.5, .5, 1., 1e3, -1E-3, .inf, -.Inf, .nan, 123456789012345678901234567890]\n"],
    ["words other schemas read as booleans", "k: [yes, no, on, off, y, n, True, FALSE, tRue, nULL]\n"],
    ["dates and times, which the core schema leaves as text", "d: 2001-12-14\nt: 12:30:00\ns: 190:20:30\n"],
    ["block scalars with indentation and chomping indicators", "a: |2-\n    x\n  y\nb: >+\n  f\n  g\n\nc: end\n"],
    ["quoted scalars with escapes", "a: \"\\x41\\u0041\\U00000041\\N\\_\\t\"\nb: 'it''s'\n"],
    ["CRLF line ends and a byte-order mark", "\ufeffa: 1\r\nb: |\r\n  x\r\n  y\r\n"],
    ["an anchor nothing refers to", "a: &x 1\nb: 2\n"],
    ["keys that look like numbers or booleans", "200: ok\n4XX: err\n1.5: x\ntrue: y\n0x1F: z\n"],
    ["a key named __proto__", "__proto__: {x: 1}\nconstructor: 2\n"],
  ])("reads %s as the yaml package does", (_what, text) => {
    expect(agrees(text)).toEqual({ fast: true, same: true });
  });

  it.each([
    ["a %YAML directive (1.1 reads yes as true)", "%YAML 1.1\n---\na: yes\n"],
    ["an explicit tag", "a: !!float 1\n"],
    ["a custom tag", "a: !foo bar\n"],
    ["a tag on a collection", "a: !!map {b: 1}\n"],
    ["an alias", "a: &x {p: 1}\nb: *x\n"],
    ["a merge key through an alias", "a: &x {p: 1}\nb:\n  <<: *x\n"],
    ["a null key", "null: z\n"],
    ["a ~ key", "a:\n  ~: z\n"],
    ["an empty key", "? \n: c\n"],
    ["a number beyond a double", "a: 1e400\n"],
    ["a complex key", "? [a, b]\n: c\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["two documents", "a: 1\n---\nb: 2\n"],
    ["an empty document", ""],
    ["a comment alone", "# nothing\n"],
    ["a syntax error", "a: [1, 2\n"],
    ["nesting deeper than js-yaml allows", `${"[".repeat(120)}${"]".repeat(120)}\n`],
    ["a quoted scalar continued left of its key (read leniently by the slow path)", "a:\n  b: 'line one\nline two'\n"],
  ])("leaves %s to the yaml package", (_what, text) => {
    expect(fastYaml(text)).toBeUndefined();
  });

  it("reads every YAML file of this project and of the shared specs as the yaml package does", () => {
    const files = [...yamlFiles(join(ROOT, "spec")), ...yamlFiles(join(ROOT, "tests")), ...yamlFiles(join(SHARED, "specs"))];
    expect(files.length).toBeGreaterThan(25);
    let fast = 0;
    for (const file of files) {
      const r = agrees(readFileSync(file, "utf8"));
      expect(r.same, file).toBe(true);
      if (r.fast) fast++;
    }
    // Most go the fast way (the ones that do not hold aliases, tags or lenient quoting).
    expect(fast).toBeGreaterThan(files.length * 0.8);
  });

  it("reads generated documents, written in random styles, as the yaml package does", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom("null", "~", "", "true", "200", "1e3", "0x1F", "-0", "a: b", "#c", "- x", "'q'", '"d"', "__proto__"));
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom("null", "~", "yes", "1_000", "0b101", "0o17", "017", ".inf", "-.nan", "1e400", "2001-12-14", "12:30", "  lead", "trail  ", "multi\nline\n", "tab\there", "ü ✓ 💡"),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    const style = fc.record({
      collectionStyle: fc.constantFrom("any", "block", "flow"),
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
      defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"),
      indent: fc.integer({ min: 1, max: 4 }),
      lineWidth: fc.constantFrom(0, 20, 80),
    });
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), style, (data, options) => {
        const text = stringify(data, null, options as Parameters<typeof stringify>[2]);
        expect(agrees(text).same, text).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it("reads plain scalars written by hand as the yaml package does, in every form where schemas differ", () => {
    const chars = fc.constantFrom(..."0123456789.eExXoObB_+-:~nNuUlLtTrRfFaAsSiI ".split(""));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: chars, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (plains) => {
        for (const p of plains) {
          for (const text of [`k: ${p}\n`, `${p}: v\n`, `k: [${p}]\n`, `- ${p}\n`]) expect(agrees(text).same, text).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never reads a quoted scalar continued left of its key: the slow path repairs it, and warns", () => {
    const quote = fc.constantFrom("'", '"');
    let repaired = 0;
    fc.assert(
      fc.property(quote, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), (q, depth, outdent, listed) => {
        // The owner nested `depth` levels deep, its string's second line `outdent` spaces left of its own.
        const parents = Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}a${i}:\n`).join("");
        const indent = "  ".repeat(depth);
        const owner = listed ? `${indent}- b: ` : `${indent}b: `;
        const text = `${parents}${owner}${q}one\n${" ".repeat(Math.max(0, indent.length - outdent))}two${q}\n`;
        if (repairQuotedIndent(text) === undefined) return;
        repaired++;
        expect(fastYaml(text), text).toBeUndefined();
      }),
      { numRuns: 200 },
    );
    expect(repaired).toBeGreaterThan(50);
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "node_modules") return [];
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}
