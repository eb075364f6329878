// The Python target: its ActorTokens page reproduces the reference page, its model pages follow
// the reference's, its docs hold together, and its own test suite (python3 -m unittest) passes.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PYTHON, REQUIREMENTS, checkPythonSdk, mypyStrict, pipIndexArgs, ruffCheck, ruffFormatCheck } from "./helpers/python.js";
import { brokenLinks } from "./helpers/links.js";
import { GENERATED_PY, ROOT, SHARED, listFiles, read } from "./helpers/paths.js";

const REFERENCE_MODELS = join(SHARED, "reference/clerk-python-docs/history/b1a2747/docs/models");

describe("python docs against the reference", () => {
  it("docs/sdks/actortokens/README.md equals the reference page but for the repeated-keyword block", () => {
    const ours = read(join(GENERATED_PY, "docs/sdks/actortokens/README.md"));
    const reference = read(join(SHARED, "reference/seed/actortokens-python.md"));
    // The reference's create example passes `sub` twice: `sub="…"` and again in `**{"sub": "…"}`,
    // which raises "TypeError: got multiple values for keyword argument 'sub'". Our example passes
    // only the declared `sub`, since the schema's example has no keys beyond the declared ones.
    // Those three lines are the one deliberate difference.
    const repeated = ["            **{", '                "sub": "user_2OEpKhcCN1Lat9NQ0G6puh7q5Rb",', "            },"].join("\n") + "\n";
    expect(reference).toContain(repeated);
    expect(ours).toBe(reference.replace(repeated, ""));
  });

  // Where our pages differ from the reference, by design (each explained in the closing note):
  // - ClerkError.meta is named ClerkErrorMeta (inline schemas are named parent + property); the
  //   reference, generated from the whole 249-operation spec, calls it Meta.
  const RENAMES: [string, string][] = [
    ["ClerkErrorMeta", "Meta"],
    ["clerkerrormeta.md", "meta.md"],
  ];
  const referencePages = listFiles(REFERENCE_MODELS);

  it.each(referencePages)("docs/models/%s follows the reference page", (page) => {
    const oursPath = join(GENERATED_PY, "docs/models", page === "meta.md" ? "clerkerrormeta.md" : page);
    let ours = read(oursPath);
    for (const [from, to] of RENAMES) ours = ours.split(from).join(to);
    // Renames change cell lengths; compare with padding normalised, and check the padding rule separately.
    const norm = (s: string) => s.replace(/ +\|/g, " |").replace(/-+ \|/g, "- |").replace(/\| -+/g, "| -");
    expect(norm(ours)).toBe(norm(read(join(REFERENCE_MODELS, page))));
    if (!["clerkerror.md", "meta.md", "createactortokenactor.md"].includes(page)) {
      expect(read(oursPath)).toBe(read(join(REFERENCE_MODELS, page)));
    }
  });

  it("has a page for every model and no page the reference lacks, but for the renamed one", () => {
    const ours = listFiles(join(GENERATED_PY, "docs/models"))
      .map((p) => (p === "clerkerrormeta.md" ? "meta.md" : p))
      .sort();
    expect(ours).toEqual(referencePages);
  });
});

describe("python docs", () => {
  const pages = listFiles(GENERATED_PY).filter((f) => f.endsWith(".md") && f !== "CHANGELOG.md" && !f.startsWith(".specsmith/"));

  it.each(pages)("%s ends without a newline", (page) => {
    expect(read(join(GENERATED_PY, page)).endsWith("\n")).toBe(false);
  });

  it("every relative link resolves (files and #anchors)", () => {
    expect(brokenLinks(GENERATED_PY, pages)).toEqual([]);
  });
});

describe("python SDK", () => {
  it("passes its behaviour, runtime, safety and docs-example suites (python -m unittest, in the test venv)", async () => {
    // The safety suite runs against the client-safety fixture's SDK, plain and with idempotencyHeader.
    const { generateAll } = await import("../generator/generate.js");
    const { writeOutput } = await import("../generator/write/write.js");
    const safety = (pkg: string) => join(ROOT, ".tmp", "py-safety", pkg);
    for (const [pkg, header] of [
      ["vault", undefined],
      ["vault_keyed", "Idempotency-Key"],
    ] as const) {
      const [r] = await generateAll(join(ROOT, "tests/fixtures/client-safety/spec.yaml"), [
        { name: "python", out: safety(pkg), packageName: pkg, sdkClass: "Vault", version: "1.0.0", ...(header ? { idempotencyHeader: header } : {}) },
      ]);
      writeOutput(r.target.out, r.files);
    }
    // The runtime suite runs against the uploads-nulls-dates-open-enums fixture's SDK.
    const runtime = join(ROOT, ".tmp", "py-runtime");
    const [rt] = await generateAll(join(ROOT, "tests/fixtures/uploads-nulls-dates-open-enums/spec.yaml"), [
      { name: "python", out: runtime, packageName: "papers", sdkClass: "Papers", version: "1.0.0" },
    ]);
    writeOutput(runtime, rt.files);
    // The hooks suite runs against an SDK generated with the user's registration.py already in place.
    const hooks = join(ROOT, ".tmp", "py-hooks");
    rmSync(hooks, { recursive: true, force: true });
    mkdirSync(join(hooks, "src/hooked/_hooks"), { recursive: true });
    copyFileSync(join(ROOT, "tests/python/hooks_registration.py"), join(hooks, "src/hooked/_hooks/registration.py"));
    const [hk] = await generateAll(join(ROOT, "spec/clerk-actor-tokens.yaml"), [{ name: "python", out: hooks, packageName: "hooked", sdkClass: "Clerk", version: "1.0.0" }]);
    writeOutput(hooks, hk.files);
    expect(readFileSync(join(hooks, "src/hooked/_hooks/registration.py"), "utf8")).toBe(readFileSync(join(ROOT, "tests/python/hooks_registration.py"), "utf8"));
    const env = {
      ...process.env,
      SPECSMITH_HOOKS_SDK: join(hooks, "src"),
      SPECSMITH_SAFETY_SDK: join(safety("vault"), "src"),
      SPECSMITH_SAFETY_SDK_KEYED: join(safety("vault_keyed"), "src"),
      SPECSMITH_RUNTIME_SDK: join(runtime, "src"),
    };
    const r = spawnSync(PYTHON, ["-m", "unittest", "discover", "-s", join(ROOT, "tests/python"), "-t", join(ROOT, "tests/python")], {
      cwd: join(ROOT, "tests/python"),
      encoding: "utf8",
      timeout: 120_000,
      env,
    });
    const output = r.stdout + r.stderr;
    expect(output, output).toMatch(/\nOK\n?$/);
    expect(r.status, output).toBe(0);
    expect(Number(/Ran (\d+) tests/.exec(output)?.[1])).toBeGreaterThanOrEqual(40);
  });

  it("has a pyproject.toml naming the package, Python 3.9+, and the dependencies the tests install", () => {
    const code = "import tomllib,json,sys; print(json.dumps(tomllib.load(open(sys.argv[1],'rb'))))";
    const r = spawnSync(PYTHON, ["-c", code, join(GENERATED_PY, "pyproject.toml")], { encoding: "utf8" });
    const toml = JSON.parse(r.stdout);
    // The version is the release step's (bumped as the committed SDK's surface grows): the lock's.
    const lock = JSON.parse(readFileSync(join(GENERATED_PY, ".specsmith", "lock.json"), "utf8")) as { version: string };
    expect(toml.project).toMatchObject({ name: "clerk-backend-api", version: lock.version, "requires-python": ">=3.9" });
    expect(toml.project.dependencies.map((d: string) => d.replace(/ /g, ""))).toEqual(REQUIREMENTS);
    expect(toml["tool"]["setuptools"]["packages"]["find"]["where"]).toEqual(["src"]);
  });

  it("pip installs it with its dependencies into a fresh virtual environment, where it imports and calls", () => {
    const venv = join(ROOT, ".tmp", "venv-install");
    rmSync(venv, { recursive: true, force: true });
    // Made without pip of its own (bootstrapping one costs 4 CPU-s): the test environment's pip installs into it.
    expect(spawnSync("python3", ["-m", "venv", "--without-pip", venv]).status).toBe(0);
    const python = join(venv, "bin", "python");
    // From a copy: a build writes build/ and *.egg-info beside the sources, never into generated/.
    const source = join(ROOT, ".tmp", "pip-source");
    rmSync(source, { recursive: true, force: true });
    cpSync(GENERATED_PY, source, { recursive: true });
    const pip = spawnSync(PYTHON, ["-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check", ...pipIndexArgs(), source], { encoding: "utf8", timeout: 300_000 });
    expect(pip.status, pip.stdout + pip.stderr).toBe(0);
    const script = "import clerk_backend_api as c, httpx, pydantic; print(c.__version__, c.Clerk.__name__, pydantic.VERSION.split('.')[0]); c.Clerk(bearer_auth='t').close()";
    const py = spawnSync(python, ["-c", script], { encoding: "utf8", cwd: venv });
    expect(py.stderr).toBe("");
    const lock = JSON.parse(readFileSync(join(GENERATED_PY, ".specsmith", "lock.json"), "utf8")) as { version: string };
    expect(py.stdout.trim()).toBe(`${lock.version} Clerk 2`);
  }, 300_000);
});

describe("python models for the fixture specs", () => {
  it("decode and encode unions by discriminator or required keys (unions-discriminators)", async () => {
    const out = await fixtureSdk("unions-discriminators", "py-unions", "zoo", "Zoo");
    const script = [
      "from zoo import models",
      "r = models.ListAnimalsResponse.model_validate({'items': [{'pet_type': 'cat', 'name': 'Tom', 'lives_left': 9}, {'pet_type': 'doggo', 'name': 'Rex', 'bark_volume': 11}], 'owner': {'legal_name': 'Acme', 'tax_id': 'T1'}, 'tags': [{'tag_name': 'cute'}], 'featured': None})",
      "assert type(r.items[0]).__name__ == 'Cat' and r.items[0].lives_left == 9, r",
      "assert type(r.items[1]).__name__ == 'Dog' and r.items[1].bark_volume == 11, r",
      "assert type(r.owner).__name__ == 'Company' and r.owner.tax_id == 'T1', r",
      "assert type(r.tags[0]).__name__ == 'Tag', r",
      "assert r.featured is None",
      "s = models.ListAnimalsResponse.model_validate({'items': [], 'owner': 'someone', 'tags': ['a']})",
      "assert s.owner == 'someone' and s.tags == ['a'], s",
      "assert r.model_dump(mode='json', by_alias=True)['items'][1] == {'pet_type': 'doggo', 'name': 'Rex', 'bark_volume': 11}, r.model_dump(mode='json', by_alias=True)",
      // The discriminator decides, not the shape: a cat-shaped item tagged "doggo" is a Dog (the shape alone says Cat).
      "import pydantic",
      "d = models.ListAnimalsResponse.model_validate({'items': [{'pet_type': 'doggo', 'name': 'Tom', 'lives_left': 9}]})",
      "assert type(d.items[0]).__name__ == 'Dog', d",
      "try:\n    models.ListAnimalsResponse.model_validate({'items': [{'pet_type': 'parrot', 'name': 'Polly'}]})\n    raise SystemExit('an unknown tag validated')\nexcept pydantic.ValidationError:\n    pass",
      "print('ok')",
    ].join("\n");
    const py = spawnSync(PYTHON, ["-c", script], { encoding: "utf8", env: { ...process.env, PYTHONPATH: join(out, "src"), PYTHONDONTWRITEBYTECODE: "1" } });
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");
  });

  it.each(readdirSync(join(ROOT, "tests/fixtures")).sort())("%s: every module imports, every model and signature resolves", async (name) => {
    const { generateAll } = await import("../generator/generate.js");
    const { writeOutput } = await import("../generator/write/write.js");
    const out = join(ROOT, ".tmp", "py-fixtures", name);
    const spec = ["spec.yaml", "spec.json"].map((f) => join(ROOT, "tests/fixtures", name, f)).find(existsSync)!;
    const pkg = "fx_" + name.replace(/-/g, "_");
    const [r] = await generateAll(spec, [{ name: "python", out, packageName: pkg, sdkClass: "SDK", version: "1.0.0" }]);
    writeOutput(out, r.files);
    const check = checkPythonSdk(join(out, "src"), pkg);
    expect(check.errors).toEqual([]);
    expect(check.methods).toBe(2 * r.operations!);
  });
});

describe("python types", () => {
  it("every fixture's SDK and the committed one type-check under mypy --strict and pass ruff's pyflakes and bugbear rules", async () => {
    const { generateAll } = await import("../generator/generate.js");
    const { writeOutput } = await import("../generator/write/write.js");
    const packages = [{ src: join(GENERATED_PY, "src"), name: "clerk_backend_api" }];
    for (const name of readdirSync(join(ROOT, "tests/fixtures")).sort()) {
      const out = join(ROOT, ".tmp", "py-mypy", name);
      const spec = ["spec.yaml", "spec.json"].map((f) => join(ROOT, "tests/fixtures", name, f)).find(existsSync)!;
      const pkg = "fx_" + name.replace(/-/g, "_");
      const [r] = await generateAll(spec, [{ name: "python", out, packageName: pkg, sdkClass: "SDK", version: "1.0.0" }]);
      writeOutput(out, r.files);
      packages.push({ src: join(out, "src"), name: pkg });
    }
    expect(mypyStrict(packages)).toBe("");
    expect(ruffCheck(packages.map((p) => p.src))).toBe("");
    expect(ruffFormatCheck(packages.map((p) => p.src))).toBe("");
  }, 300_000);
});

describe("python OAuth2 client credentials (oauth2-client-credentials)", () => {
  it("fetches the token once and sends it as a bearer token", async () => {
    const out = await fixtureSdk("oauth2-client-credentials", "py-oauth", "machines", "Machines");
    const script = `
import base64, urllib.parse
from helpers import Reply, TestServer
from machines import Machines
server = TestServer()
server.reply(lambda req, n: Reply(200, {"access_token": "tok-1", "expires_in": 3600}) if req.path == "/oauth/token" else Reply(200, ["m1"]))
client = Machines(oauth={"client_id": "cid", "client_secret": "s3c:ret"}, server_url=server.url + "/api")
assert client.machines.list_machines() == ["m1"]
assert client.machines.list_machines() == ["m1"]
token_req, *calls = server.requests
assert token_req.path == "/oauth/token", token_req.path
assert token_req.headers["authorization"] == "Basic " + base64.b64encode(b"cid:s3c%3Aret").decode()
assert dict(urllib.parse.parse_qsl(token_req.body.decode())) == {"grant_type": "client_credentials", "scope": "machines:read"}
assert [(c.path, c.headers["authorization"]) for c in calls] == [("/api/machines", "Bearer tok-1")] * 2, calls
server.close()
print("ok")`;
    const py = runWithHelpers(script, join(out, "src"));
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");
  });
});

describe("a required field with a default (read-write-only-defaults)", () => {
  it("is an optional argument and model field whose default is sent when the call leaves it out", async () => {
    const out = await fixtureSdk("read-write-only-defaults", "py-defaults", "rw", "SDK");
    const script = `
import json
from helpers import Reply, TestServer
from rw import SDK, models
server = TestServer()
server.reply(lambda req, n: Reply(204, None))
sdk = SDK(server_url=server.url)
sdk.users.create_invite(email="a@example.com")
sdk.users.create_invite(email="b@example.com", seats=3)
assert [json.loads(r.body) for r in server.requests] == [{"email": "a@example.com", "seats": 1}, {"email": "b@example.com", "seats": 3}], [r.body for r in server.requests]
assert models.Invite(email="c@example.com").seats == 1
server.close()
print("ok")`;
    const py = runWithHelpers(script, join(out, "src"));
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");
    expect(mypyStrict([{ src: join(out, "src"), name: "rw" }])).toBe("");
  });
});

describe("a dotted package name (acme.pets: the SDK inside the namespace package acme)", () => {
  it("is a folder per part with no __init__.py in acme; it imports whole, type-checks, calls the API and its docs' snippets run", async () => {
    const out = await fixtureSdk("query-header-params", "py-dotted", "acme.pets", "Pets");
    expect(existsSync(join(out, "src", "acme", "pets", "__init__.py"))).toBe(true);
    expect(existsSync(join(out, "src", "acme", "__init__.py"))).toBe(false);
    expect(readFileSync(join(out, "pyproject.toml"), "utf8")).toContain('name = "acme-pets"');
    const src = join(out, "src");
    expect(checkPythonSdk(src, "acme.pets").errors).toEqual([]);
    expect(mypyStrict([{ src, name: "acme.pets" }])).toBe("");
    const script = `
from helpers import Reply, TestServer
from acme.pets import Pets
server = TestServer()
server.reply(lambda req, n: Reply(200, []))
Pets(api_key="k", server_idx=2, url_params={"host": server.url.split("//")[1]}).pets.list_pets()
assert [r.path for r in server.requests] == ["/api/pets"], [r.path for r in server.requests]
server.close()
print("ok")`;
    const py = runWithHelpers(script, src);
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");
    const page = join(out, "docs", "sdks", "petssdk", "README.md");
    expect(readFileSync(page, "utf8")).toContain("from acme.pets import Pets");
    const report = runSnippets(src, join(src, "acme", "pets", "config.py"), page);
    expect(report.results.filter((x) => !x.ok)).toEqual([]);
    expect(report.total).toBeGreaterThan(0);
  });

  it("each part must be a Python name", async () => {
    const { TARGETS } = await import("../generator/targets/registry.js");
    const python = TARGETS.find((t) => t.name === "python")!;
    expect(python.settingProblem("packageName", "acme.pets")).toBeUndefined();
    for (const bad of ["acme..pets", "acme.", ".pets", "acme.class", "acme.2pets", "acme-pets"]) expect(python.settingProblem("packageName", bad), bad).toMatch(/not a Python package name/);
  });
});

describe("python server selection (query-header-params)", () => {
  it("server_idx picks a server and url_params (or server_variables) fill its variables, defaults for the rest; a global parameter is a constructor argument", async () => {
    const out = await fixtureSdk("query-header-params", "py-servers", "pets", "Pets");
    const script = `
from helpers import Reply, TestServer
from pets import Pets
server = TestServer()
server.reply(lambda req, n: Reply(200, []))
host = server.url.split("//")[1]
assert Pets(api_key="k")._client.server_url == "https://pets.example.com/api"
assert Pets(api_key="k", server_idx=1)._client.server_url == "https://eu.pets.example.com"
Pets(api_key="k", server_idx=2, url_params={"host": host}).pets.list_pets()
Pets(api_key="k", server_idx=2, server_variables={"host": host, "base": "v2"}).pets.list_pets()
assert [r.path for r in server.requests] == ["/api/pets", "/v2/pets"], [r.path for r in server.requests]
# A global parameter (x-speakeasy-globals): a constructor argument, sent unless the call gives its own.
base = {"api_key": "k", "server_idx": 2, "url_params": {"host": host}}
Pets(**base, tenant="t-1").pets.list_pets()
Pets(**base, tenant="t-1").pets.list_pets(tenant="t-2")
Pets(**base).pets.list_pets()
assert [r.headers.get("x-tenant-id") for r in server.requests[2:]] == ["t-1", "t-2", None], [r.headers for r in server.requests[2:]]
server.close()
print("ok")`;
    const py = runWithHelpers(script, join(out, "src"));
    expect(py.stderr).toBe("");
    expect(py.stdout.trim()).toBe("ok");

    // The docs' usage snippets construct the client with the global too, as Speakeasy's show it, and
    // run as written.
    const page = join(out, "docs", "sdks", "petssdk", "README.md");
    expect(readFileSync(page, "utf8")).toContain('with Pets(\n    tenant="<value>",\n    api_key=');
    const report = runSnippets(join(out, "src"), join(out, "src", "pets", "config.py"), page);
    expect(report.results.filter((x) => !x.ok)).toEqual([]);
    expect(report.total).toBeGreaterThan(0);
  });
});

/** Generates a fixture's Python SDK into .tmp/<dir> (emptied first); the folder. */
async function fixtureSdk(fixture: string, dir: string, packageName: string, sdkClass: string): Promise<string> {
  const { generateAll } = await import("../generator/generate.js");
  const { writeOutput } = await import("../generator/write/write.js");
  const out = join(ROOT, ".tmp", dir);
  rmSync(out, { recursive: true, force: true });
  const [r] = await generateAll(join(ROOT, "tests", "fixtures", fixture, "spec.yaml"), [{ name: "python", out, packageName, sdkClass, version: "1.0.0" }]);
  writeOutput(out, r.files);
  return out;
}

/** Runs a Python script with the SDK's src/ and tests/python (its TestServer) on the path. */
function runWithHelpers(script: string, src: string) {
  return spawnSync(PYTHON, ["-c", script], { encoding: "utf8", env: { ...process.env, PYTHONPATH: [src, join(ROOT, "tests/python")].join(":"), PYTHONDONTWRITEBYTECODE: "1" } });
}

/** Runs a docs page's usage snippets against a local server (the URL through the SDK's SERVER_URL_ENV, read from its config.py). */
function runSnippets(src: string, configPy: string, page: string): { total: number; results: { ok: boolean; error: string }[] } {
  const env = /SERVER_URL_ENV = "(\w+)"/.exec(readFileSync(configPy, "utf8"))![1];
  const run = spawnSync(PYTHON, [join(ROOT, "tests/python/run_snippets.py"), src, env, page], { encoding: "utf8" });
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as { total: number; results: { ok: boolean; error: string }[] };
}
