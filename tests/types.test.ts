// The generated SDK type-checks under --strict; its docs' code examples type-check against it;
// its public API surface is snapshotted; its wire types agree with openapi-typescript's.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { Project, type ExportedDeclarations, Node } from "ts-morph";
import { describe, expect, it } from "vitest";
import { GENERATED_TS, ROOT, SPEC, listFiles, read, tempDir } from "./helpers/paths.js";
import { TSC, TSC_5, tsc } from "./helpers/tsc.js";

describe("generated/typescript", () => {
  // TypeScript 7 (today's) and the 5.9 the SDK's package.json asks for both build it and read its declarations.
  it.each([
    ["7", TSC],
    ["5.9", TSC_5],
  ])("builds with tsc %s under --strict into a package whose subpaths resolve, with and without .js, as Speakeasy's do", async (_, compiler) => {
    const pkgDir = join(tempDir(), "node_modules", "clerk-backend-api");
    const dist = join(pkgDir, "dist");
    const r = tsc(["-p", GENERATED_TS, "--outDir", dist, "--declarationDir", dist, "--sourceMap", "false"], ROOT, compiler);
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
    expect(listFiles(dist)).toContain("index.d.ts");
    const pkg = JSON.parse(read(join(GENERATED_TS, "package.json")));
    expect(pkg.name).toBe("clerk-backend-api");
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toBeUndefined();
    writeFileSync(join(pkgDir, "package.json"), JSON.stringify(pkg));
    // A user's module, resolved by Node's rules (NodeNext), importing every subpath form the docs use.
    const app = join(pkgDir, "..", "..");
    writeFileSync(join(app, "package.json"), JSON.stringify({ type: "module" }));
    const subpaths = [
      "core",
      "core.js",
      "funcs/actorTokensCreate",
      "funcs/actorTokensCreate.js",
      "models/components",
      "models/errors",
      "models/operations",
      "models/components/actortoken.js",
      "lib/http",
      "lib/http.js",
    ];
    writeFileSync(
      join(app, "app.ts"),
      [
        'import { Clerk, HTTPClient, RFCDate } from "clerk-backend-api";',
        ...subpaths.map((s, i) => `import * as m${i} from "clerk-backend-api/${s}";`),
        "// Every client option the runtime takes is an SDKOption.",
        'export const clerk = new Clerk({ bearerAuth: "sk", debugLogger: console, httpClient: new HTTPClient(), headers: { "x-a": "b" }, timeoutMs: 1 });',
        `export const loaded = [${subpaths.map((_, i) => `Object.keys(m${i}).length`).join(", ")}];`,
        'export const day: string = new RFCDate("2025-01-31").toString();',
        "// spec/specsmith.yaml's baseErrorName: APIError under Speakeasy's name, as a class and a type.",
        'import { APIError, ClerkBaseError } from "clerk-backend-api/models/errors";',
        "export const base: ClerkBaseError | null = null;",
        "export const sameBase = ClerkBaseError === APIError;",
        "",
      ].join("\n"),
    );
    const checked = tsc(["--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--outDir", app, join(app, "app.ts")], app, compiler);
    expect(checked.output).toBe("");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", 'const m = await import("./app.js"); console.log(JSON.stringify(m.loaded), m.day, m.sameBase);'], {
      cwd: app,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    const [loaded, day, sameBase] = run.stdout.trim().split(" ");
    expect(sameBase).toBe("true");
    expect(JSON.parse(loaded).every((n: number) => n > 0)).toBe(true);
    expect(day).toBe("2025-01-31");
    rmSync(join(app), { recursive: true, force: true });
  });
});

describe("docs code examples", () => {
  it("every ```typescript block in the generated docs type-checks against the SDK", () => {
    const dir = tempDir();
    const mdFiles = listFiles(GENERATED_TS).filter((f) => f.endsWith(".md"));
    let n = 0;
    for (const md of mdFiles) {
      const blocks = [...read(join(GENERATED_TS, md)).matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]);
      blocks.forEach((code, i) => {
        const file = join(dir, `${md.replace(/[/.]/g, "_")}_${i}.ts`);
        // Each example is its own module (they all declare `run`, `clerk`, ...).
        writeFileSync(file, code + "\nexport {};\n");
        n++;
      });
    }
    expect(n).toBeGreaterThanOrEqual(15);
    const src = join(GENERATED_TS, "src");
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022", "DOM"],
          types: [],
          skipLibCheck: true,
          allowImportingTsExtensions: false,
          paths: {
            "clerk-backend-api": [join(src, "index.ts")],
            "clerk-backend-api/core": [join(src, "core.ts")],
            "clerk-backend-api/funcs/*": [join(src, "funcs/*.ts")],
            "clerk-backend-api/models/*": [join(src, "models/*/index.ts")],
          },
        },
        include: ["*.ts"],
      }),
    );
    const r = tsc(["-p", dir]);
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("public API surface", () => {
  it("matches the snapshot (exported names and signatures, read back with ts-morph)", async () => {
    const project = new Project({ tsConfigFilePath: join(GENERATED_TS, "tsconfig.json") });
    const entries = ["index.ts", "core.ts", "funcs/actorTokensCreate.ts", "funcs/actorTokensRevoke.ts", "models/components/index.ts", "models/operations/index.ts", "models/errors/index.ts"];
    const lines: string[] = [];
    for (const entry of entries) {
      const sf = project.getSourceFileOrThrow(join(GENERATED_TS, "src", entry));
      lines.push(`## ${entry}`);
      const exported = [...sf.getExportedDeclarations().entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [name, decls] of exported) {
        if (name.includes("$")) continue; // @internal wire helpers
        for (const d of decls) lines.push(`${name}: ${describeDecl(d)}`);
      }
    }
    await expect(lines.join("\n") + "\n").toMatchFileSnapshot("__snapshots__/public-api.txt");
  });
});

function describeDecl(d: ExportedDeclarations): string {
  const text = (t: string) =>
    t
      .replace(/import\("[^"]+"\)\./g, "")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\s+/g, " ")
      .replace(/\{ /g, "{ ")
      .trim();
  if (Node.isClassDeclaration(d)) {
    const members = d
      .getMembers()
      .filter((m) => !(Node.isPropertyDeclaration(m) && m.getName().startsWith("#")))
      .map((m) => {
        if (Node.isConstructorDeclaration(m))
          return `constructor(${m
            .getParameters()
            .map((p) => p.getText())
            .join(", ")})`;
        if (Node.isMethodDeclaration(m))
          return `${m.getName()}(${m
            .getParameters()
            .map((p) => text(p.getText()))
            .join(", ")}): ${text(m.getReturnType().getText(m))}`;
        if (Node.isGetAccessorDeclaration(m)) return `get ${m.getName()}(): ${text(m.getReturnType().getText(m))}`;
        if (Node.isPropertyDeclaration(m)) return `${m.isReadonly() ? "readonly " : ""}${m.getName()}${m.hasQuestionToken() ? "?" : ""}: ${text(m.getType().getText(m))}`;
        return m.getKindName();
      });
    const base = d.getExtends()?.getText();
    return `class${base ? ` extends ${base}` : ""} { ${members.join("; ")} }`;
  }
  if (Node.isFunctionDeclaration(d)) {
    return `function(${d
      .getParameters()
      .map((p) => text(p.getText()))
      .join(", ")}): ${text(d.getReturnType().getText(d))}`;
  }
  if (Node.isTypeAliasDeclaration(d)) return `type = ${text(d.getTypeNode()?.getText() ?? "")}`;
  if (Node.isVariableDeclaration(d)) return `const: ${text(d.getType().getText(d))}`;
  return d.getKindName();
}

describe("wire types agree with openapi-typescript", () => {
  it("each model's $Wire type and the spec's types (as openapi-typescript derives them) are assignable both ways", async () => {
    // emptyObjectsUnknown: a schema with no properties and no additionalProperties allows any
    // properties (additionalProperties defaults to true); openapi-typescript otherwise says Record<string, never>.
    const ast = await openapiTS(new URL(`file://${SPEC}`), { emptyObjectsUnknown: true });
    const dir = join(ROOT, ".tmp", "wire-check");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "spec.d.ts"), astToString(ast));
    const models = (p: string) => relative(dir, join(GENERATED_TS, "src", p)).replace(/\.ts$/, ".js");
    const pairs: [string, string, string][] = [
      ["ActorToken$Wire", models("models/components/actortoken.ts"), 'components["schemas"]["ActorToken"]'],
      ["ClerkError$Wire", models("models/components/clerkerror.ts"), 'components["schemas"]["ClerkError"]'],
      ["ClerkErrors$Wire", models("models/errors/clerkerrors.ts"), 'components["schemas"]["ClerkErrors"]'],
      ["CreateActorTokenRequestBody$Wire", models("models/operations/createactortokenrequestbody.ts"), 'NonNullable<operations["CreateActorToken"]["requestBody"]>["content"]["application/json"]'],
    ];
    const lines = ['import type { components, operations } from "./spec.js";'];
    pairs.forEach(([name, from], i) => lines.push(`import type { ${name} as W${i} } from "${from}";`));
    lines.push("type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;");
    pairs.forEach(([, , theirs], i) => lines.push(`export const check${i}: Same<W${i}, ${theirs}> = true;`));
    writeFileSync(join(dir, "check.ts"), lines.join("\n") + "\n");
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM"], types: [], skipLibCheck: true },
        files: ["check.ts"],
      }),
    );
    const r = tsc(["-p", dir]);
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
    // The check must be able to fail: a wrong wire type is caught.
    writeFileSync(join(dir, "check.ts"), readFileSync(join(dir, "check.ts"), "utf8") + 'export const bad: Same<W0, components["schemas"]["ClerkError"]> = true;\n');
    expect(tsc(["-p", dir]).code).not.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
