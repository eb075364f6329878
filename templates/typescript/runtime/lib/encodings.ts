/** Request body encodings other than JSON. */

/**
 * A file or raw bytes, as a request body or a multipart part. A raw body may also be a stream
 * (sent as it is read, so never retried); a multipart part may not.
 */
export type Binary = Blob | Uint8Array | string | ReadableStream<Uint8Array>;

/**
 * application/x-www-form-urlencoded: arrays repeat their key, nested objects use brackets
 * (`metadata[plan]=pro`), the convention of form-encoded APIs such as Stripe's. A body that is not
 * an object (a spec may declare a string) is sent as its text, taken to be encoded already.
 */
export function encodeForm(value: unknown): string {
  if (!isPlain(value)) return value == null ? "" : String(value);
  const params = new URLSearchParams();
  const add = (key: string, v: unknown): void => {
    if (v === undefined) return;
    if (Array.isArray(v))
      v.forEach((item, i) => add(isPlain(item) ? `${key}[${i}]` : key, item));
    else if (isPlain(v))
      for (const [k, x] of Object.entries(v)) add(`${key}[${k}]`, x);
    else
      params.append(
        key,
        v === null ? "" : v instanceof Date ? v.toISOString() : String(v),
      );
  };
  for (const [k, v] of Object.entries(value)) add(k, v);
  return params.toString();
}

/** multipart/form-data: files and bytes become file parts, objects JSON parts, the rest text. */
export function encodeMultipart(value: unknown): FormData {
  if (value === null || typeof value !== "object") {
    throw new TypeError(
      "a multipart/form-data body must be an object of parts",
    );
  }
  const form = new FormData();
  const add = (key: string, v: unknown): void => {
    if (v === undefined) return;
    if (v instanceof Blob)
      form.append(key, v, v instanceof File ? v.name : key);
    else if (v instanceof Uint8Array)
      form.append(key, new Blob([toArrayBuffer(v)]), key);
    else if (v instanceof ReadableStream)
      throw new TypeError(
        `multipart part "${key}" is a stream: pass a Blob (a File) or bytes`,
      );
    else if (Array.isArray(v)) v.forEach((item) => add(key, item));
    else if (v !== null && typeof v === "object")
      form.append(key, JSON.stringify(v));
    else form.append(key, String(v));
  };
  for (const [k, v] of Object.entries(value)) add(k, v);
  return form;
}

/** A raw body as fetch takes it. */
export function encodeBinary(value: Binary): BodyInit {
  return value instanceof Uint8Array ? toArrayBuffer(value) : value;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === "object" &&
    !(v instanceof Date) &&
    !(v instanceof Blob) &&
    !Array.isArray(v)
  );
}
