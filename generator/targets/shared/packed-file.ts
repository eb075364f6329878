/** A file whose text is held as UTF-8 bytes (in the pristine pack, or spilled: off-heap.ts), decoded only when read. */
import type { OutputFile } from "../../write/write.js";

/** Where a packed file's text is: its bytes (read when asked for), its digest when known, the text. */
export interface TextSource {
  bytes(): Uint8Array;
  /** The bytes' length, known without reading them (a spilled text's are on disk). */
  size: number;
  digest?: string;
  text(): string;
}

/**
 * `file`, turned in place into one whose text is `source`'s: its digest (when known), its bytes
 * (`packed`, which the next pack copies and the writer writes) and the text itself, decoded when
 * first read. Setting `content` lets go of the bytes and the digest, which no longer describe it.
 */
export function asPacked(file: OutputFile, source: TextSource): OutputFile {
  let content: string | undefined;
  let replaced = false;
  if (source.digest !== undefined) file.digest = source.digest;
  else delete file.digest;
  Object.defineProperty(file, "content", {
    get: (): string => (content ??= source.text()),
    set: (value: string) => {
      content = value;
      replaced = true;
      file.digest = undefined;
    },
    enumerable: true,
    configurable: true,
  });
  // Not enumerable: a copy of the file (`{ ...file, content }`, a merge) does not take the bytes along.
  Object.defineProperty(file, "packed", { get: () => (replaced ? undefined : source.bytes()), enumerable: false, configurable: true });
  // The pack cuts its segments around large texts (pack.ts): their size, without the bytes.
  Object.defineProperty(file, "packedSize", { get: () => (replaced ? undefined : source.size), enumerable: false, configurable: true });
  return file;
}
