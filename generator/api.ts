/** The first two steps of every command: load the spec (overlays applied, $refs reached, validated), then build the IR. */
import { buildApi } from "./ir/build.js";
import type { Api } from "./ir/types.js";
import { loadSpec, type LoadedSpec, type SpecInput } from "./load/index.js";

export function loadApi(spec: SpecInput, overlays: string[] = []): { api: Api; loaded: LoadedSpec } {
  const loaded = loadSpec(spec, overlays);
  const api = buildApi(loaded.resolver, loaded.version);
  // Every file's own findings (a $ref'd file is read while the IR is built), then the loader's.
  api.warnings.unshift(...loaded.resolver.sources.flatMap((f) => f.warnings), ...loaded.warnings);
  return { api, loaded };
}
