import type { Field, Model } from "../../ir/types.js";

/**
 * Whether a model declares the field required: only where every use carries it, so not a read-only
 * field of a model that is sent, nor a write-only one of a model that is received.
 */
export function requiredInModel(f: Field, usage: Model["usage"]): boolean {
  return f.required && !(f.readOnly && usage?.request) && !(f.writeOnly && usage?.response);
}

/**
 * Whether the SDK sends the field's default when it is left out: a stream switch the IR marked, or (in
 * a model that is only ever sent) a required field with a default, which Speakeasy's TypeScript input
 * types make optional. Such a field is optional in the SDK and always present on the wire.
 */
export function sendsDefault(f: Field, usage: Model["usage"]): boolean {
  if (f.sendDefault) return true;
  return f.required && f.default !== undefined && !f.readOnly && !!usage?.request && !usage.response;
}
