/**
 * Idempotency keys. Only SDKs and operations that send an idempotency header import this file
 * (lib/config.ts, or the operation's function, sets `idempotency: { header, key: idempotencyKey }`).
 */

/** A fresh idempotency key: a random UUID. */
export function idempotencyKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // randomUUID needs a secure context in browsers; a version-4-shaped key from Math.random otherwise.
  const hex = Array.from({ length: 32 }, () =>
    Math.floor(Math.random() * 16).toString(16),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
