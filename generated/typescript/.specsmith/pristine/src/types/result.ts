/** The outcome of a standalone function: standalone functions return errors instead of throwing. */
export type Result<T, E = unknown> =
  | { ok: true; value: T; error?: never }
  | { ok: false; error: E; value?: never };

export function OK<V>(value: V): Result<V, never> {
  return { ok: true, value };
}

export function ERR<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** Turns a Result into a value, throwing its error: what the client class methods do. */
export async function unwrapAsync<T, E>(pr: Promise<Result<T, E>>): Promise<T> {
  const r = await pr;
  if (!r.ok) throw r.error;
  return r.value;
}
