/** The first two steps of every command: load the spec (overlays applied, $refs reached, validated), then build the IR. */
import { buildApi } from "./ir/build.js";
import type { Api } from "./ir/types.js";
import { loadSpec, type LoadedSpec, type SpecInput } from "./load/index.js";

export function loadApi(spec: SpecInput, overlays: string[] = []): { api: Api; loaded: LoadedSpec } {
  const loaded = loadSpec(spec, overlays);
  const api = buildApi(loaded.resolver, loaded.version);
  api.warnings.unshift(...loaded.warnings);
  return { api, loaded };
}
