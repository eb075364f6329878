// How a change of a type's spelling relates the old values to the new (generator/release/types.ts),
// by each target's type rules: given/want.
import { describe, expect, it } from "vitest";
import { compareTypes, type TypeChange } from "../../generator/release/types.js";
import { python } from "../../generator/targets/python/target.js";
import { typescript } from "../../generator/targets/typescript/target.js";

type Case = [name: string, prev: string, next: string, nullable: boolean, want: TypeChange];

const PYTHON: Case[] = [
  ["a member added", "Union[str, int]", "Union[str, int, bytes]", false, "wider"],
  ["bool is an int: adding it adds nothing", "Union[str, int]", "Union[str, int, bool]", false, "same"],
  ["Optional is None or the type", "Optional[str]", "str", false, "narrower"],
  ["Optional members of a nullable field's union (older specsmith) are the union without them", "Union[Optional[B], Optional[Dict[str, Any]]]", "Union[B, Dict[str, Any]]", true, "same"],
  ["…but not where the field is not nullable", "Union[Optional[B], Optional[str]]", "Union[B, str]", false, "narrower"],
  ["a nullable field's union gains None", "Union[str, int]", "Union[str, int, None]", true, "same"],
  ["Optional of a union", "Optional[Union[str, int]]", "Union[str, int, None]", false, "same"],
  ["int widens to float", "int", "float", false, "wider"],
  ["None alone stays a type", "None", "str", true, "different"],
];

const TYPESCRIPT: Case[] = [
  ["null repeated (older specsmith) in a nullable field", "string | null | number | null | null", "string | number", true, "same"],
  ["null dropped from a field that is not nullable", "string | null", "string", false, "narrower"],
  ["arrays compare their items", "Array<string>", "Array<string | number>", false, "wider"],
];

describe("type changes", () => {
  it.each(PYTHON)("python: %s", (_name, prev, next, nullable, want) => expect(compareTypes(python.typeRules, prev, next, nullable)).toBe(want));
  it.each(TYPESCRIPT)("typescript: %s", (_name, prev, next, nullable, want) => expect(compareTypes(typescript.typeRules, prev, next, nullable)).toBe(want));
});
