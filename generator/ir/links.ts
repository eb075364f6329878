/**
 * Links inside descriptions point at the API vendor's site (`/docs/guides`, `#section`): in our docs
 * they would resolve against our own pages and break. They become absolute on the vendor's origin
 * (from externalDocs, terms of service or contact URL) or, with no origin known, plain text.
 */
import type { Api } from "./types.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export function vendorOrigin(doc: Obj): string | undefined {
  const info = isObj(doc.info) ? doc.info : {};
  const candidates = [isObj(doc.externalDocs) ? doc.externalDocs.url : undefined, info.termsOfService, isObj(info.contact) ? info.contact.url : undefined];
  for (const c of candidates) {
    if (typeof c !== "string") continue;
    try {
      const u = new URL(c);
      if (u.protocol === "https:" || u.protocol === "http:") return u.origin;
    } catch {
      // not a URL: try the next one
    }
  }
  return undefined;
}

/** A markdown link, its target with spaces or angle brackets around it too (Google's `]( /apis/design)`). */
const LINK = /\[([^\]]*)\]\(\s*<?([^)\s<>]+)>?((?:\s+"[^"]*")?)\s*\)/g;
/** An HTML link to a path on the vendor's site (Stripe's `<a href="/docs/connect">`). */
const ANCHOR = /<a\s+href="(\/(?!\/)[^"<>`]*)"\s*>/gi;

export function absoluteLinks(text: string, origin: string | undefined): string {
  const linked = text.replace(LINK, (all, label: string, target: string, title: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) return all;
    if (origin && target.startsWith("/")) return `[${label}](${origin}${target}${title})`;
    return label;
  });
  // Without an origin the docs' escaper keeps such a link's text, without its target.
  return origin ? linked.replace(ANCHOR, (_all, path: string) => `<a href="${origin}${path}">`) : linked;
}

/** Rewrites every description and summary in the IR. */
export function rewriteLinks(api: Api, origin: string | undefined): void {
  const fix = (o: { description?: string; summary?: string; responseDescription?: string }) => {
    if (o.description) o.description = absoluteLinks(o.description, origin);
    if (o.summary) o.summary = absoluteLinks(o.summary, origin);
    if (o.responseDescription) o.responseDescription = absoluteLinks(o.responseDescription, origin);
  };
  fix(api.info);
  api.groups.forEach(fix);
  api.securitySchemes.forEach(fix);
  for (const m of api.models) {
    fix(m);
    if (m.kind === "object") m.fields.forEach(fix);
  }
  for (const op of api.operations) {
    fix(op);
    op.params.forEach(fix);
    if (op.body) fix(op.body);
    op.success.forEach(fix);
  }
}
