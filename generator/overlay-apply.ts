/** `specsmith overlay apply SPEC OVERLAY... [-o OUT]`: the spec with the overlays applied, to look at or to keep. */
import { stringify } from "yaml";
import { formatDiagnostic } from "./diagnostics.js";
import { overlaid } from "./load/index.js";
import { writeFileAtomic } from "./write/file.js";

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
  writeFileAtomic(out, text);
  return 0;
}
