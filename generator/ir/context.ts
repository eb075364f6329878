/** The state of one IR build, passed explicitly to every builder (never module globals). */
import type { Diagnostic } from "../diagnostics.js";
import type { Loc, Resolver } from "../load/document.js";
import type { NameBook } from "./names.js";
import type { SchemaConverter } from "./schema.js";
import type { GlobalParameter } from "./types.js";

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
/** A non-blank string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export interface BuildContext {
  resolver: Resolver;
  /** The document's root object. */
  doc: Obj;
  /** Schemas → models, with the names claimed so far. */
  schemas: SchemaConverter;
  /** The names kept from the last generation, and those this build gives (models, operations, methods). */
  book: NameBook;
  /** Findings that do not stop generation. */
  warnings: Diagnostic[];
  /** The client options that fill parameters (x-speakeasy-globals), known before operations are built. */
  globals: GlobalParameter[];
}

/** A location in the root document. */
export const rootLoc = (ctx: BuildContext, ...path: (string | number)[]): Loc => ({ file: ctx.resolver.root, path });

/** A location's JSON pointer as IR nodes record it (`#/paths/~1users/get`). */
export function pointer(loc: Loc): string {
  return "#" + loc.path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
