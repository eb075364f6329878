// The corpus sweep (`npm run corpus -- --generate-only`): how a spec's generation ends, and the report.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sweepReport, sweepSpec, type Outcome } from "../corpus/sweep.js";

const dir = mkdtempSync(join(tmpdir(), "specsmith-sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
`;

describe("sweepSpec", () => {
  it("generates a sound spec's two SDKs in memory, writing nothing", async () => {
    const out = join(dir, "out-good");
    const o = await sweepSpec("good", spec("good.yaml", GOOD), out);
    expect(o.kind).toBe("generated");
    expect(() => rmSync(out)).toThrow(/ENOENT/);
  });

  it("reports a broken spec as refused, with the diagnostic's place and hint", async () => {
    const o = await sweepSpec("broken", spec("broken.yaml", GOOD.replace("#/components/schemas/Pet", "#/components/schemas/Pets")), join(dir, "out-broken"));
    expect(o.kind).toBe("refused");
    expect(o.kind === "refused" && o.diagnostic).toMatch(/broken\.yaml:12:\d+: error: .*does not resolve[\s\S]*hint: did you mean "#\/components\/schemas\/Pet"/);
  });
});

describe("sweepReport", () => {
  const cases: { name: string; outcomes: Outcome[]; want: RegExp[]; not?: RegExp[] }[] = [
    {
      name: "counts each ending",
      outcomes: [
        { spec: "a", ms: 1200, kind: "generated" },
        { spec: "b", ms: 300, kind: "refused", diagnostic: "b.json:1:2: error: x" },
        { spec: "c", ms: 50, kind: "crash", stack: "TypeError: y\n    at z" },
      ],
      want: [
        /^3 specs: 1 generated both SDKs, 1 refused with a diagnostic, 1 crashed\.$/m,
        /^Slowest: a 1\.2 s, b 0\.3 s, c 0\.1 s\.$/m,
        /## crash: c\n\n```\nTypeError: y\n    at z\n```/,
        /## refused: b\n\n```\nb\.json:1:2: error: x\n```/,
      ],
    },
    {
      name: "fences a message that quotes backticks with a longer fence",
      outcomes: [{ spec: "d", ms: 1, kind: "refused", diagnostic: "error: ```` in a description" }],
      want: [/\n`````\nerror: ```` in a description\n`````/],
    },
    {
      name: "says no spec was swept, with nothing slowest, when none was",
      outcomes: [],
      want: [/^0 specs: 0 generated both SDKs, 0 refused with a diagnostic, 0 crashed\.$/m],
      not: [/Slowest/],
    },
    {
      name: "lists nothing but the counts when every spec generated",
      outcomes: [{ spec: "e", ms: 1, kind: "generated" }],
      want: [/1 generated both SDKs, 0 refused with a diagnostic, 0 crashed/],
      not: [/##/],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const report = sweepReport(c.outcomes);
      for (const w of c.want) expect(report).toMatch(w);
      for (const n of c.not ?? []) expect(report).not.toMatch(n);
    });
});
