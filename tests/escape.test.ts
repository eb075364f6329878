// The escapers: a given/want table per output context, then properties checked by the real parsers
// (TypeScript's, Python's, prettier) over hostile and random strings.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import * as prettier from "prettier";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  htmlAttr,
  jsdocLine,
  jsonString,
  md,
  mdCell,
  mdCode,
  pyComment,
  pyDocLines,
  pyString,
  splitLines,
  tomlKey,
  tomlString,
  tsLineComment,
  tsString,
  tsTemplateText,
} from "../generator/render/escape.js";
import { propKey, tsLiteral } from "../generator/targets/typescript/literals.js";

/** Strings that end or open something in one context or another. */
export const HOSTILE = [
  "*/ globalThis.pwned = 1; /*",
  '"""; import os; os._exit(3) #',
  "${process.exit(3)}",
  "`; process.exit(3); `",
  "'; process.exit(3); '",
  '"; process.exit(3); "',
  "a\u2028process.exit(3)",
  "x\r// y",
  "NUL\u0000byte",
  "\u202eevil\u202c",
  "**/*.ts",
  "*/15 * * * *",
  "ends with backslash \\",
  'ends with quote "',
  "</script><script>alert(1)</script>",
  "[click](javascript:alert(1))",
  "| a | b |",
  "```\n# heading",
  "\ud800 lone surrogate",
  "--> <!--",
  "{{constructor}}",
];

describe("given/want", () => {
  const table: [string, (s: string) => unknown, string, unknown][] = [
    ["tsString", tsString, "plain", '"plain"'],
    ["tsString", tsString, 'say "hi"', `'say "hi"'`],
    ["tsString", tsString, `it's "x"`, `'it\\'s "x"'`],
    ["tsString", tsString, "a\u2028b\u0000c", '"a\\u2028b\\u0000c"'],
    ["tsString", tsString, "\u202e", '"\\u202e"'],
    ["tsString", tsString, "😀", '"😀"'],
    ["tsString", tsString, "\ud800", '"\\ud800"'],
    ["tsTemplateText", tsTemplateText, "/a/${b}/`c`\\", "/a/\\${b}/\\`c\\`\\\\"],
    ["jsdocLine", jsdocLine, "*/15 * * * *", "*\\/15 * * * *"],
    ["jsdocLine", jsdocLine, "a\u2028b\nc", "a b c"],
    ["jsdocLine", jsdocLine, "bell\u0007", "bell\\u{7}"],
    ["tsLineComment", tsLineComment, "a\u2028b\rc", "a b c"],
    ["pyString", pyString, 'a"b\\c\n', '"a\\"b\\\\c\\n"'],
    ["pyDocLines", pyDocLines, 'say """hi""" "', ["say '''hi''' \" "]],
    ["pyDocLines", pyDocLines, "trailing \\", ["trailing \\ "]],
    ["pyDocLines", pyDocLines, "NUL\u0000\r\nnext\n\n", ["NUL\\u{0}", "next"]],
    ["pyComment", pyComment, "a\nb", "a b"],
    ["jsonString", jsonString, 'a"b', '"a\\"b"'],
    ["tomlString", tomlString, 'a"b\u0001\ud800', '"a\\"b\\u0001\ufffd"'],
    ["tomlKey", tomlKey, "clerk_backend_api", "clerk_backend_api"],
    ["tomlKey", tomlKey, "acme.sdk", '"acme.sdk"'],
    ["md", md, "Use <b>bold</b> and <img src=x onerror=alert(1)>", "Use <b>bold</b> and &lt;img src=x onerror=alert(1)>"],
    ["md", md, "Keep `<T>` as code", "Keep `<T>` as code"],
    ["md", md, "[x](javascript:alert(1)) [y](https://ok)", "[x](#unsafe-link-removed:alert(1)) [y](https://ok)"],
    ["md", md, '<a href="/docs">ok</a> <a href="javascript:x">no</a> <a href="/x" onclick="y">no</a> <Pay>', '<a>ok</a> &lt;a href="javascript:x">no</a> &lt;a href="/x" onclick="y">no</a> &lt;Pay>'],
    ["md", md, "```\nunclosed <b", "```\nunclosed <b\n```"],
    ["md", (s: string) => md(s, true), "two\nlines", "two lines"],
    ["mdCell", mdCell, "a | b\nc", "a \\| b\nc"],
    ["mdCode", mdCode, "a`b", "``a`b``"],
    ["mdCode", mdCode, "`x", "`` `x ``"],
    ["htmlAttr", htmlAttr, '/a/--> "<x>" &', "/a/-&#45;&gt; &quot;&lt;x&gt;&quot; &amp;"],
  ];
  it.each(table)("%s, case %#", (_name, fn, given, want) => {
    expect(fn(given)).toEqual(want);
  });

  it("splitLines knows every line terminator", () => {
    expect(splitLines("a\r\nb\rc\nd\u2028e\u2029f\u0085g")).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });
});

/** Any string, biased towards the characters that matter. */
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom("*", "/", "`", "$", "{", "}", '"', "'", "\\", "\n", "\r", "\u2028", "#", "<", ">", "|", "a", " ", "\u0000", "\ud800"), { maxLength: 30 }).map((a) => a.join("")),
);

/**
 * What the quoted-literal escapers (pyString, tsTemplateText) write inside the quotes, character by
 * character: the oracle for their shortcut, which returns a value with nothing to escape as it is.
 */
function escapedOneByOne(value: string, quote: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    const bidi = code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    if (c === "\\" || c === quote) out += "\\" + c;
    else if (c === "\n" || c === "\r" || c === "\t") out += { "\n": "\\n", "\r": "\\r", "\t": "\\t" }[c];
    else if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) out += c + value[++i];
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff) || bidi || code === 0xfeff)
      out += "\\u" + code.toString(16).padStart(4, "0");
    else out += c;
  }
  return out;
}

describe("the quoted-literal escapers' shortcut", () => {
  // Every character the escapers treat apart, the ones beside each range's ends, and plain text.
  const special = [
    "\\",
    '"',
    "`",
    "'",
    "\n",
    "\r",
    "\t",
    "\u0000",
    "\u001f",
    " ",
    "~",
    "\u007f",
    "\u0085",
    "\u009f",
    "\u00a0",
    "\u2027",
    "\u2028",
    "\u2029",
    "\u202a",
    "\u202e",
    "\u202f",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2065",
    "\u2066",
    "\u2069",
    "\u206a",
    "\ufeff",
    "\ufffe",
    "\ud7ff",
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
    "\ue000",
    "😀",
    "é",
    "a",
    "Z",
  ];
  const strings = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.array(fc.constantFrom(...special), { maxLength: 12 }).map((a) => a.join("")),
  );

  it("writes what escaping one character at a time writes, for any string", () => {
    fc.assert(
      fc.property(strings, (s) => {
        expect(pyString(s)).toBe(`"${escapedOneByOne(s, '"')}"`);
        expect(tsTemplateText(s)).toBe(escapedOneByOne(s, "`").replace(/\$\{/g, "\\${"));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it("returns a value with nothing to escape as the very string", () => {
    for (const s of ["plain", "ActorTokenTypedDict", "/v1/users/{id}", "naïve café 😀", ""]) expect(pyString(s).slice(1, -1)).toBe(s);
  });
});

describe("TypeScript contexts, read back by the TypeScript parser", () => {
  const parse = (code: string) => ts.createSourceFile("x.ts", code, ts.ScriptTarget.ES2022, true);

  it("a tsString literal parses to the same value, alone", () => {
    fc.assert(
      fc.property(text, (s) => {
        const file = parse(`x(${tsString(s)});`);
        const call = (file.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
        expect(file.statements).toHaveLength(1);
        expect(ts.isStringLiteral(call.arguments[0]) && call.arguments[0].text).toBe(s);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("tsString is already prettier-clean (prettier keeps its quotes and escapes)", async () => {
    for (const s of [...HOSTILE, "a'b", 'a"b', "a'\"b", `''""'`, "\\"]) {
      const code = `export const x = ${tsString(s)};\n`;
      expect(await prettier.format(code, { parser: "typescript" })).toBe(code);
    }
  });

  it("property keys are quoted exactly where prettier quotes them, in any alphabet (propKey, tsLiteral)", async () => {
    // Letters of several scripts, marks, digits, connectors, a letter number (Ⅻ), a middle dot (not
    // an ES5 identifier part), an astral letter (𝒜) and the characters that make a key need quotes.
    const pool = [..."aZ_$09éñжЖλ日ⅫÀ\u0301\u203f\u00b7\u200c-. @", "𝒜"];
    const keys = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(""));
    const samples = [...fc.sample(fc.uniqueArray(keys, { minLength: 1, maxLength: 6 }), { seed: 11, numRuns: 300 }), ["número", "имя"], ["a", "x-y"], ["日本", "1", "__proto__"]];
    for (const names of samples) {
      const type = `export type T = {\n${names.map((k) => `  ${propKey(k)}?: string;\n`).join("")}};\n`;
      const value = `export const v = ${tsLiteral(Object.fromEntries(names.map((k) => [k, 1])))};\n`;
      expect(await prettier.format(type, { parser: "typescript" })).toBe(type);
      expect(await prettier.format(value, { parser: "typescript" })).toBe(value);
    }
  });

  it("template text stays text; JSDoc and line comments end where they should", () => {
    fc.assert(
      fc.property(text, (s) => {
        const file = parse(`x(\`${tsTemplateText(s)}\`);\n/** ${jsdocLine(s)} */\nexport const a = 1;\n// ${tsLineComment(s)}\nexport const b = 2;\n`);
        expect(file.statements).toHaveLength(3);
        const arg = ((file.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression).arguments[0];
        expect(ts.isNoSubstitutionTemplateLiteral(arg) && arg.text).toBe(s);
        expect(ts.getLeadingCommentRanges(file.text, file.statements[1].pos)).toHaveLength(1);
        expect(ts.getLeadingCommentRanges(file.text, file.statements[2].pos)).toHaveLength(1);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe("Python and TOML contexts, read back by Python 3", () => {
  it("literals, docstrings and comments parse; values survive", () => {
    const samples = fc.sample(text, { seed: 7, numRuns: 400 }).concat(HOSTILE);
    const cases = samples.map((s) => ({
      value: s,
      literal: pyString(s),
      module: `r"""${pyDocLines(s).join("\n")}"""\n# ${pyComment(s)}\nX = ${pyString(s)}\n`,
      toml: `v = ${tomlString(s)}\n`,
      tomlValue: s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
    }));
    const script = `
import ast, json, sys, tomllib
cases = json.loads(sys.stdin.read())
bad = []
for c in cases:
    if ast.literal_eval(c["literal"]) != c["value"]: bad.append(("literal", c["value"]))
    tree = ast.parse(c["module"])
    if len(tree.body) != 2 or ast.literal_eval(tree.body[1].value) != c["value"]: bad.append(("module", c["value"]))
    if tomllib.loads(c["toml"])["v"] != c["tomlValue"]: bad.append(("toml", c["value"]))
print(json.dumps(bad))
`;
    const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(cases), encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe("markdown contexts", () => {
  it("prose never carries a raw tag (other than plain formatting) or a script link", () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = md(s).replace(/`[^`]*`/g, "");
        expect(out).not.toMatch(
          /<(?!\/?(b|i|em|strong|code|pre|p|br|ul|ol|li|sup|sub|kbd|blockquote|hr|h[1-6]|table|thead|tbody|tr|th|td|details|summary|a)\s*\/?>|a href="(https?:\/\/|mailto:|\/|#|\.)[^"<>`]*"\s*>)[A-Za-z/!?]/i,
        );
        expect(out).not.toMatch(/<[a-z]+\s[^>]*\bon[a-z]+\s*=/i);
        expect(out).not.toMatch(/\]\(\s*<?\s*javascript:/i);
        expect(md(s, true)).not.toMatch(/[\n\r]/);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("a cell never splits its row; a code span is one span", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(mdCell(s).replace(/\\\|/g, "")).not.toContain("|");
        const code = mdCode(s);
        const fence = /^`+/.exec(code)![0];
        expect(code.endsWith(fence)).toBe(true);
        expect(code.slice(fence.length, -fence.length)).not.toContain(fence);
        expect(code).not.toMatch(/[\n\r]/);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("an HTML attribute cannot leave its quotes or the comment around it", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(htmlAttr(s)).not.toMatch(/["<>\n]|--/);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
