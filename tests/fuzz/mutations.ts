/**
 * Structural fuzzing: a valid spec with one node replaced by a value of another shape (a number for
 * an object, an array for a string, a dangling $ref...). Generation must either succeed or refuse
 * with located diagnostics; any other exception is a crash a user would see as "internal error".
 */
import fc from "fast-check";

const replacement = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    "",
    "x",
    [],
    {},
    [null],
    { $ref: "#/nope" },
    { $ref: "#" },
    { $ref: "" },
    { type: "nope" },
    { type: ["string", 3] },
    { enum: [] },
    { required: "id" },
    { properties: [] },
    { items: 3 },
    { allOf: {} },
    { oneOf: [] },
    { additionalProperties: 3 },
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);

/** Every path to a node of `doc` (objects and arrays, and the values in them). */
export function paths(doc: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (doc !== null && typeof doc === "object") {
    for (const [k, v] of Object.entries(doc)) {
      const p = [...prefix, Array.isArray(doc) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

/** Up to three nodes of `base` replaced (or deleted), reproducibly from the seed. */
export function mutationArbitrary(base: unknown): fc.Arbitrary<{ doc: unknown; edits: string[] }> {
  const all = paths(base);
  return fc.array(fc.tuple(fc.nat(all.length - 1), fc.oneof(replacement, fc.constant(undefined))), { minLength: 1, maxLength: 3 }).map((edits) => {
    const doc = structuredClone(base) as Record<string, unknown>;
    const described: string[] = [];
    for (const [i, value] of edits) {
      const path = all[i];
      let node: any = doc;
      for (const seg of path.slice(0, -1)) node = node?.[seg];
      if (node === null || typeof node !== "object") continue;
      const key = path[path.length - 1];
      if (value === undefined) delete node[key];
      else node[key] = structuredClone(value);
      described.push(`${path.join("/")} := ${JSON.stringify(value)}`);
    }
    return { doc, edits: described };
  });
}
