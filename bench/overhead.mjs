// Per-request cost of the generated client over a bare fetch doing the same request (same URL,
// method, headers and JSON body; reads the JSON reply). Blocks of each alternate so drift cancels.
// Args: <bundled SDK .mjs> <port> <requests per side>
const [sdkPath, port, total] = process.argv.slice(2);
const { Clerk } = await import(sdkPath);
const base = `http://127.0.0.1:${port}`;
const clerk = new Clerk({ bearerAuth: "sk_test_bench", serverURL: base, retryConfig: { strategy: "none" } });
const request = { userId: "user_2V7JJKmoA9HqzHhfMqK5cpgLl56", actor: { sub: "user_2OEpKhcCN1Lat9NQ0G6puh7q5Rb" }, expiresInSeconds: 3600 };
const wire = { user_id: request.userId, actor: request.actor, expires_in_seconds: request.expiresInSeconds };

const bare = async () => {
  const res = await fetch(`${base}/actor_tokens`, {
    method: "POST",
    headers: { authorization: "Bearer sk_test_bench", "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(wire),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return res.json();
};
const sdk = async () => {
  const token = await clerk.actorTokens.create(request);
  if (token.id === undefined) throw new Error("no id");
  return token;
};

async function block(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e3;
}

const n = Number(total);
// Many short alternating blocks; the overhead is the median of each pair's ratio, so a burst of load
// from another process on the machine moves one pair, not the result.
const blocks = 40;
await block(bare, 500);
await block(sdk, 500);
const bares = [];
const sdks = [];
// The pairs alternate their order too (ABBA): whichever side runs second in a pair was measured
// a few per cent slower, identical code on both sides included.
const timed = async (fn) => (await block(fn, n / blocks)) / (n / blocks);
for (let b = 0; b < blocks; b++) {
  if (b % 2 === 0) {
    bares.push(await timed(bare));
    sdks.push(await timed(sdk));
  } else {
    sdks.push(await timed(sdk));
    bares.push(await timed(bare));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ratio = median(sdks.map((x, i) => x / bares[i]));
process.stdout.write(JSON.stringify({ bareUs: median(bares), sdkUs: median(sdks), ratio }) + "\n");
