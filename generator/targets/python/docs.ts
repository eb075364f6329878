/** View models of the Python docs pages (docs/sdks/<group>/README.md, docs/models/*.md) and their usage snippets. */
import { Examples, plainValue, type Example } from "../../ir/examples.js";
import type { Field, TypeRef } from "../../ir/types.js";
import { snakeCase } from "../../ir/names.js";
import { mdCell, pyString } from "../../render/escape.js";
import { BACKOFF_FIELDS } from "../shared/docs.js";
import { exampleCell } from "../../render/markdown.js";
import type { PyArg, PyValue } from "./literals.js";
import { memberName, pyAttr, type PyMethodPlan, type PyModelPlan, type PyPlan } from "./plan.js";
import { streamsOnly } from "../../ir/responses.js";
import { isNullable } from "./types.js";

const RETRIES_ROW = ["`retries`", "[Optional[utils.RetryConfig]](../../models/utils/retryconfig.md)", ":heavy_minus_sign:", "Configuration to override the default retry behavior of the client."];

/** The Type column of a Python docs table, seen from a page at `depth` folders under docs/. */
export function docType(p: PyPlan, t: TypeRef, required: boolean, depth: number, files = false): string {
  const up = "../".repeat(depth);
  // The aliases being written out: one that names itself again (a JSON value's union of its own
  // lists and maps, Vercel's) is shown by its name there, not written out forever.
  const open = new Set<string>();
  const inner = (x: TypeRef): { text: string; link: string | null } => {
    switch (x.kind) {
      case "primitive":
        if (x.type === "string" && x.format === "binary") return files ? { text: "models.File", link: `${up}models/file.md` } : { text: "bytes", link: null };
        if (x.type === "string" && (x.format === "date-time" || x.format === "date")) return { text: x.format === "date" ? "datetime.date" : "datetime", link: null };
        return { text: { string: "str", integer: "int", number: "float", boolean: "bool", unknown: "Any" }[x.type], link: null };
      case "literal":
        return { text: typeof x.value === "string" ? "str" : typeof x.value === "boolean" ? "bool" : "float", link: null };
      case "null":
        return { text: "None", link: null };
      case "ref": {
        const m = p.models.get(x.model)!;
        if (m.ir.kind === "alias") {
          if (open.has(x.model)) return { text: `models.${m.name}`, link: null };
          open.add(x.model);
          const shown = inner(m.ir.type);
          open.delete(x.model);
          return shown;
        }
        return { text: `models.${m.errorClass ?? m.name}`, link: `${up}${m.doc}` };
      }
      case "array": {
        const i = inner(x.items);
        return { text: `List[${i.link ? `[${i.text}](${i.link})` : `*${i.text}*`}]`, link: null };
      }
      case "map": {
        const i = inner(x.values);
        return { text: `Dict[str, ${i.link ? `[${i.text}](${i.link})` : `*${i.text}*`}]`, link: null };
      }
      case "union":
        return { text: x.variants.map((v) => inner(v).text).join(" \\| "), link: null };
    }
  };
  const { text, link } = inner(t);
  const nullable = isNullable(p, t) && text !== "Any" && text !== "None";
  const wrapper = nullable ? (required ? "Nullable" : "OptionalNullable") : required ? null : "Optional";
  const shown = wrapper ? `${wrapper}[${text}]` : text;
  if (link) return `[${shown}](${link})`;
  if ((t.kind === "array" || t.kind === "map") && !link) return shown;
  return `*${shown}*`;
}

export function modelDoc(p: PyPlan, m: PyModelPlan) {
  const ir = m.ir;
  const title = m.errorClass ?? m.name;
  const description = (ir.description ?? ir.responseDescription ?? "").replace(/\s+$/, "");
  if (ir.kind === "enum") {
    return { title, description, kind: "enum", table: { headers: ["Name", "Value"], rows: ir.members.map((x, i) => ["`" + m.memberNames[i] + "`", mdCell(String(x.value))]) } };
  }
  if (ir.kind === "alias") {
    return { title, description, kind: "alias", table: { headers: ["Field", "Type", "Required", "Description"], rows: [] } };
  }
  const rows: string[][] = ir.fields.map((f: Field) => [
    "`" + m.fieldNames.get(f)! + "`",
    docType(p, f.type, f.required, 1),
    f.required ? ":heavy_check_mark:" : ":heavy_minus_sign:",
    f.description ? mdCell(f.description) : "N/A",
    exampleCell(f.example),
  ]);
  // Extra properties are kept in pydantic's `__pydantic_extra__`; their example is the object's own.
  const extraExample = ir.additional && ir.fields.length > 0 ? ir.example : undefined;
  if (ir.additional && ir.fields.length > 0) rows.push(["`__pydantic_extra__`", "Dict[str, *Any*]", ":heavy_minus_sign:", "N/A", exampleCell(extraExample)]);
  const withExample = rows.some((r) => r[4] !== "");
  return {
    title,
    description,
    kind: "object",
    table: { headers: ["Field", "Type", "Required", "Description", ...(withExample ? ["Example"] : [])], rows: rows.map((r) => (withExample ? r : r.slice(0, 4))) },
  };
}

/**
 * A usage-snippet value of type `t`. Objects are written as dicts (the TypedDict form), as
 * Speakeasy's snippets do, unless a model on the way keeps extra properties: a TypedDict cannot carry
 * those, so such values are written as model constructors. Enum values are written as members
 * (`clerk_backend_api.Status.ACTIVE`), date-times through `parse_datetime`.
 */
function pyValue(p: PyPlan, t: TypeRef | null, e: Example, constructors: boolean, files = false): PyValue {
  const r = t ? resolve(p, t) : null;
  // A file to upload: its name and an open file, streamed.
  if (files && r?.kind === "primitive" && r.format === "binary") {
    return {
      kind: "dict",
      fields: [
        { name: "file_name", value: { kind: "raw", value: "example.file" } },
        { name: "content", value: { kind: "code", code: 'open("example.file", "rb")' } },
      ],
      extra: null,
    };
  }
  switch (e.kind) {
    case "scalar":
    case "raw":
      return scalarValue(p, r, e.value);
    case "array":
      return { kind: "list", items: e.items.map((i) => pyValue(p, r?.kind === "array" ? r.items : null, i, constructors, files)) };
    case "object": {
      const m = e.model ? p.models.get(e.model) : undefined;
      if (!m || m.ir.kind !== "object" || m.ir.freeForm) return { kind: "raw", value: plainValue(e) };
      const fields: PyArg[] = [];
      const extra: Record<string, unknown> = {};
      for (const f of e.fields) {
        if (f.field) fields.push({ name: m.fieldNames.get(f.field) ?? pyAttr(f.key), value: pyValue(p, f.field.type, f.value, constructors, files) });
        else extra[f.key] = plainValue(f.value);
      }
      if (!constructors) return { kind: "dict", fields, extra: Object.keys(extra).length ? extra : null };
      return { kind: "model", cls: `${p.packageName}.${m.name}`, fields, extra: Object.keys(extra).length ? extra : null };
    }
  }
}

/** `t` with aliases followed (enums and objects stay refs). */
function resolve(p: PyPlan, t: TypeRef, depth = 0): TypeRef {
  if (t.kind !== "ref" || depth > 16) return t;
  const m = p.models.get(t.model)!;
  return m.ir.kind === "alias" ? resolve(p, m.ir.type, depth + 1) : t;
}

function scalarValue(p: PyPlan, t: TypeRef | null, value: unknown): PyValue {
  if (t?.kind === "ref" && typeof value !== "object") {
    const m = p.models.get(t.model)!;
    const member = memberName(m, value);
    if (member) return { kind: "code", code: `${p.packageName}.${m.name}.${member}` };
  }
  if (t?.kind === "primitive" && t.format === "date-time" && typeof value === "string" && !Number.isNaN(Date.parse(value))) {
    return { kind: "code", code: `parse_datetime(${pyString(value)})` };
  }
  return { kind: "raw", value };
}

/** Whether a value of `t` may hold a model that keeps extra properties (an object with `additional`). */
function keepsExtra(p: PyPlan, t: TypeRef): boolean {
  const keeping = modelsKeepingExtra(p);
  return refsOf(t).some((name) => keeping.has(name));
}

/** The models named in a type, through arrays, maps and unions (not through other models). */
function refsOf(t: TypeRef, out: string[] = []): string[] {
  if (t.kind === "ref") out.push(t.model);
  else if (t.kind === "array") refsOf(t.items, out);
  else if (t.kind === "map") refsOf(t.values, out);
  else if (t.kind === "union") for (const v of t.variants) refsOf(v, out);
  return out;
}

const keepingByPlan = new WeakMap<PyPlan, Set<string>>();

/**
 * Every model that is such an object, or reaches one through its fields or its aliased type: worked
 * out once per plan, from those objects back along the references (once per operation argument,
 * walking the model graph took most of a second on Microsoft Graph beta).
 */
function modelsKeepingExtra(p: PyPlan): Set<string> {
  const known = keepingByPlan.get(p);
  if (known) return known;
  const referrers = new Map<string, string[]>();
  const keeping = new Set<string>();
  for (const [name, m] of p.models) {
    const ir = m.ir;
    if (ir.kind === "object" && !ir.freeForm && !!ir.additional && ir.fields.length > 0) keeping.add(name);
    const types = ir.kind === "alias" ? [ir.type] : ir.kind === "object" ? ir.fields.map((f) => f.type) : [];
    for (const t of types) for (const r of refsOf(t)) (referrers.get(r) ?? referrers.set(r, []).get(r)!).push(name);
  }
  const queue = [...keeping];
  while (queue.length > 0) {
    for (const from of referrers.get(queue.pop()!) ?? []) {
      if (!keeping.has(from)) {
        keeping.add(from);
        queue.push(from);
      }
    }
  }
  keepingByPlan.set(p, keeping);
  return keeping;
}

export function operationDoc(p: PyPlan, attr: string, m: PyMethodPlan, examples: Examples) {
  const op = m.ir;
  const args: PyArg[] = [];
  const rows: string[][] = [];
  const files = op.body?.encoding === "multipart";
  for (const a of m.args) {
    const given = a.source === "param" || a.source === "field" ? a.example : undefined;
    const shown =
      a.source === "param" || a.source === "field"
        ? examples.shows({
            required: a.required,
            default: a.param?.default ?? a.field?.default,
            readOnly: false,
            deprecated: a.param?.deprecated ?? a.field?.deprecated,
            example: a.example,
            param: true,
          })
        : true;
    if (shown) {
      const e = examples.of(a.type, given, 0, !a.required);
      args.push({ name: a.name, value: pyValue(p, a.type, e, keepsExtra(p, a.type), files && a.source !== "param") });
    }
    const required = a.source === "body" && op.request?.wrapsBody ? true : a.required;
    const description =
      a.source === "body" && op.request?.wrapsBody
        ? "The request object to use for the request."
        : a.source === "request"
          ? "The request object to use for the request."
          : a.description
            ? mdCell(a.description)
            : "N/A";
    rows.push([
      "`" + a.name + "`",
      docType(p, a.type, a.source === "body" && op.request?.wrapsBody ? true : a.required, 2, files && a.source !== "param"),
      required ? ":heavy_check_mark:" : ":heavy_minus_sign:",
      description,
      exampleCell(a.example),
    ]);
  }
  rows.push([...RETRIES_ROW, ""]);
  const withExample = rows.some((r) => r[4] !== "");
  const first = op.success.find((r) => r.type) ?? op.success[0];
  const base =
    first?.events && first.type
      ? `EventStream[${docType(p, first.type, true, 2)}]`
      : first?.encoding === "json" && first.type
        ? docType(p, first.type, true, 2)
        : first?.encoding === "text"
          ? "str"
          : first?.encoding
            ? "httpx.Response"
            : "None";
  const response = op.pagination ? `Optional[PageIterator[${base}]]` : base;
  const iterate = op.pagination ? "pages" : streamsOnly(op.success) ? "events" : null;
  const errRows = op.errors.flatMap((e) => {
    const em = p.models.get(e.model)!;
    return em.errorClass ? [[`models.${em.errorClass}`, mdCell(e.statuses.join(", ")), mdCell(e.contentType)]] : [];
  });
  errRows.push(["models.SDKError", "4XX, 5XX", "\\*/\\*"]);
  const code = args.map((a) => snippetCode(a.value)).join("\n");
  return {
    name: m.method,
    anchor: m.method,
    attr,
    summary: op.summary ?? m.method,
    description: op.description ?? op.summary ?? "",
    importsPackage: code.includes(`${p.packageName}.`),
    importsParseDatetime: code.includes("parse_datetime("),
    returnsValue: !!first?.type,
    iterate,
    args,
    params: { headers: ["Parameter", "Type", "Required", "Description", ...(withExample ? ["Example"] : [])], rows: rows.map((r) => (withExample ? r : r.slice(0, 4))) },
    response,
    errors: { headers: ["Error Type", "Status Code", "Content Type"], rows: errRows },
  };
}

function snippetCode(v: PyValue): string {
  switch (v.kind) {
    case "code":
      return v.code;
    case "raw":
      return "";
    case "list":
      return v.items.map(snippetCode).join("\n");
    case "model":
      return `${v.cls}(` + v.fields.map((f) => snippetCode(f.value)).join("\n");
    case "dict":
      return v.fields.map((f) => snippetCode(f.value)).join("\n");
  }
}

/** The page of the runtime's File model, for APIs that upload files. */
export function fileDoc() {
  return {
    title: "File",
    description: "A file to upload. `content` is streamed from a file object; `content_type` defaults to a guess from the file name.",
    kind: "object",
    table: {
      headers: ["Field", "Type", "Required", "Description"],
      rows: [
        ["`file_name`", "*str*", ":heavy_check_mark:", "The file's name, sent in the part's Content-Disposition."],
        ["`content`", "*Union[bytes, IO[bytes]]*", ":heavy_check_mark:", "The file's bytes, or an open file."],
        ["`content_type`", "*Optional[str]*", ":heavy_minus_sign:", "The part's media type."],
      ],
    },
  };
}

export function retryDocs() {
  return {
    retryFields: {
      headers: ["Name", "Type", "Description", "Example"],
      rows: [
        ["`strategy`", "`*str*`", "The retry strategy to use.", "`backoff`"],
        ["`backoff`", "[BackoffStrategy](#backoffstrategy)", "Configuration for the backoff strategy.", ""],
        ["`retry_connection_errors`", "`*bool*`", "Whether to retry on connection errors.", "`true`"],
      ],
    },
    backoffFields: {
      headers: ["Name", "Type", "Description", "Example"],
      rows: BACKOFF_FIELDS.map((f) => ["`" + snakeCase(f.name) + "`", f.integer ? "`*int*`" : "`*float*`", f.description, "`" + f.example + "`"]),
    },
  };
}
