/**
 * `npm run corpus -- --generate-only [N [FROM]]`: the robustness sweep. Every OpenAPI 3 document of
 * the directory (or N of the seeded shuffle from FROM) is generated for both targets in memory, with
 * nothing type-checked or written: minutes for all 2,639, where the full check takes hours. Each spec
 * ends one of three ways: generated, refused with a diagnostic (file:line:col, pointer, hint; the
 * spec is broken), or a crash (any other exception: a bug in specsmith, with its stack).
 */
import { SpecError, formatDiagnostic } from "../generator/diagnostics.js";
import type { TargetConfig } from "../generator/config.js";
import { generateAll } from "../generator/generate.js";

export type Outcome = { spec: string; ms: number } & ({ kind: "generated" } | { kind: "refused"; diagnostic: string } | { kind: "crash"; stack: string });

/** The two SDKs the corpus makes of a spec: TypeScript in `out`, Python in `out-py` (check.ts writes them there). */
export function corpusTargets(out: string): TargetConfig[] {
  return [
    { name: "typescript", out, packageName: "sdk", sdkClass: "SDK", version: "1.0.0" },
    { name: "python", out: `${out}-py`, packageName: "sdk_pkg", sdkClass: "SDK", version: "1.0.0" },
  ];
}

/** Generates one spec's two SDKs in memory; `out` names their (never written) folders. */
export async function sweepSpec(name: string, spec: string, out: string): Promise<Outcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    await generateAll(spec, corpusTargets(out));
    return { spec: name, ms: ms(), kind: "generated" };
  } catch (e) {
    if (e instanceof SpecError) return { spec: name, ms: ms(), kind: "refused", diagnostic: formatDiagnostic(e.diagnostics[0]) };
    return { spec: name, ms: ms(), kind: "crash", stack: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** The sweep's report: the counts, then each crash (stack) and each refusal (its first diagnostic). */
export function sweepReport(outcomes: Outcome[]): string {
  const of = (kind: Outcome["kind"]) => outcomes.filter((o) => o.kind === kind);
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const lines = [
    `# Corpus sweep (generation only)`,
    ``,
    `${outcomes.length} specs: ${of("generated").length} generated both SDKs, ${of("refused").length} refused with a diagnostic, ${of("crash").length} crashed.`,
  ];
  if (slowest.length > 0) lines.push(``, `Slowest: ${slowest.map((o) => `${o.spec} ${(o.ms / 1000).toFixed(1)} s`).join(", ")}.`);
  for (const o of outcomes) {
    if (o.kind === "crash") lines.push(``, `## crash: ${o.spec}`, ``, ...fenced(o.stack));
    if (o.kind === "refused") lines.push(``, `## refused: ${o.spec}`, ``, ...fenced(o.diagnostic));
  }
  return lines.join("\n");
}

/** `text` in a code fence longer than any run of backticks it holds (a message may quote the spec). */
function fenced(text: string): string[] {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [fence, text, fence];
}
