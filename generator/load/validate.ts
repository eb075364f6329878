/**
 * Structural checks that generation depends on. Each finding is a diagnostic with position and hint;
 * all are collected so users fix them in one pass.
 */
import { SpecError, type Diagnostic } from "../diagnostics.js";
import { isRef, nearest, type Loc, type Resolver } from "./document.js";
import type { SourceFile } from "./source.js";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const PARAM_LOCATIONS = ["path", "query", "header", "cookie"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export function validate(resolver: Resolver): { version: "3.0" | "3.1"; warnings: Diagnostic[] } {
  const root = resolver.root;
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const at = (path: (string | number)[]): Loc => ({ file: root, path });
  const err = (path: (string | number)[], message: string, hint: string, key = false) => errors.push(resolver.diagnostic(at(path), message, hint, { key }));

  const doc = root.data;
  if (!isObj(doc)) {
    throw new SpecError([resolver.diagnostic(at([]), "the document is not an object", "an OpenAPI document starts with `openapi: 3.1.0`, `info:` and `paths:`")]);
  }
  let version: "3.0" | "3.1" = "3.0";
  if (doc.swagger !== undefined) {
    err(["swagger"], `Swagger ${String(doc.swagger)} documents are not supported`, "convert it to OpenAPI 3 first (e.g. with swagger2openapi), then generate from the result", true);
  } else if (doc.openapi === undefined) {
    err([], "missing required field `openapi`", "add `openapi: 3.1.0` (or the 3.0.x version the document follows) at the top");
  } else {
    const m = /^3\.([01])\.\d+(-.+)?$/.exec(String(doc.openapi));
    if (!m) {
      err(["openapi"], `unknown OpenAPI version "${String(doc.openapi)}"`, "specsmith reads OpenAPI 3.0.x and 3.1.x; set `openapi` to the version the document follows, e.g. 3.1.0");
    } else version = m[1] === "1" ? "3.1" : "3.0";
  }
  if (!isObj(doc.info)) {
    err([], "missing required field `info`", "add `info:` with `title:` and `version:`");
  } else {
    for (const f of ["title", "version"]) {
      if (typeof doc.info[f] !== "string" && typeof doc.info[f] !== "number") {
        err(["info"], `missing required field \`info.${f}\``, `add \`${f}:\` under \`info:\``);
      }
    }
  }
  if (doc.paths === undefined) {
    if (version === "3.0" || (doc.webhooks === undefined && doc.components === undefined)) {
      err([], "missing required field `paths`", "add `paths: {}` (or the API's paths)");
    }
  } else if (!isObj(doc.paths)) {
    err(["paths"], "`paths` must be a map of path templates to path items", "write `paths:` followed by entries like `/pets:`");
  } else {
    const operationIds = new Map<string, string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      // Paths may carry extensions (Apicurio's `x-codegen-contextRoot`): not paths.
      if (path.startsWith("x-")) continue;
      if (!path.startsWith("/")) err(["paths", path], `path "${path}" does not start with "/"`, `write it as "/${path}"`, true);
      if (!isObj(item)) continue;
      const itemParams = Array.isArray(item.parameters) ? item.parameters : [];
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (op === undefined) continue;
        const opPath = ["paths", path, method];
        if (!isObj(op)) {
          err(opPath, `operation ${method.toUpperCase()} ${path} must be an object`, "describe the operation with `responses:` and, optionally, `operationId:`, `parameters:`, `requestBody:`");
          continue;
        }
        if (typeof op.operationId === "string") {
          const first = operationIds.get(op.operationId);
          if (first) {
            warnings.push(
              resolver.diagnostic(
                at([...opPath, "operationId"]),
                `operationId "${op.operationId}" is also used by ${first}`,
                "operationIds must be unique; rename one (until then specsmith numbers the second one's names)",
                { severity: "warning" },
              ),
            );
          } else operationIds.set(op.operationId, `${method.toUpperCase()} ${path}`);
        }
        if (op.responses === undefined) {
          if (version === "3.0")
            err(opPath, `operation ${method.toUpperCase()} ${path} has no \`responses\``, "add `responses:` with at least one status code, e.g. `'200': { description: OK }`", true);
        } else if (!isObj(op.responses)) {
          err([...opPath, "responses"], "`responses` must be a map of status codes to responses", "write entries like `'200':` under `responses:`");
        }
        const declared = new Set<string>();
        const params = [
          ...itemParams.map((p, i) => [p, ["paths", path, "parameters", i]] as const),
          ...(Array.isArray(op.parameters) ? op.parameters : []).map((p, i) => [p, [...opPath, "parameters", i]] as const),
        ];
        for (const [raw, ppath] of params) {
          let p: unknown;
          try {
            p = resolver.deref(raw, at([...ppath])).value;
          } catch {
            continue; // reported by the $ref walk below
          }
          if (!isObj(p)) continue;
          if (typeof p.name !== "string") err([...ppath], "parameter without `name`", "add `name:` with the parameter's wire name");
          if (!PARAM_LOCATIONS.includes(String(p.in))) {
            const near = typeof p.in === "string" ? nearest(p.in, PARAM_LOCATIONS) : undefined;
            err(
              [...ppath],
              `parameter ${String(p.name)} has ${p.in === undefined ? "no `in`" : `unknown \`in: ${String(p.in)}\``}`,
              near ? `did you mean \`in: ${near}\`?` : "set `in:` to path, query, header or cookie",
            );
          }
          if (p.in === "path") {
            declared.add(String(p.name));
            if (p.required !== true) err([...ppath], `path parameter ${String(p.name)} must be \`required: true\``, "add `required: true`; path parameters are always required");
          }
        }
        // A query string in a path key is invalid but common: its fixed pairs are sent as they are.
        if (path.includes("?")) {
          warnings.push(
            resolver.diagnostic(at(opPath), `path "${path}" holds a query string`, "declare query parameters with `in: query`; the fixed pairs are sent as written", {
              key: true,
              severity: "warning",
            }),
          );
        }
        for (const m of path.split("?")[0].matchAll(/\{([^}]+)\}/g)) {
          if (!declared.has(m[1])) {
            err(
              opPath,
              `path "${path}" uses {${m[1]}} but ${method.toUpperCase()} declares no path parameter named ${m[1]}`,
              `add a parameter with \`name: ${m[1]}\`, \`in: path\`, \`required: true\``,
              true,
            );
          }
        }
      }
    }
  }
  // Every $ref, in every file reached, must resolve.
  const walked = new Set<SourceFile>();
  const walkFile = (file: SourceFile) => {
    if (walked.has(file)) return;
    walked.add(file);
    walkRefs(
      file.data,
      (ref, path) => {
        try {
          const target = resolver.target(ref, { file, path: [...path, "$ref"] });
          walkFile(target.loc.file);
        } catch (e) {
          if (e instanceof SpecError) errors.push(...e.diagnostics);
          else throw e;
        }
      },
      (path) => {
        const d = resolver.diagnostic(
          { file, path },
          `the document nests deeper than ${MAX_DEPTH} levels here`,
          "flatten the schema with named components ($ref); specsmith refuses deeper nesting so generation cannot exhaust the stack",
        );
        throw new SpecError([...errors, d]);
      },
      (ref, path) => {
        try {
          resolver.target(ref, { file, path: [...path, "$ref"] });
          return true;
        } catch (e) {
          if (e instanceof SpecError) return false;
          throw e;
        }
      },
    );
  };
  walkFile(root);
  if (errors.length > 0) throw new SpecError(errors);
  return { version, warnings };
}

/** How deep a document may nest: ten times the deepest real-world spec seen (Stripe's, 25). */
export const MAX_DEPTH = 256;

/** Keys whose values are payloads, not schema: a "$ref" key inside one is data (but nesting still counts). */
const PAYLOAD_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

/**
 * Visits every `$ref` in `root` (skipping example payloads), without recursion, and refuses a
 * document nested deeper than MAX_DEPTH, so no later (recursive) stage can overflow the stack.
 * A subtree whose refs are known (subtreeRefs) has each visited once, when every one `resolves`;
 * else it is walked in full, and each place of a ref that does not is visited (and reported).
 */
function walkRefs(
  root: unknown,
  visit: (ref: string, path: (string | number)[]) => void,
  tooDeep: (path: (string | number)[]) => void,
  resolves: (ref: string, path: (string | number)[]) => boolean,
): void {
  // Recursive with one shared path: the depth check comes before each step down, so the recursion
  // never goes deeper than MAX_DEPTH frames.
  const path: (string | number)[] = [];
  let stopped = false;
  const walk = (node: unknown, known = true): void => {
    if (stopped || node === null || typeof node !== "object") return;
    if (path.length > MAX_DEPTH) {
      stopped = true;
      return tooDeep([...path]);
    }
    if (isRef(node)) return visit(node.$ref, [...path]);
    if (known && path.length >= 1 && path.length <= MEMO_LEVELS && Object.isFrozen(node)) {
      const sub = subtreeRefs(node, path.length);
      if (path.length + sub.depth <= MAX_DEPTH && sub.refs.every(([ref, at]) => resolves(ref, [...path, ...at]))) {
        for (const [ref, at] of sub.refs) visit(ref, [...path, ...at]);
        return;
      }
      return walk(node, false);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && !stopped; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      if (stopped) return;
      const child = (node as Obj)[key];
      path.push(key);
      if (PAYLOAD_KEYS.has(key)) {
        if (depthOf(child, MAX_DEPTH - path.length + 1) > MAX_DEPTH - path.length + 1) {
          stopped = true;
          tooDeep([...path]);
        }
      } else walk(child);
      path.pop();
    }
  };
  walk(root);
}

/** How far down the document (path length) subtrees have their refs remembered: path items, components, one component. */
const MEMO_LEVELS = 3;

/**
 * What a frozen subtree holds for the walk: each $ref (by its text) with where it first appears in
 * the subtree, and the path length of its deepest object (MAX_DEPTH + 1 at most). Frozen subtrees
 * are those json-delta.ts shares between --watch saves, which cannot change: remembered by the
 * subtree itself (weakly), so that a save walks only the subtrees it made anew.
 */
interface SubtreeRefs {
  refs: [ref: string, path: (string | number)[]][];
  depth: number;
}

const walked = new WeakMap<object, SubtreeRefs>();

/** The subtree `node` at path length `level` (not a $ref): its SubtreeRefs, from those of its children where they are known. */
function subtreeRefs(node: object, level: number): SubtreeRefs {
  const known = walked.get(node);
  if (known) return known;
  const refs = new Map<string, (string | number)[]>();
  let depth = 0;
  const path: (string | number)[] = [];
  const down = (child: unknown): void => {
    if (depth > MAX_DEPTH || child === null || typeof child !== "object") return;
    depth = Math.max(depth, path.length);
    if (isRef(child)) {
      if (!refs.has(child.$ref)) refs.set(child.$ref, [...path]);
      return;
    }
    if (path.length >= 1 && level + path.length <= MEMO_LEVELS && Object.isFrozen(child)) {
      const sub = subtreeRefs(child, level + path.length);
      depth = Math.max(depth, path.length + sub.depth);
      for (const [ref, at] of sub.refs) if (!refs.has(ref)) refs.set(ref, [...path, ...at]);
      return;
    }
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        path.push(i);
        down(child[i]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(child)) {
      const value = (child as Obj)[key];
      path.push(key);
      if (PAYLOAD_KEYS.has(key)) depth = Math.max(depth, path.length + depthOf(value, MAX_DEPTH + 1) - 1);
      else down(value);
      path.pop();
    }
  };
  down(node);
  const found: SubtreeRefs = { refs: [...refs], depth: Math.min(depth, MAX_DEPTH + 1) };
  walked.set(node, found);
  return found;
}

/** The nesting depth of a value, counting no further than `limit + 1`. */
function depthOf(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > limit) return max;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}
