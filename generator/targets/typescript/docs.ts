/** View models of the TypeScript SDK's docs: resource pages, model pages, the README. */
import { posix } from "node:path";
import { Examples, type Example } from "../../ir/examples.js";
import type { Model, TypeRef } from "../../ir/types.js";
import { mdCell, mdCode, tsString } from "../../render/escape.js";
import { TsCode, mentions } from "./literals.js";
import { sendsDefault } from "../shared/fields.js";
import { exampleCell } from "../../render/markdown.js";
import { streamsOnly } from "../../ir/responses.js";
import type { GroupPlan, ModelPlan, OperationPlan, Plan } from "./plan.js";

const MDN_DATE = "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date";
const MDN_REQUEST_INIT = "https://developer.mozilla.org/en-US/docs/Web/API/Request/Request#options";

export interface Table {
  headers: string[];
  rows: string[][];
}

/** A link from the page at `from` (path under docs/) to `to`: up to docs/, then down. */
export function docLink(from: string, to: string): string {
  const depth = posix.dirname(from) === "." ? 0 : posix.dirname(from).split("/").length;
  return "../".repeat(depth) + to;
}

/** The Type column of a docs table for `t`, seen from the page `from`. */
export function docType(p: Plan, t: TypeRef, from: string): string {
  const base = ((): string => {
    switch (t.kind) {
      case "primitive":
        if (t.format === "date-time") return `[Date](${MDN_DATE})`;
        if (t.format === "date") return "*RFCDate*";
        return `*${t.type === "integer" ? "number" : t.type === "unknown" ? "any" : t.type}*`;
      case "literal":
        return `*${mdCell(JSON.stringify(t.value))}*`;
      case "null":
        return "*null*";
      case "ref": {
        const m = p.models.get(t.model)!;
        if (m.inline) return "Record<string, *any*>";
        return `[${m.namespace}.${m.errorClass ?? m.name}](${docLink(from, "models/" + m.doc.slice("models/".length))})`;
      }
      case "array":
        return `${docType(p, t.items, from)}[]`;
      case "map":
        return `Record<string, ${docType(p, t.values, from)}>`;
      case "union":
        return t.variants.map((v) => docType(p, v, from)).join(" \\| ");
    }
  })();
  return "nullable" in t && t.nullable ? `${base} \\| *null*` : base;
}

function describe(text: string | undefined): string {
  return text ? mdCell(text) : "N/A";
}

/** Example values with the SDK's (camelCase) property names, ready for the tsLiteral helper. */
export function toTsValue(e: Example): unknown {
  switch (e.kind) {
    case "scalar":
      return e.format ? dateValue(e.format, e.value) : e.value;
    case "raw":
      return e.value;
    case "array":
      return e.items.map(toTsValue);
    case "object":
      return Object.fromEntries(e.fields.map((f) => [f.field?.name ?? f.key, toTsValue(f.value)]));
  }
}

/** A date example as the SDK takes it: a Date, or an RFCDate for a date without a time (a placeholder when the spec's is no date). */
function dateValue(format: "date-time" | "date", value: unknown): TsCode {
  const text = typeof value === "string" ? value : "";
  if (format === "date") {
    const ok = /^\d{4}-\d\d-\d\d$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
    return new TsCode(`new RFCDate(${tsString(ok ? text : "2025-01-01")})`);
  }
  const ok = /^\d{4}-\d\d-\d\d[Tt ]/.test(text) && !Number.isNaN(Date.parse(text));
  return new TsCode(`new Date(${tsString(ok ? text : "2025-01-01T00:00:00Z")})`);
}

export interface OperationDoc {
  method: string;
  func: string;
  /** The module of the standalone function under funcs/. */
  funcFile: string;
  summary: string;
  description: string;
  deprecated: boolean;
  operationId: string;
  httpMethod: string;
  path: string;
  /** Whether the example shows a request. */
  hasRequest: boolean;
  /** The example call's arguments: the request object, or each positional argument's value (trailing absent ones left out). */
  args: unknown[];
  /** What a call that passes options and shows no request writes before them: `undefined` per argument. */
  skipped: unknown[];
  /** Whether the method takes a request argument at all (an example that shows none and passes options writes `undefined` first). */
  takesRequest: boolean;
  request: unknown;
  /** The example request has an RFCDate: the snippet imports it. */
  rfcDate: boolean;
  returnsValue: boolean;
  /** What the usage example loops over: the pages of a paginated call, or the events of a stream. */
  iterate: "pages" | "events" | null;
  params: Table;
  response: string;
  errors: Table;
}

export function operationDoc(p: Plan, g: GroupPlan, op: OperationPlan, examples: Examples): OperationDoc {
  const ir = op.ir;
  const from = g.doc;
  const rows: string[][] = [];
  let request: unknown = null;
  if (ir.request) {
    request = toTsValue(requestExample(p, op, examples));
    if (op.positional) {
      for (const a of op.positional)
        rows.push([mdCode(a.name), docType(p, a.field.type, from), a.presence === "required" ? ":heavy_check_mark:" : ":heavy_minus_sign:", mdCell(a.field.description ?? "")]);
    } else rows.push(["`request`", docType(p, ir.request.type, from), ir.request.required ? ":heavy_check_mark:" : ":heavy_minus_sign:", "The request object to use for the request."]);
  }
  const { args, skipped } = callArgs(op, request);
  rows.push(
    ["`options`", "RequestOptions", ":heavy_minus_sign:", "Used to set various options for making HTTP requests."],
    [
      "`options.fetchOptions`",
      `[RequestInit](${MDN_REQUEST_INIT})`,
      ":heavy_minus_sign:",
      "Options that are passed to the underlying HTTP request. This can be used to inject extra headers for examples. All `Request` options, except `method` and `body`, are allowed.",
    ],
    ["`options.retries`", `[RetryConfig](${docLink(from, "lib/utils/retryconfig.md")})`, ":heavy_minus_sign:", "Enables retrying HTTP requests under certain failure conditions."],
    ["`options.timeoutMs`", "*number*", ":heavy_minus_sign:", "Overrides the client's timeout for this call, in milliseconds."],
    ["`options.serverURL`", "*string*", ":heavy_minus_sign:", "Overrides the server URL for this call."],
  );
  const success = ir.success.find((r) => r.type);
  const iterate = ir.pagination ? "pages" : streamsOnly(ir.success) ? "events" : null;
  const response = `**Promise\\<${responseDoc(p, ir, from)}\\>**`;
  const errRows = ir.errors
    .map((e) => ({ e, m: p.models.get(e.model)! }))
    .filter(({ m }) => m.errorClass)
    .map(({ e, m }) => [`errors.${m.errorClass}`, mdCell(e.statuses.join(", ")), mdCell(e.contentType)]);
  errRows.push(["errors.SDKError", "4XX, 5XX", "\\*/\\*"]);
  return {
    method: op.method,
    func: op.func,
    funcFile: op.file.slice("funcs/".length).replace(/\.ts$/, ""),
    summary: ir.summary ?? op.method,
    description: ir.description ?? ir.summary ?? "",
    deprecated: ir.deprecated,
    operationId: ir.specOperationId,
    httpMethod: ir.httpMethod,
    path: ir.path,
    // An optional request with nothing in it is left out of the example call.
    takesRequest: !!ir.request,
    hasRequest: args.length > 0,
    request,
    args,
    skipped,
    // The example's client options (date-typed globals) may need it as much as the request.
    rfcDate:
      mentions(request, "RFCDate") ||
      mentions(
        p.api.globals.map((g) => toTsValue(examples.of(g.type))),
        "RFCDate",
      ),
    returnsValue: !!success?.type,
    iterate,
    params: { headers: ["Parameter", "Type", "Required", "Description"], rows },
    response,
    errors: { headers: ["Error Type", "Status Code", "Content Type"], rows: errRows },
  };
}

/**
 * The example call's arguments: the request object (left out when optional and empty), or each
 * positional argument's example value, `undefined` for an absent one before a present one.
 */
function callArgs(op: OperationPlan, request: unknown): { args: unknown[]; skipped: unknown[] } {
  const ir = op.ir;
  if (!ir.request) return { args: [], skipped: [] };
  const obj = request !== null && typeof request === "object" ? (request as Record<string, unknown>) : {};
  if (!op.positional) {
    const empty = request !== null && typeof request === "object" && Object.keys(request).length === 0;
    return { args: ir.request.required || !empty ? [request] : [], skipped: [new TsCode("undefined")] };
  }
  const values = op.positional.map((a) => (Object.hasOwn(obj, a.field.name) ? obj[a.field.name] : new TsCode("undefined")));
  let end = values.length;
  while (end > 0 && op.positional[end - 1].presence === "optional" && !Object.hasOwn(obj, op.positional[end - 1].field.name)) end--;
  return { args: values.slice(0, end), skipped: op.positional.map(() => new TsCode("undefined")) };
}

/** What a call resolves to, for the Response section: pages, event streams and byte streams named as such. */
function responseDoc(p: Plan, ir: OperationPlan["ir"], from: string): string {
  const one = (r: OperationPlan["ir"]["success"][number] & { type: TypeRef }): string => {
    if (r.events) return `EventStream\\<${docType(p, r.type, from)}\\>`;
    return r.encoding === "binary" ? "ReadableStream\\<Uint8Array\\>" : docType(p, r.type, from);
  };
  const typed = ir.success.filter((r): r is typeof r & { type: TypeRef } => r.type !== undefined);
  // One answer, as before streams: the first typed one; an event stream beside JSON adds its own.
  const types = [...new Set((typed.some((r) => r.events) ? typed : typed.slice(0, 1)).map(one))];
  if (types.length === 0) return "void";
  const body = types.join(" \\| ");
  return ir.pagination ? `PageIterator\\<${body}\\>` : body;
}

function requestExample(p: Plan, op: OperationPlan, examples: Examples): Example {
  const ir = op.ir;
  if (ir.request!.wrapsBody) return examples.of(ir.body!.type);
  // A request model: parameters take their own examples, the body its schema's.
  const m = p.models.get((ir.request!.type as { model: string }).model)!.ir;
  if (m.kind !== "object") return examples.of(ir.request!.type);
  const fields = m.fields.filter((f) => f.required).map((f) => ({ field: f, key: f.wireName, value: examples.of(f.type, f.example ?? f.default) }));
  return { kind: "object", model: m.name, fields };
}

export interface ModelDoc {
  title: string;
  description: string;
  kind: string;
  importName: string;
  importFrom: string;
  packageName: string;
  typeName: string;
  example: unknown;
  /** The example has an RFCDate: the snippet imports it. */
  rfcDate: boolean;
  isError: boolean;
  fields: Table | null;
  values: Table | null;
}

export function modelDoc(p: Plan, mp: ModelPlan, examples: Examples): ModelDoc {
  const m: Model = mp.ir;
  const from = mp.doc;
  const base: ModelDoc = {
    title: mp.errorClass ?? mp.name,
    description: m.description ?? "",
    kind: m.kind,
    importName: mp.errorClass ?? mp.name,
    importFrom: `${p.packageName}/${p.modelDirs[mp.ir.place]}`,
    packageName: p.packageName,
    typeName: mp.name,
    example: toTsValue(examples.ofModel(m, undefined)),
    rfcDate: false,
    isError: mp.errorClass !== null,
    fields: null,
    values: null,
  };
  base.rfcDate = mentions(base.example, "RFCDate");
  if (m.kind === "enum") {
    base.values = { headers: ["Name", "Value"], rows: m.members.map((x) => ["`" + x.name + "`", mdCell(String(x.value))]) };
  } else if (m.kind === "object") {
    const withExample = m.fields.some((f) => f.example !== undefined);
    const headers = ["Field", "Type", "Required", "Description", ...(withExample ? ["Example"] : [])];
    const rows = m.fields.map((f) => {
      const row = [
        "`" + f.name + "`",
        docType(p, f.type, from),
        f.required && !sendsDefault(f, m.usage) ? ":heavy_check_mark:" : ":heavy_minus_sign:",
        (f.deprecated ? ":warning: **DEPRECATED**: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>" : "") + describe(f.description),
      ];
      if (withExample) row.push(exampleCell(f.example));
      return row;
    });
    if (m.additional) {
      rows.push([
        "`[k: string]`",
        docType(p, { kind: "map", values: m.additional }, from).replace(/^Record<string, (.*)>$/, "$1"),
        ":heavy_minus_sign:",
        "Additional properties, sent and received as they are.",
        ...(withExample ? [""] : []),
      ]);
    }
    base.fields = { headers, rows };
  } else {
    base.fields = { headers: ["Type"], rows: [[docType(p, m.type, from)]] };
  }
  return base;
}
