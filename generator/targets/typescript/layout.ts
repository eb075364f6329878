/**
 * Lays out emitted TypeScript lines that are longer than 80 columns exactly as prettier would, without
 * running prettier. Templates write every statement on one line; this module re-reads a long one with
 * a small parser for the subset of TypeScript specsmith emits (calls, members, arrows, ternaries,
 * object and array literals, unions, generic references) and prints it through prettier's own doc
 * printer (`prettier/doc`), building the same docs prettier's estree printer builds for those nodes.
 * A line outside that subset makes `layoutFile` return undefined, and the caller falls back to prettier.
 */
import type { Doc } from "prettier";

type Docs = typeof import("prettier/doc");
let docs: Docs | undefined;

/** Loads prettier's doc printer (8 ms) the first time a long line turns up. */
export async function loadLayout(): Promise<void> {
  docs ??= await import("prettier/doc");
}

const WIDTH = 80;

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok = { t: "id" | "str" | "num" | "tpl" | "p"; v: string };

class Unsupported extends Error {}

const PUNCT = ["===", "!==", "...", "=>", "&&", "||", "??", "?.", "(", ")", "[", "]", "{", "}", "<", ">", ",", ".", ":", ";", "?", "|", "&", "=", "!"];

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === " ") {
      i++;
      continue;
    }
    if (/[A-Za-z_$#]/.test(c)) {
      let j = i + 1;
      while (j < s.length && /[\w$]/.test(s[j])) j++;
      out.push({ t: "id", v: s.slice(i, j) });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(s[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < s.length && /[\w.+-]/.test(s[j]) && !(s[j] === "-" && !/[eE]/.test(s[j - 1]))) j++;
      out.push({ t: "num", v: s.slice(i, j) });
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === "\\" ? 2 : 1;
      if (j >= s.length) throw new Unsupported("unterminated string");
      out.push({ t: "str", v: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (c === "`") {
      let j = i + 1;
      let depth = 0;
      while (j < s.length && !(s[j] === "`" && depth === 0)) {
        if (s[j] === "\\") j++;
        else if (s[j] === "$" && s[j + 1] === "{") (depth++, j++);
        else if (s[j] === "}" && depth > 0) depth--;
        else if (s[j] === "`" && depth > 0) throw new Unsupported("nested template");
        j++;
      }
      if (j >= s.length) throw new Unsupported("unterminated template");
      out.push({ t: "tpl", v: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const p = PUNCT.find((x) => s.startsWith(x, i));
    if (!p) throw new Unsupported(`character ${c}`);
    out.push({ t: "p", v: p });
    i += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Syntax tree of the subset

type Ty =
  | { k: "tref"; name: string; args?: Ty[] }
  | { k: "tlit"; v: string }
  | { k: "union"; types: Ty[] }
  | { k: "tarray"; elem: Ty }
  | { k: "tobj"; members: { key: string; optional: boolean; type: Ty }[]; index?: { key: string; type: Ty } };

type Ex =
  | { k: "id"; v: string }
  | { k: "lit"; v: string; short: boolean }
  | { k: "member"; obj: Ex; prop: string; optional: boolean }
  | { k: "index"; obj: Ex; index: Ex }
  | { k: "call"; callee: Ex; typeArgs?: Ty[]; args: Ex[] }
  | { k: "new"; callee: Ex; args: Ex[] }
  | { k: "arrow"; params: { name: string; type?: Ty }[]; body: Ex }
  | { k: "cond"; test: Ex; cons: Ex; alt: Ex }
  | { k: "bin"; op: string; l: Ex; r: Ex }
  | { k: "not"; e: Ex }
  | { k: "as"; e: Ex; type: Ty }
  | { k: "obj"; props: Prop[] }
  | { k: "arr"; elems: Ex[] }
  | { k: "spread"; e: Ex };

type Prop = { key: string; value: Ex; shorthand?: boolean } | { spread: Ex };

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  done(): boolean {
    return this.i >= this.toks.length;
  }
  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  is(v: string, o = 0): boolean {
    const t = this.toks[this.i + o];
    return t !== undefined && t.t === "p" && t.v === v;
  }
  eat(v: string): void {
    if (!this.is(v)) throw new Unsupported(`expected ${v}`);
    this.i++;
  }
  ident(): string {
    const t = this.toks[this.i];
    if (!t || t.t !== "id") throw new Unsupported("expected a name");
    this.i++;
    return t.v;
  }

  expr(): Ex {
    const test = this.binary();
    if (!this.is("?")) return test;
    this.eat("?");
    const cons = this.expr();
    this.eat(":");
    return { k: "cond", test, cons, alt: this.expr() };
  }
  private binary(): Ex {
    let l = this.unary();
    while (["===", "!==", "&&", "||", "??"].some((op) => this.is(op))) {
      const op = this.peek()!.v;
      this.i++;
      l = { k: "bin", op, l, r: this.unary() };
    }
    return l;
  }
  private unary(): Ex {
    if (this.is("!")) {
      this.i++;
      return { k: "not", e: this.unary() };
    }
    if (this.is("...")) {
      this.i++;
      return { k: "spread", e: this.unary() };
    }
    let e = this.postfix();
    while (this.peek()?.t === "id" && this.peek()!.v === "as") {
      this.i++;
      e = { k: "as", e, type: this.type() };
    }
    return e;
  }
  private postfix(): Ex {
    let e = this.primary();
    for (;;) {
      if (this.is(".") || this.is("?.")) {
        const optional = this.peek()!.v === "?.";
        this.i++;
        e = { k: "member", obj: e, prop: this.ident(), optional };
      } else if (this.is("[")) {
        this.i++;
        const index = this.expr();
        this.eat("]");
        e = { k: "index", obj: e, index };
      } else if (this.is("(")) {
        e = { k: "call", callee: e, args: this.args() };
      } else if (this.is("<") && e.k !== "lit") {
        this.i++;
        const typeArgs = [this.type()];
        while (this.is(",")) (this.i++, typeArgs.push(this.type()));
        this.eat(">");
        e = { k: "call", callee: e, typeArgs, args: this.args() };
      } else return e;
    }
  }
  private args(): Ex[] {
    this.eat("(");
    const out: Ex[] = [];
    while (!this.is(")")) {
      out.push(this.expr());
      if (!this.is(")")) this.eat(",");
    }
    this.eat(")");
    return out;
  }
  private primary(): Ex {
    const t = this.peek();
    if (!t) throw new Unsupported("unexpected end");
    if (t.t === "id") {
      if (t.v === "new") {
        this.i++;
        let callee: Ex = { k: "id", v: this.ident() };
        while (this.is(".")) (this.i++, (callee = { k: "member", obj: callee, prop: this.ident(), optional: false }));
        return { k: "new", callee, args: this.args() };
      }
      if (["function", "async", "await", "typeof", "void", "delete", "yield", "in", "instanceof"].includes(t.v)) throw new Unsupported(t.v);
      this.i++;
      return { k: "id", v: t.v };
    }
    if (t.t === "str" || t.t === "num" || t.t === "tpl") {
      this.i++;
      return { k: "lit", v: t.v, short: t.t === "num" || (t.t === "str" && t.v.length <= WIDTH / 4) || (t.t === "tpl" && !t.v.includes("${") && t.v.length - 2 <= WIDTH / 4) };
    }
    if (this.is("(")) {
      // An arrow function's parameters, or a parenthesised expression.
      const save = this.i;
      try {
        return this.arrow();
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        this.i = save;
      }
      this.eat("(");
      const inner = this.expr();
      this.eat(")");
      return inner;
    }
    if (this.is("{")) {
      this.i++;
      const props: Prop[] = [];
      while (!this.is("}")) {
        if (this.is("...")) {
          this.i++;
          props.push({ spread: this.expr() });
        } else {
          const kt = this.peek();
          if (!kt || (kt.t !== "id" && kt.t !== "str" && kt.t !== "num")) throw new Unsupported("object key");
          this.i++;
          if (this.is(":")) {
            this.i++;
            props.push({ key: kt.v, value: this.expr() });
          } else if (kt.t === "id") props.push({ key: kt.v, value: { k: "id", v: kt.v }, shorthand: true });
          else throw new Unsupported("object key");
        }
        if (!this.is("}")) this.eat(",");
      }
      this.eat("}");
      return { k: "obj", props };
    }
    if (this.is("[")) {
      this.i++;
      const elems: Ex[] = [];
      while (!this.is("]")) {
        elems.push(this.expr());
        if (!this.is("]")) this.eat(",");
      }
      this.eat("]");
      return { k: "arr", elems };
    }
    throw new Unsupported(`token ${t.v}`);
  }
  private arrow(): Ex {
    this.eat("(");
    const params: { name: string; type?: Ty }[] = [];
    while (!this.is(")")) {
      const name = this.ident();
      let type: Ty | undefined;
      if (this.is(":")) {
        this.i++;
        type = this.type();
      }
      params.push({ name, type });
      if (!this.is(")")) this.eat(",");
    }
    this.eat(")");
    this.eat("=>");
    if (this.is("{")) throw new Unsupported("arrow with a block or object body");
    return { k: "arrow", params, body: this.expr() };
  }

  type(): Ty {
    if (this.is("|")) this.i++;
    const first = this.postfixType();
    if (!this.is("|")) return first;
    const types = [first];
    while (this.is("|")) (this.i++, types.push(this.postfixType()));
    return { k: "union", types };
  }
  private postfixType(): Ty {
    let t = this.primaryType();
    while (this.is("[") && this.is("]", 1)) {
      this.i += 2;
      t = { k: "tarray", elem: t };
    }
    return t;
  }
  private primaryType(): Ty {
    const t = this.peek();
    if (!t) throw new Unsupported("unexpected end of type");
    if (t.t === "str" || t.t === "num") {
      this.i++;
      return { k: "tlit", v: t.v };
    }
    if (t.t === "id") {
      if (["typeof", "keyof", "readonly", "infer", "unique"].includes(t.v)) throw new Unsupported(t.v);
      this.i++;
      let name = t.v;
      while (this.is(".")) (this.i++, (name += "." + this.ident()));
      if (!this.is("<")) return { k: "tref", name };
      this.i++;
      const args = [this.type()];
      while (this.is(",")) (this.i++, args.push(this.type()));
      this.eat(">");
      return { k: "tref", name, args };
    }
    if (this.is("{")) {
      this.i++;
      const members: { key: string; optional: boolean; type: Ty }[] = [];
      let index: { key: string; type: Ty } | undefined;
      while (!this.is("}")) {
        if (this.is("[")) {
          this.i++;
          const key = this.ident();
          this.eat(":");
          const kt = this.ident();
          this.eat("]");
          this.eat(":");
          index = { key: `${key}: ${kt}`, type: this.type() };
        } else {
          const kt = this.peek();
          if (!kt || (kt.t !== "id" && kt.t !== "str")) throw new Unsupported("type member");
          this.i++;
          const optional = this.is("?");
          if (optional) this.i++;
          this.eat(":");
          members.push({ key: kt.v, optional, type: this.type() });
        }
        if (!this.is("}")) this.eat(";");
      }
      this.eat("}");
      if (index && members.length) throw new Unsupported("index signature with members");
      return { k: "tobj", members, index };
    }
    throw new Unsupported(`type token ${t.v}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Printing: the docs prettier's estree printer builds for these nodes

function b(): Docs["builders"] {
  return docs!.builders;
}

const isObjectType = (t: Ty) => t.k === "tobj";
/** prettier's isVoidType: `void` and `null` (not `undefined`). */
const isVoid = (t: Ty) => t.k === "tref" && (t.name === "null" || t.name === "void");
const isSimpleType = (t: Ty) => t.k === "tref" && !t.args;
const KEYWORD_TYPES = new Set(["any", "unknown", "number", "string", "boolean", "bigint", "symbol", "object", "never", "null", "undefined", "void"]);
/** prettier's object-like types: type literals and type references (`Foo`, `Array<Foo>`), not keywords. */
const isObjectLike = (t: Ty) => t.k === "tobj" || (t.k === "tref" && !KEYWORD_TYPES.has(t.name));

/**
 * prettier's rule (utilities/union-type-print.js) for a union kept on one line however long: one
 * object-like type, the rest `null` or `void`. `Foo | null` hugs; `boolean | null` does not.
 */
function hugsUnion(t: Ty & { k: "union" }): boolean {
  const object = t.types.find(isObjectLike);
  return object !== undefined && t.types.every((x) => x === object || isVoid(x));
}

function shouldHugType(t: Ty): boolean {
  if (isSimpleType(t) || isObjectType(t)) return true;
  return t.k === "union" && hugsUnion(t);
}

function printType(t: Ty, parent: "args" | "member" | "alias" | "other" = "other"): Doc {
  const { group, indent, softline, line, ifBreak, join, align } = b();
  switch (t.k) {
    case "tref":
      return t.args ? [t.name, printTypeArgs(t.args)] : t.name;
    case "tlit":
      return t.v;
    case "tarray":
      return [printType(t.elem), "[]"];
    case "tobj": {
      const members: Doc[] = t.index ? [[indexKey(t.index.key), ": ", printType(t.index.type, "member")]] : t.members.map((m) => [m.key, m.optional ? "?" : "", ": ", printType(m.type, "member")]);
      if (members.length === 0) return "{}";
      return group(["{", indent([line, join([";", line], members)]), ifBreak(";"), line, "}"]);
    }
    case "union": {
      const shouldIndent = parent !== "args";
      if (shouldHugType(t))
        return join(
          " | ",
          t.types.map((x) => printType(x)),
        );
      const printed = t.types.map((x) => align(2, printType(x)));
      const code = [ifBreak("| "), join([line, "| "], printed)];
      // A union first moves to the next line whole, and only then goes one member a line (inside
      // type arguments the brackets' own line break does the first step).
      return shouldIndent ? group(indent([softline, group(code)])) : group(code);
    }
  }
}

/** `[k: string]`: prettier breaks inside the brackets when nothing after them can break. */
function indexKey(param: string): Doc {
  const { group, indent, softline } = b();
  return group(["[", indent([softline, param]), softline, "]"]);
}

function printTypeArgs(args: Ty[]): Doc {
  const { group, indent, softline, line, join } = b();
  if (args.length === 1 && (isObjectType(args[0]) || shouldHugType(args[0]))) return ["<", printType(args[0], "args"), ">"];
  return group([
    "<",
    indent([
      softline,
      join(
        [",", line],
        args.map((a) => printType(a, "args")),
      ),
    ]),
    softline,
    ">",
  ]);
}

interface Ctx {
  expandLastArg?: boolean;
  parent?: "arrowBody" | "assign" | "return" | "arg" | "other";
}

function isLoneShortArgument(e: Ex): boolean {
  if (e.k === "id") return e.v.length <= WIDTH / 4;
  if (e.k === "lit") return e.short;
  if (e.k === "not") return isLoneShortArgument(e.e);
  return false;
}

function couldExpandArg(a: Ex, arrowChain = false): boolean {
  if (a.k === "obj") return a.props.length > 0;
  if (a.k === "arr") return a.elems.length > 0;
  if (a.k === "as") return couldExpandArg(a.e);
  if (a.k === "arrow") {
    if (a.body.k === "obj" || a.body.k === "arr") return true;
    if (a.body.k === "arrow" && couldExpandArg(a.body, true)) return true;
    if (!arrowChain && (a.body.k === "cond" || a.body.k === "call")) return true;
  }
  return false;
}

function printArgs(args: Ex[]): Doc {
  const { group, indent, softline, line, ifBreak, conditionalGroup, breakParent } = b();
  const { willBreak } = docs!.utils as unknown as { willBreak: (d: Doc) => boolean };
  if (args.length === 0) return "()";
  const printed = args.map((a, i) => (i === args.length - 1 ? printExpr(a, { parent: "arg" }) : [printExpr(a, { parent: "arg" }), ",", line]));
  const allArgsBrokenOut = () => group(["(", indent([line, ...printed]), ",", line, ")"], { shouldBreak: true });
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  if (couldExpandArg(last) && (!penultimate || penultimate.k !== last.k) && !(args.length === 2 && penultimate.k === "arrow" && last.k === "arr")) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allArgsBrokenOut();
    const lastDoc = printExpr(last, { parent: "arg", expandLastArg: true });
    if (willBreak(lastDoc)) return [breakParent, conditionalGroup([["(", ...head, group(lastDoc, { shouldBreak: true }), ")"], allArgsBrokenOut()])];
    return conditionalGroup([["(", ...head, lastDoc, ")"], ["(", ...head, group(lastDoc, { shouldBreak: true }), ")"], allArgsBrokenOut()]);
  }
  return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], { shouldBreak: printed.some(willBreak) });
}

function printExpr(e: Ex, ctx: Ctx = {}): Doc {
  const { group, indent, softline, line, ifBreak, join, align } = b();
  switch (e.k) {
    case "id":
      return e.v;
    case "lit":
      return e.v;
    case "member":
      return [printExpr(e.obj), e.optional ? "?." : ".", e.prop];
    case "index":
      // prettier may break inside `["…"]`, and a breakable left side changes how an assignment
      // lays out: not certain here, so prettier does it.
      if (e.index.k !== "lit" || !/^\d+$/.test(e.index.v)) throw new Unsupported("computed member with a string key");
      return [printExpr(e.obj), "[", printExpr(e.index), "]"];
    case "call":
      if (e.callee.k !== "id" && e.callee.k !== "member") throw new Unsupported("call of an expression");
      if (e.callee.k === "member" && hasCallInChain(e.callee)) throw new Unsupported("member chain");
      return [printExpr(e.callee), e.typeArgs ? printTypeArgs(e.typeArgs) : "", printArgs(e.args)];
    case "new":
      return ["new ", printExpr(e.callee), printArgs(e.args)];
    case "not":
      return ["!", printExpr(e.e)];
    case "spread":
      return ["...", printExpr(e.e)];
    case "as":
      return [printExpr(e.e), " as ", printType(e.type)];
    case "bin":
      if (ctx.parent !== "arg" && ctx.parent !== "other" && ctx.parent !== undefined) throw new Unsupported("binary outside a test");
      if (e.l.k === "bin" || e.r.k === "bin") throw new Unsupported("nested binary");
      return group([printExpr(e.l), " ", e.op, line, printExpr(e.r)]);
    case "arr":
      if (e.elems.length === 0) return "[]";
      if (e.elems.every((x) => x.k === "lit" && /^-?[\d.]+$/.test(x.v))) throw new Unsupported("number array");
      return group(
        [
          "[",
          indent([
            softline,
            join(
              [",", line],
              e.elems.map((x) => printExpr(x, { parent: "arg" })),
            ),
          ]),
          ifBreak(","),
          softline,
          "]",
        ],
        { shouldBreak: e.elems.length > 1 && e.elems.every((x) => (x.k === "obj" && x.props.length > 1) || (x.k === "arr" && x.elems.length > 1)) },
      );
    case "obj":
      if (e.props.length === 0) return "{}";
      return group([
        "{",
        indent([
          line,
          join(
            [",", line],
            e.props.map((p) => ("spread" in p ? ["...", printExpr(p.spread)] : p.shorthand ? p.key : printProperty(p.key, p.value))),
          ),
        ]),
        ifBreak(","),
        line,
        "}",
      ]);
    case "arrow": {
      const params = [
        "(",
        join(
          ", ",
          e.params.map((p) => (p.type ? [p.name, ": ", printType(p.type)] : p.name)),
        ),
        ")",
      ];
      const body = e.body;
      if (body.k === "arrow") throw new Unsupported("arrow chain");
      const shouldAddParens = body.k === "cond";
      const printedBody = printExpr(body, { parent: "arrowBody" });
      const shouldAddSoftLine = ctx.expandLastArg === true;
      const fullParams = e.params.some((p) => p.type)
        ? group([
            "(",
            indent([
              softline,
              join(
                [",", line],
                e.params.map((p) => (p.type ? [p.name, ": ", printType(p.type)] : p.name)),
              ),
            ]),
            ifBreak(","),
            softline,
            ")",
          ])
        : params;
      // As an expanded last argument, prettier never breaks an arrow's parameters.
      const paramsDoc = ctx.expandLastArg ? (docs!.utils as unknown as { removeLines: (d: Doc) => Doc }).removeLines(fullParams) : fullParams;
      return group([
        group(paramsDoc),
        " =>",
        group([indent([line, shouldAddParens ? ifBreak("", "(") : "", printedBody, shouldAddParens ? ifBreak("", ")") : ""]), shouldAddSoftLine ? [ifBreak(","), softline] : ""]),
      ]);
    }
    case "cond": {
      const test = printExpr(e.test, { parent: "other" });
      if (e.cons.k === "cond" || e.alt.k === "cond" || e.test.k === "cond") throw new Unsupported("nested ternary");
      const parts = [test, indent([line, "? ", align(2, printExpr(e.cons)), line, ": ", align(2, printExpr(e.alt))])];
      return group(parts);
    }
  }
}

function hasCallInChain(e: Ex): boolean {
  for (let x: Ex = e; ;) {
    if (x.k === "call") return true;
    if (x.k === "member") x = x.obj;
    else if (x.k === "index") x = x.obj;
    else return false;
  }
}

/** `key: value` in an object literal: prettier's assignment layouts. */
function printProperty(key: string, value: Ex): Doc {
  return printAssignment(key, ":", value, { isProperty: true, keyWidth: key.length });
}

function isPoorlyBreakableChain(e: Ex, deep = false): boolean {
  if (e.k === "call") {
    if (e.callee.k === "member" && hasCallInChain(e.callee)) return false;
    const poorly = e.args.length === 0 || (e.args.length === 1 && isLoneShortArgument(e.args[0]));
    if (!poorly) return false;
    if (e.typeArgs && (e.typeArgs.length > 1 || e.typeArgs[0].k === "union" || e.typeArgs[0].k === "tobj")) return false;
    return isPoorlyBreakableChain(e.callee, true);
  }
  if (e.k === "member") return isPoorlyBreakableChain(e.obj, true);
  return deep && e.k === "id";
}

function printAssignment(left: Doc, operator: string, right: Ex, opts: { isProperty?: boolean; keyWidth?: number }): Doc {
  const { group, indent, line, indentIfBreak } = b();
  const hasShortKey = opts.isProperty === true && (opts.keyWidth ?? 99) < 2 + 3;
  let layout: "break-after-operator" | "never-break-after-operator" | "fluid";
  if (right.k === "bin" && right.op !== "&&" && right.op !== "||") layout = "break-after-operator";
  else if (right.k === "bin") throw new Unsupported("logical expression");
  else if (right.k === "cond") layout = right.test.k === "bin" ? "break-after-operator" : hasShortKey ? "never-break-after-operator" : "fluid";
  else if (!hasShortKey && ((right.k === "lit" && /^["']/.test(right.v)) || isPoorlyBreakableChain(right))) layout = "break-after-operator";
  // (Our left sides never break: a name, a member, a quoted key.)
  else if (hasShortKey || (right.k === "lit" && /^[`\d-]/.test(right.v)) || (right.k === "id" && (right.v === "true" || right.v === "false"))) layout = "never-break-after-operator";
  else layout = "fluid";
  if (right.k === "cond" && layout !== "break-after-operator" && right.test.k !== "bin") {
    // A ternary on the same line as its assignment: prettier indents its branches from the test.
    const rightDoc = printExpr(right, { parent: "assign" });
    return group([group(left), operator, " ", group(indent(rightDoc))]);
  }
  const rightDoc = printExpr(right, { parent: "assign" });
  switch (layout) {
    case "break-after-operator":
      return group([group(left), operator, group(indent([line, rightDoc]))]);
    case "never-break-after-operator":
      return group([group(left), operator, " ", rightDoc]);
    case "fluid": {
      const groupId = Symbol("assignment");
      return group([group(left), operator, group(indent(line), { id: groupId }), indentIfBreak(rightDoc, { groupId })]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Statements, one emitted line each

function parseAll<T>(text: string, f: (p: Parser) => T): T {
  const p = new Parser(tokenize(text));
  const out = f(p);
  if (!p.done()) throw new Unsupported(`unparsed rest of ${text}`);
  return out;
}

function printParams(params: string): Doc {
  const { group, indent, softline, line, ifBreak, join } = b();
  const list =
    params.trim() === ""
      ? []
      : splitTop(params, ",").map((p) => {
          const m = /^\s*([\w$]+)(\??): (.*)$/.exec(p);
          if (!m) throw new Unsupported("parameter");
          return [m[1], m[2], ": ", printType(parseAll(m[3], (q) => q.type()))];
        });
  if (list.length === 0) return "()";
  return group(["(", indent([softline, join([",", line], list)]), ifBreak(","), softline, ")"]);
}

/** Splits on `sep` outside brackets, strings and templates. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c) && !(c === ">" && s[i - 1] === "=")) depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** A condition inside `if (…)`: binary operands are printed without a group of their own. */
function printTest(e: Ex): Doc {
  const { line } = b();
  if (e.k !== "bin") return printExpr(e, { parent: "other" });
  if (e.l.k === "bin" || e.r.k === "bin") throw new Unsupported("nested binary");
  const right = [e.op, line, printExpr(e.r, { parent: "other" })];
  // A comparison keeps its right side in a group of its own; `&&` and `||` break with the parentheses.
  return [printExpr(e.l, { parent: "other" }), " ", e.op === "&&" || e.op === "||" ? right : b().group(right)];
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s.replace(/"([^"\\]|\\.)*"/g, "")) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** One long line → prettier's layout of it, or throws Unsupported. */
function layoutLine(line: string, prev: string | undefined): string {
  const indentWidth = line.length - line.trimStart().length;
  const body = line.slice(indentWidth);
  const doc = statementDoc(body, prev);
  let d: Doc = doc;
  const { indent } = b();
  for (let i = 0; i < indentWidth; i += 2) d = indent(d);
  const printed = docs!.printer.printDocToString([" ".repeat(indentWidth), d], { printWidth: WIDTH, tabWidth: 2, useTabs: false } as never).formatted;
  return printed.replace(/[ \t]+$/gm, "");
}

function statementDoc(s: string, prev: string | undefined): Doc {
  let m: RegExpExecArray | null;
  if ((m = /^(constructor)\((.*)\) \{$/.exec(s))) {
    return b().group([m[1], b().group(printParams(m[2])), " {"]);
  }
  if ((m = /^((?:export )?(?:async )?function [\w$]+)\((.*)\)(: .+)? \{$/.exec(s))) {
    const ret = m[3] ? [": ", printType(parseAll(m[3].slice(2), (p) => p.type()))] : "";
    return b().group([m[1], b().group(printParams(m[2])), ret, " {"]);
  }
  if ((m = /^((?:export )?type [\w$]+) = (.*);$/.exec(s))) {
    const type = parseAll(m[2], (p) => p.type());
    const { group, indent, line, indentIfBreak } = b();
    const groupId = Symbol("assignment");
    return [group([m[1], " =", group(indent(line), { id: groupId }), indentIfBreak(printType(type, "alias"), { groupId })]), ";"];
  }
  if ((m = /^([?:]) (.*?)(,?)$/.exec(s)) && prev !== undefined && /^\s*(\?|\S.* [=:]$|\S.* =|.*[^;{(,]$)/.test(prev)) {
    // A branch of a ternary the template already broke: prettier aligns what breaks inside it.
    const e = parseAll(m[2], (p) => p.expr());
    return [m[1], " ", b().align(2, printExpr(e)), m[3]];
  }
  if ((m = /^if \((.*)\) \{$/.exec(s))) {
    const { group, indent, softline } = b();
    return ["if (", group([indent([softline, printTest(parseAll(m[1], (p) => p.expr()))]), softline]), ") {"];
  }
  if ((m = /^if \((.*)\) (.+;)$/.exec(s)) && balanced(m[1])) {
    const { group, indent, softline, line } = b();
    return group(["if (", group([indent([softline, printTest(parseAll(m[1], (p) => p.expr()))]), softline]), ")", indent([line, statementDoc(m[2], undefined)])]);
  }
  if ((m = /^return (.*);$/.exec(s))) {
    const e = parseAll(m[1], (p) => p.expr());
    if (e.k === "bin") throw new Unsupported("return of a binary expression");
    return ["return ", printExpr(e, { parent: "return" }), ";"];
  }
  if ((m = /^((?:export )?(?:const|let) [\w$]+)(?:: (.+?))? = (.*);$/.exec(s))) {
    const right = parseAll(m[3], (p) => p.expr());
    if (m[2] !== undefined) {
      const ty = parseAll(m[2], (p) => p.type());
      if (!isSimpleType(ty)) throw new Unsupported("declaration with a complex type");
    }
    return [printAssignment(m[2] !== undefined ? [m[1], ": ", m[2]] : m[1], " =", right, {}), ";"];
  }
  if ((m = /^([\w$]+(?:\.#?[\w$]+|\[[^\]]+\])+) (\?\?=|=) (.*);$/.exec(s))) {
    const left = parseAll(m[1], (p) => p.expr());
    return [
      printAssignment(
        printExpr(left),
        " " + m[2],
        parseAll(m[3], (p) => p.expr()),
        {},
      ),
      ";",
    ];
  }
  if ((m = /^\): (.*) \{$/.exec(s))) {
    return [
      "): ",
      printType(
        parseAll(m[1], (p) => p.type()),
        "other",
      ),
      " {",
    ];
  }
  if ((m = /^import (type )?\{ (.*) \} from ("[^"]+");$/.exec(s))) {
    const { group, indent, line, ifBreak, join } = b();
    return ["import ", m[1] ?? "", group(["{", indent([line, join([",", line], m[2].split(", "))]), ifBreak(","), line, "}"]), " from ", m[3], ";"];
  }
  if ((m = /^\[([\w$]+: string)\]: (.*);$/.exec(s))) {
    return [
      indexKey(m[1]),
      ": ",
      printType(
        parseAll(m[2], (p) => p.type()),
        "member",
      ),
      ";",
    ];
  }
  if ((m = /^(readonly )?([\w$]+|"(?:[^"\\]|\\.)*")(\??): (.*);$/.exec(s))) {
    const type = parseAll(m[4], (p) => p.type());
    return [m[1] ?? "", m[2], m[3], ": ", printType(type, "member"), ";"];
  }
  if ((m = /^([\w$]+|"(?:[^"\\]|\\.)*"): (.*),$/.exec(s))) {
    let value: Ex;
    try {
      value = parseAll(m[2], (p) => p.expr());
    } catch (e) {
      if (!(e instanceof Unsupported) || (!/\($/.test(prev ?? "") && !/,$/.test(prev ?? ""))) throw e;
      // A parameter of a signature the template broke: `name: Type,`.
      return [
        m[1],
        ": ",
        printType(
          parseAll(m[2], (p) => p.type()),
          "member",
        ),
        ",",
      ];
    }
    return [printProperty(m[1], value), ","];
  }
  if ((m = /^([\w$]+)(\?): (.*),$/.exec(s))) {
    return [
      m[1],
      m[2],
      ": ",
      printType(
        parseAll(m[3], (p) => p.type()),
        "member",
      ),
      ",",
    ];
  }
  if (prev !== undefined && /<$/.test(prev)) {
    return printType(
      parseAll(s, (p) => p.type()),
      "args",
    );
  }
  if ((m = /^(.*)([,;])$/.exec(s))) {
    const e = parseAll(m[1], (p) => p.expr());
    return [printExpr(e, { parent: "arg" }), m[2]];
  }
  throw new Unsupported(`statement ${s}`);
}

// ---------------------------------------------------------------------------------------------
// Files

/** Long lines prettier leaves as they are: nothing in them can break. */
const UNBREAKABLE = [
  /^\s*(\/\/|\/\*|\*)/, // comments
  /^\s*("([^"\\]|\\.)*"|`[^`]*`),?$/, // a lone string
  /^import (type )?\{ [\w$]+ \} from "[^"]+";$/, // an import of one name
  /^export \* from "[^"]+";$/,
  /^\} from "[^"]+";$/,
  /^\s*(type )?[\w$]+,$/, // one name in an import list or argument list
  /^\s*\(typeof [\w$]+\)\[keyof typeof [\w$]+\];$/,
  /^\s*(readonly )?(#?[\w$]+|"[^"]*")\??: [\w$]+[;,]$/, // a property whose type or value is one name
  /^\s*\): Promise<[\w$]+> \{$/,
  /^export class [\w$]+ extends [\w$]+(<[\w$]+>)? \{$/,
  /^export (async )?function [\w$]+\($/,
  /^export type [\w$]+ =$/,
  /^\): [\w$]+ \{$/,
];

/** A line over 80 columns that prettier could lay out differently. */
export function overflows(line: string): boolean {
  return line.length > WIDTH && !UNBREAKABLE.some((re) => re.test(line));
}

/** Why the last `layoutFile` returned undefined (for tests and tuning). */
export let lastUnsupported = "";

/** An object literal or type opened at the end of a line: `export type X = {`, `const v: X = {`. */
const BLOCK_OPEN = /^(\s*)(.*) = \{$/;

/**
 * The file with its long lines laid out as prettier lays them out, or undefined when a long line is
 * outside the subset this module knows (the caller then runs prettier on the file).
 */
export function layoutFile(content: string): string | undefined {
  if (!docs) throw new Error("layoutFile before loadLayout");
  const lines = content.split("\n");
  const out: string[] = [];
  try {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!overflows(line)) {
        out.push(line);
        continue;
      }
      const open = BLOCK_OPEN.exec(line);
      if (open) {
        // prettier breaks after `=` and indents the whole literal one level deeper.
        const ind = open[1];
        let end = i + 1;
        while (end < lines.length && !(lines[end].startsWith(ind + "}") && lines[end].length > ind.length && lines[end][ind.length] === "}")) end++;
        if (end >= lines.length) throw new Unsupported("unclosed block");
        const inner = [`${ind}  {`, ...lines.slice(i + 1, end).map((l) => (l === "" ? l : "  " + l)), "  " + lines[end]];
        const re = layoutFile(inner.join("\n"));
        if (re === undefined) return undefined;
        out.push(`${ind}${open[2]} =`, ...re.split("\n"));
        i = end;
        continue;
      }
      if (/ =>$/.test(line)) {
        // The template broke this statement after an arrow: rejoin it and lay it out whole.
        let end = i;
        let depth = 0;
        for (; end < lines.length; end++) {
          for (const c of lines[end].replace(/"([^"\\]|\\.)*"/g, "")) depth += "([{".includes(c) ? 1 : ")]}".includes(c) ? -1 : 0;
          if (depth === 0 && /;$/.test(lines[end])) break;
        }
        if (end >= lines.length) throw new Unsupported("unterminated statement");
        const ind = line.slice(0, line.length - line.trimStart().length);
        const joined =
          ind +
          lines
            .slice(i, end + 1)
            .map((l) => l.trim())
            .join(" ")
            .replace(/,\s*([)\]}])/g, "$1");
        out.push(...layoutLine(joined, lines[i - 1]).split("\n"));
        i = end;
        continue;
      }
      try {
        out.push(layoutLine(line, lines[i - 1]));
      } catch (e) {
        if (e instanceof Unsupported) e.message += ` @ ${line.trim()}`;
        throw e;
      }
    }
  } catch (e) {
    if (e instanceof Unsupported) {
      lastUnsupported = e.message;
      return undefined;
    }
    throw e;
  }
  return out.join("\n");
}
