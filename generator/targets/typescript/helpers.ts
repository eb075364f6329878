/**
 * The TypeScript target's template helpers: the escapers of its output contexts (string literal,
 * template literal, JSDoc, line comment, package.json string) and the printers of type expressions,
 * wire mappings and literals, which escape what they print themselves.
 */
import { jsdocLine, jsonString, tsLineComment, tsString, tsTemplateText } from "../../render/escape.js";
import { sharedHelpers, type Helpers } from "../../render/helpers.js";
import { tsLiteral } from "./literals.js";
import { checkFn, decodeText, mapText, typeText, type Decoder, type Mapping, type TsType } from "./types.js";

export const typescriptHelpers: Helpers = {
  ...sharedHelpers,
  /** A string literal: {{tsString value}}. */
  tsString: (value: string) => tsString(String(value)),
  /** Text inside a template literal's backticks. */
  tsTemplateText: (text: string) => tsTemplateText(text),
  /** One line of a JSDoc comment. */
  jsdocLine: (text: string) => jsdocLine(text),
  /** A whole JSDoc comment from its lines (one helper call per comment: this runs for every field). */
  jsdoc: (lines: string[]) => "/**\n" + lines.map((l) => (l === "" ? " *" : ` * ${jsdocLine(l)}`)).join("\n") + "\n */",
  /** The text of a `//` comment. */
  tsComment: (text: string) => tsLineComment(text),
  /** A string in a JSON file (package.json). */
  jsonString: (value: string) => jsonString(value),
  /** `true` or `false`. */
  tsBool: (b: unknown) => (b ? "true" : "false"),
  /** A TypeScript type expression: {{tsType type}}. */
  tsType: (t: TsType) => typeText(t),
  /** The expression converting `v` between wire and SDK shapes: {{tsMap mapping v}}. */
  tsMap: (m: Mapping, v: string) => mapText(m, v, false),
  /** The expression checking and mapping a received value `v`, at key `k` of the value at path `p`: {{tsDecode decoder v p k}}. */
  tsDecode: (d: Decoder, v: string, p: string, k: unknown) => decodeText(d, v, p, typeof k === "string" ? k : null),
  /** A decoder as a check function (lib/validate.ts Check). */
  tsCheck: (d: Decoder) => checkFn(d),
  /** The same inside an arrow function's body (a nullable conversion gets parentheses). */
  tsMapNested: (m: Mapping, v: string) => mapText(m, v, true),
  /** A data value as a TypeScript literal at the given indent: objects expanded one key a line. */
  tsLiteral: (value: unknown, indent: unknown) => tsLiteral(value, typeof indent === "number" ? indent : 0),
  /** A call's arguments, each a literal at the given indent, comma-separated: {{tsArgs values indent}}. */
  tsArgs: (values: unknown[], indent: unknown) => values.map((v) => tsLiteral(v, typeof indent === "number" ? indent : 0)).join(", "),
};

/**
 * View fields a template may print as they are: identifiers the planner chose, and code or markdown
 * the planner and view builders assembled from those identifiers and the escapers above. Any other
 * field printed without an escaper fails tests/templates.test.ts.
 */
export const TYPESCRIPT_CODE_FIELDS = [
  // identifiers: classes, functions, types, properties, variables
  "name",
  "className",
  "coreClass",
  "sdkClass",
  "cls",
  "errorClass",
  "func",
  "fn",
  "check",
  "applier",
  "hooksInstaller",
  "fromWire",
  "toWire",
  "wire",
  "method",
  "group",
  "clientVar",
  "param",
  "paramType",
  "returns",
  "importName",
  "typeName",
  "dataClass",
  "sdkImport",
  "sdkName",
  // property keys and accessors (propKey/propAccess quote with tsString when a name is not an identifier)
  "prop",
  "key",
  "access",
  "wireProp",
  "wireAccess",
  "wireKey",
  "wireKeyCode",
  "wireRead",
  "presentIn",
  "extraCheck",
  "accessor",
  // expressions the view builds from identifiers: `request.userId`, `encodeForm`
  "expr",
  "operand",
  "encoder",
  "typeExpr",
  "errorUnion",
  "credentialImports",
  // PageSpec and EventShape literals: identifiers, numbers, and spec text through tsString
  "spec",
  "shape",
  "sendDefault",
  // docs: anchors and links derived from planner file names, markdown built from identifiers
  "anchor",
  "doc",
  "response",
];
