import type { Field, Model } from "../../ir/types.js";

/**
 * Whether a model declares the field required: only where every use carries it, so not a read-only
 * field of a model that is sent, nor a write-only one of a model that is received.
 */
export function requiredInModel(f: Field, usage: Model["usage"]): boolean {
  return f.required && !(f.readOnly && usage?.request) && !(f.writeOnly && usage?.response);
}
