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

const LINK = /\[([^\]]*)\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g;

export function absoluteLinks(text: string, origin: string | undefined): string {
  return text.replace(LINK, (all, label: string, target: string, title: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return all;
    if (origin && target.startsWith("/")) return `[${label}](${origin}${target}${title})`;
    return label;
  });
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
