/** View models of the resource modules: one sync and one async method per operation. */
import type { Encoding, EventStreamSpec, Operation, TypeRef } from "../../ir/types.js";
import { pyString } from "../../render/escape.js";
import { acceptHeader } from "../shared/http.js";
import { wellFormed } from "./literals.js";
import { pageSpecCode } from "./pagination.js";
import type { PyArgPlan, PyMethodPlan, PyModelPlan, PyPlan } from "./plan.js";
import { isNullable, pyAnnotation, slot, type PyForm, type TypeContext } from "./types.js";

const ctx = (p: PyPlan, form: PyForm, files = false, tagged = false): TypeContext => ({ p, form, files, tagged, qualify: (_m, name) => `models.${name}` });

/** A type as the runtime validates it (`models.ActorToken`, `List[models.Tag]`, tagged unions), null
 * admitted where declared; `tagged: false` for the annotation users read (a return type). */
export function runtimeType(p: PyPlan, t: TypeRef, files = false, tagged = true): string {
  const a = pyAnnotation(ctx(p, "model", files, tagged), t);
  return isNullable(p, t) && a !== "Any" && a !== "None" ? `Optional[${a}]` : a;
}

const UPLOAD = "Union[bytes, IO[bytes], Iterable[bytes]]";

/** The Python encoding of a body: how utils/encoding.py sends it. */
const ENCODINGS: Record<Encoding, string> = { json: "json", form: "form", multipart: "multipart", text: "text", binary: "bytes" };

export function methodView(p: PyPlan, m: PyMethodPlan) {
  const op = m.ir;
  const files = op.body?.encoding === "multipart";
  // A raw binary body may be bytes, an open file, or any iterable of byte chunks (sent as it is read).
  const upload = op.body?.encoding === "binary";
  const args = m.args.map((a) => {
    const s = slot(ctx(p, "input", files && a.source !== "param"), a.type, a.required || a.default !== undefined);
    const raw = upload && (a.source === "body" || (a.source === "request" && op.request?.wrapsBody));
    return { name: a.name, ...s, default: a.default ?? s.default, annotation: raw ? s.annotation.replace(/\bbytes\b/, UPLOAD) : s.annotation };
  });
  // Where each parameter's value is: its argument, or a field of the request argument.
  const requestModel = m.shape === "request" ? requestModelOf(p, m) : null;
  const valueOf = (key: string): string => {
    if (requestModel) {
      const i = key === "body" ? op.params.length : op.params.findIndex((x) => `${x.in}:${x.wireName}` === key);
      const field = (requestModel.ir as Extract<PyModelPlan["ir"], { kind: "object" }>).fields[i];
      return `request.${requestModel.fieldNames.get(field)!}`;
    }
    return m.args.find((a: PyArgPlan) => (a.param ? `${a.param.in}:${a.param.wireName}` : a.source === "body" ? "body" : "") === key)?.name ?? "None";
  };
  // A global parameter (x-speakeasy-globals) left out of the call takes the client's option.
  const paramExpr = (x: Operation["params"][number]) => {
    const own = valueOf(`${x.in}:${x.wireName}`);
    return x.global ? `_or_option(${own}, self._client, ${pyString(p.securityArgs.get(`global:${x.global}`)!)})` : own;
  };
  const pagination = op.pagination;
  const returns = returnType(p, op);
  const returnsAsync = returnType(p, op, true);
  return {
    name: m.method,
    operationId: op.specOperationId,
    doc: [op.summary, op.description !== op.summary ? op.description : undefined].filter((x) => x?.trim()).join("\n\n"),
    args,
    returns: pagination ? `Optional[PageIterator[${returns}]]` : returns,
    returnsAsync: pagination ? `Optional[AsyncPageIterator[${returns}]]` : returnsAsync,
    /** The PageSpec of a paginated operation (the call returns its first page). */
    pages: pagination ? pageSpecCode(p.models, op, pagination) : null,
    requestType: requestModel ? `models.${requestModel.name}` : null,
    httpMethod: op.httpMethod.toUpperCase(),
    ...pathOf(op, paramExpr),
    accept: acceptHeader(op),
    security: op.security.filter((alt) => alt.every((n) => p.api.securitySchemes.some((s) => s.name === n))),
    query: [
      ...op.fixedQuery.map(([k, v]) => ({ name: wellFormed(k), expr: null, value: wellFormed(v), style: "form", explode: true })),
      ...op.params.filter((x) => x.in === "query").map((x) => ({ name: wellFormed(x.wireName), expr: paramExpr(x), value: null, style: x.style, explode: x.explode })),
    ],
    headers: op.params.filter((x) => x.in === "header").map((x) => ({ name: x.wireName, expr: paramExpr(x) })),
    cookies: op.params.filter((x) => x.in === "cookie").map((x) => ({ name: x.wireName, expr: paramExpr(x) })),
    hasHeaders: op.params.some((x) => x.in === "header" || x.in === "cookie"),
    idempotencyHeader: op.params.find((x) => x.in === "header" && /^idempotency-key$/i.test(x.wireName))?.wireName ?? null,
    body: bodyOf(p, m, valueOf("body"), files),
    results: op.success.map((r) => ({
      kind: r.events && r.type ? "events" : r.encoding === "json" && r.type ? "json" : r.encoding === "text" ? "text" : r.encoding ? "binary" : "empty",
      statuses: [r.status],
      typeExpr: r.events && r.type ? eventShapeCode(p, r.type, r.events) : r.encoding === "json" && r.type ? runtimeType(p, r.type) : "None",
    })),
    stream: op.success.some((r) => r.events || r.encoding === "binary"),
    errors: op.errors.flatMap((e) => {
      const em = p.models.get(e.model)!;
      return em.errorClass ? [{ statuses: e.statuses, errorClass: em.errorClass, dataClass: em.name }] : [];
    }),
  };
}

function requestModelOf(p: PyPlan, m: PyMethodPlan): PyModelPlan {
  const t = m.args[0].type;
  return p.models.get((t as Extract<TypeRef, { kind: "ref" }>).model)!;
}

/** What a call returns: its success responses' types (an event stream's events wrapped), as a union when they differ. */
export function returnType(p: PyPlan, op: Operation, asynchronous = false): string {
  const one = (r: Operation["success"][number] | undefined): string => {
    if (r?.events && r.type) return `${asynchronous ? "EventStreamAsync" : "EventStream"}[${runtimeType(p, r.type, false, false)}]`;
    if (r?.encoding === "json" && r.type) return runtimeType(p, r.type, false, false);
    // A binary response is the httpx.Response, unread: `res.iter_bytes()` streams it.
    return r?.encoding === "text" ? "str" : r?.encoding ? "httpx.Response" : "None";
  };
  if (!op.success.some((r) => r.events)) return one(op.success[0]);
  const types = [...new Set(op.success.map(one))];
  return types.length === 1 ? types[0] : `Union[${types.join(", ")}]`;
}

/** `_EventShape(models.CompletionEvent, True, "json", "[DONE]")`: how the runtime reads the stream's events. */
function eventShapeCode(p: PyPlan, t: TypeRef, e: EventStreamSpec): string {
  const args = [runtimeType(p, t), e.envelope ? "True" : "False", pyString(e.data), ...(e.sentinel !== undefined ? [pyString(wellFormed(e.sentinel))] : [])];
  return `_EventShape(${args.join(", ")})`;
}

/** Literal text (raw; the template escapes it) and the expressions of path parameters. */
function pathOf(op: Operation, expr: (x: Operation["params"][number]) => string) {
  const parts = op.path
    .split(/(\{[^}]+\})/)
    .filter(Boolean)
    .map((x) => {
      const param = /^\{[^}]+\}$/.test(x) ? op.params.find((q) => q.in === "path" && q.wireName === x.slice(1, -1)) : undefined;
      return param ? { text: null, param: expr(param) } : { text: x, param: null };
    });
  return { pathParts: parts, pathIsTemplate: parts.some((x) => x.param !== null) };
}

/** How the body is formed: a model built from the flattened arguments, or the argument itself. */
function bodyOf(p: PyPlan, m: PyMethodPlan, expr: string, files: boolean) {
  const body = m.ir.body;
  if (!body) return null;
  const encoding = ENCODINGS[body.encoding];
  const typeExpr = runtimeType(p, body.type, files);
  const flat = m.flatBody ? { cls: `models.${m.flatBody.name}`, fields: m.args.filter((a) => a.source === "field").map((a) => ({ name: m.flatBody!.fieldNames.get(a.field!)!, arg: a.name })) } : null;
  const value = flat ? "_body" : expr;
  // JSON and form bodies are sent in their wire shape; multipart keeps the model (its files stream).
  const wire = encoding === "json" || encoding === "form" ? `_to_wire(${typeExpr}, ${value})` : encoding === "multipart" ? `_validate(${typeExpr}, ${value})` : value;
  const optional = !flat && !(m.args.find((a) => a.source === "body" || a.source === "request")?.required ?? true);
  return { flat, encoding, wire, optional, valueExpr: value, contentType: body.contentType };
}
