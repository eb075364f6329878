/** An operation's `requestBody` → the IR's body: one media type (JSON first), its encoding and type. */
import type { Loc } from "../load/document.js";
import { encodingOf, pickContentType } from "./content.js";
import { isObj, str, type BuildContext, type Obj } from "./context.js";
import type { Body } from "./types.js";

export function buildRequestBody(ctx: BuildContext, op: Obj, opLoc: Loc, base: string): Body | undefined {
  if (op.requestBody === undefined) return undefined;
  const rb = ctx.resolver.deref<Obj>(op.requestBody, { ...opLoc, path: [...opLoc.path, "requestBody"] });
  const content = isObj(rb.value.content) ? rb.value.content : {};
  const ct = pickContentType(Object.keys(content));
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
