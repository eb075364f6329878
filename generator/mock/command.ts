/** `specsmith mock SPEC`: the mock server on 127.0.0.1, until Ctrl-C. */
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { loadApi } from "../api.js";
import { say } from "../cli-io.js";
import { UsageError, formatDiagnostic } from "../diagnostics.js";
import { createMockServer } from "./server.js";

export async function runMock(spec: string, flags: { port: string; overlay: string[] }): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${flags.port} is not a port number (0 to 65535; 0 picks a free one)`);
  const { api } = loadApi(
    resolve(spec),
    flags.overlay.map((o) => resolve(o)),
  );
  if (api.warnings.length) process.stderr.write(api.warnings.map(formatDiagnostic).join("\n") + "\n");
  const server = createMockServer(api, { log: (line) => say("stdout", `${line}\n`) });
  await new Promise<void>((done, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) => fail(new UsageError(e.code === "EADDRINUSE" ? `port ${port} is in use\n  hint: pick another with --port (0 picks a free one)` : e.message)));
    server.listen(port, "127.0.0.1", done);
  });
  const { port: bound } = server.address() as AddressInfo;
  say("stdout", `specsmith: mock server for ${api.info.title} (${api.operations.length} operations) at http://127.0.0.1:${bound} (Ctrl-C to stop)\n`);
  return new Promise<number>((done) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => done(0)));
  });
}
