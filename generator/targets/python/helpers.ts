/**
 * The Python target's template helpers: the escapers of its output contexts (string literal,
 * f-string text, raw docstring, comment, pyproject.toml string) and the printers of literals.
 */
import { pyComment, pyDocLines, pyFStringText, pyString, tomlKey, tomlString } from "../../render/escape.js";
import { sharedHelpers, type Helpers } from "../../render/helpers.js";
import { pyArgs, pyLiteral, type PyArg } from "./literals.js";

export const pythonHelpers: Helpers = {
  ...sharedHelpers,
  /** A string literal: {{pyString value}}. */
  pyString: (value: string) => pyString(String(value)),
  /** Literal text inside an f-string. */
  pyFStringText: (text: string) => pyFStringText(text),
  /** The body of a raw docstring, its lines joined (the partial indents them). */
  pyDoc: (text: string) => pyDocLines(text).join("\n"),
  /** Docstring text that stays on its line (inside a docstring the template writes). */
  pyDocInline: (text: string) => pyDocLines(text).join(" "),
  /** The text of a `#` comment. */
  pyComment: (text: string) => pyComment(text),
  /** A string in pyproject.toml. */
  tomlString: (value: string) => tomlString(value),
  tomlKey: (value: string) => tomlKey(value),
  /** `True` or `False`. */
  pyBool: (b: unknown) => (b ? "True" : "False"),
  /** A data value as a Python literal at the given indent (4 spaces a level). */
  pyLiteral: (value: unknown, indent: unknown) => pyLiteral(value, typeof indent === "number" ? indent : 0),
  /** Keyword arguments of a call in a Python usage example: {{pyArgs args indent}}. */
  pyArgs: (args: PyArg[], indent: unknown) => pyArgs(args, typeof indent === "number" ? indent : 0),
};

/**
 * View fields a template may print as they are: identifiers the planner chose (snake_case
 * attributes and arguments, classes, modules) and code built from them. Any other field printed
 * without an escaper fails tests/templates.test.ts.
 */
export const PYTHON_CODE_FIELDS = [
  // identifiers: classes, modules, attributes, arguments, variables
  "name",
  "className",
  "sdkClass",
  "errorClass",
  "firstError",
  "dataClass",
  "module",
  "attr",
  "clientVar",
  "firstGroup",
  "key",
  "base",
  "packageName",
  "packageDir",
  // a status code the planner chose for a generated test (three digits)
  "status",
  // expressions built from identifiers: a parameter's variable, `request.user_id`, `models.ActorToken`,
  // annotations (`Optional[List[models.Tag]]`), defaults (`None`, `UNSET`), `to_wire(models.X, body)`
  "expr",
  "param",
  "arg",
  "cls",
  "typeExpr",
  "classList",
  "baseImports",
  "names",
  "typedDict",
  "requestType",
  "annotation",
  "tdAnnotation",
  "aliasType",
  "default",
  "returns",
  "returnsAsync",
  "wire",
  "valueExpr",
  // a PageSpec constructor call: identifiers, numbers, and wire names through pyString
  "pages",
  // models/__init__.py's blocks of statements, laid out as ruff prints them (layout.ts): identifiers,
  // and names through pyString
  "runtimeImports",
  "typeImports",
  "modules",
  // docs: anchors and links derived from planner file names, markdown built from identifiers
  "anchor",
  "doc",
  "response",
];
