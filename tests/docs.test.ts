// The generated docs: shaped like the reference page, every table padded to one width, no
// trailing newline, every relative link resolving.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenLinks, prose } from "./helpers/links.js";
import { GENERATED_TS, SHARED, listFiles, read } from "./helpers/paths.js";

// CHANGELOG.md is release notes, not a docs page (tests/release/ checks it).
const pages = listFiles(GENERATED_TS).filter((f) => f.endsWith(".md") && f !== "CHANGELOG.md" && !f.startsWith(".specsmith/"));

function headings(md: string): string[] {
  return prose(md)
    .split("\n")
    .filter((l) => /^#{1,6} /.test(l));
}

/** Replaces per-operation names with placeholders so two pages' outlines compare. */
function outline(md: string, ops: string[]): string[] {
  return headings(md).map((h) => (ops.some((o) => h === `## ${o}`) ? "## <operation>" : h.replace(/^# .*/, "# <Title>")));
}

describe("docs pages", () => {
  it("exist for the resource, every model, the retry config and the README", () => {
    expect(pages).toEqual([
      "README.md",
      "docs/lib/utils/retryconfig.md",
      "docs/models/components/actortoken.md",
      "docs/models/components/actortokenobject.md",
      "docs/models/components/actortokenstatus.md",
      "docs/models/components/clerkerror.md",
      "docs/models/errors/clerkerrors.md",
      "docs/models/operations/createactortokenactor.md",
      "docs/models/operations/createactortokenrequestbody.md",
      "docs/models/operations/revokeactortokenrequest.md",
      "docs/sdks/actortokens/README.md",
    ]);
  });

  it("the resource page has the reference page's sections in the same order, plus the standalone function", () => {
    const ours = read(join(GENERATED_TS, "docs/sdks/actortokens/README.md"));
    const reference = read(join(SHARED, "reference/seed/actortokens-python.md"));
    const expected = outline(reference, ["create", "revoke"]).flatMap((h) => (h === "### Example Usage" ? [h, "### Standalone function"] : [h]));
    expect(outline(ours, ["create", "revoke"])).toEqual(expected);
    expect(ours.startsWith("# ActorTokens\n(*actorTokens*)\n")).toBe(true);
    expect(ours).toContain("* [create](#create) - Create actor token\n* [revoke](#revoke) - Revoke actor token");
    expect(ours).toContain("**Promise\\<[components.ActorToken](../../models/components/actortoken.md)\\>**");
  });

  it("lists each operation's errors like the reference: declared errors, then SDKError for 4XX, 5XX", () => {
    const ours = read(join(GENERATED_TS, "docs/sdks/actortokens/README.md"));
    const rows = [...ours.matchAll(/^\| (errors\.\w+) +\| ([^|]+?) +\| ([^|]+?) +\|$/gm)].map((m) => m.slice(1).join(" ; "));
    expect(rows).toEqual([
      "errors.ClerkErrors ; 400, 402, 422 ; application/json",
      "errors.SDKError ; 4XX, 5XX ; \\*/\\*",
      "errors.ClerkErrors ; 400, 404 ; application/json",
      "errors.SDKError ; 4XX, 5XX ; \\*/\\*",
    ]);
  });

  it.each(pages)("%s: every table pads all its columns to the longest cell", (page) => {
    const lines = prose(read(join(GENERATED_TS, page))).split("\n");
    let tables = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("|") || !/^\| -+ \|/.test(lines[i + 1] ?? "")) continue;
      tables++;
      const rows: string[] = [];
      for (let j = i; j < lines.length && lines[j].startsWith("|"); j++) rows.push(lines[j]);
      const cells = rows.map((r) => r.slice(2, -2).split(/ \| (?=[^|]|$)/));
      const width = Math.max(...cells.flat().map((c) => c.trimEnd().length));
      for (const row of cells) for (const c of row) expect(c.length, `${page}: "${c}"`).toBe(width);
      i += rows.length;
    }
    if (page !== "README.md" || tables > 0) expect(tables).toBeGreaterThan(0);
  });

  it.each(pages)("%s ends without a newline", (page) => {
    expect(read(join(GENERATED_TS, page)).endsWith("\n")).toBe(false);
  });

  it("the link check reads pages as a CommonMark renderer does (it can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "specsmith-links-"));
    writeFileSync(
      join(dir, "a.md"),
      '# A\n\n## Kept\n\n```\n## Hidden\n```\n\n[ok](#kept) [gone](#hidden) [none](missing.md) `[code](not-a-link)` [b](b.md#deep)\n\nSee <a href="/docs/connect">Connect</a>, <a href="#kept">kept</a> and [elsewhere](//example.com/x).\n',
    );
    writeFileSync(join(dir, "b.md"), "# B\n\n```\nnever closed\n\n## Deep\n");
    expect(brokenLinks(dir, ["a.md", "b.md"])).toEqual(["a.md → #hidden", "a.md → missing.md", "a.md → b.md#deep", "a.md → /docs/connect"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("every relative link resolves (files and #anchors)", () => {
    expect(brokenLinks(GENERATED_TS, pages)).toEqual([]);
  });
});
