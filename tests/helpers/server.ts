import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  raw: Buffer;
}

export type Handler = (req: Recorded, res: ServerResponse, n: number) => unknown;

/** A real HTTP server on 127.0.0.1 (ephemeral port) that records every request it gets. */
export class TestServer {
  readonly requests: Recorded[] = [];
  private handler: Handler = (_req, res) => void res.end();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<TestServer> {
    let self: TestServer;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const rec: Recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: raw.toString("utf8"), raw };
        self.requests.push(rec);
        void Promise.resolve(self.handler(rec, res, self.requests.length)).catch((e) => {
          res.statusCode = 599;
          res.end(String(e));
        });
      });
    });
    self = new TestServer(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return self;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Sets how the next requests are answered, and forgets earlier ones. */
  reply(handler: Handler): void {
    this.requests.length = 0;
    this.handler = handler;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A port on 127.0.0.1 where nothing listens: connections are refused. */
export async function closedPort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return `http://127.0.0.1:${port}`;
}
