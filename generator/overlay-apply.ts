/** `specsmith overlay apply SPEC OVERLAY... [-o OUT]`: the spec with the overlays applied, to look at or to keep. */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { stringify } from "yaml";
import { formatDiagnostic } from "./diagnostics.js";
import { overlaid } from "./load/index.js";
import { fsError } from "./write/write.js";

export async function runOverlayApply(spec: string, overlays: string[], out: string | undefined, print: (text: string) => void): Promise<number> {
  const { root, warnings } = overlaid(spec, overlays);
  if (warnings.length) process.stderr.write(warnings.map(formatDiagnostic).join("\n") + "\n");
  const json = out ? /\.json$/i.test(out) : /\.json$/i.test(spec);
  // No YAML anchors or aliases in the output: every shared node is written out where it is used.
  const text = json ? JSON.stringify(root.data, null, 2) + "\n" : stringify(root.data, { aliasDuplicateObjects: false, lineWidth: 0 });
  if (!out) {
    print(text);
    return 0;
  }
  // Written whole beside the target, then renamed over it: never a half-written file.
  const tmp = join(dirname(out), `.${basename(out)}.specsmith-tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fsError(e, out);
  }
  return 0;
}
