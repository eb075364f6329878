/**
 * The Python planner: module and class names, snake_case attributes safe from keywords, and the
 * annotation and codec trees the templates print.
 */
import type { Api, Field, Model, Operation, TypeRef } from "../../ir/types.js";
import { NameScope, constantCase, pascalCase, snakeCase } from "../../ir/names.js";
import { fileStem } from "../shared/files.js";

export const PY_KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
  "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with", "yield", "match", "case",
]);
/** Names the generated modules use themselves, or that would shadow what they import. */
const RESERVED_CLASSES = ["True", "False", "None", "Any", "Dict", "List", "Optional", "Union", "Enum", "Field", "Model", "Codec", "APIError", "SDKError", "HTTPClientError", "ConnectionError", "RequestTimeoutError", "RetryConfig", "BackoffStrategy", "Exception", "Client", "Request", "Response"];
/** Attributes every model has: a field of the same name gets a trailing underscore. */
const MODEL_MEMBERS = new Set(["self", "additional_properties", "to_wire", "from_wire", "coerce", "_fields", "_extra", "_build"]);

/** An annotation, printed by partials/pytype.inline.hbs. */
export interface PyType {
  kind: "name" | "list" | "dict" | "union";
  name: string | null;
  items: PyType | null;
  values: PyType | null;
  variants: PyType[] | null;
  nullable: boolean;
}

/** A wire codec, printed by partials/codec.inline.hbs. */
export interface PyCodec {
  kind: "any" | "model" | "enum" | "list" | "dict" | "union";
  /** Lazy reference to the class, e.g. `_actortoken.ActorToken`. */
  ref: string | null;
  inner: PyCodec | null;
  /** Union members that need converting: required wire keys, discriminator, codec. */
  variants: { keys: string[]; tagProp: string | null; tags: string[]; codec: PyCodec }[] | null;
  nullable: boolean;
}

export interface PyModelPlan {
  ir: Model;
  /** Class name (for error models: the data class; `errorClass` is the exception). */
  name: string;
  errorClass: string | null;
  /** Module name under models/, e.g. "actortoken". */
  module: string;
  /** Docs page under docs/, e.g. "models/actortoken.md". */
  doc: string;
  fieldNames: Map<Field, string>;
}

export interface PyPlan {
  api: Api;
  packageName: string;
  sdkClass: string;
  version: string;
  models: Map<string, PyModelPlan>;
  modelList: PyModelPlan[];
  groups: { name: string; attr: string; className: string; module: string; doc: string; title: string; operations: Operation[] }[];
  methodNames: Map<Operation, string>;
  paramNames: Map<Operation, Map<string, string>>;
  /** The SDK constructor's argument for each security scheme (by scheme name). */
  securityArgs: Map<string, string>;
}

export function pyIdent(name: string): string {
  const s = snakeCase(name) || "value";
  return PY_KEYWORDS.has(s) ? `${s}_` : s;
}

export function planPython(api: Api, opts: { packageName: string; sdkClass: string; version: string }): PyPlan {
  const classes = new NameScope([...RESERVED_CLASSES, opts.sdkClass]);
  const modules = new NameScope(["_base", "_errors"]);
  const models = new Map<string, PyModelPlan>();
  const groupClasses = new Map(api.groups.map((g) => [g.name, classes.claim(pascalCase(g.title) || "Resource")]));
  for (const m of api.models) {
    const base = classes.has(m.name) ? classes.claim(m.name + "Model") : classes.claim(m.name);
    const isError = m.place === "errors" && m.kind === "object";
    const lower = base.toLowerCase();
    const module = modules.claim(fileStem(PY_KEYWORDS.has(lower) ? `${lower}_` : lower));
    const fieldNames = new Map<Field, string>();
    if (m.kind === "object") {
      const scope = new NameScope([...MODEL_MEMBERS]);
      for (const f of m.fields) fieldNames.set(f, scope.claim(f.wireName === "" ? "request_body" : pyIdent(f.wireName)));
    }
    models.set(m.name, { ir: m, name: isError ? classes.claim(base + "Data") : base, errorClass: isError ? base : null, module, doc: `models/${module}.md`, fieldNames });
  }
  const methodNames = new Map<Operation, string>();
  const paramNames = new Map<Operation, Map<string, string>>();
  const groupModules = new NameScope(["sdk", "config", "models", "utils", "__init__", ...PY_KEYWORDS]);
  const groupDocs = new NameScope();
  // Attributes of the SDK object: clear of its own members.
  const groupAttrs = new NameScope(["close", "_client"]);
  const groups = api.groups.map((g) => {
    // A method named `models` would shadow the module that the signatures after it name.
    const methods = new NameScope(["close", "models"]);
    const ops = g.operations.map((id) => api.operations.find((o) => o.operationId === id)!);
    for (const op of ops) {
      methodNames.set(op, methods.claim(pyIdent(op.method)));
      const scope = new NameScope(["self", "retries", "server_url", "timeout_ms", "request"]);
      const names = new Map<string, string>();
      for (const p of op.params) names.set(`${p.in}:${p.wireName}`, scope.claim(pyIdent(p.wireName)));
      if (op.body) names.set("body", op.request?.wrapsBody ? "request" : scope.claim("request_body"));
      paramNames.set(op, names);
    }
    const attr = groupAttrs.claim(pyIdent(g.name));
    const compact = attr.replace(/_/g, "");
    const module = groupModules.claim(fileStem(/^[a-z]\w*$/.test(compact) ? compact : `resource_${compact || "default"}`));
    return { name: g.name, attr, className: groupClasses.get(g.name)!, module, doc: `sdks/${groupDocs.claim(fileStem(g.name.toLowerCase()))}/README.md`, title: g.title, operations: ops };
  });
  return {
    api,
    packageName: opts.packageName,
    sdkClass: opts.sdkClass,
    version: opts.version,
    models,
    modelList: [...models.values()],
    groups,
    methodNames,
    paramNames,
    securityArgs: securityArgs(api),
  };
}

/** Constructor arguments for credentials: clear of the constructor's own arguments and of each other. */
function securityArgs(api: Api): Map<string, string> {
  const scope = new NameScope(["self", "server_url", "server_idx", "server_variables", "retry_config", "timeout_ms", "options", "default_server", "os"]);
  return new Map(api.securitySchemes.map((s) => [s.name, scope.claim(pyIdent(s.option))]));
}

const emptyType = (): PyType => ({ kind: "name", name: null, items: null, values: null, variants: null, nullable: false });
const named = (name: string, nullable = false): PyType => ({ ...emptyType(), name, nullable });

/** Annotation of `t`. `qualify` turns a model plan into the name to print (and records its import). */
export function pyType(p: PyPlan, t: TypeRef, qualify: (m: PyModelPlan) => string): PyType {
  const nullable = "nullable" in t && t.nullable === true;
  switch (t.kind) {
    case "primitive":
      if (t.type === "string" && t.format === "binary") return named("bytes", nullable);
      return named({ string: "str", integer: "int", number: "float", boolean: "bool", unknown: "Any" }[t.type], nullable);
    case "literal":
      return named(typeof t.value === "string" ? "str" : typeof t.value === "boolean" ? "bool" : typeof t.value === "number" && Number.isInteger(t.value) ? "int" : "float", nullable);
    case "null":
      return named("None");
    case "ref": {
      const m = p.models.get(t.model)!;
      if (m.ir.kind === "alias") return { ...pyType(p, m.ir.type, qualify), nullable: nullable || ("nullable" in m.ir.type && !!m.ir.type.nullable) };
      return named(qualify(m), nullable);
    }
    case "array":
      return { ...emptyType(), kind: "list", items: pyType(p, t.items, qualify), nullable };
    case "map":
      return { ...emptyType(), kind: "dict", values: pyType(p, t.values, qualify), nullable };
    case "union":
      return { ...emptyType(), kind: "union", variants: t.variants.map((v) => pyType(p, v, qualify)), nullable };
  }
}

/** The codec converting values of `t`; `ref` gives the lazy reference to a model's class. */
export function pyCodec(p: PyPlan, t: TypeRef, ref: (m: PyModelPlan) => string, depth = 0): PyCodec {
  const nullable = "nullable" in t && t.nullable === true;
  const any: PyCodec = { kind: "any", ref: null, inner: null, variants: null, nullable: false };
  if (depth > 16) return any;
  switch (t.kind) {
    case "ref": {
      const m = p.models.get(t.model)!;
      if (m.ir.kind === "alias") {
        const inner = pyCodec(p, m.ir.type, ref, depth + 1);
        return { ...inner, nullable: nullable || inner.nullable };
      }
      return { kind: m.ir.kind === "enum" ? "enum" : "model", ref: ref(m), inner: null, variants: null, nullable };
    }
    case "array": {
      const inner = pyCodec(p, t.items, ref, depth + 1);
      return inner.kind === "any" && !inner.nullable ? { ...any, nullable } : { kind: "list", ref: null, inner, variants: null, nullable };
    }
    case "map": {
      const inner = pyCodec(p, t.values, ref, depth + 1);
      return inner.kind === "any" && !inner.nullable ? { ...any, nullable } : { kind: "dict", ref: null, inner, variants: null, nullable };
    }
    case "union": {
      const arrays = t.variants.filter((v): v is Extract<TypeRef, { kind: "array" }> => v.kind === "array");
      const arrayCodec = arrays.length ? pyCodec(p, { kind: "array", items: arrays.length === 1 ? arrays[0].items : { kind: "union", variants: arrays.map((a) => a.items) } }, ref, depth + 1) : any;
      const variants = t.variants.flatMap((v) => {
        if (v.kind !== "ref") return [];
        const m = p.models.get(v.model)!;
        if (m.ir.kind !== "object") return [];
        const d = t.discriminator;
        const tags = d ? d.mapping.filter((x) => x.model === m.ir.name).map((x) => x.value) : [];
        return [{ keys: m.ir.fields.filter((f) => f.required).map((f) => f.wireName), tagProp: d && tags.length ? d.property : null, tags, codec: pyCodec(p, v, ref, depth + 1) }];
      });
      if (variants.length === 0 && arrayCodec.kind === "any") return { ...any, nullable };
      return { kind: "union", ref: null, inner: arrayCodec.kind === "any" ? null : arrayCodec, variants, nullable };
    }
    default:
      return any;
  }
}

/** Enum member names: PENDING, VALUE_1. */
export function pyEnumMember(name: string): string {
  const c = constantCase(name) || "EMPTY";
  return PY_KEYWORDS.has(c) ? `${c}_` : c;
}
