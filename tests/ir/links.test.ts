// Links in descriptions to the vendor's own site become absolute on its origin, or plain text
// without one (generator/ir/links.ts): given/want.
import { describe, expect, it } from "vitest";
import { absoluteLinks } from "../../generator/ir/links.js";

const ORIGIN = "https://cloud.google.com";

describe("absoluteLinks", () => {
  it.each([
    ["a root-relative link", "see [guide](/docs/guide)", ORIGIN, "see [guide](https://cloud.google.com/docs/guide)"],
    [
      "a space before the target (Google's descriptions)",
      "a [relative resource name]( /apis/design/resource_names#relative_resource_name).",
      ORIGIN,
      "a [relative resource name](https://cloud.google.com/apis/design/resource_names#relative_resource_name).",
    ],
    ["angle brackets and a title", '[g](</docs/g> "Guide")', ORIGIN, '[g](https://cloud.google.com/docs/g "Guide")'],
    ["an absolute URL stays", "[x](https://example.com/a) [m](mailto:a@b.c) [p](//cdn.example.com/x)", ORIGIN, "[x](https://example.com/a) [m](mailto:a@b.c) [p](//cdn.example.com/x)"],
    ["without an origin, the label", "see [guide](/docs/guide) and [part](#part)", undefined, "see guide and part"],
    ["an HTML link to a path (Stripe's)", 'the <a href="/docs/connect">Connect</a> guide', "https://stripe.com", 'the <a href="https://stripe.com/docs/connect">Connect</a> guide'],
    ["an HTML link without an origin is left to the escaper", '<a href="/docs/connect">Connect</a>', undefined, '<a href="/docs/connect">Connect</a>'],
    ["an HTML link to another host stays", '<a href="https://example.com/x">x</a> <a href="//h/x">h</a>', ORIGIN, '<a href="https://example.com/x">x</a> <a href="//h/x">h</a>'],
  ])("%s", (_name, text, origin, want) => {
    expect(absoluteLinks(text, origin)).toBe(want);
  });
});
