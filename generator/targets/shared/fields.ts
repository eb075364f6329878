import type { Field, Model } from "../../ir/types.js";

/**
 * Whether a model declares the field required: only where every use carries it, so not a read-only
 * field of a model that is sent, nor a write-only one of a model that is received.
 */
export function requiredInModel(f: Field, usage: Model["usage"]): boolean {
  return f.required && !(f.readOnly && usage?.request) && !(f.writeOnly && usage?.response);
}

/**
 * Whether the field is optional in the SDK for its default: a stream switch the IR marked, or a
 * required field with a default in a model that is not only received (sent, sent and received, or
 * used by no operation), which Speakeasy's TypeScript types make optional. The SDK sends the default
 * when the field is left out, and a decoder fills it in when the API leaves it out; a model that is
 * only received keeps the field required, as Speakeasy's does.
 */
export function sendsDefault(f: Field, usage: Model["usage"]): boolean {
  if (f.sendDefault) return true;
  const receivedOnly = !!usage?.response && !usage.request;
  return f.required && f.default !== undefined && !f.readOnly && !receivedOnly;
}
