/** Case conversion and clash-free naming, shared by the IR and every target's planner. */
import { hash } from "node:crypto";

/** words()' cache: a pure function's results (the same words for the same text in any run), bounded. */
const wordsOf = new Map<string, readonly string[]>();
const WORDS_KEPT = 200_000;

/**
 * Splits an identifier or phrase into lower-case words: "CreateActorToken" → create, actor, token.
 * Remembered: planners and views ask for the same names' words tens of thousands of times.
 */
export function words(input: string): readonly string[] {
  return remembered(wordsOf, input, () =>
    Object.freeze(
      (NON_ASCII.test(input) ? asciiFold(input) : input)
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase()),
    ),
  );
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
  return remembered(pascalOf, input, () => {
    const out = words(input).map(cap).join("");
    return /^[0-9]/.test(out) ? "_" + out : out;
  });
}

export function camelCase(input: string): string {
  return remembered(camelOf, input, () => {
    const out = words(input)
      .map((w, i) => (i === 0 ? w : cap(w)))
      .join("");
    return /^[0-9]/.test(out) ? "_" + out : out;
  });
}

/** pascalCase's, camelCase's and snakeCase's caches (as words()': pure functions' results, bounded). */
const pascalOf = new Map<string, string>();
const camelOf = new Map<string, string>();
const snakeOf = new Map<string, string>();

/** A pure function's result for `input`, from `known` or made and kept there (dropped whole once full). */
function remembered<T>(known: Map<string, T>, input: string, make: () => T): T {
  let out = known.get(input);
  if (out === undefined) {
    if (known.size >= WORDS_KEPT) known.clear();
    known.set(input, (out = make()));
  }
  return out;
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
  return remembered(snakeOf, input, () => {
    const out = words(input).join("_");
    return /^[0-9]/.test(out) ? "_" + out : out;
  });
}

export function constantCase(input: string): string {
  return snakeCase(input).toUpperCase();
}

/**
 * Hands out unique names: the first request for a name gets it, later ones get a numeric suffix.
 * Comparison is case-insensitive so names that differ only in case (which collide on
 * case-insensitive file systems, where each model gets a file) are kept apart.
 *
 * `held`: the names an earlier generation gave, by what it gave them to (a key: the IR's is placeKey,
 * a digest of where the schema is). A claim with a key gets that key's held name back while the name still fits what
 * it wants (the wanted name, or it with a number); nobody else gets a held name. So a schema added
 * before another that wants the same name does not rename it, which would break the SDK's users.
 */
export class NameScope {
  private readonly used = new Set<string>();
  private readonly held = new Map<string, string>();
  /** Each held name (lower case) and its key. */
  private readonly heldBy = new Map<string, string>();
  /** What each key got in this scope: the names the next generation holds. */
  readonly given = new Map<string, string>();
  /** Keys whose held names made another claim take a number. */
  private readonly displacedBy = new Set<string>();

  constructor(reserved: Iterable<string> = [], held: Readonly<Record<string, string>> | ReadonlyMap<string, string> = {}) {
    for (const r of reserved) this.used.add(r.toLowerCase());
    for (const [key, name] of held instanceof Map ? held : Object.entries(held)) {
      const lower = name.toLowerCase();
      // A name held twice (a hand-edited lock) is held by its first key; a reserved one by none.
      if (name === "" || this.heldBy.has(lower) || this.used.has(lower)) continue;
      this.held.set(key, name);
      this.heldBy.set(lower, key);
    }
  }

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  claim(wanted: string, key?: string): string {
    const kept = key === undefined ? undefined : this.held.get(key);
    let name = kept !== undefined && namedFrom(kept, wanted) && !this.used.has(kept.toLowerCase()) ? kept : wanted;
    let lower = name.toLowerCase();
    for (let i = 2; !this.free(lower, key); i++) lower = (name = `${wanted}${i}`).toLowerCase();
    this.used.add(lower);
    if (key !== undefined) this.given.set(key, name);
    return name;
  }

  /** Whether a name (`lower`: in lower case) is free for `key`. */
  private free(lower: string, key: string | undefined): boolean {
    if (this.used.has(lower)) return false;
    if (this.heldBy.size === 0) return true;
    const holder = this.heldBy.get(lower);
    if (holder === undefined || holder === key) return true;
    this.displacedBy.add(holder);
    return false;
  }

  /** What this scope has handed out so far, as a copy (see `restore`). */
  state(): NameScopeState {
    return { used: new Set(this.used), given: new Map(this.given), displacedBy: new Set(this.displacedBy) };
  }

  /** Back to a state this scope, or one made with the same names held, was in (see `state`). */
  restore(state: NameScopeState): void {
    for (const [to, from] of [
      [this.used, state.used],
      [this.displacedBy, state.displacedBy],
    ] as const) {
      to.clear();
      for (const x of from) to.add(x);
    }
    this.given.clear();
    for (const [k, v] of state.given) this.given.set(k, v);
  }

  /**
   * Held names that made a claim take a number, though their keys did not get them back (the schema
   * is gone, or now wants another name): a build that finds some runs again without them (see
   * buildApi), or a new schema would keep that number for good.
   */
  stale(): string[] {
    return [...this.displacedBy].filter((key) => this.given.get(key) !== this.held.get(key));
  }
}

/** What a NameScope has handed out (NameScope.state). */
export interface NameScopeState {
  readonly used: ReadonlySet<string>;
  readonly given: ReadonlyMap<string, string>;
  readonly displacedBy: ReadonlySet<string>;
}

/** Whether `name` is `wanted`, or `wanted` with a number from 2 on, as claim() numbers names. */
function namedFrom(name: string, wanted: string): boolean {
  if (name === wanted) return true;
  const rest = name.startsWith(wanted) ? name.slice(wanted.length) : "";
  return /^[1-9][0-9]*$/.test(rest) && Number(rest) >= 2;
}

/**
 * The names a generation gave, by scope ("models", "operations", "methods <group>"), then by name:
 * each with a digest of where it is in the spec (placeKey), which is all the next generation needs to
 * give it back, in a fraction of the lock a JSON pointer would take (GitHub's 14,948 names: 0.96 MB
 * of its 8.4 MB lock, against 2.3 MB with the pointers).
 */
export type NameRecord = Record<string, Record<string, string>>;

/** A place's key as a NameRecord keeps it: 48 bits of its SHA-1, base64url (8 characters). */
export function placeKey(place: string): string {
  return hash("sha1", place, "base64url").slice(0, 8);
}

/**
 * The scopes of one IR build whose names are kept from one generation to the next (NameScope's
 * `held`): each made on first use with its held names, keyed by placeKey; what they gave is the next
 * NameRecord.
 */
export class NameBook {
  private readonly scopes = new Map<string, NameScope>();

  constructor(private readonly held: NameRecord = {}) {}

  scope(name: string): NameScope {
    let scope = this.scopes.get(name);
    if (!scope) {
      const held = new Map<string, string>();
      // Object.hasOwn: a scope or name from the lock is data, never a prototype's member.
      if (Object.hasOwn(this.held, name)) for (const [given, key] of Object.entries(this.held[name])) if (typeof key === "string" && !held.has(key)) held.set(key, given);
      this.scopes.set(name, (scope = new NameScope([], held)));
    }
    return scope;
  }

  /** What every scope gave, as the lock records it: by scope, then by name, sorted. */
  record(): NameRecord {
    const out: NameRecord = {};
    for (const name of [...this.scopes.keys()].sort(byText)) {
      const given = [...this.scopes.get(name)!.given].map(([key, n]): [string, string] => [n, key]).sort(([a], [b]) => byText(a, b));
      if (given.length > 0) out[name] = Object.fromEntries(given);
    }
    return out;
  }

  /** The held names without those no key got back that displaced another (NameScope.stale), or undefined if none did. */
  withoutStale(): NameRecord | undefined {
    let out: NameRecord | undefined;
    for (const [name, scope] of this.scopes) {
      const stale = new Set(scope.stale());
      if (stale.size === 0) continue;
      out ??= { ...this.held };
      out[name] = Object.fromEntries(Object.entries(out[name] ?? {}).filter(([, key]) => !stale.has(key)));
    }
    return out;
  }
}

/** Strings in code-unit order (not the locale's): the same order on every machine. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
