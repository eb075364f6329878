/**
 * prettier's layout for the few statement shapes that make up almost every long line we emit, printed
 * without a formatter. On GitHub's SDK, half of the 18,000 files have a line over 80 columns, and
 * nearly all such lines are one of:
 * - an import or export list (`import { A, type B, C } from "./x.js";`), broken one specifier a line;
 * - a function or method header, broken one parameter a line;
 * - a call (as a statement, a `return`, an assignment's or a property's value), broken one argument a
 *   line, or hugging a last arrow function whose body is a call or a conditional (`.map((x) =>` then
 *   its body);
 * - a conditional value whose test is a comparison, moved to the next line, then broken at `?` `:`;
 * - an object literal, one property a line; one bound to a name too long, moved under it;
 * - an enum's type alias (`(typeof X)[keyof typeof X]`), moved to the next line;
 * - a return type broken one type argument a line;
 * - a line prettier cannot break at all (one imported name, a member with a plain type), kept as is.
 * Items too wide once broken are laid out in turn (a call's argument that is a call, a branch).
 *
 * Each shape is recognised only in the narrow form whose prettier layout is certain (plain names, no
 * object or array argument, which prettier hugs; no generic it could break instead). A file with any
 * other long line is left to oxfmt whole (`layOut` returns undefined). The templates print each
 * statement on one line and leave the breaking to this step. The given/want table in
 * tests/targets/typescript/layout.test.ts runs every shape through prettier, and every emitted file of
 * the end-to-end suites is checked against prettier too.
 */
/** prettier's default print width (the SDK's files are formatted with default options). */
export const PRINT_WIDTH = 80;

/**
 * `code` with each line wider than 80 columns printed as prettier prints it, or undefined when a line
 * has a shape not known here (the caller then runs the real formatter on the file).
 */
export function layOut(code: string): string | undefined {
  const lines = code.split("\n");
  // Widths here are counted in UTF-16 units; prettier counts a wide character (CJK, an emoji) as two
  // columns and a combining mark as none. A line that might be wide is the formatter's to measure.
  if (mayBeWide(code) && lines.some((l) => l.length > PRINT_WIDTH / 2 && mayBeWide(l) && !isCommentLine(l))) return undefined;
  let changed = false;
  // What each line open at this one was opened with (a line ending in `(`, `{` or `[`): inside `(`,
  // `name: Type,` is a parameter; inside `{`, a property (prettier may break after its `:`).
  const open: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isCommentLine(line)) continue;
    // A short line prettier breaks all the same: the formatter's.
    if (line.length <= PRINT_WIDTH && composesFunctions(line)) return undefined;
    if (line.length > PRINT_WIDTH) {
      if (BLOCK_HEAD.test(line)) {
        if (!moveBlock(lines, i)) return undefined;
        changed = true;
        continue;
      }
      const laid = layOutLine(line, open[open.length - 1] === "(");
      if (laid === undefined) return undefined;
      if (laid !== line) ((lines[i] = laid), (changed = true));
    }
    track(open, line);
  }
  return changed ? lines.join("\n") : code;
}

/** Keeps `open` (see layOut) as of after `line`: a line printed whole never leaves anything open. */
function track(open: string[], line: string): void {
  const t = line.trim();
  if (t === "") return;
  if (t[0] === ")" || t[0] === "}" || t[0] === "]") open.pop();
  const last = t[t.length - 1];
  if (last === "(" || last === "{" || last === "[") open.push(last);
}

const BLOCK_HEAD = /^( *)(?:export )?(?:const|type) [A-Za-z_$][\w$]*(?:: [A-Za-z_$][\w$.]*)? = \{$/;

/**
 * `x = {` too wide, the object printed over the lines after it (as the templates print a multi-line
 * object): prettier breaks after the `=` and indents the whole object two columns deeper. Its lines
 * are then laid out in turn (some may now be too wide). False if the object's last line is not found.
 */
function moveBlock(lines: string[], at: number): boolean {
  const indent = /^ */.exec(lines[at])![0];
  let end = at + 1;
  while (end < lines.length && !(lines[end].startsWith(`${indent}}`) && lines[end].length > indent.length)) {
    if (lines[end] !== "" && !lines[end].startsWith(`${indent} `)) return false;
    end++;
  }
  if (end === lines.length) return false;
  lines.splice(at, 1, lines[at].slice(0, -2), `${indent}  {`);
  for (let i = at + 2; i <= end + 1; i++) if (lines[i] !== "") lines[i] = `  ${lines[i]}`;
  return true;
}

/**
 * Whether `s` holds a character whose width prettier may count otherwise than one column (from the
 * combining marks at U+0300 on; Latin letters below are one column each). At most two columns per
 * UTF-16 unit, so a line of up to half the width fits whatever it holds.
 */
export function mayBeWide(s: string): boolean {
  return /[^\u0000-\u02ff]/.test(s);
}

/** A line of a comment (`*`, `/**`, `//` first): prettier never rewraps those. */
function isCommentLine(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith("*") || t.startsWith("/*") || t.startsWith("//");
}

/** One long line as prettier prints it (several lines joined by "\n"), or undefined if not known. */
export function layOutLine(line: string, inParameters = false): string | undefined {
  if (UNBREAKABLE.some((re) => re.test(line))) return line;
  // A parameter of a header the template prints one a line: as it is if nothing in it can break.
  if (inParameters && PARAMETER_LINE.test(line)) return UNBROKEN_PARAMETER.test(line) ? line : undefined;
  return specifierList(line) ?? enumAlias(line) ?? signature(line) ?? returnType(line) ?? statement(line);
}

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const SPECIFIER = String.raw`(?:type )?${NAME}(?: as ${NAME})?`;

/** A parameter prettier cannot break: a name typed by a plain name (or an array of one). */
const UNBREAKABLE_PARAM = String.raw`${NAME}\??: ${NAME}(?:\.${NAME})*(?:\[\])?`;

const PARAMETER_LINE = new RegExp(String.raw`^ +${NAME}\??: `);
const UNBROKEN_PARAMETER = new RegExp(String.raw`^ +${UNBREAKABLE_PARAM},$`);

/** Lines prettier prints as they are however long: nothing in them can break. */
const UNBREAKABLE = [
  // One imported or exported name: prettier breaks a specifier list only when it has two or more.
  new RegExp(String.raw`^(?:import|export)(?: type)? \{ ${SPECIFIER} \} from ${STRING};$`),
  new RegExp(String.raw`^export \* (?:as ${NAME} )?from ${STRING};$`),
  // An interface or class member typed by a plain name or an array of one.
  new RegExp(String.raw`^ +(?:readonly )?(?:${NAME}|${STRING})\??: ${NAME}(?:\.${NAME})*(?:\[\]|<${NAME}>)?;$`),
  // A member typed by a plain name or null: prettier hugs that union (never one member a line).
  new RegExp(String.raw`^ +(?:readonly )?(?:${NAME}|${STRING})\??: (?:${NAME}(?:\.${NAME})* \| null|null \| ${NAME}(?:\.${NAME})*);$`),
  // A property whose value is a template literal: prettier never breaks after the `:` for one.
  new RegExp(String.raw`^ +(?:${NAME}|${STRING}): \`[^\`]*\`,$`),
  // The head of a header the template prints one parameter a line, the name alone too wide.
  new RegExp(String.raw`^ *(?:export )?(?:async )?function ${NAME}\($`),
];

const LIST = new RegExp(String.raw`^((?:import|export)(?: type)?) \{ (${SPECIFIER}(?:, ${SPECIFIER})+) \}((?: from ${STRING})?;)$`);

/** `import { A, B } from "x";` broken one specifier a line (prettier's module specifier group). */
function specifierList(line: string): string | undefined {
  const m = LIST.exec(line);
  if (!m) return undefined;
  const items = m[2].split(", ").map((s) => `  ${s},`);
  return [`${m[1]} {`, ...items, `}${m[3]}`].join("\n");
}

const ENUM_ALIAS = new RegExp(String.raw`^(export type (${NAME}) =) (\(typeof \2\)\[keyof typeof \2\];)$`);

/** An enum's value type: its right side cannot break, so prettier moves it to the next line. */
function enumAlias(line: string): string | undefined {
  const m = ENUM_ALIAS.exec(line);
  return m ? `${m[1]}\n  ${m[3]}` : undefined;
}

const SIGNATURE = new RegExp(String.raw`^( *)((?:export )?(?:async )?function ${NAME}|(?:(?:async|static|public|private|protected) )*${NAME})\((.+)\): (${NAME}[\w$.<>, |[\]]*)( \{|;)$`);
/** A return type prettier hugs (no break inside it): a name, or a generic of one plain name. */
const HUGGED_RETURN = new RegExp(String.raw`^${NAME}(?:\.${NAME})*(?:<${NAME}>)?(?:\[\])?$`);

/**
 * A function or method header, its parameters one a line. prettier keeps the parameters on the
 * header's line when they fit there up to the return type's first break (after its first `<`, unless
 * the type is a name or a generic of one plain name, which it hugs), breaking the return type then:
 * that, a return type still too wide once the parameters are broken, a top-level union, an object
 * type or a default among the parameters (prettier hugs a lone object parameter) are left alone.
 */
function signature(line: string): string | undefined {
  const m = SIGNATURE.exec(line);
  if (!m) return undefined;
  const [, indent, head, list, returns, end] = m;
  if (/[{}()=`]/.test(list) || splitTopLevel(returns, true, " | ")?.length !== 1) return undefined;
  const params = splitTopLevel(list, true);
  if (params === undefined) return undefined;
  const hugged = HUGGED_RETURN.test(returns);
  const beforeBreak = hugged ? line : line.slice(0, line.length - end.length - returns.length + returns.indexOf("<") + 1);
  if (beforeBreak.length <= PRINT_WIDTH) return undefined;
  const last = hugged ? [`${indent}): ${returns}${end}`] : typeArguments(`${indent}): `, indent, returns, end);
  if (last === undefined) return undefined;
  const out = [`${indent}${head}(`, ...params.map((p) => `${indent}  ${p},`), ...last];
  // A parameter too wide for its line stays so when nothing in it can break.
  const wide = (p: string) => indent.length + p.length + 3 > PRINT_WIDTH && !PARAM.test(p);
  return params.some(wide) ? undefined : out.join("\n");
}

const RETURN_TYPE = /^( *)\): (.+)( \{|;)$/;

/** The last line of a header the template prints one parameter a line: `): Promise<…> {`. */
function returnType(line: string): string | undefined {
  const m = RETURN_TYPE.exec(line);
  return m ? typeArguments(`${m[1]}): `, m[1], m[2], m[3])?.join("\n") : undefined;
}

const PARAM = new RegExp(String.raw`^${UNBREAKABLE_PARAM}$`);

const GENERIC = new RegExp(String.raw`^(${NAME}(?:\.${NAME})*)<(.+)>$`);
/** TypeScript's type keywords: prettier hugs none of them in a union with `void`. */
const TYPE_KEYWORDS = new Set(["any", "unknown", "never", "string", "number", "boolean", "bigint", "symbol", "object", "undefined", "void", "null"]);

/**
 * The lines of a type printed after `first`: flat when it fits; a generic too wide breaks its type
 * arguments one a line (no trailing comma), each laid out in turn; a plain name cannot break. A union
 * or anything else too wide is left to the formatter.
 */
function typeArguments(first: string, indent: string, type: string, tail: string): string[] | undefined {
  const flat = `${first}${type}${tail}`;
  if (flat.length <= PRINT_WIDTH || HUGGED_RETURN.test(type)) return [flat];
  const m = GENERIC.exec(type);
  const args = m && splitTopLevel(m[2], true);
  if (!m || !args) return undefined;
  // A lone type argument that is one type (not a keyword) or'd with `void` and `null`: prettier hugs
  // it (shouldHugType), with no break after `<`. It stays flat when that type cannot break (a name,
  // `Array<Name>`: Interactive Brokers' `Promise<Array<…Response> | void>`); else the formatter's.
  const members = args.length === 1 ? splitTopLevel(args[0], true, " | ") : undefined;
  const others = members?.filter((x) => x !== "void" && x !== "null");
  if (members && members.length > 1 && others?.length === 1) return HUGGED_RETURN.test(others[0]) && !TYPE_KEYWORDS.has(others[0]) ? [flat] : undefined;
  const out = [`${first}${m[1]}<`];
  for (let i = 0; i < args.length; i++) {
    const lines = typeArguments(`${indent}  `, `${indent}  `, args[i], i < args.length - 1 ? "," : "");
    if (lines === undefined) return undefined;
    out.push(...lines);
  }
  out.push(`${indent}>${tail}`);
  return out;
}

const COMPARISON = / (?:===|!==|==|!=|<=|>=|<|>) /;
const LEAD = String.raw`return |await |return await |(?:const|let) ${NAME}(?:: ${NAME})? = |${NAME}(?:\.${NAME}|\[${STRING}\])* = |(?:${NAME}|${STRING}): `;
const STATEMENT = new RegExp(String.raw`^( *)(${LEAD})?(.+?)(;|,)$`);

/**
 * A statement, an object's property or a list's element: `lead` (`return `, an assignment's or a
 * property's left side) then a value, then `;` or `,`. The value is laid out by `value`.
 */
function statement(line: string): string | undefined {
  const cond = IF.exec(line);
  if (cond) return ifClause(cond[1], cond[2], cond[3]);
  const m = STATEMENT.exec(line);
  if (!m) return undefined;
  const [, indent, lead = "", text, tail] = m;
  return value(indent, indent, lead, text, tail)?.join("\n");
}

const IF = /^( *)(if \((?:[^()"]|"(?:[^"\\]|\\.)*")+\)) (.+;)$/;

/**
 * `if (test) statement;` too wide: prettier moves the statement to the next line, indented (and breaks
 * it there in turn); a test too wide for the `if` line is left to the formatter.
 */
function ifClause(indent: string, head: string, body: string): string | undefined {
  if (indent.length + head.length > PRINT_WIDTH || /^(?:if|for|while|return)\b|^\{/.test(body)) return undefined;
  const lines = statement(`${indent}  ${body}`);
  return lines && `${indent}${head}\n${lines}`;
}

/**
 * The lines of `lead` + `text` + `tail` where the first line starts with `first` and the ones after it
 * are indented from `indent`, as prettier prints the value `text` (a call, a conditional or an object
 * literal; anything else only when it fits). Undefined when its layout is not known here.
 */
function value(first: string, indent: string, lead: string, text: string, tail: string): string[] | undefined {
  const flat = `${first}${lead}${text}${tail}`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  if (stripStrings(text).includes("`")) return undefined;
  if (text.startsWith("{ ") && text.endsWith(" }")) return object(first, indent, lead, text, tail);
  const arrow = ARROW.exec(text);
  if (arrow) return lead === "" ? arrowValue(first, indent, arrow[1], arrow[2], tail) : undefined;
  if (splitTopLevel(text, false, " ? ")?.length === 2) return conditional(first, indent, lead, text, tail);
  if (ATOM.test(text)) return atom(first, indent, lead, text, tail);
  if (LOGICAL.test(text)) return logical(first, indent, lead, text, tail);
  return callValue(first, indent, lead, text, tail);
}

/** `a ?? b`, `a || b`, `a && b` of plain operands (names, member chains, strings, numbers). */
const LOGICAL = new RegExp(String.raw`^${NAME}(?:\??\.${NAME})* (?:\?\?|\|\||&&) (?:${NAME}(?:\??\.${NAME})*|${STRING}|-?\d+)$`);

/**
 * A logical expression after an assignment or a property: prettier breaks after the operator
 * (break-after-operator, whatever the key's length) and prints it on the next line when it fits there.
 */
function logical(first: string, indent: string, lead: string, text: string, tail: string): string[] | undefined {
  const next = `${indent}  ${text}${tail}`;
  if (operatorLead(lead) === undefined || next.length > PRINT_WIDTH) return undefined;
  return [`${first}${lead.trimEnd()}`, next];
}

/** An arrow function with plain parameters and an expression body. */
const ARROW = new RegExp(String.raw`^\(((?:${NAME}(?:, ${NAME})*)?)\) => (.+)$`);

/**
 * An arrow function too wide for its line, as a list's element or an argument of a call broken one
 * argument a line: prettier breaks after the `=>` and prints the body on the next line (a
 * conditional body then without its parentheses).
 */
function arrowValue(first: string, indent: string, params: string, body: string, tail: string): string[] | undefined {
  const lines = arrowBody(indent, body, tail);
  return lines && [`${first}(${params}) =>`, ...lines];
}

/** An arrow's body on the lines after its `=>`, or undefined when its layout is not known here. */
function arrowBody(indent: string, body: string, tail: string): string[] | undefined {
  if (/[{}[\]`]|=>/.test(stripStrings(body))) return undefined;
  const bare = body.startsWith("(") && body.endsWith(")") && splitTopLevel(body.slice(1, -1), false) !== undefined ? body.slice(1, -1) : undefined;
  if (bare !== undefined) {
    // A conditional body loses its parentheses on a line of its own; broken, its layout differs.
    const line = `${indent}  ${bare}${tail}`;
    return line.length <= PRINT_WIDTH ? [line] : undefined;
  }
  return value(`${indent}  `, `${indent}  `, "", body, tail);
}

/** A value nothing inside can break: a name, a member chain, a string or a number, `{} as T`. */
const ATOM = new RegExp(String.raw`^(?:${NAME}(?:\.${NAME})*|${STRING}|-?\d+(?:\.\d+)?|\{\} as ${NAME})$`);
const THIS_MEMBER = new RegExp(String.raw`^this\.${NAME}$`);

/**
 * An unbreakable value too wide for its line: after an assignment or a property prettier moves it to
 * the next line (break-after-operator for a string or a member chain; fluid, which then breaks there,
 * for the rest); elsewhere, and after a short key, it stays.
 */
function atom(first: string, indent: string, lead: string, text: string, tail: string): string[] | undefined {
  // A member of `this` too wide after `return`: prettier breaks the chain after `this`, the member
  // two columns in (format.ts breakReturnedMembers does the same after oxfmt); a longer chain from
  // `this` breaks elsewhere, and is left to the formatter.
  if (lead === "return " && THIS_MEMBER.test(text)) return [`${first}return this`, `${indent}  ${text.slice(4)}${tail}`];
  if (operatorLead(lead) === undefined && text.startsWith("this.")) return undefined;
  if (operatorLead(lead) === undefined || shortKey(lead)) return [`${first}${lead}${text}${tail}`];
  return [`${first}${lead.trimEnd()}`, `${indent}  ${text}${tail}`];
}

/** An operator lead (an assignment's `x = `, a property's `key: `) after which prettier may break. */
function operatorLead(lead: string): "assignment" | "property" | undefined {
  // ": " alone is a conditional's branch, not a property.
  return lead.endsWith(" = ") ? "assignment" : lead.endsWith(": ") && lead !== ": " ? "property" : undefined;
}

/**
 * A property key narrower than prettier's tab width plus 3: prettier never breaks after its `:`
 * (isObjectPropertyWithShortKey) but for a conditional.
 */
function shortKey(lead: string): boolean {
  return operatorLead(lead) === "property" && lead.length - 2 < 5;
}

/**
 * `test ? a : b` after an assignment or a property whose test is a comparison: prettier breaks after
 * the operator (break-after-operator), then breaks the conditional itself if it does not fit there,
 * `? a` and `: b` on lines of their own, each branch aligned two columns past its mark.
 */
function conditional(first: string, indent: string, lead: string, text: string, tail: string): string[] | undefined {
  const parts = splitTopLevel(text, false, " ? ");
  if (parts?.length !== 2 || /[?`(]/.test(stripStrings(parts[0]))) return undefined;
  const branches = splitTopLevel(parts[1], false, " : ");
  if (branches?.length !== 2 || branches.some((b) => stripStrings(b).includes("?"))) return undefined;
  if (lead === "return " && first === indent) return returnConditional(indent, parts[0], branches, tail);
  if (operatorLead(lead) === undefined || !COMPARISON.test(parts[0])) return undefined;
  const inner = `${indent}  `;
  const head = `${first}${lead.trimEnd()}`;
  const whole = `${inner}${text}${tail}`;
  if (whole.length <= PRINT_WIDTH) return [head, whole];
  const test = `${inner}${parts[0]}`;
  if (test.length > PRINT_WIDTH) return undefined;
  const yes = value(`${inner}  `, `${inner}    `, "? ", branches[0], "");
  const no = value(`${inner}  `, `${inner}    `, ": ", branches[1], tail);
  return yes && no ? [head, test, ...yes, ...no] : undefined;
}

/** `return test ? a : b;` too wide: the test stays on the `return` line, each branch on a line of its own. */
function returnConditional(indent: string, test: string, branches: string[], tail: string): string[] | undefined {
  const head = `${indent}return ${test}`;
  if (head.length > PRINT_WIDTH || /[^\w$.]/.test(stripStrings(test))) return undefined;
  const yes = value(`${indent}  `, `${indent}    `, "? ", branches[0], "");
  const no = value(`${indent}  `, `${indent}    `, ": ", branches[1], tail);
  return yes && no ? [head, ...yes, ...no] : undefined;
}

const CALL = new RegExp(String.raw`^((?:new )?${NAME}(?:\.${NAME})*)\((.*)\)$`);

/**
 * A call whose arguments are plain values (names, member accesses, strings, numbers, other such
 * calls): one argument a line, the call's head staying where it is. When even the head does not fit
 * after an assignment or a property, prettier first breaks after the operator (its fluid layout). Not
 * with an object, array or function argument (prettier hugs those), but for an arrow function last:
 * prettier hugs it (its last-argument expansion) when the other arguments and the arrow's head fit on
 * the call's line, the body going to the next; otherwise every argument is broken out.
 */
function callValue(first: string, indent: string, lead: string, text: string, tail: string): string[] | undefined {
  const m = CALL.exec(text);
  const args = m && m[2] !== "" ? splitTopLevel(m[2], false) : undefined;
  if (!m || args === undefined) return undefined;
  const arrow = ARROW.exec(args[args.length - 1]);
  // prettier hugs a last object, array or function argument; with an arrow function last, that one.
  const others = arrow ? args.slice(0, -1) : args;
  if (others.some((a) => (arrow ? /[?<>]|=>/ : /[{}[\]?<>]/).test(stripStrings(a)))) return undefined;
  const head = `${first}${lead}${m[1]}(`;
  if (arrow && expandableBody(arrow[2])) {
    const hug = `${head}${[...others, `(${arrow[1]}) =>`].join(", ")}`;
    if (hug.length <= PRINT_WIDTH) {
      const body = arrowBody(indent, arrow[2], ",");
      return body && [hug, ...body, `${indent})${tail}`];
    }
  }
  // After an operator, a call whose head does not fit, or whose one argument is short (prettier's
  // isPoorlyBreakableMemberOrCallChain: it would break there for nothing), moves to the next line.
  const poorly = args.length === 1 && SHORT_ARGUMENT.test(args[0]) && args[0].length <= PRINT_WIDTH / 4;
  if ((head.length > PRINT_WIDTH || poorly) && operatorLead(lead) !== undefined && !shortKey(lead)) {
    if (m[1].startsWith("new ")) return undefined;
    const moved = value(`${indent}  `, `${indent}  `, "", text, tail);
    return moved && [`${first}${lead.trimEnd()}`, ...moved];
  }
  return broken(head, `${indent})${tail}`, args, indent);
}

/**
 * Whether prettier hugs an arrow function with this expression body when it is a call's last argument
 * (its couldExpandArg): when the body is a call (or a chain ending in one) or a conditional. An arrow
 * whose body is a name, a member, a cast or an operator's is broken out with the other arguments.
 */
function expandableBody(body: string): boolean {
  const s = stripStrings(body);
  // A conditional, in the parentheses it has inside an arrow or not.
  const inner = s.startsWith("(") && s.endsWith(")") && splitTopLevel(s.slice(1, -1), false) !== undefined ? s.slice(1, -1) : s;
  if (splitTopLevel(inner, false, " ? ")?.length === 2) return true;
  // A call: nothing outside its brackets but its callee, and its last bracket closes its arguments.
  return !s.startsWith("(") && !s.startsWith("new ") && s.endsWith(")") && splitTopLevel(s, false, " ")?.length === 1;
}

/** An argument prettier calls short when it is alone (isLoneShortArgument), up to a quarter of the width. */
const SHORT_ARGUMENT = new RegExp(String.raw`^(?:${NAME}|${STRING}|-?\d+(?:\.\d+)?)$`);

const PROPERTY = new RegExp(String.raw`^(${NAME}|${STRING}): (.+)$`);

/** An object literal printed flat in the template (`{ a: 1, b }`), one property a line. */
function object(first: string, indent: string, lead: string, text: string, tail: string): string[] | undefined {
  // A type member (`name: { … };`) holds an object type, whose members prettier ends with `;`.
  if (tail === ";" && lead.endsWith(": ")) return undefined;
  const props = splitTopLevel(text.slice(2, -2), false);
  if (props === undefined) return undefined;
  const out = [`${first}${lead}{`];
  for (const p of props) {
    const m = PROPERTY.exec(p);
    const lines = m ? value(`${indent}  `, `${indent}  `, `${m[1]}: `, m[2], ",") : value(`${indent}  `, `${indent}  `, "", p, ",");
    if (lines === undefined) return undefined;
    out.push(...lines);
  }
  out.push(`${indent}}${tail}`);
  return out;
}

/** `head`, each item on a line of its own (laid out in turn) with a trailing comma, then `last`. */
function broken(head: string, last: string, items: string[], indent: string): string[] | undefined {
  const out = [head];
  for (const item of items) {
    const lines = value(`${indent}  `, `${indent}  `, "", item, ",");
    if (lines === undefined) return undefined;
    out.push(...lines);
  }
  out.push(last);
  return out;
}

/**
 * Whether a call on this line has arguments prettier breaks one a line however short they are (its
 * isFunctionCompositionArgs): two or more, of which two are functions, or one is a call given a
 * function (`arr(w, p, k, orNull((x, p, k) => …))`). Read without parsing; template literals are
 * taken as strings (the templates put no call given a function inside one).
 */
export function composesFunctions(line: string): boolean {
  if (!line.includes("=>")) return false;
  const s = stripStrings(line).replace(/`(?:[^`\\]|\\.)*`/g, "``");
  for (let i = s.indexOf("("); i !== -1; i = s.indexOf("(", i + 1)) {
    // A call's parenthesis follows its callee (a name, a call, an index, type arguments).
    if (!/[\w$)\]>]/.test(s[i - 1] ?? "") || s.slice(0, i).endsWith("=>")) continue;
    // (A call the line leaves open is already broken, one argument a line.)
    const close = closingBracket(s, i);
    if (close < 0) continue;
    const args = splitTopLevel(s.slice(i + 1, close), false);
    if (!args || args.length < 2) continue;
    let functions = 0;
    for (const arg of args) {
      if (FUNCTION.test(arg)) {
        if (++functions > 1) return true;
        continue;
      }
      const call = CALL_LIKE.exec(arg);
      if (call && splitTopLevel(call[1], false)?.some((a) => FUNCTION.test(a))) return true;
    }
  }
  return false;
}

/** A function expression: an arrow (its parameters typed or not, a return type or not) or `function`. */
const FUNCTION = /^(?:async )?(?:(?:\([^()]*\)(?:: [^=]+)?|[\w$]+) =>|function\b)/;
/** A call (or `new`) and its arguments' text. */
const CALL_LIKE = /^(?:new )?[\w$]+(?:\.[\w$]+)*(?:<[^()]*>)?\((.*)\)$/;

/** The index of the bracket closing the one at `at` (strings stripped), or -1. */
function closingBracket(s: string, at: number): number {
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    if ("([{".includes(s[i])) depth++;
    else if (")]}".includes(s[i]) && --depth === 0) return i;
  }
  return -1;
}

/** `s` without the contents of its string literals (so that their characters are not read as code). */
function stripStrings(s: string): string {
  return s.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
}

/**
 * `s` split at `sep` (", " by default) outside brackets and strings; undefined if its brackets do not
 * balance. `angles`: count `<` `>` as brackets (in types; in values they are comparisons).
 */
export function splitTopLevel(s: string, angles: boolean, sep = ", "): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = closingQuote(s, i);
      if (i < 0) return undefined;
    } else if (c === "(" || c === "[" || c === "{" || (angles && c === "<")) depth++;
    else if (c === ")" || c === "]" || c === "}" || (angles && c === ">")) {
      if (--depth < 0) return undefined;
    } else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(s.slice(start));
  return parts.every((p) => p.length > 0 && p.trim() === p) ? parts : undefined;
}

/** The index of the quote closing the string that opens at `at`, or -1. */
function closingQuote(s: string, at: number): number {
  for (let i = at + 1; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === s[at]) return i;
  }
  return -1;
}
