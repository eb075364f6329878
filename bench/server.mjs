// A local API for the client-overhead row: answers every request with one ActorToken, as Clerk would.
import { createServer } from "node:http";

const body = JSON.stringify({
  object: "actor_token",
  id: "act_2V7JJKmoA9HqzHhfMqK5cpgLl56",
  status: "pending",
  user_id: "user_2V7JJKmoA9HqzHhfMqK5cpgLl56",
  actor: { sub: "user_2OEpKhcCN1Lat9NQ0G6puh7q5Rb" },
  token: "eyJhbGciOiJSUzI1NiIsImtpZCI6Imluc18yOW",
  url: "https://example.com/v1/tickets/accept?ticket=eyJhbGciOiJSUzI1NiIsImtpZCI6Imluc18yOW",
  created_at: 1700000000000,
  updated_at: 1700000000000,
});
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
