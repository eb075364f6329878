/**
 * The Python planner: module and class names, snake_case attributes safe from keywords, builtins and
 * pydantic's own members, and each method's arguments as Speakeasy's Python SDKs take them
 * (`flattenRequests`, `maxMethodParams`, `methodArguments: infer-optional-args`).
 */
import type { Api, Field, Group, Model, Operation, Parameter, TypeRef } from "../../ir/types.js";
import { NameScope, SYMBOL_WORDS, collisionNames, constantCase, pascalCase, snakeCase } from "../../ir/names.js";
import { fileStem } from "../shared/files.js";
import { byDepth, groupClassNames, lastLevel } from "../shared/groups.js";
import type { PlanBase, TargetOptions } from "../target.js";
import { aliasRecord, inlineAliases } from "../shared/aliases.js";
import { baseErrorAlias, errorClassStem } from "../shared/base-error.js";
import { RESERVED_CLASSES } from "./runtime.js";
import { sentDefault } from "./types.js";

export const PY_KEYWORDS = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
  "match",
  "case",
]);
/** Builtins a field or argument would shadow get a trailing underscore (`type_`, `format_`), as in
 * Speakeasy's SDKs; `id` and `object` are allowed as they are (its `allowedRedefinedBuiltins`). */
const PY_BUILTINS = new Set([
  "abs",
  "all",
  "any",
  "ascii",
  "bin",
  "bool",
  "breakpoint",
  "bytearray",
  "bytes",
  "callable",
  "chr",
  "classmethod",
  "compile",
  "complex",
  "delattr",
  "dict",
  "dir",
  "divmod",
  "enumerate",
  "eval",
  "exec",
  "filter",
  "float",
  "format",
  "frozenset",
  "getattr",
  "globals",
  "hasattr",
  "hash",
  "help",
  "hex",
  "input",
  "int",
  "isinstance",
  "issubclass",
  "iter",
  "len",
  "list",
  "locals",
  "map",
  "max",
  "memoryview",
  "min",
  "next",
  "oct",
  "open",
  "ord",
  "pow",
  "print",
  "property",
  "range",
  "repr",
  "reversed",
  "round",
  "set",
  "setattr",
  "slice",
  "sorted",
  "staticmethod",
  "str",
  "sum",
  "super",
  "tuple",
  "type",
  "vars",
  "zip",
]);
/** Members of pydantic's BaseModel and ours: a field of the same name gets a trailing underscore. */
const MODEL_MEMBERS = new Set([
  "self",
  "additional_properties",
  "construct",
  "copy",
  "dict",
  "json",
  "schema",
  "schema_json",
  "validate",
  "parse_obj",
  "parse_raw",
  "parse_file",
  "from_orm",
  "update_forward_refs",
  "fields",
]);
/** Speakeasy's `maxMethodParams`: beyond it, a method takes one `request` argument (an operation's `x-speakeasy-max-method-params` overrides it). */
export const MAX_METHOD_PARAMS = 20;

export interface PyModelPlan {
  ir: Model;
  /** Class name (for error models: the data class; `errorClass` is the exception). */
  name: string;
  /** The TypedDict form of an object model users may pass instead (`CreateActorTokenActorTypedDict`). */
  typedDict: string | null;
  errorClass: string | null;
  /** Module name under models/, e.g. "actortoken". */
  module: string;
  /** Docs page under docs/, e.g. "models/actortoken.md". */
  doc: string;
  fieldNames: Map<Field, string>;
  /** Enum members' names, in the order of the IR's members: `PENDING`, `WILDCARD_` for "*". */
  memberNames: string[];
}

/** One keyword argument of a method. */
export interface PyArgPlan {
  name: string;
  /** A parameter, a field of the flattened body, the whole body, or the operation's request model. */
  source: "param" | "field" | "body" | "request";
  param: Parameter | null;
  field: Field | null;
  type: TypeRef;
  required: boolean;
  /** The Python literal of the default the argument sends when left out (a required field with a default). */
  default?: string;
  description?: string;
  example?: unknown;
}

export interface PyMethodPlan {
  ir: Operation;
  /** The method name (its `_async` twin adds the suffix). */
  method: string;
  args: PyArgPlan[];
  /** "flat": parameters (and body fields) are arguments; "request": one argument carries them all. */
  shape: "flat" | "request";
  /** The body's object model when its fields are arguments (built from them before sending). */
  flatBody: PyModelPlan | null;
}

export interface PyGroupPlan {
  ir: Group;
  /** Attribute on the SDK object, or on the enclosing group's object. */
  accessor: string;
  /** The attributes from the SDK object, dotted (`beta.conversations`). */
  access: string;
  className: string;
  /** Module under the package, e.g. "actortokens". */
  module: string;
  doc: string;
  title: string;
  description: string | null;
  operations: PyMethodPlan[];
}

export interface PyPlan extends PlanBase {
  models: Map<string, PyModelPlan>;
  modelList: PyModelPlan[];
  groups: PyGroupPlan[];
  /** The SDK constructor's argument for each security scheme (by scheme name). */
  securityArgs: Map<string, string>;
  /** Speakeasy-compatible names of inline enums and objects, exported beside ours (see aliases.ts). */
  aliases: { name: string; module: string; attr: string }[];
  /** Speakeasy's `baseErrorName`: APIError also exported under it from the models package. */
  baseError: string | null;
  /**
   * What the release surface keys methods by (`clerk.users.list`): the client variable's first
   * rule, kept even where the examples' variable had to differ, so that no lock sees a rename.
   */
  surfaceVar: string;
}

/** A keyword-safe snake_case identifier. */
export function pyIdent(name: string): string {
  const s = snakeCase(name) || "value";
  return PY_KEYWORDS.has(s) ? `${s}_` : s;
}

/** Lower-case names the model modules' annotations use: a field of that name would shadow them in
 * its class (`date: Optional[date]`). */
const ANNOTATION_NAMES = new Set(["date", "datetime", "pydantic", "open_enum", "discriminate"]);

/** A field or argument name: also clear of builtins and annotation names, and never private to pydantic (a leading `_`). */
export function pyAttr(name: string): string {
  let s = pyIdent(name);
  if (s.startsWith("_")) s = `field${s}`;
  return PY_BUILTINS.has(s) || ANNOTATION_NAMES.has(s) || s.startsWith("model_") ? `${s}_` : s;
}

export function planPython(api: Api, opts: TargetOptions): PyPlan {
  const classes = new NameScope([...RESERVED_CLASSES, opts.sdkClass]);
  // `file`: the docs page of the runtime's File model (docs/models/file.md).
  const modules = new NameScope(["_base", "_errors", "file"]);
  const models = new Map<string, PyModelPlan>();
  // Error models name their classes last: a schema of the spec keeps its own name when an error's
  // payload type would take it. The map keeps the API's order.
  const isError = (m: Model) => m.place === "errors" && m.kind === "object";
  const planned = new Map<string, PyModelPlan>();
  for (const m of [...api.models.filter((x) => !isError(x)), ...api.models.filter(isError)]) planned.set(m.name, planModel(m, classes, modules, opts.sharedErrorComponentsApr2025));
  for (const m of api.models) models.set(m.name, planned.get(m.name)!);
  // Models keep their names; a resource class that would clash with one takes an `SDK` suffix
  // (`DomainsSDK`), as in Speakeasy's SDKs, and so does its docs folder.
  const groupClasses = groupClassNames(
    api.groups,
    (name) => !classes.has(name),
    (name) => claimGroupClass(classes, name),
  );
  const groups = planGroups(api, groupClasses, models, opts.maxMethodParams ?? MAX_METHOD_PARAMS);
  const speakeasyAliases = inlineAliases(api, (name) => classes.has(name) || classes.has(`${name}TypedDict`) || !/^[A-Z]\w*$/.test(name), {
    feb2025: opts.nameResolutionFeb2025,
    held: api.held?.[ALIAS_SCOPE],
  });
  const aliases = speakeasyAliases.flatMap(({ name, model }) => {
    const m = models.get(model)!;
    const forms = [{ name: classes.claim(name), module: m.module, attr: m.name }];
    if (m.typedDict) forms.push({ name: classes.claim(`${name}TypedDict`), module: m.module, attr: m.typedDict });
    return forms;
  });
  const baseError = baseErrorAlias("python", opts.baseErrorName, (name) => classes.has(name));
  if (baseError) aliases.push({ name: classes.claim(baseError), module: "_errors", attr: "APIError" });
  // The usage examples' client variable: never the package's own name (`pets.CreatePetKind` in the
  // same example would read the client's attribute), nor a name they import.
  const taken = new Set([opts.packageName.split(".")[0], opts.sdkClass, "parse_datetime"]);
  const surfaceVar = opts.sdkClass.toLowerCase() === opts.sdkClass ? "sdk" : pyIdent(opts.sdkClass);
  const clientVar = [surfaceVar, "sdk", "sdk_client"].find((v) => !taken.has(v))!;
  return {
    api,
    packageName: opts.packageName,
    sdkClass: opts.sdkClass,
    version: opts.version,
    idempotencyHeader: opts.idempotencyHeader ?? null,
    tests: opts.tests ? (opts.mockInputs ?? { spec: "openapi.yaml", overlays: [] }) : null,
    clientVar,
    surfaceVar,
    models,
    modelList: [...models.values()],
    groups,
    securityArgs: securityArgs(api),
    aliases,
    baseError,
    names: { [ALIAS_SCOPE]: aliasRecord(api, speakeasyAliases) },
  };
}

/** The scope of the lock's names that holds this target's Speakeasy aliases (see PlanBase.names). */
const ALIAS_SCOPE = "aliases python";

/**
 * A module per group (sync and async methods) and its docs page; an attribute on the SDK object for a
 * top-level group, on the enclosing group's object for a nested one (clear of that class's methods).
 * Top-level groups claim their names first.
 */
function planGroups(api: Api, classes: Map<string, string>, models: Map<string, PyModelPlan>, maxParams: number): PyGroupPlan[] {
  const groupModules = new NameScope(["sdk", "config", "models", "utils", "__init__", ...PY_KEYWORDS]);
  const groupDocs = new NameScope();
  // Attributes of the SDK object: clear of its own members.
  const groupAttrs = new NameScope(["close", "aclose", "_client", "sdk_configuration"]);
  const byId = new Map(api.operations.map((o) => [o.operationId, o]));
  const memberScopes = new Map<string, NameScope>();
  const methodsOf = new Map(
    api.groups.map((g) => {
      // A method named `models` would shadow the module that the signatures after it name (in the
      // class's scope, as type checkers read them); so would `date`, `datetime` and `open_enum`.
      const scope = new NameScope(["close", "models", "utils", "date", "datetime", "open_enum", "discriminate", "_client"]);
      memberScopes.set(g.name, scope);
      return [g.name, g.operations.map((id) => byId.get(id)!).map((op) => planMethod(op, claimMethod(scope, pyIdent(op.method)), models, maxParams))];
    }),
  );
  const planned = new Map<string, PyGroupPlan>();
  for (const g of byDepth(api.groups)) {
    const parent = g.parent ? planned.get(g.parent) : undefined;
    const attr = (parent ? memberScopes.get(parent.ir.name)! : groupAttrs).claim(pyIdent(lastLevel(g)));
    const className = classes.get(g.name)!;
    // A nested group's module follows its class (`Conversations`, or `BetaAgents` beside a top-level `Agents`).
    const compact = g.path.length > 1 ? className.toLowerCase() : attr.replace(/_/g, "");
    const module = groupModules.claim(fileStem(/^[a-z]\w*$/.test(compact) ? compact : `resource_${compact || "default"}`));
    planned.set(g.name, {
      ir: g,
      accessor: attr,
      access: parent ? `${parent.access}.${attr}` : attr,
      className,
      module,
      doc: `sdks/${groupDocs.claim(fileStem(className.toLowerCase()))}/README.md`,
      title: g.title,
      description: g.description ?? null,
      operations: methodsOf.get(g.name)!,
    });
  }
  return api.groups.map((g) => planned.get(g.name)!);
}

function planModel(m: Model, classes: NameScope, modules: NameScope, sharedErrorComponentsApr2025?: boolean): PyModelPlan {
  const isError = m.place === "errors" && m.kind === "object";
  const stem = isError ? errorClassStem(m.name, sharedErrorComponentsApr2025) : m.name;
  const base = classes.has(stem) ? classes.claim(stem + "Model") : classes.claim(stem);
  const lower = base.toLowerCase();
  const module = modules.claim(fileStem(PY_KEYWORDS.has(lower) ? `${lower}_` : lower));
  const fieldNames = new Map<Field, string>();
  if (m.kind === "object") {
    const scope = new NameScope([...MODEL_MEMBERS]);
    for (const f of m.fields) fieldNames.set(f, scope.claim(f.wireName === "" ? "request_body" : pyAttr((f as Parameter).nameOverride ?? f.wireName)));
  }
  const scope = new NameScope();
  const memberNames = m.kind === "enum" ? m.members.map((x) => scope.claim(pyEnumMember(x.name, x.value, x.custom))) : [];
  const name = isError ? classes.claim(base + "Data") : base;
  const typedDict = m.kind === "object" ? classes.claim(name + "TypedDict") : null;
  return { ir: m, name, typedDict, errorClass: isError ? base : null, module, doc: `models/${module}.md`, fieldNames, memberNames };
}

/**
 * A method's arguments. Up to MAX_METHOD_PARAMS parameters (the body counting as one), each is an
 * argument, and an object body's fields are arguments too (required ones first, parameters first).
 * Beyond that, one `request` argument (the operation's request model). An operation whose only input
 * is an optional body takes that body as `request`, so that sending no body stays possible.
 */
function planMethod(op: Operation, name: string, models: Map<string, PyModelPlan>, maxParams: number): PyMethodPlan {
  // Also clear of the module names a method body reads (`models.ChatRequest`, `httpx.Response`).
  const scope = new NameScope(["self", "retries", "server_url", "timeout_ms", "http_headers", "models", "httpx"]);
  const count = op.params.length + (op.body ? 1 : 0);
  if (count > (op.maxMethodParams ?? maxParams) && op.request && !op.request.wrapsBody) {
    const arg: PyArgPlan = { name: "request", source: "request", param: null, field: null, type: op.request.type, required: op.request.required };
    return { ir: op, method: name, args: [arg], shape: "request", flatBody: null };
  }
  const byRequired = <T extends { required: boolean }>(xs: T[]) => [...xs.filter((x) => x.required), ...xs.filter((x) => !x.required)];
  const names = collisionNames(
    op.params.map((p) => ({ name: pyAttr(p.nameOverride ?? p.wireName), in: p.in })),
    "snake",
  );
  const wanted = new Map(op.params.map((p, i) => [p, names[i]]));
  const args: PyArgPlan[] = byRequired(op.params).map((p) => ({
    name: scope.claim(wanted.get(p)!),
    source: "param",
    param: p,
    field: null,
    type: p.type,
    required: p.required,
    description: p.description,
    example: p.example ?? p.default,
  }));
  let flatBody: PyModelPlan | null = null;
  if (op.body) {
    const model = op.body.type.kind === "ref" ? models.get(op.body.type.model) : undefined;
    const flattenable = model?.ir.kind === "object" && !model.ir.freeForm && model.ir.fields.length > 0 && !op.body.type.nullable;
    if (flattenable && (op.body.required || op.params.length > 0)) {
      flatBody = model;
      const fields = (model.ir as Extract<Model, { kind: "object" }>).fields.filter((f) => !f.readOnly);
      // A required field with a default is an optional argument whose default is the field's.
      const planned = fields.map((f) => {
        const sent = sentDefault(models, f, model.ir.usage);
        return { f, sent, required: f.required && sent === null };
      });
      for (const { f, sent, required } of byRequired(planned)) {
        const arg: PyArgPlan = { name: scope.claim(model.fieldNames.get(f)!), source: "field", param: null, field: f, type: f.type, required, description: f.description, example: f.example };
        args.push(sent === null ? arg : { ...arg, default: sent });
      }
    } else {
      const bodyName = op.params.length === 0 ? "request" : scope.claim("request_body");
      args.push({ name: bodyName, source: "body", param: null, field: null, type: op.body.type, required: op.body.required, description: op.body.description });
    }
  }
  return { ir: op, method: name, args, shape: "flat", flatBody };
}

function claimGroupClass(classes: NameScope, name: string): string {
  return classes.claim(classes.has(name) ? `${name}SDK` : name);
}

/** A method name whose `_async` twin is free too (`merge` and an operation named `merge_async`). */
function claimMethod(scope: NameScope, base: string): string {
  let name = base;
  for (let i = 2; scope.has(name) || scope.has(`${name}_async`); i++) name = `${base}${i}`;
  scope.claim(`${name}_async`);
  return scope.claim(name);
}

/** Constructor arguments for credentials and global parameters: clear of the constructor's own arguments and of each other. */
function securityArgs(api: Api): Map<string, string> {
  const scope = new NameScope([
    "self",
    "server_url",
    "server_idx",
    "url_params",
    "server_variables",
    "retry_config",
    "timeout_ms",
    "client",
    "async_client",
    "debug_logger",
    "options",
    "default_server",
    "os",
  ]);
  const args = new Map(api.securitySchemes.map((s) => [s.name, scope.claim(pyIdent(s.option))]));
  // x-speakeasy-globals: keyed `global:<option>`, after the credentials.
  for (const g of api.globals) args.set(`global:${g.option}`, scope.claim(pyIdent(g.option)));
  return args;
}

/** The member of an enum model that stands for `value` (the first, when values repeat). */
export function memberName(m: PyModelPlan, value: unknown): string | undefined {
  if (m.ir.kind !== "enum") return undefined;
  const i = m.ir.members.findIndex((x) => x.value === value);
  return i < 0 ? undefined : m.memberNames[i];
}

/** Symbols that make up a whole enum value, by the names Speakeasy gives them (`*` is `WILDCARD_`). */
/**
 * Enum members: PENDING, VALUE_1; a value of symbols alone is named by them (`WILDCARD_`), unless the
 * spec names the member (`custom`).
 */
export function pyEnumMember(name: string, value?: string | number, custom?: boolean): string {
  if (!custom && typeof value === "string" && value !== "" && [...value].every((c) => c in SYMBOL_WORDS)) {
    return [...value].map((c) => SYMBOL_WORDS[c].toUpperCase()).join("_") + "_";
  }
  const c = constantCase(name) || "EMPTY";
  return PY_KEYWORDS.has(c) ? `${c}_` : c;
}
