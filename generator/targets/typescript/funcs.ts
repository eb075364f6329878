/** View models of standalone functions (funcs/*.ts) and the resource classes that wrap them. */
import { acceptHeader } from "../shared/http.js";
import type { Encoding, Operation, Parameter } from "../../ir/types.js";
import { docLines, mappingMovesUnion } from "./models.js";
import { tsInlineLiteral } from "./literals.js";
import { pageSpecLiteral } from "./pagination.js";
import { Imports, TypeWriter, propAccess, propKey, type ImportSource, type GroupPlan, type ModelPlan, type OperationPlan, type Plan } from "./plan.js";
import type { RuntimeName } from "./runtime.js";
import { checkFn, typeText, type Import, type Mapping, type TsType } from "./types.js";
import { unionMovesWhole } from "./unions.js";

/** A positional argument as the function and method signatures print it, and the request key it fills. */
export interface ArgView {
  name: string;
  key: string;
  /** Written `{ key: name }`, or `{ name }` when they are the same. */
  shorthand: boolean;
  type: TsType;
  /** `name?: T`. */
  optional: boolean;
  /** `name: T | undefined` (an optional argument before a required one). */
  orUndefined: boolean;
}

/** The positional arguments of an operation (empty when it takes one request object). */
export function argViews(op: OperationPlan, types: TypeWriter, use: (m: ImportSource, symbol: string) => void): ArgView[] {
  return (op.positional ?? []).map((a) => {
    const key = propKey(a.field.name);
    return { name: a.name, key, shorthand: key === a.name, type: types.type(a.field.type, false, use), optional: a.presence === "optional", orUndefined: a.presence === "undefined" };
  });
}

export interface FuncView {
  /** Positional arguments (Speakeasy's maxMethodParams) gathered into `request` first; empty: one request object. */
  args: ArgView[];
  func: string;
  coreClass: string;
  imports: Import[];
  docLines: string[];
  hasRequest: boolean;
  requestOptional: boolean;
  requestType: TsType | null;
  returnType: TsType;
  /** The error classes a call can return, as a union type. */
  errorUnion: string;
  operationId: string;
  httpMethod: string;
  /** Literal text (raw; the template escapes it) and parameter expressions of the path. */
  pathParts: { text: string | null; param: string | null }[];
  pathIsTemplate: boolean;
  path: string;
  accept: string;
  security: { accessor: string }[][];
  /** name: the wire name; expr: the expression holding the value (fixed values: a literal). */
  query: { name: string; expr: string | null; value: string | null; style: string; explode: boolean }[];
  /** `operand`: `expr` as the left side of `!== undefined` (in parentheses when it is a `??`). */
  headers: { name: string; expr: string; operand: string; required: boolean }[];
  cookies: { name: string; expr: string; operand: string; required: boolean }[];
  /** The operation's idempotency header parameter: left unset, the SDK sends a fresh key. */
  idempotencyHeader: string | null;
  /** Header or cookie parameters: the request carries a headers object. */
  hasHeaders: boolean;
  /** encoder: the function that turns the (wire-mapped) value into a fetch body. */
  body: { contentType: string | null; encoder: string; expr: string; map: Mapping | null; optional: boolean } | null;
  needsJSON: boolean;
  /** check: the function checking and mapping a JSON payload (a model's fromWire, or a lib/validate.ts check). */
  success: {
    statuses: string[];
    kind: "json" | "events" | "text" | "binary" | "empty";
    check: string | null;
    /** An event stream's EventShape literal. */
    shape: string | null;
  }[];
  /** The success body may be streamed (lib/sdks.ts HTTPRequest.stream). */
  stream: boolean;
  errors: { statuses: string[]; errorClass: string; fromWire: string }[];
  /** A paginated operation: its PageSpec literal, the argument type its pages carry, and what a call returns. */
  paged: { spec: string; atType: TsType; pageType: TsType } | null;
}

export function funcView(p: Plan, op: OperationPlan, types: TypeWriter): FuncView {
  const ir = op.ir;
  const imports = new Imports(op.file);
  const use = (m: ImportSource, symbol: string) => imports.model(m, symbol);
  imports.add("core.ts", p.coreClass, true);
  imports.runtime("send");
  imports.runtime("invalidRequest");
  imports.runtime("HTTPRequest");
  imports.runtime("RequestOptions");
  imports.runtime("Result");
  // Error classes a call returns are named in its result type only.
  imports.runtime("HTTPClientError", true);
  imports.runtime("SDKError", true);
  imports.runtime("unexpectedResponse");
  imports.runtime("ERR");

  const req = ir.request;
  const requestOptional = req !== undefined && !req.required;
  const reqVar = requestOptional ? "request?" : "request";
  const requestModel = req && !req.wrapsBody && req.type.kind === "ref" ? p.models.get(req.type.model)! : undefined;

  // Path: literal text and encoded parameters.
  const pathParts: FuncView["pathParts"] = [];
  let last = 0;
  for (const m of ir.path.matchAll(/\{([^}]+)\}/g)) {
    if (m.index! > last) pathParts.push({ text: ir.path.slice(last, m.index), param: null });
    const param = ir.params.find((x) => x.in === "path" && x.wireName === m[1])!;
    pathParts.push({ text: null, param: paramValue(param.global ? reqVar : "request", param) });
    last = m.index! + m[0].length;
  }
  if (last < ir.path.length) pathParts.push({ text: ir.path.slice(last), param: null });
  const pathIsTemplate = pathParts.some((x) => x.param !== null);
  if (pathIsTemplate) imports.runtime("encodePath");

  const query = [
    ...ir.fixedQuery.map(([k, v]) => ({ name: k, expr: null, value: v, style: "form", explode: true })),
    ...ir.params.filter((x) => x.in === "query").map((x) => ({ name: x.wireName, expr: paramValue(reqVar, x), value: null, style: x.style, explode: x.explode })),
  ];
  if (query.length) imports.runtime("appendQuery");
  const headers = ir.params.filter((x) => x.in === "header").map((x) => sentParam(reqVar, x));
  if (headers.length) imports.runtime("headerValue");
  const cookies = ir.params.filter((x) => x.in === "cookie").map((x) => sentParam(reqVar, x));
  if (cookies.length) imports.runtime("cookiePair");

  let body: FuncView["body"] = null;
  if (ir.body) {
    const value = req!.wrapsBody ? "request" : member(reqVar, requestModel!.ir.kind === "object" ? requestModel!.ir.fields.find((f) => f.wireName === "")!.name : "requestBody");
    const enc = ENCODERS[ir.body.encoding];
    if (enc.runtime) imports.runtime(enc.runtime);
    body = {
      // fetch sets multipart's Content-Type itself, with the boundary.
      contentType: ir.body.encoding === "multipart" ? null : ir.body.contentType,
      encoder: enc.fn,
      expr: value,
      map: ir.body.encoding === "json" || ir.body.encoding === "form" || ir.body.encoding === "multipart" ? types.mapping(ir.body.type, use) : null,
      optional: !ir.body.required,
    };
  }

  const pagination = ir.pagination;
  const success = ir.success.map((r): FuncView["success"][number] => {
    const statuses = [r.status];
    if ((r.encoding === "json" || r.events) && r.type) {
      const check = checkFn(types.checkDecoder(r.type, use));
      imports.runtime(r.events ? "decodeEvents" : pagination ? "decodePage" : "decodeJSON");
      if (r.events) {
        imports.runtime("isEventStream");
        imports.runtime("OK");
      }
      const shape = r.events ? tsInlineLiteral({ envelope: r.events.envelope, data: r.events.data, sentinel: r.events.sentinel }) : null;
      return { statuses, kind: r.events ? "events" : "json", check, shape };
    }
    imports.runtime("OK");
    if (r.encoding === "text") return { statuses, kind: "text", check: null, shape: null };
    if (r.encoding) {
      imports.runtime("toStream");
      return { statuses, kind: "binary", check: null, shape: null };
    }
    return { statuses, kind: "empty", check: null, shape: null };
  });
  const bodyType = resultType(ir, types, use);
  if (ir.success.some((r) => r.events)) imports.runtime("EventStream", true);
  if (ir.success.length === 0) imports.runtime("OK");
  let paged: FuncView["paged"] = null;
  if (pagination) {
    for (const name of ["PageIterator", "PageAt", "firstPage", "atPageURL"] as const) imports.runtime(name);
    const item = pagination.itemType ? types.type(pagination.itemType, false, use) : named("unknown");
    const argType = req ? types.type(req.type, false, use) : named("undefined");
    paged = {
      spec: pageSpecLiteral(p.models, ir, pagination),
      atType: named(`PageAt<${typeText(argType)}${requestOptional ? " | undefined" : ""}>`),
      pageType: named(`PageIterator<${typeText(bodyType)}, ${typeText(item)}>`),
    };
  }
  const returnType = paged ? paged.pageType : bodyType;
  const stream = ir.success.some((r) => r.events || r.encoding === "binary");
  if (stream) imports.runtime("streamed");
  const idempotencyHeader = ir.params.find((x) => x.in === "header" && /^idempotency-key$/i.test(x.wireName))?.wireName ?? null;
  if (idempotencyHeader) imports.runtime("idempotencyKey");

  const errors = ir.errors.flatMap((e) => {
    const m = p.models.get(e.model)!;
    if (!m.errorClass) return [];
    imports.add(m.file, m.errorClass, false);
    imports.add(m.file, m.fromWire, false);
    imports.runtime("decodeJSON");
    return [{ statuses: e.statuses, errorClass: m.errorClass, fromWire: m.fromWire }];
  });
  const needsJSON = success.some((s) => s.kind === "json") || errors.length > 0;
  if (needsJSON) imports.runtime("isJSONContentType");
  imports.runtime("matchStatusCode");
  const errorTypes = [...errors.map((e) => e.errorClass), "SDKError", "HTTPClientError"];

  const scheme = new Map(p.api.securitySchemes.map((s) => [s.name, s]));
  const security = ir.security.filter((alt) => alt.every((n) => scheme.has(n))).map((alt) => alt.map((n) => ({ accessor: `SECURITY${propAccess(scheme.get(n)!.option)}` })));
  if (security.length) imports.config("SECURITY");

  const view: FuncView = {
    args: argViews(op, types, use),
    func: op.func,
    coreClass: p.coreClass,
    imports: [],
    docLines: operationDoc(op),
    hasRequest: req !== undefined,
    requestOptional,
    requestType: req ? types.type(req.type, false, use) : null,
    returnType,
    errorUnion: errorTypes.join(" | "),
    operationId: ir.specOperationId,
    httpMethod: ir.httpMethod.toUpperCase(),
    pathParts,
    pathIsTemplate,
    path: ir.path,
    accept: acceptHeader(ir),
    security,
    query,
    headers,
    cookies,
    hasHeaders: headers.length > 0 || cookies.length > 0,
    idempotencyHeader,
    body,
    needsJSON,
    success,
    errors,
    paged,
    stream,
  };
  view.imports = imports.render();
  return view;
}

/** Whether the function's file holds a union prettier and oxfmt lay out differently (see unions.ts). */
export function funcMovesUnion(v: FuncView): boolean {
  return (
    (v.requestType !== null && unionMovesWhole(2, `request${v.requestOptional ? "?" : ""}: `, v.requestType, ",")) ||
    v.args.some((a) => unionMovesWhole(2, `${a.name}${a.optional ? "?" : ""}: `, a.type, a.orUndefined ? " | undefined," : ",")) ||
    mappingMovesUnion(v.body?.map ?? null)
  );
}

/** The same for a resource class: its methods' request parameters. */
export function resourceMovesUnion(v: ResourceView): boolean {
  return v.methods.some(
    (m) =>
      (m.requestType !== null && unionMovesWhole(4, `request${m.requestOptional ? "?" : ""}: `, m.requestType, ",")) ||
      m.args.some((a) => unionMovesWhole(4, `${a.name}${a.optional ? "?" : ""}: `, a.type, a.orUndefined ? " | undefined," : ",")),
  );
}

export interface ResourceView {
  className: string;
  imports: Import[];
  docLines: string[];
  /** Nested groups: a getter each (`beta.conversations`). */
  children: { name: string; className: string; docLines: string[] }[];
  methods: {
    name: string;
    func: string;
    docLines: string[];
    args: ArgView[];
    hasRequest: boolean;
    requestOptional: boolean;
    requestType: TsType | null;
    returnType: TsType;
  }[];
}

export function resourceView(p: Plan, g: GroupPlan, children: GroupPlan[], funcOf: (op: OperationPlan) => FuncView, types: TypeWriter): ResourceView {
  const imports = new Imports(g.file);
  for (const c of children) imports.add(c.file, c.className, false);
  imports.runtime("ClientSDK");
  imports.runtime("RequestOptions");
  imports.config("SDKOptions");
  imports.runtime("unwrapAsync");
  const use = (m: ImportSource, symbol: string) => imports.model(m, symbol);
  return {
    className: g.className,
    docLines: docLines(g.description ?? undefined),
    children: children.map((c) => ({ name: c.accessor, className: c.className, docLines: docLines(c.description ?? undefined) })),
    methods: g.operations.map((op) => {
      const f = funcOf(op);
      imports.add(op.file, op.func, false);
      const req = op.ir.request;
      // Re-walk the types so this file imports what its signatures mention.
      const requestType = req && !op.positional ? types.type(req.type, false, use) : null;
      for (const s of op.ir.success) if (s.type && (s.encoding === "json" || s.events)) types.type(s.type, false, use);
      if (op.ir.success.some((s) => s.events)) imports.runtime("EventStream", true);
      if (f.paged) {
        imports.runtime("PageIterator");
        const item = op.ir.pagination?.itemType;
        if (item) types.type(item, false, use);
      }
      return {
        name: op.method,
        func: op.func,
        docLines: f.docLines,
        args: argViews(op, types, use),
        hasRequest: f.hasRequest,
        requestOptional: f.requestOptional,
        requestType,
        returnType: f.returnType,
      };
    }),
    imports: imports.render(),
  };
}

function operationDoc(op: OperationPlan): string[] {
  const lines: string[] = [];
  const { summary, description, deprecated } = op.ir;
  if (summary) lines.push(...docLines(summary));
  if (description && description !== summary) {
    if (lines.length) lines.push("");
    lines.push("@remarks", ...docLines(description));
  }
  if (deprecated) lines.push(...(lines.length ? [""] : []), "@deprecated This operation is deprecated by the API description.");
  return lines;
}

/** How each encoding turns a body into what fetch sends: a global, or a runtime helper. */
const ENCODERS: Record<Encoding, { fn: string; runtime: RuntimeName | null }> = {
  json: { fn: "JSON.stringify", runtime: null },
  form: { fn: "encodeForm", runtime: "encodeForm" },
  multipart: { fn: "encodeMultipart", runtime: "encodeMultipart" },
  text: { fn: "String", runtime: null },
  binary: { fn: "encodeBinary", runtime: "encodeBinary" },
};

/** `request.name`, `request?.name`, or with a quoted key `request?.["na-me"]`. */
/**
 * A parameter's value in the call; a global one (x-speakeasy-globals) falls back to its client option.
 * Without parentheses: prettier drops them where the value is a whole argument or property.
 */
function paramValue(request: string, x: Parameter): string {
  const own = member(request, x.name);
  return x.global ? `${own} ?? client._options${propAccess(x.global)}` : own;
}

/** A header or cookie parameter: its value, and that value as the operand of a comparison. */
function sentParam(request: string, x: Parameter): FuncView["headers"][number] {
  const expr = paramValue(request, x);
  return { name: x.wireName, expr, operand: x.global ? `(${expr})` : expr, required: x.required };
}

function member(object: string, name: string): string {
  const access = propAccess(name);
  return object.endsWith("?") && access.startsWith("[") ? `${object}.${access}` : `${object}${access}`;
}

const named = (name: string): TsType => ({ kind: "name", name, items: null, values: null, variants: null, literal: null, nullable: false });

/** What a call resolves to: the union of its success responses' types (void when it has none). */
export function resultType(ir: Operation, types: TypeWriter, use: (m: ImportSource, symbol: string) => void): TsType {
  const list: TsType[] = [];
  const seen = new Set<string>();
  for (const r of ir.success) {
    if (r.events && r.type) {
      addType(list, seen, named(`EventStream<${typeText(types.type(r.type, false, use))}>`));
      continue;
    }
    addType(list, seen, r.encoding === "json" && r.type ? types.type(r.type, false, use) : named(r.encoding === "text" ? "string" : r.encoding ? "ReadableStream<Uint8Array>" : "void"));
  }
  if (list.length === 0) return named("void");
  return list.length === 1 ? list[0] : { kind: "union", name: null, items: null, values: null, variants: list, literal: null, nullable: false };
}

function addType(list: TsType[], seen: Set<string>, t: TsType) {
  const k = JSON.stringify(t);
  if (!seen.has(k)) {
    seen.add(k);
    list.push(t);
  }
}
