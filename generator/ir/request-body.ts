/** An operation's `requestBody` → the IR's body: one media type (JSON first), its encoding and type. */
import type { Loc } from "../load/document.js";
import { encodingOf, pickContentType } from "./content.js";
import { isObj, str, type BuildContext, type Obj } from "./context.js";
import type { Body, Encoding } from "./types.js";

/** The body of one media type: `contentType`, or the one pickContentType prefers. */
export function buildRequestBody(ctx: BuildContext, op: Obj, opLoc: Loc, base: string, contentType?: string): Body | undefined {
  if (op.requestBody === undefined) return undefined;
  const rb = ctx.resolver.deref<Obj>(op.requestBody, { ...opLoc, path: [...opLoc.path, "requestBody"] });
  const content = isObj(rb.value.content) ? rb.value.content : {};
  const ct = contentType ?? pickContentType(Object.keys(content));
  if (!ct) return undefined;
  const media = content[ct] as Obj;
  const mloc: Loc = { ...rb.loc, path: [...rb.loc.path, "content", ct, "schema"] };
  const encoding = encodingOf(ct);
  return {
    contentType: ct,
    encoding,
    // A raw body (images, archives, multipart/related) is bytes, whatever schema it declares.
    type:
      encoding === "binary"
        ? { kind: "primitive", type: "string", format: "binary" }
        : media?.schema === undefined
          ? { kind: "primitive", type: "unknown" }
          : ctx.schemas.type(media.schema, mloc, base + "RequestBody", "operations", base),
    required: rb.value.required === true,
    description: str(rb.value.description),
  };
}

/**
 * Word of the method Speakeasy adds for a body of another encoding than the first's
 * (`createTranscriptionMultipart`). Text (XML and the like) gets none: its body is not the schema's
 * value as the SDKs write one.
 */
const TWIN_WORDS: Partial<Record<Encoding, string>> = { json: "json", form: "form", multipart: "multipart", binary: "raw" };

/**
 * The request body's other media types, one per encoding the preferred one does not have (JSON and
 * multipart/form-data: a second method for the file upload), each with the word its method and
 * names take (`multipart`).
 */
export function otherBodyTypes(ctx: BuildContext, op: Obj, opLoc: Loc): { contentType: string; word: string }[] {
  if (op.requestBody === undefined) return [];
  const rb = ctx.resolver.deref<Obj>(op.requestBody, { ...opLoc, path: [...opLoc.path, "requestBody"] });
  const types = Object.keys(isObj(rb.value.content) ? rb.value.content : {});
  const first = pickContentType(types);
  if (!first) return [];
  const seen = new Set<Encoding>([encodingOf(first)]);
  return types.flatMap((ct) => {
    const encoding = encodingOf(ct);
    const word = TWIN_WORDS[encoding];
    if (seen.has(encoding) || !word) return [];
    seen.add(encoding);
    return [{ contentType: ct, word }];
  });
}
