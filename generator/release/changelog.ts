/**
 * CHANGELOG.md of a generated SDK: newest release first. Each generation that releases a version
 * prepends its entry to the file as it is on disk, so entries (and the maintainers' edits to them)
 * are never rewritten.
 */
import { mdCode, mdPlain } from "../render/escape.js";
import type { Change, Section } from "./classify.js";
import type { Release } from "./release.js";

const HEADER = "# Changelog\n";

const SECTIONS: { section: Section; title: string }[] = [
  { section: "breaking", title: "Breaking ⚠️" },
  { section: "added", title: "Added" },
  { section: "changed", title: "Changed" },
  { section: "docs", title: "Docs" },
];

export interface EntryContext {
  date: string;
  apiTitle: string;
  apiVersion: string;
  methods: number;
  models: number;
}

/** The changelog after this release: `existing` (the file on disk, if any) with the new entry on top. */
export function changelogText(existing: string | undefined, release: Release, ctx: EntryContext): string {
  const body = (existing ?? "").replace(/^# Changelog[^\n]*\n+/, "").trim();
  const entry = release.reason === "unchanged" || release.reason === "held" ? "" : entryText(release, ctx, /^## /m.test(body));
  return [HEADER, entry, body].filter(Boolean).join("\n").trimEnd() + "\n";
}

function entryText(release: Release, ctx: EntryContext, hadEntries: boolean): string {
  const lines = [`## ${release.version} (${ctx.date})`, ""];
  const api = `${mdPlain(ctx.apiTitle)}, API version ${mdCode(ctx.apiVersion)}`;
  const was = release.previous?.api.version;
  if (release.reason === "first") {
    // Entries but no lock: the lock was deleted (or never committed); what changed is unknown.
    const what = hadEntries ? "Versioning restarted from the configuration's version (no lock was found, so the changes are not listed)" : "First release";
    lines.push(`${what}, generated from ${api}: ${count(ctx.methods, "method")}, ${count(ctx.models, "model")}.`, "");
    return lines.join("\n");
  }
  lines.push(`Generated from ${api}${was !== undefined && was !== ctx.apiVersion ? ` (was ${mdCode(was)})` : ""}.`);
  if (release.reason === "config") lines.push(`The version was set in the configuration (the changes below alone call for a ${release.bump === "none" ? "no" : release.bump} release).`);
  lines.push("");
  if (release.reason === "code") lines.push("The generated code changed (a newer specsmith); the SDK's methods, models and types did not.", "");
  else if (release.changes.length === 0) lines.push("No changes to the SDK's surface.", "");
  for (const { section, title } of SECTIONS) {
    const items = grouped(release.changes.filter((c) => c.section === section));
    if (items.length === 0) continue;
    lines.push(`### ${title}`, "", ...items.map((i) => `- ${i}`), "");
  }
  return lines.join("\n");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * One line per method and per model: a model's field and value changes are listed under the model.
 * A symbol with a docs page links to it.
 */
function grouped(changes: Change[]): string[] {
  // Methods first, then models.
  changes = [...changes.filter((c) => c.operationId !== undefined), ...changes.filter((c) => c.operationId === undefined)];
  const byRoot = new Map<string, { link?: string; parts: string[] }>();
  for (const c of changes) {
    const isMember = c.operationId === undefined && c.symbol.includes(".");
    const root = isMember ? c.symbol.slice(0, c.symbol.indexOf(".")) : c.symbol;
    const g = byRoot.get(root) ?? byRoot.set(root, { parts: [] }).get(root)!;
    g.link ??= c.link;
    const what = mdPlain(c.detail);
    g.parts.push(isMember ? `${mdCode(c.symbol.slice(root.length + 1))}: ${what}` : what);
  }
  return [...byRoot].map(([root, g]) => `${g.link ? `[${mdCode(root)}](${g.link})` : mdCode(root)}: ${g.parts.join("; ")}`);
}
