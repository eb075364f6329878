#!/usr/bin/env node
// Runs the bundled CLI (`npm ci` builds dist/ through the prepare script; `npm run build` rebuilds it).
// Exit codes are documented in the README: 0 done, 1 problem with the input or output, 2 bad usage, 3 --check differs.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("specsmith: dist/ is missing; run `npm run build` (npm ci runs it through `prepare`)\n");
  process.exit(1);
}
const { main, report } = await import(cli.href);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.exitCode = report(err);
  },
);
