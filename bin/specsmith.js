#!/usr/bin/env node
// Runs the compiled CLI (npm run build writes dist/).
import { main } from "../dist/generator/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 70;
  },
);
