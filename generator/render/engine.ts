/**
 * The handlebars environment of one target: templates precompiled at build time
 * (`npm run build` → dist/templates.js), compiled with strict, noEscape and knownHelpersOnly. Only
 * handlebars' runtime is loaded: its compiler (and the source-map library it brings) was 240 KB of
 * the CLI's bundle, parsed on every start for nothing.
 */
import Handlebars from "handlebars/runtime";
import { createProtoAccessControl, isPrototypeConstructor, resultIsAllowed } from "handlebars/dist/cjs/handlebars/internal/proto-access.js";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PRECOMPILED } from "../paths.js";
import type { Helpers } from "./helpers.js";

/** Template specs by path under templates/, e.g. "typescript/funcs/func.ts.hbs". */
export type Specs = Record<string, TemplateSpecification>;
export type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

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
  return environment(await loadSpecs(), target, helpers);
}

/** engineFor's environment, from the template specs given (`all`, by path under templates/). */
export function environment(all: Specs, target: string, helpers: Helpers): Engine {
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
  const setUp = callSetup(hb);
  return {
    render(template, context) {
      const fn = templates.get(template);
      if (!fn) throw new Error(`specsmith: no template ${prefix}${template}`);
      // `data` as the runtime makes it for a top-level call (@root; @first and @index hang below it).
      return fn(context, { ...setUp, data: { root: context } } as RuntimeOptions);
    },
  };
}

/** The runtime options of a call handlebars treats as a partial's: it takes them as they are. */
type RuntimeOptions = Handlebars.RuntimeOptions & { partial: true };

/**
 * What handlebars' runtime (4.7) sets up anew on every top-level call (`ret._setup`): each helper
 * wrapped in two closures to hand it `options.lookupProperty`, `helperMissing` and
 * `blockHelperMissing` moved to the hooks, a new prototype-access table. Made here once per
 * environment, and passed the way the runtime passes them to a partial (`partial: true`), which it
 * takes as they are: GitHub's SDK renders 19,351 templates against 33 helpers, 1.3 million closures
 * a generation. The lookup and the access table are the runtime's own rules (its proto-access
 * module: a prototype's properties and methods are refused, as on a plain call). Only a helper
 * whose code reads `lookupProperty` (handlebars' `lookup`) is wrapped to be given it; the others
 * (`if` and `each` among them, called thousands of times a file) are called as they are.
 * tests/render/engine.test.ts renders each feature both ways.
 */
function callSetup(hb: typeof Handlebars): Omit<RuntimeOptions, "data"> {
  const protoAccessControl = createProtoAccessControl({});
  const lookupProperty = (parent: Record<string, unknown>, name: string): unknown => {
    const result = parent[name];
    if (result == null) return result;
    if (Object.prototype.hasOwnProperty.call(parent, name) && !isPrototypeConstructor(parent, name, result)) return result;
    return resultIsAllowed(result, protoAccessControl, name) ? result : undefined;
  };
  const helpers: Record<string, unknown> = {};
  for (const [name, helper] of Object.entries(hb.helpers as Record<string, unknown>)) {
    helpers[name] =
      typeof helper !== "function" || !String(helper).includes("lookupProperty")
        ? helper
        : function (this: unknown, ...args: unknown[]) {
            (args[args.length - 1] as { lookupProperty?: unknown }).lookupProperty = lookupProperty;
            return helper.apply(this, args);
          };
  }
  const hooks = { helperMissing: helpers.helperMissing, blockHelperMissing: helpers.blockHelperMissing };
  delete helpers.helperMissing;
  delete helpers.blockHelperMissing;
  return { partial: true, helpers, partials: hb.partials, decorators: { ...hb.decorators }, hooks, protoAccessControl } as unknown as Omit<RuntimeOptions, "data">;
}
