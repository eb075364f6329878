/**
 * The handlebars environment of one target: templates precompiled at build time
 * (`npm run build` → dist/templates.js), compiled with strict, noEscape and knownHelpersOnly. Only
 * handlebars' runtime is loaded: its compiler (and the source-map library it brings) was 240 KB of
 * the CLI's bundle, parsed on every start for nothing.
 */
import Handlebars from "handlebars/runtime";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PRECOMPILED } from "../paths.js";
import type { Helpers } from "./helpers.js";

/** Template specs by path under templates/, e.g. "typescript/funcs/func.ts.hbs". */
type Specs = Record<string, TemplateSpecification>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

let specs: Promise<Specs> | undefined;

function loadSpecs(): Promise<Specs> {
  if (!existsSync(PRECOMPILED)) {
    throw new Error(`specsmith: ${PRECOMPILED} is missing; run \`npm run build\` first`);
  }
  specs ??= import(pathToFileURL(PRECOMPILED).href).then((m: { default: Specs }) => m.default);
  return specs;
}

export interface Engine {
  render(template: string, context: unknown): string;
}

/**
 * An environment holding the templates under `templates/<target>/` and the target's own helpers
 * (its escapers among them); partials come from its partials/ folder.
 */
export async function engineFor(target: string, helpers: Helpers): Promise<Engine> {
  const all = await loadSpecs();
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const prefix = `${target}/`;
  const templates = new Map<string, Handlebars.TemplateDelegate>();
  for (const [path, spec] of Object.entries(all)) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length);
    const fn = hb.template(spec);
    if (rel.startsWith("partials/")) hb.registerPartial(rel.slice("partials/".length).replace(/(\.inline)?\.hbs$/, ""), fn);
    else templates.set(rel, fn);
  }
  return {
    render(template, context) {
      const fn = templates.get(template);
      if (!fn) throw new Error(`specsmith: no template ${prefix}${template}`);
      return fn(context);
    },
  };
}
