// A local file server for the download row: `/files/<name>` answers SIZE_MB of bytes, streamed with
// backpressure (names containing "small": one byte). Prints its URL once listening.
import { createServer } from "node:http";

const size = Number(process.argv[2] ?? 200) * 1048576;
const chunk = Buffer.alloc(1 << 16, 7);
const server = createServer(async (req, res) => {
  req.resume();
  if (req.url.includes("small")) {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end("x");
    return;
  }
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size) });
  for (let sent = 0; sent < size; sent += chunk.length) {
    if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
  }
  res.end();
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
