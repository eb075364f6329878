/** Case conversion and clash-free naming, shared by the IR and every target's planner. */

/** words()' cache: a pure function's results (the same words for the same text in any run), bounded. */
const wordsOf = new Map<string, readonly string[]>();
const WORDS_KEPT = 200_000;

/**
 * Splits an identifier or phrase into lower-case words: "CreateActorToken" → create, actor, token.
 * Remembered: planners and views ask for the same names' words tens of thousands of times.
 */
export function words(input: string): readonly string[] {
  let known = wordsOf.get(input);
  if (known === undefined) {
    if (wordsOf.size >= WORDS_KEPT) wordsOf.clear();
    known = Object.freeze(
      (NON_ASCII.test(input) ? asciiFold(input) : input)
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase()),
    );
    wordsOf.set(input, known);
  }
  return known;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Letters that Unicode does not decompose into a Latin letter and a mark. */
const LATIN_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ø: "o", Ø: "O", đ: "d", Đ: "D", ð: "d", Ð: "D", ł: "l", Ł: "L", þ: "th", Þ: "Th", ı: "i", ħ: "h", Ħ: "H" };

/** Cyrillic and Greek letters, romanized letter by letter (lower case; capitals keep their case). */
const ROMANIZED: Record<string, string> = Object.fromEntries(
  [
    "а a|б b|в v|г g|д d|е e|ё yo|ж zh|з z|и i|й y|к k|л l|м m|н n|о o|п p|р r|с s|т t|у u|ф f|х kh|ц ts|ч ch|ш sh|щ shch|ъ |ы y|ь |э e|ю yu|я ya",
    "є ye|і i|ї yi|ґ g|ђ dj|ј j|љ lj|њ nj|ћ c|џ dz|ў u",
    "α a|β v|γ g|δ d|ε e|ζ z|η i|θ th|ι i|κ k|λ l|μ m|ν n|ξ x|ο o|π p|ρ r|σ s|ς s|τ t|υ y|φ f|χ ch|ψ ps|ω o",
  ]
    .join("|")
    .split("|")
    .map((pair) => pair.split(" ") as [string, string]),
);

/**
 * A name's letters in ASCII, for identifiers and file names: `Résumé` → `Resume`, `número` → `numero`,
 * `Straße` → `Strasse`, `красный` → `krasnyy`. Accents go (compatibility decomposition, then the marks
 * dropped); Cyrillic and Greek are romanized. Other scripts stay as they are, and words() drops them:
 * a name made of nothing else falls back as an empty one does.
 */
export function asciiFold(text: string): string {
  const chars = [...text];
  // Cyrillic first, letter by letter (`й` is not `и` with a mark), then each character decomposed.
  return chars
    .map((ch, i) => {
      const latin = romanized(ch);
      if (latin === undefined) return [...ch.normalize("NFKD")].map(folded).join("");
      // Within a run of capitals (an acronym: `ЖКХ` → `ZHKKH`), every letter stays a capital.
      const capital = (c = "") => c !== c.toLowerCase();
      return capital(ch) && (capital(chars[i - 1]) || capital(chars[i + 1])) ? latin.toUpperCase() : latin;
    })
    .join("");
}

function folded(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return ch;
  if (MARK.test(ch)) return "";
  return LATIN_LETTERS[ch] ?? romanized(ch) ?? ch;
}

const MARK = /\p{M}/u;

function romanized(ch: string): string | undefined {
  const lower = ch.toLowerCase();
  const latin = ROMANIZED[lower];
  if (latin === undefined) return undefined;
  // A capital starts its word: `Москва` → `Moskva`.
  return lower === ch || latin === "" ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** The words a symbol is named by where a name has nothing else (an enum value of `*`, `+`, `-`). */
export const SYMBOL_WORDS: Readonly<Record<string, string>> = {
  "*": "wildcard",
  "+": "plus",
  "-": "minus",
  "/": "slash",
  ".": "dot",
  "@": "at",
  "#": "hash",
  $: "dollar",
  "%": "percent",
  "&": "and",
  "!": "bang",
  "?": "question",
  "=": "equals",
  "~": "tilde",
};

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function pascalCase(input: string): string {
  const out = words(input).map(cap).join("");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

export function camelCase(input: string): string {
  const ws = words(input);
  const out = ws.map((w, i) => (i === 0 ? w : cap(w))).join("");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

/**
 * An identifier as Speakeasy writes a name made from it: its own casing but its first word lowered
 * (`exchangeAuthCodeForAPIKey`, `OAuth` → `oAuth`, `STTRequest` → `sttRequest`); anything else
 * camel-cased from its words.
 */
export function identifierCamel(input: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(input)) return camelCase(input);
  const run = /^[A-Z]*/.exec(input)![0];
  if (run.length <= 1 || run.length === input.length) return run.length === input.length ? input.toLowerCase() : input.charAt(0).toLowerCase() + input.slice(1);
  // The last capital of a run before a lower-case letter starts the next word (`STTR|equest`).
  const keep = /[a-z]/.test(input.charAt(run.length)) ? run.length - 1 : run.length;
  return input.slice(0, keep).toLowerCase() + input.slice(keep);
}

/** The same, first letter raised (`ExchangeAuthCodeForAPIKey`). */
export function identifierPascal(input: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(input) ? cap(input) : pascalCase(input);
}

export function snakeCase(input: string): string {
  const out = words(input).join("_");
  return /^[0-9]/.test(out) ? "_" + out : out;
}

export function constantCase(input: string): string {
  return snakeCase(input).toUpperCase();
}

/**
 * Hands out unique names: the first request for a name gets it, later ones get a numeric suffix.
 * Comparison is case-insensitive so names that differ only in case (which collide on
 * case-insensitive file systems, where each model gets a file) are kept apart.
 */
export class NameScope {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${wanted}${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/**
 * Parameters whose names collide (`frontendApi` and `frontend_api`, once cased) named as Speakeasy's
 * SDKs name them: each takes its location (`frontendApiQueryParameter`, `frontend_api_query_parameter`),
 * then a number from the second on (`...Parameter1`), in the spec's order. Other names stay.
 */
export function collisionNames(params: { name: string; in: string }[], style: "camel" | "snake"): string[] {
  const count = new Map<string, number>();
  for (const p of params) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  // Numbered per name and location: two query parameters need it, a query and a header one do not.
  const seen = new Map<string, number>();
  return params.map((p) => {
    if (count.get(p.name)! < 2) return p.name;
    const base = style === "camel" ? `${p.name}${pascalCase(p.in)}Parameter` : `${p.name}_${p.in}_parameter`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}${n}`;
  });
}
