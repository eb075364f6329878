// The one construct prettier and oxfmt print differently (generator/targets/typescript/unions.ts): each
// case is a type in a member or alias position, and the rule must say "they differ" exactly when the
// two real formatters do.
import { format as oxfmt } from "oxfmt";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import type { TsType } from "../../../generator/targets/typescript/types.js";
import { typeText } from "../../../generator/targets/typescript/types.js";
import { unionMovesWhole } from "../../../generator/targets/typescript/unions.js";
import { breakReturnedMembers, joinMovedUnions } from "../../../generator/targets/typescript/format.js";

const t = (kind: TsType["kind"], extra: Partial<TsType> = {}): TsType => ({ kind, name: null, items: null, values: null, variants: null, literal: null, nullable: false, ...extra });
const name = (n: string, nullable = false) => t("name", { name: n, nullable });
const union = (...variants: TsType[]) => t("union", { variants });
const L = "WebhookPullRequestReviewRequestRemovedPullRequestRequestedTeams";

const CASES: [string, string, TsType][] = [
  ["a short union fits on its line", "status", union(name("A"), name("B"))],
  ["a keyword union overflows, fits on the next line", "client_id_metadata_documents_only_allow_pre_registered_clients", name("boolean", true)],
  ["a reference and null hug", "client_id_metadata_documents_only_allow_pre_registered_clients", name("SomeModel", true)],
  ["references overflow, fit on the next line", "verification", union(name("VerificationTicket"), name("VerificationSaml"), name("VerificationOauth", true))],
  ["a union too long for the next line too", "details", union(name(`${L}1`), name(`${L}2`), name(`${L}3`))],
  ["an array of a union is a type argument", "requestedReviewersOfThePullRequest", t("array", { items: union(name(`${L}Parent`), name("null")) })],
  ["a map of a union that overflows inside its braces", "labelsByName", t("map", { values: union(name(`LabelsOfThe${L}`), name("LabelsOfTheIssue")) })],
];

async function formattersDiffer(source: string): Promise<boolean> {
  const p = await prettier.format(source, { parser: "typescript" });
  const o = await oxfmt("x.ts", source, { printWidth: 80 });
  return p !== o.code;
}

describe("unions prettier moves whole (and oxfmt breaks)", () => {
  it.each(CASES)("%s", async (_name, key, type) => {
    const member = `export type X = {\n  ${key}?: ${typeText(type)};\n};\n`;
    expect(unionMovesWhole(2, `${key}?: `, type, ";")).toBe(await formattersDiffer(member));
    const alias = `export type ${key[0].toUpperCase()}${key.slice(1)}Union = ${typeText(type)};\n`;
    expect(unionMovesWhole(0, `export type ${key[0].toUpperCase()}${key.slice(1)}Union = `, type, ";")).toBe(await formattersDiffer(alias));
  });

  it.each(CASES)("oxfmt, then joinMovedUnions where the rule says they differ, prints what prettier prints: %s", async (_name, key, type) => {
    const member = `export type X = {\n  ${key}?: ${typeText(type)};\n};\n`;
    const o = (await oxfmt("x.ts", member, { printWidth: 80 })).code;
    expect(unionMovesWhole(2, `${key}?: `, type, ";") ? joinMovedUnions(o) : o).toBe(await prettier.format(member, { parser: "typescript" }));
  });

  it("the table has cases where they differ and cases where they agree", async () => {
    const results = await Promise.all(CASES.map(([, key, type]) => formattersDiffer(`export type X = {\n  ${key}?: ${typeText(type)};\n};\n`)));
    expect(results).toContain(true);
    expect(results).toContain(false);
  });
});

// Whole files as the templates print them: joinMovedUnions on oxfmt's output must give prettier's.
const FILES: [string, string][] = [
  [
    "a request parameter's union, and one too long to join",
    `export function f(client: Core, verificationRequestOfTheUserXY: "alpha" | "beta" | "gamma" | "delta" | "epsilon" | "zeta", options?: RequestOptions): void {}\nexport type Long = ${L}1 | ${L}2 | ${L}3;\n`,
  ],
  [
    "a union with an object member printed over lines stays broken",
    `export type X = {\n  someLongPropertyNameHereForTesting?: { aVeryLongFieldName: string; anotherLongFieldName: number; yetAnother: boolean } | "a" | null;\n};\n`,
  ],
  [
    "members and aliases side by side",
    `export type VerificationOfTheSignInAttemptStatusUnion = VerificationTicket | VerificationSaml;\nexport interface Y {\n  client_id_metadata_documents_only_allow_pre_registered: boolean | null | undefined;\n}\n`,
  ],
];

describe("joinMovedUnions", () => {
  it.each(FILES)("%s", async (_name, source) => {
    const o = (await oxfmt("x.ts", source, { printWidth: 80 })).code;
    expect(joinMovedUnions(o)).toBe(await prettier.format(source, { parser: "typescript" }));
  });

  it("has files where oxfmt alone differs from prettier, and one where it does not", async () => {
    const differ = await Promise.all(FILES.map(([, source]) => formattersDiffer(source)));
    expect(differ).toEqual([true, false, true]);
  });
});

// oxfmt's second difference: a returned member of `this` too wide for its line (format.ts).
describe("breakReturnedMembers", () => {
  it("gives oxfmt's output of a too-wide `return this.member;` prettier's layout, and leaves one that fits", async () => {
    for (const width of [76, 78, 79, 80, 81, 84, 100])
      for (const member of ["#", "", "_"]) {
        const name = member + "m".repeat(width - "    return this.;".length - member.length);
        const source = `export class C {\n  ${name.startsWith("#") ? name : `${name} = 1`};\n  get a(): number {\n    return this.${name};\n  }\n}\n`.replace(`  ${name};`, `  ${name} = 1;`);
        const fromOxfmt = (await oxfmt("c.ts", source, { printWidth: 80 })).code;
        expect(breakReturnedMembers(fromOxfmt), `${width} ${member}`).toBe(await prettier.format(source, { parser: "typescript" }));
      }
  });
});
