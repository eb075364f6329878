/** The first two steps of every command: load the spec (overlays applied, $refs reached, validated), then build the IR. */
import { buildApi } from "./ir/build.js";
import type { ComponentsMemo } from "./ir/components-memo.js";
import type { NameRecord } from "./ir/names.js";
import type { Api } from "./ir/types.js";
import type { SourceReads } from "./load/source-reads.js";
import { loadSpec, type LoadedSpec, type SpecInput } from "./load/index.js";

/**
 * `progress`: told once the spec is read, checked and overlaid (`read`), then how far the IR's build
 * is (`tally`, in the document's component schemas and paths). `held`: the names the last generation
 * gave (see buildApi). `reads`: what the run read of its files already (see loadSpec). `memo`
 * (--watch): the component schemas' models as the last save built them (components-memo.ts).
 */
export function loadApi(
  spec: SpecInput,
  overlays: string[] = [],
  progress?: { read(): void; tally(done: number, total: number): void },
  held?: NameRecord,
  reads?: SourceReads,
  memo?: ComponentsMemo,
): { api: Api; loaded: LoadedSpec } {
  const loaded = loadSpec(spec, overlays, reads);
  progress?.read();
  const api = buildApi(loaded.resolver, loaded.version, progress?.tally, held, memo);
  // Every file's own findings (a $ref'd file is read while the IR is built), then the loader's.
  api.warnings.unshift(...loaded.resolver.sources.flatMap((f) => f.warnings), ...loaded.warnings);
  return { api, loaded };
}
