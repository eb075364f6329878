// Three public Speakeasy-generated TypeScript SDKs of different sizes whose repositories hold the
// spec they were generated from. scripts/reference-snippets-ts.ts extracts their documented usage
// into tests/reference-snippets/<name>/; tests/reference-snippets-ts.test.ts checks it against ours.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SHARED } from "./paths.js";

export interface ReferenceSdk {
  name: string;
  repository: string;
  commit: string;
  /** The npm package the snippets import. */
  packageName: string;
  /** The OpenAPI document the SDK was generated from (at the same commit). */
  spec: string;
  /** Its Speakeasy gen.yaml, read by `specsmith init --from-speakeasy`. */
  genYaml: string;
  /** The share of its snippets that must type-check against our SDK (the goal is 0.95; see SOURCE.md for the gaps). */
  floor: number;
}

/** One documented usage block, and the operation its page's UsageSnippet comment names (model pages have none). */
export interface ReferenceSnippet {
  page: string;
  operationId?: string;
  method?: string;
  path?: string;
  code: string;
}

const FEATURES = join(SHARED, "specs", "features");
const REFS = join(ROOT, "tests", "reference-snippets");

export const REFERENCE_SDKS: ReferenceSdk[] = [
  {
    name: "dub-ts-0.72.1",
    repository: "https://github.com/dubinc/dub-ts",
    commit: "a58c2fd4f27b304acb8c37ba6789eb972f41a49d",
    packageName: "dub",
    spec: join(REFS, "dub-ts-0.72.1", "openapi.json"),
    genYaml: join(REFS, "dub-ts-0.72.1", "gen.yaml"),
    floor: 0.95,
  },
  {
    name: "mistral-client-ts-2.0.0-alpha.1",
    repository: "https://github.com/mistralai/client-ts",
    commit: "d36b1a62fa858387f38860613ea8b4c7b980b1f8",
    packageName: "@mistralai/mistralai",
    spec: join(FEATURES, "mistral-2.0.openapi.yaml"),
    genYaml: join(FEATURES, "mistral-2.0.typescript.gen.yaml"),
    floor: 0.95,
  },
  {
    name: "openrouter-typescript-sdk-1.2.54",
    repository: "https://github.com/OpenRouterTeam/typescript-sdk",
    commit: "cb9393a896016155780a7fd04d3429ee2317b608",
    packageName: "@openrouter/sdk",
    spec: join(FEATURES, "openrouter-1.2.54.openapi.yaml"),
    genYaml: join(FEATURES, "openrouter-1.2.54.gen.yaml"),
    floor: 0.95,
  },
];

/** How the snippets are type-checked, against Speakeasy's SDK (the control) and against ours. */
export const SNIPPET_OPTIONS = {
  strict: true,
  noEmit: true,
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  types: ["node"],
  skipLibCheck: true,
};

/**
 * A fresh folder of the snippets (`s<index>.ts`, each a module) and a tsconfig resolving the package
 * by `paths`: what the control (Speakeasy's SDK) and the test (ours) both type-check.
 */
export function writeSnippetProject(snippets: ReferenceSnippet[], dir: string, paths: Record<string, string[]>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  snippets.forEach((s, i) => writeFileSync(join(dir, `s${i}.ts`), s.code + "\nexport {};\n"));
  const compilerOptions = { ...SNIPPET_OPTIONS, paths, typeRoots: [join(ROOT, "node_modules", "@types")] };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
}

/** Each failing snippet's index and first error, from tsc's output over a snippet project. */
export function snippetErrors(output: string): Map<number, string> {
  const errors = new Map<number, string>();
  for (const m of output.matchAll(/^(?:.*\/)?s(\d+)\.ts\(\d+,\d+\): (error TS\d+: .*)$/gm)) if (!errors.has(Number(m[1]))) errors.set(Number(m[1]), m[2]);
  return errors;
}
