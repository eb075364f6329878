// The engine's calls (render/engine.ts) set handlebars' runtime up once per environment and pass it
// as a partial's options: each feature the templates use renders as a plain top-level call renders it.
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { environment, type Specs, type TemplateSpecification } from "../../generator/render/engine.js";
import type { Helpers } from "../../generator/render/helpers.js";

/** As scripts/build.mjs compiles the templates. */
function precompiled(source: string, knownHelpers: Record<string, boolean>): TemplateSpecification {
  const code = Handlebars.precompile(source, { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers }) as string;
  return new Function(`return ${code};`)() as TemplateSpecification;
}

const helpers: Helpers = { upper: (s: string) => s.toUpperCase(), join: (xs: string[], sep: string) => xs.join(sep) };
const known = { upper: true, join: true };

const PARTIALS: Record<string, string> = {
  item: "- {{upper name}}{{#if @first}} (first){{/if}}\n",
  block: "<{{> @partial-block}}>",
};

class WithGetter {
  own = "own";
  get inherited(): string {
    return "from the prototype";
  }
}

// [case, template, context]
const CASES: [string, string, unknown][] = [
  ["a field and a helper", "{{upper a}} {{join list ', '}}", { a: "x", list: ["1", "2"] }],
  ["each with @first, @last and @index", "{{#each xs}}{{@index}}:{{this}}{{#if @first}}^{{/if}}{{#if @last}}${{/if}} {{/each}}", { xs: ["a", "b", "c"] }],
  ["each over an object with @key", "{{#each o}}{{@key}}={{this}};{{/each}}", { o: { a: 1, b: 2 } }],
  ["@root inside a block", "{{#each xs}}{{@root.title}}/{{this}} {{/each}}", { title: "T", xs: [1, 2] }],
  ["if, else and unless", "{{#if yes}}y{{else}}n{{/if}}{{#unless no}}u{{/unless}}", { yes: false, no: false }],
  ["with and a parent's field", "{{#with inner}}{{v}}{{../top}}{{/with}}", { inner: { v: "in" }, top: "out" }],
  ["a section on a field (blockHelperMissing)", "{{#items}}[{{n}}]{{/items}}{{#flag}}on{{/flag}}", { items: [{ n: 1 }, { n: 2 }], flag: true }],
  ["an indented standalone partial in a loop", "list:\n{{#each people}}\n  {{> item}}\n{{/each}}\nend\n", { people: [{ name: "ann" }, { name: "bob" }] }],
  ["a partial with a block", "{{#> block}}inside {{v}}{{/block}}", { v: 1 }],
  ["an inline partial", '{{#*inline "local"}}({{v}}){{/inline}}{{> local}}{{> local v=2}}', { v: 1 }],
  ["the lookup helper", "{{lookup map key}}{{#each keys}}{{lookup ../map this}}{{/each}}", { map: { a: "A", b: "B" }, key: "a", keys: ["b", "a"] }],
  ["a prototype's property and constructor refused", "[{{lookup obj 'inherited'}}][{{obj.own}}][{{lookup obj 'constructor'}}]", { obj: new WithGetter() }],
];

describe("engine: a template rendered as a plain handlebars call renders it", () => {
  const specs: Specs = {};
  for (const [name, source] of Object.entries(PARTIALS)) specs[`t/partials/${name}.hbs`] = precompiled(source, known);
  for (const [name, source] of CASES) specs[`t/${name}`] = precompiled(source, known);
  const engine = environment(specs, "t", helpers);
  // The same templates as handlebars runs them without the engine's set-up.
  const plain = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) plain.registerHelper(name, fn);
  for (const name of Object.keys(PARTIALS)) plain.registerPartial(name, plain.template(specs[`t/partials/${name}.hbs`]));

  it.each(CASES)("%s", (name, _source, context) => {
    const want = plain.template(specs[`t/${name}`])(context);
    expect(engine.render(name, context)).toBe(want);
    // Twice: nothing of the first call is left for the second.
    expect(engine.render(name, context)).toBe(want);
  });

  it("renders what the cases say (the comparison is not between two empty strings)", () => {
    expect(engine.render("each with @first, @last and @index", { xs: ["a", "b", "c"] })).toBe("0:a^ 1:b 2:c$ ");
    expect(engine.render("an indented standalone partial in a loop", { people: [{ name: "ann" }, { name: "bob" }] })).toBe("list:\n  - ANN (first)\n  - BOB\nend\n");
    expect(engine.render("a prototype's property and constructor refused", { obj: new WithGetter() })).toBe("[][own][]");
    expect(engine.render("the lookup helper", { map: { a: "A", b: "B" }, key: "a", keys: ["b", "a"] })).toBe("ABA");
  });

  it("throws for a field the context lacks (strict), as handlebars does", () => {
    const context = { inner: {}, top: "out" };
    expect(() => plain.template(specs["t/with and a parent's field"])(context)).toThrow(/"v" not defined/);
    expect(() => engine.render("with and a parent's field", context)).toThrow(/"v" not defined/);
  });
});
