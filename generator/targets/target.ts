/**
 * The Target contract: what a language target declares and does. `generate`, `diff`, `config` and
 * `docs` know targets only through it (and the registry in `registry.ts`), so a new language touches
 * its own folder and one registry line.
 *
 * The pipeline per target, each step once per generation:
 *   plan(api, options, the users' own files) → surface(plan) (the lock, releases, `diff`) → emit(plan, version) → format(emitted)
 *
 * Both targets' plans use the same words for the same ideas (see PlanBase): a *group* is a resource
 * users reach through an *accessor* on the SDK object (`clerk.actorTokens`, `clerk.actor_tokens`),
 * holding *operations* each called by its *method* name; a *model* has a *name* and, for error
 * payloads, an *errorClass*; every emitted symbol has a *file* (or module) and a *doc* page.
 */
import type { CodeSample } from "../docs/code-samples.js";
import type { Api, Group, Model, Operation } from "../ir/types.js";
import type { NameRecord } from "../ir/names.js";
import type { TypeRules } from "../release/types.js";
import type { Surface } from "../release/surface.js";
import type { OutputFile } from "../write/write.js";
import type { WatchMemo } from "./shared/render-memo.js";

/** What every target is configured with (`targets.<name>` in spec/specsmith.yaml, or the CLI's flags). */
export interface TargetOptions {
  packageName: string;
  sdkClass: string;
  version: string;
  /**
   * A header (e.g. Idempotency-Key) the SDK sends with a fresh key on every POST and PATCH, the same
   * key on each retry of one call, so a retried request cannot take effect twice (as Stainless does).
   */
  idempotencyHeader?: string;
  /**
   * Speakeasy's `maxMethodParams`: a method takes its parameters (the body counting as one) as
   * arguments while there are at most this many, else one request object; an operation's
   * `x-speakeasy-max-method-params` wins. 0: always the request object. Each target has its default
   * (Speakeasy's: TypeScript 0, Python 20).
   */
  maxMethodParams?: number;
  /**
   * Speakeasy's `baseErrorName`: the base class of every error carrying a response (ours is
   * `APIError`) also exported under this name, so `except models.ClerkBaseError` and
   * `instanceof ClerkBaseError` written for Speakeasy's SDK keep working.
   */
  baseErrorName?: string;
  /**
   * Speakeasy's `generation.fixes.nameResolutionFeb2025`: the Speakeasy names both SDKs also export
   * for inline schemas follow its 2025 rules (an array's items named in the singular, a union's
   * members by their const value: `Rule`, `ChatToolChoiceAuto`) instead of the earlier ones
   * (`Rules`, `One`, `Two`).
   */
  nameResolutionFeb2025?: boolean;
  /**
   * Speakeasy's `generation.fixes.sharedErrorComponentsApr2025`: an error class is its schema's name
   * with `Error` after it (`BadRequestResponse` → `BadRequestResponseError`, its payload type
   * `BadRequestResponseErrorData`), unless the name ends in `Error` already.
   */
  sharedErrorComponentsApr2025?: boolean;
  /** `tests: true`: a test per operation (and per declared error) under tests/, run against `specsmith mock`. */
  tests?: boolean;
  /**
   * TypeScript: where under src/ the components and operations models live, as Speakeasy's
   * `imports.paths` puts them (`shared: models` makes `pkg/models` the components' import path).
   */
  modelPaths?: ModelPaths;
  /**
   * What the generated tests start the mock server from: the spec and overlays, as paths relative
   * to the output folder (set by `generate` from where the spec is).
   */
  mockInputs?: MockInputs;
}

export interface ModelPaths {
  components?: string;
  operations?: string;
}

/** A setting only some targets have (`targets.<name>.<key>`): how the config checks its value. */
export interface TargetSetting {
  /** Why `value` cannot be this setting, or undefined when it can. */
  problem(value: unknown): string | undefined;
  /** A valid example, for the error's hint. */
  example: string;
}

export interface MockInputs {
  spec: string;
  overlays: string[];
}

/** The settings a target checks by its own language's rules (a version is semver first, for every target). */
export type NamedSetting = "packageName" | "sdkClass" | "version";

export interface ModelPlanBase {
  ir: Model;
  name: string;
  errorClass: string | null;
  /** Docs page under docs/. */
  doc: string;
}

export interface OperationPlanBase {
  ir: Operation;
  /** The method users call on the group's accessor. */
  method: string;
}

export interface GroupPlanBase<O extends OperationPlanBase = OperationPlanBase> {
  ir: Group;
  /** The attribute or getter on the SDK object, or on the enclosing group's object when nested. */
  accessor: string;
  /** The accessors from the SDK object, dotted: `actorTokens`, `beta.conversations` (what usage examples write). */
  access: string;
  className: string;
  title: string;
  /** Docs page under docs/. */
  doc: string;
  operations: O[];
}

/** What every plan holds, in the same words. */
export interface PlanBase {
  api: Api;
  sdkClass: string;
  packageName: string;
  version: string;
  modelList: ModelPlanBase[];
  groups: GroupPlanBase[];
  /** The variable usage examples hold the client in (`clerk`). */
  clientVar: string;
  /** The configured idempotency header (see TargetOptions), or null. */
  idempotencyHeader: string | null;
  /** With `tests: true`: what the generated tests start the mock server from; else null (no tests). */
  tests: MockInputs | null;
  /**
   * Names of the target's own that the lock records for the next generation to keep (Speakeasy's
   * aliases: `aliases <target>`, see aliasRecord), besides the IR's (Api.names).
   */
  names?: NameRecord;
}

/** How far a target's rendering is: `done` of the `total` units it counts (the terminal shows the share). */
export type Tally = (done: number, total: number) => void;

/** A target's output before formatting, and each operation's usage snippet (the code-samples overlay, the docs site). */
export interface Emitted {
  files: OutputFile[];
  samples: CodeSample[];
  /** Paths already formatted (the runtime, kept formatted in the repository): the formatter passes them by. */
  preformatted: ReadonlySet<string>;
  /** Paths the target's formatter treats with care (TypeScript: files with a union prettier moves whole). */
  formatHints: ReadonlySet<string>;
  /** With `tests: true`: each generated test (as `runTests` names it) and the operation it tests. */
  tests?: GeneratedTest[];
  /**
   * Formatting that began while the files were rendered (TypeScript hands each file to oxfmt's
   * threads as soon as it is printed; those files are in `preformatted`): `format` awaits it.
   */
  formatting?: Promise<void>;
}

export interface GeneratedTest {
  /** The test as the target's test runner reports it (`tests/users.test.ts > ListUsers`). */
  id: string;
  /** The operation's id as the spec spells it. */
  operation: string;
}

/** What running an SDK's generated tests found. */
export interface TestRun {
  total: number;
  /** The failed tests' ids (as GeneratedTest has them), each with the runner's first words on why. */
  failed: { id: string; message: string }[];
}

export interface Target<P extends PlanBase = PlanBase> {
  /** The key in the config's `targets:`, the value of `--target`, and the lock's target. */
  readonly name: string;
  /** Words the language reserves: no name the planner makes is one, nor any SDK class name. */
  readonly keywords: ReadonlySet<string>;
  /** How its surface's types relate (union syntax, containers, implicit widenings), for release classification. */
  readonly typeRules: TypeRules;
  /** Why `value` cannot be the setting `key` of this target, or undefined when it can. */
  settingProblem(key: NamedSetting, value: string): string | undefined;
  /** Settings of this target's own (a TargetOptions key each), checked by the config. */
  readonly settings?: Readonly<Partial<Record<keyof TargetOptions, TargetSetting>>>;
  /** A package name from a spec's file stem (`clerk-bapi`: `clerk-bapi` in npm, `clerk_bapi` in Python). */
  packageNameFrom(stem: string): string;
  /**
   * Names, files and imports of every emitted symbol, decided once. `own`: the files of the output
   * folder its users own (generated once, then theirs: hook registration), which the plan may read.
   */
  plan(api: Api, options: TargetOptions, own?: UsersFiles): P;
  /** The SDK's public surface, as the lock records it and `diff` compares it. */
  surface(plan: P): Surface;
  /**
   * Every output file and usage snippet; `version` is the one this generation releases. `memo`
   * (--watch): the files the last run derived (render-memo.ts), to take those whose inputs are the
   * same (derivation.ts) as they were, and formatted, to format again only what prints differently
   * (format-memo.ts). `tally`: told how far the rendering is, in units of the target's own (its
   * plan's models and operations), as it goes.
   */
  emit(plan: P, version: string, memo?: WatchMemo, tally?: Tally): Promise<Emitted>;
  /** Formats the emitted files in place, as the language's ecosystem formats them (`memo`: as emit's). */
  format(emitted: Emitted, memo?: WatchMemo): Promise<void>;
  /**
   * Runs the generated tests of the SDK written in `out` (`tests: true`) with the language's test
   * runner, against `specsmith mock` (the CLI script `specsmith`).
   */
  runTests?(out: string, specsmith: string): Promise<TestRun>;
}

/**
 * The output folder's files that its users own (Emitted files with `once`), as they are now; the
 * generation records their digests, so that editing one makes the next regeneration run.
 */
export interface UsersFiles {
  /** The text of the file at `path` (relative to the output folder); undefined when there is none. */
  read(path: string): string | undefined;
}

/** A target whose plan type is not known to the caller (the registry's view). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTarget = Target<any>;
