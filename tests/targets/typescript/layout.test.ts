// prettier's layout printed without a formatter (generator/targets/typescript/layout.ts): each case is
// a whole file as the templates print it, one statement a line. For a known shape, layOut must print
// exactly what prettier prints; for any other, it must decline (the file then goes to oxfmt).
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { hasLongLine, needsFormat } from "../../../generator/targets/typescript/format.js";
import { composesFunctions, layOut, splitTopLevel } from "../../../generator/targets/typescript/layout.js";

const LONG = "WebhookPullRequestReviewRequestRemovedPullRequestRequestedTeamsParent";
const MID = "ActionsGetActionsCacheUsageForOrgRequest";

/** [case, the file as printed]: shapes layOut knows; it must print them as prettier does. */
const KNOWN: [string, string][] = [
  ["an import list", `import { type ${LONG}, type ${LONG}$Wire, ${LONG}$fromWire } from "./x.js";\n`],
  ["an export list without a source", `const a = 1;\nconst ${LONG} = 2;\nexport { a, ${LONG} };\n`],
  ["an import type list", `import type { ${LONG}, ${MID} } from "../models/index.js";\n`],
  ["one long imported name stays", `import { ${LONG}${LONG} } from "./y.js";\n`],
  ["export * stays", `export * from "./${LONG.toLowerCase()}${LONG.toLowerCase()}.js";\n`],
  ["a function header", `export function ${LONG}$fromWire(w: unknown, p?: string, k?: string | number): ${LONG} {\n  return w;\n}\n`],
  ["a header whose name alone is too wide", `export function ${LONG}${LONG}$toWire(v: number): string {\n  return String(v);\n}\n`],
  [
    "a method header with a generic return type",
    `class C {\n  async getActionsCacheUsage(request: ${MID}, options?: RequestOptions): Promise<PageIterator<Array<Event>, Event>> {\n    return f(request, options);\n  }\n}\n`,
  ],
  [
    "a return type broken one type argument a line",
    `export async function f(\n  client: Core,\n  options?: RequestOptions,\n): Promise<Result<PageIterator<Array<${MID}>, ${MID}>, BasicError | SDKError | HTTPClientError>> {\n  return g();\n}\n`,
  ],
  [
    "a lone type argument or'd with void stays on the header's line (Interactive Brokers)",
    `class C {\n  async put${LONG}(request: R, options?: RequestOptions): Promise<Array<Put${MID}Response> | void> {\n    return f(request, options);\n  }\n}\n`,
  ],
  ["an interface method", `interface I {\n  listForAuthenticatedUser(request: ${MID}, options?: RequestOptions): Promise<Thing>;\n}\n`],
  ["an enum's value type", `export const ${LONG}Action = {\n  A: "a",\n} as const;\nexport type ${LONG}Action = (typeof ${LONG}Action)[keyof typeof ${LONG}Action];\n`],
  ["a call statement", `function f() {\n  v.type = member(o.type, q, "type", ${LONG}Type);\n}\n`],
  ["a call whose head is too wide after an assignment", `function f() {\n  v.bundle = ${LONG}Bundle$fromWire(o.bundle, q, "bundle");\n}\n`],
  ["nested calls", `function f() {\n  return unwrapAsync(activityListPublicEventsForRepoNetwork(this, request, options, "${MID}"));\n}\n`],
  ["a call in a property", `const v = {\n  repository: ${LONG}$fromWire(o.repo, q, "repo, with a comma"),\n};\n`],
  ["a call after a short key keeps its head there", `const v = {\n  repo: ${LONG}$fromWire(o.repo, q, "repo, with a comma"),\n};\n`],
  ["a name after a short key stays", `const v = {\n  repo: ${LONG}${MID},\n  sha: "${LONG}${MID}",\n};\n`],
  ["a name after a longer key moves", `const v = {\n  repository: ${LONG}${MID},\n  description: "${LONG}${MID}",\n};\n`],
  ["a member chain callee", `const r = {\n  body: JSON.stringify(${LONG}$toWire(request.requestBody)),\n};\n`],
  ["a conditional after a property", `const v = {\n  closedAt: o.closed_at === null ? null : dateTime(o.closed_at, q, "closed_at_x"),\n};\n`],
  ["a conditional broken at its branches", `const v = {\n  creator: o.creator === null ? null : ${LONG}Creator$fromWire(o.creator, q, "creator"),\n};\n`],
  ["a conditional after an assignment", `function f() {\n  v.lastActiveOn = o.last_active_on === null ? null : dateTime(o.last_active_on, q, "last_active_on");\n}\n`],
  ["a returned conditional", `function f() {\n  return data.ok ? ERR(new ValidationErrorSimple(data.value, res.value, ${MID})) : data;\n}\n`],
  ["a member chain moved after its assignment", `function f() {\n  w.require_approval_for_fork_pr_workflows = v.requireApprovalForForkPrWorkflows;\n}\n`],
  ["`{} as T` moved after its declaration", `function f() {\n  const v = {} as ${LONG}${MID};\n}\n`],
  ["an unbreakable argument stays wide", `function f() {\n  v.reviewers = arr(o.reviewers, q, "reviewers", ${LONG}${MID}$fromWire);\n}\n`],
  ["an object literal in a list", `const query = [\n  { name: "per_page", value: request.perPageOfResults, style: "form", explode: true },\n  { name: "p", value: 1 },\n];\n`],
  ["an object bound to a long name moves under it", `export const ${LONG}Reviewers = {\n  Always: "ALWAYS",\n  Exempt: "EXEMPT",\n} as const;\n`],
  ["a type moved under its name, a member growing too wide", `export type ${LONG}$Wire = {\n  labeled_runners?: boolean;\n  value: ${LONG}LabeledRunnersAnd;\n};\n`],
  ["members that cannot break", `export interface I {\n  administration?: ${LONG}Administration;\n  members: Array<${LONG}Members$Wire>;\n  parent: ${LONG}Parent | null;\n}\n`],
  ["a template literal stays", "const r = {\n  path: `/repos/${encodePath(request.owner)}/${encodePath(request.repo)}/environments/${encodePath(request.env)}`,\n};\n"],
  ["a last argument's arrow hugged", `function f() {\n  w.usageItems = v.usageItems.map((x) => ${LONG}UsageItems$toWire(x));\n}\n`],
  ["a hugged arrow's conditional body loses its parentheses", `const w = {\n  assignees: v.assignees.map((x) => (x === null ? null : ${MID}$toWire(x))),\n};\n`],
  [
    "arguments broken out when a hugged arrow's head does not fit, an arrow among them",
    `function f() {\n  return decodePage(res.value, Page$fromWire, { kind: "link", inputs: [], items: ["data"] }, at, (next) => usersListSshSigningKeysForAuthenticatedUser$page(client, next, options));\n}\n`,
  ],
  ["arguments broken out after an assignment", `function f() {\n  w.usageItems = v.usageItems.map(${LONG}, (x) => toWire(x));\n}\n`],
  [
    "a last arrow returning its parameter broken out with the others (prettier hugs one whose body is a call or a conditional)",
    `function f() {\n  v.rubygemsMetadata = arr(o.rubygems_metadata, q, "rubygems_metadata", (x) => x);\n}\n`,
  ],
  ["a last arrow whose body is a cast broken out with the others", `function f() {\n  v.partsOfTheBody = arr(o.parts_of_the_body, q, "parts", (x) => x as Uint8Array);\n}\n`],
  ["a last arrow whose body is a member broken out with the others", `function f() {\n  v.names = v.items.map(${MID}, (x) => x.name);\n}\n`],
  ["a hugged arrow's head that fits", `function f() {\n  return decodePage(res.value, at, (next) => usersListSshSigningKeysForAuthenticatedUser$page(client, next, options));\n}\n`],
  ["a member of this too wide after return (an SDK's resource getter)", `class C {\n  get a() {\n    return this.managedRestorable${LONG};\n  }\n}\n`],
  ["an if's statement moved under it", `function f() {\n  if (request.ifMatch !== undefined) headers["If-Match"] = headerValue(request.ifMatch, ${MID});\n}\n`],
  ["a logical value moved after its key", `const w = {\n  "@odata.type": v.odataType ?? "#microsoft.graph.aadUserConversationMemberResult",\n};\n`],
  [
    "a header printed one parameter a line, its name and a parameter too wide",
    `export async function ${LONG}${MID}(\n  client: Core,\n  request: ${LONG}${MID}Request,\n  options?: RequestOptions,\n): Promise<void> {\n  return;\n}\n`,
  ],
  ["a one-line header with a parameter too wide", `export function ${LONG}$toWire(v: ${LONG}${MID}, k?: string): ${LONG}$Wire {\n  return v;\n}\n`],
  ["comments are never rewrapped", `/**\n * ${LONG} ${LONG}\n */\n// ${LONG} ${LONG}\nexport const a = 1;\n`],
];

/** Shapes layOut must decline: prettier's layout for them depends on more than it checks. */
const UNKNOWN: [string, string][] = [
  ["an object argument (prettier hugs it)", `function f() {\n  send(client, { method: "GET", path: "/repos/${LONG}", operationID: "${MID}" });\n}\n`],
  ["an arrow's conditional body too wide for its own line", `const w = {\n  assignees: v.assignees.map((x) => (x === null ? null : ${LONG}$toWire(x))),\n};\n`],
  ["an arrow with a block body", `function f() {\n  items.forEach((x) => { ${LONG}UsageItems$toWire(x); ${MID}(x); });\n}\n`],
  ["a generic call", `const v = {\n  createdAt: union<number | Date>(o.created_at, q, "created_at", ${LONG}${MID}),\n};\n`],
  ["a union member too wide", `export type T = {\n  details: ${LONG}1 | ${LONG}2 | ${LONG}3;\n};\n`],
  ["a conditional whose test is not a comparison", `const v = {\n  closedAt: o.closed_at ? dateTime(o.closed_at, q, "closed_at") : ${LONG}${MID},\n};\n`],
  ["a parameter whose type could break", `export async function f(\n  client: Core,\n  request: ${LONG} | ${MID} | ${LONG}${MID},\n): Promise<void> {\n  return;\n}\n`],
  ["a logical value too wide for the next line too", `const w = {\n  "@odata.type": v.odataType ?? "#microsoft.graph.aadUserConversationMemberResult.and.some.more",\n};\n`],
  ["a long if", `function f() {\n  if (o.some_long_property_name !== undefined && o.another_long_property_name !== null) {\n    g();\n  }\n}\n`],
  ["a signature with an object parameter", `export function f(options: { retries: number; timeoutMs: number; server: string; extra: boolean }): void {}\n`],
  [
    "a lone type argument or'd with void whose type can break",
    `class C {\n  async put${LONG}(request: R, options?: RequestOptions): Promise<Array<Array<Put${MID}Response>> | void> {\n    return f(request, options);\n  }\n}\n`,
  ],
  ["a chain of members from this after return", `class C {\n  get a() {\n    return this.client.${LONG}Policies;\n  }\n}\n`],
  // An object type, whose members prettier separates with `;` (AWS Cost Explorer's free-form request bodies).
  ["an object type as a type member", `export type T = {\n  start${LONG}Request: { [k: string]: unknown };\n};\n`],
  ["an object type with named members", `export type T = {\n  ${LONG}Options: { retries: number; timeout: number };\n};\n`],
];

const pretty = (source: string) => prettier.format(source, { parser: "typescript" });

describe("layOut prints prettier's layout for the shapes it knows", () => {
  it.each(KNOWN)("%s", async (_name, source) => {
    expect(layOut(source)).toBe(await pretty(source));
  });

  it("every known case has a line over 80 columns (else it tests nothing)", () => {
    for (const [name, source] of KNOWN)
      expect(
        source.split("\n").some((l) => l.length > 80),
        name,
      ).toBe(true);
  });
});

describe("layOut declines other shapes", () => {
  it.each(UNKNOWN)("%s", async (_name, source) => {
    expect(layOut(source)).toBeUndefined();
    // The shape is one prettier does change: declining it matters.
    expect(await pretty(source)).not.toBe(source);
  });
});

describe("splitTopLevel", () => {
  const CASES: [string, boolean, string[] | undefined][] = [
    ["a, b, c", false, ["a", "b", "c"]],
    ['f(a, b), "x, y", c', false, ["f(a, b)", '"x, y"', "c"]],
    ['"a \\", b", c', false, ['"a \\", b"', "c"]],
    ["Record<string, number>, T", true, ["Record<string, number>", "T"]],
    ["Record<string, number>, T", false, ["Record<string", "number>", "T"]],
    ["f(a, b", false, undefined],
    ['"open, b', false, undefined],
    ["a, , b", false, undefined],
  ];
  it.each(CASES)("%s (angles: %s)", (given, angles, want) => {
    expect(splitTopLevel(given, angles)).toEqual(want);
  });
});

// The class of problem, not the examples: statements of the known shapes built with names of every
// width, so that lines fall on either side of 80 columns at every point. Wherever layOut answers, it
// must answer what prettier prints; and it must answer for most of them (else this tests nothing).
describe("layOut against prettier on generated statements", () => {
  const name = fc.tuple(fc.constantFrom("n", "Webhook", "X$", "actions"), fc.integer({ min: 0, max: 44 })).map(([h, n]) => `${h}${"q".repeat(n)}`);
  const str = fc.constantFrom('"a"', '"key, with a comma"', `"it's (quoted)"`, '"#microsoft.graph.someLongTypeName"');
  const plain = fc.oneof(
    name,
    name.map((n) => `o.${n}`),
    str,
    fc.constantFrom("null", "42", "true", "this"),
  );
  const call = fc.tuple(name, fc.array(plain, { minLength: 0, maxLength: 4 })).map(([f, a]) => `${f}(${a.join(", ")})`);
  const arg = fc.oneof(plain, call);
  const callOf = fc.tuple(name, fc.array(arg, { minLength: 1, maxLength: 4 })).map(([f, a]) => `${f}(${a.join(", ")})`);
  const key = fc.oneof(name, fc.constantFrom("id", "sha", "url", '"@odata.type"'));
  const value = fc.oneof(
    callOf,
    fc.tuple(name, callOf).map(([t, c]) => `o.${t} === null ? null : ${c}`),
    fc.tuple(name, str).map(([a, b]) => `v.${a} ?? ${b}`),
    name.map((n) => `v.${n}`),
    str,
    fc.tuple(name, name, callOf).map(([a, p, c]) => `v.${a}.map((${p}) => ${c})`),
    // A last arrow whose body is not a call: prettier breaks the arguments out instead of hugging it.
    fc.tuple(name, str, fc.constantFrom("x", "x.name", "x as Uint8Array", "x!", "x ?? null")).map(([n, k, body]) => `arr(o.${n}, q, ${k}, (x) => ${body})`),
    fc.tuple(name, name, name).map(([a, p, n]) => `v.${a}.map(${n}, (${p}) => ${p}.${n})`),
  );
  const file = fc.oneof(
    fc.tuple(fc.constantFrom("", "return ", "v.x = ", "const y = ", "const y = new "), callOf).map(([lead, c]) => `function f() {\n  ${lead}${c};\n}\n`),
    fc.tuple(key, value).map(([k, v]) => `const v = {\n  ${k}: ${v},\n};\n`),
    fc.tuple(name, value).map(([k, v]) => `function f() {\n  w.${k} = ${v};\n}\n`),
    fc.tuple(fc.array(name, { minLength: 1, maxLength: 5 }), name).map(([ns, m]) => `import { ${[...new Set(ns)].join(", ")} } from "./${m}.js";\n`),
    fc
      .tuple(name, fc.array(name, { minLength: 1, maxLength: 4 }), name, fc.boolean())
      .map(
        ([f, ps, r, generic]) => `export async function ${f}(${ps.map((p, i) => `p${i}${i > 0 ? "?" : ""}: ${p}`).join(", ")}): ${generic ? `Promise<Result<${r}, A | B>>` : r} {\n  return g();\n}\n`,
      ),
    fc.tuple(name, str).map(([a, k]) => `function f() {\n  if (request.${a} !== undefined) headers[${k}] = headerValue(request.${a});\n}\n`),
    fc.tuple(name, callOf, plain).map(([t, c, p]) => `function f() {\n  return data.${t} ? ${c} : ${p};\n}\n`),
    fc.tuple(name, key, str).map(([n, k, v]) => `const q = [\n  { name: ${v}, ${k}: request.${n}, style: "form", explode: true },\n  { a: 1 },\n];\n`),
    name.map((n) => `export const ${n}Kind = {\n  A: "a",\n} as const;\nexport type ${n}Kind = (typeof ${n}Kind)[keyof typeof ${n}Kind];\n`),
    fc.tuple(name, name, name).map(([m, t, r]) => `class C {\n  async ${m}(request: ${t}, options?: RequestOptions): Promise<${r}> {\n    return x;\n  }\n}\n`),
    fc.tuple(name, name, name).map(([f, t, r]) => `export async function ${f}(\n  client: Core,\n  request: ${t},\n  options?: RequestOptions,\n): Promise<Result<${r}, A | B>> {\n  return g();\n}\n`),
    fc.tuple(name, name).map(([t, m]) => `export type ${t}$Wire = {\n  ${m}?: boolean;\n  value: ${t}${m};\n};\n`),
  );

  it("prints what prettier prints wherever it answers, and answers for most files", async () => {
    let answered = 0;
    let long = 0;
    await fc.assert(
      fc.asyncProperty(file, async (source) => {
        if (!source.split("\n").some((l) => l.length > 80)) return;
        long++;
        const laid = layOut(source);
        if (laid === undefined) return;
        answered++;
        expect(laid).toBe(await pretty(source));
      }),
      { seed: 22, numRuns: 1000 },
    );
    expect(long).toBeGreaterThan(500);
    expect(answered / long).toBeGreaterThan(0.9);
    // (A thousand prettier runs: 3 s on a quiet machine, past vitest's 5 s default on a busy one.)
  }, 60_000);
});

// prettier counts a CJK character (or an emoji) two columns wide: a line 62 units long can be too
// wide. Such a file must reach the formatter, and layOut must not measure it in units.
describe("wide characters", () => {
  const wide = `export const Kinds = {\n  Beta: member(o.type, q, "${"日本語の値".repeat(6)}", Xy),\n} as const;\n`;
  const narrow = `export const Kinds = {\n  Beta: member(o.type, q, "${"éàü".repeat(10)}", Xy),\n} as const;\n`;

  it("a line wide only in columns is long, and layOut leaves it to the formatter", async () => {
    expect(wide.split("\n").every((l) => l.length <= 80)).toBe(true);
    expect(await pretty(wide)).not.toBe(wide);
    expect(hasLongLine(wide)).toBe(true);
    expect(layOut(wide)).toBeUndefined();
  });

  it("Latin letters beyond ASCII are one column each, as prettier counts them", async () => {
    expect(await pretty(narrow)).toBe(narrow);
    expect(hasLongLine(narrow)).toBe(false);
  });
});

// prettier breaks a call's arguments one a line, however short, when two are functions or one is a
// call given a function (isFunctionCompositionArgs): Plaid's nullable enum items decoded as
// `arr(w, p, k, orNull((x, p, k) => member(…)))`, 79 columns, were left unformatted.
describe("calls prettier breaks however short (function composition)", () => {
  const fn = (body: string) => `export function f(w: unknown, p?: string, k?: string | number): X {\n  ${body}\n}\n`;
  const cases: [string, string][] = [
    ["a call given a function, among other arguments (Plaid)", fn("return arr(w, p, k, orNull((x, p, k) => member(x, p, k, AccountSubtype)));")],
    ["two functions", fn("return both(w, (x) => x, (y) => y);")],
    ["a member call given a function, first", fn("return f(v.map((x) => g(x)), k);")],
    ["a typed arrow inside", fn("return f(w, g((x: T): U => x));")],
    ["one function among names: hugged, not broken", fn("return arr(w, p, k, (x, p, k) => member(x, p, k, A));")],
    ["a call given a function, alone: not broken", fn("return arr(orNull((x, p, k) => member(x, p, k, A)));")],
    ["a function in a string", fn('return f(w, "(x) => g(x)", g("a"));')],
    ["an arrow whose body composes", fn("const h = (w: unknown) => f(w, g((x) => x));")],
    ["no call", fn("const h = (x: number) => x + 1;")],
  ];
  it.each(cases)("%s: needsFormat says whether prettier changes it", async (_name, source) => {
    expect(source.split("\n").every((l) => l.length <= 80)).toBe(true);
    const changed = (await pretty(source)) !== source;
    expect(needsFormat(source)).toBe(changed);
    // A composed line is the formatter's: layOut declines it rather than keep it.
    if (changed) expect(layOut(source)).toBeUndefined();
  });

  it("composesFunctions reads the line, not its strings or comments", () => {
    expect(composesFunctions('f(a, "g((x) => x)")')).toBe(false);
    expect(composesFunctions("f(a, g((x) => x))")).toBe(true);
    expect(needsFormat("// f(a, g((x) => x))\n")).toBe(false);
  });
});
