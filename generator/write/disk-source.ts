/**
 * An output folder's files as the last generation made them, by what each was derived from: the
 * pristine pack records each derived text with its derivation key (targets/shared/derivation.ts),
 * and a generation takes a text whose key is the same from there instead of building, printing and
 * formatting the file again. The pack is committed with the SDK, so a fresh clone (CI, `--check`)
 * has it too. What is on disk is the writer's to compare, as for any generated text: a hand edit is
 * merged, a deleted file written again.
 */
import { PristineStore } from "./pristine.js";
import type { OutputFile } from "./write.js";

export class DiskSource {
  /** Opened on the first file asked for: a generation that recalls nothing reads no pack. */
  private readonly pack: PristineStore;

  constructor(root: string) {
    this.pack = new PristineStore(root);
  }

  /** `path` as the last generation made it from `key`; undefined when it did not. */
  recall(path: string, key: string): OutputFile | undefined {
    const text = this.pack.derived(path, key);
    return text === undefined ? undefined : { path, content: text, key };
  }
}
