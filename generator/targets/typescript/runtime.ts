/**
 * The TypeScript runtime's symbol table: every symbol templates/typescript/runtime exports, by file.
 * Generated modules import runtime symbols through it (`Imports.runtime("send")`), and the names a
 * model may not take are derived from it. tests/targets/runtime-table.test.ts reads the runtime
 * files' actual exports and fails when the two disagree.
 */
export type SymbolKind = "function" | "class" | "type" | "interface" | "const";

/** Every export of every runtime file (declarations; `export *` re-exports are not listed). */
export const RUNTIME_EXPORTS = {
  "hooks/hooks.ts": { SDKHooks: "class", installHooks: "function" },
  "hooks/none.ts": { noHooks: "function" },
  "hooks/index.ts": { SDKHooks: "class" },
  "hooks/registration.ts": { initHooks: "function" },
  "hooks/types.ts": {
    Awaitable: "type",
    HookContext: "type",
    SDKInitOptions: "type",
    RequestInput: "type",
    BeforeCreateRequestContext: "type",
    BeforeRequestContext: "type",
    AfterSuccessContext: "type",
    AfterErrorContext: "type",
    SDKInitHook: "interface",
    BeforeCreateRequestHook: "interface",
    BeforeRequestHook: "interface",
    AfterSuccessHook: "interface",
    AfterErrorHook: "interface",
    Hooks: "interface",
  },
  "lib/decode.ts": {
    matchStatusCode: "function",
    isJSONContentType: "function",
    decodeJSON: "function",
    parseJSON: "function",
    unexpectedResponse: "function",
    mapValues: "function",
    extraProps: "function",
    toBlob: "function",
    toStream: "function",
    isEventStream: "function",
    decodeEvents: "function",
    UnionVariant: "type",
    mapUnion: "function",
    defineOwn: "function",
    hasOwn: "function",
  },
  "lib/encodings.ts": { Binary: "type", encodeForm: "function", encodeMultipart: "function", encodeBinary: "function" },
  "lib/http.ts": { Fetcher: "type", BeforeRequestHook: "type", RequestErrorHook: "type", ResponseHook: "type", HTTPClientOptions: "type", HTTPClient: "class" },
  "lib/event-streams.ts": { ServerEvent: "type", EventShape: "type", EventStream: "class", EventParser: "class" },
  "lib/pagination.ts": {
    PagePath: "type",
    PageSpec: "type",
    PageIterator: "type",
    PageAt: "type",
    PageFetch: "type",
    firstPage: "function",
    atPageURL: "function",
    decodePage: "function",
    nextLink: "function",
    pick: "function",
  },
  "lib/validate.ts": {
    ValidationFailure: "class",
    Check: "type",
    validated: "function",
    at: "function",
    str: "const",
    num: "const",
    int: "const",
    bool: "const",
    dateTime: "const",
    rfcDate: "const",
    lit: "function",
    member: "function",
    obj: "function",
    arr: "function",
    rec: "function",
    orNull: "function",
    Variant: "type",
    union: "function",
  },
  "lib/redirects.ts": { RedirectError: "class", fetchFollowingRedirects: "function" },
  "lib/retries.ts": { BackoffStrategy: "type", RetryConfig: "type", Attempt: "type", RetryDecision: "type", retry: "function", matchStatusCode: "function", parseRetryAfter: "function" },
  "lib/sdks.ts": {
    ClientOptions: "type",
    Logger: "type",
    RequestOptions: "type",
    SDKDefaults: "type",
    InstalledHooks: "type",
    Outgoing: "type",
    HookRunner: "interface",
    CallHooks: "interface",
    ClientSDK: "class",
    HTTPRequest: "type",
    HTTPResponse: "type",
    StreamingCall: "type",
    Idempotency: "type",
    send: "function",
    withDuplex: "function",
    invalidRequest: "function",
    serverURL: "function",
  },
  "lib/security.ts": {
    Credential: "type",
    BasicCredential: "type",
    ClientCredentials: "type",
    SecurityScheme: "type",
    Carrier: "type",
    Applier: "type",
    usableRequirement: "function",
    applySecurity: "function",
    bearer: "const",
    basic: "const",
    apiKey: "const",
    clientCredentials: "const",
  },
  "lib/streamed.ts": { streamed: "function" },
  "lib/idempotency.ts": { idempotencyKey: "function" },
  "lib/url.ts": { encodePath: "function", QueryParam: "type", appendQuery: "function", headerValue: "function", cookiePair: "function" },
  "models/errors/apierror.ts": { APIError: "class" },
  "models/errors/httpclienterrors.ts": {
    HTTPClientError: "class",
    ConnectionError: "class",
    RequestTimeoutError: "class",
    RequestAbortedError: "class",
    InvalidRequestError: "class",
    UnexpectedClientError: "class",
  },
  "models/errors/sdkerror.ts": { SDKError: "class" },
  "models/errors/responsevalidationerror.ts": { ResponseValidationError: "class" },
  "types/result.ts": { Result: "type", OK: "function", ERR: "function", unwrapAsync: "function" },
  "types/enums.ts": { Unrecognized: "type", OpenEnum: "type", unrecognized: "function" },
  "types/rfcdate.ts": { RFCDate: "class" },
} as const satisfies Record<string, Record<string, SymbolKind>>;

type Exports = typeof RUNTIME_EXPORTS;
type File = keyof Exports;

/** The runtime's error modules, re-exported by the generated models/errors/index.ts. */
export const ERROR_MODULES = ["apierror", "httpclienterrors", "sdkerror", "responsevalidationerror"] as const;

/** The error classes the errors namespace re-exports from the runtime. */
export const ERROR_CLASS_NAMES: readonly string[] = ERROR_MODULES.flatMap((m) => Object.keys(RUNTIME_EXPORTS[`models/errors/${m}.ts`]));

/** The files that export the symbol N. */
type FilesExporting<N extends string> = { [F in File]: N extends keyof Exports[F] ? F : never }[File];
/** Checks, at compile time, that each imported symbol is exported by the file it is imported from. */
const imports = <T extends { [N in keyof T]: FilesExporting<N & string> }>(table: T): T => table;

/** The runtime symbols generated modules import, each from the one file that defines it for them. */
const IMPORTED = imports({
  send: "lib/sdks.ts",
  streamed: "lib/streamed.ts",
  idempotencyKey: "lib/idempotency.ts",
  installHooks: "hooks/hooks.ts",
  noHooks: "hooks/none.ts",
  invalidRequest: "lib/sdks.ts",
  ClientSDK: "lib/sdks.ts",
  HTTPRequest: "lib/sdks.ts",
  HTTPResponse: "lib/sdks.ts",
  RequestOptions: "lib/sdks.ts",
  Result: "types/result.ts",
  OK: "types/result.ts",
  ERR: "types/result.ts",
  unwrapAsync: "types/result.ts",
  APIError: "models/errors/apierror.ts",
  HTTPClientError: "models/errors/httpclienterrors.ts",
  SDKError: "models/errors/sdkerror.ts",
  unexpectedResponse: "lib/decode.ts",
  decodeJSON: "lib/decode.ts",
  toBlob: "lib/decode.ts",
  toStream: "lib/decode.ts",
  isJSONContentType: "lib/decode.ts",
  matchStatusCode: "lib/decode.ts",
  mapValues: "lib/decode.ts",
  mapUnion: "lib/decode.ts",
  extraProps: "lib/decode.ts",
  defineOwn: "lib/decode.ts",
  hasOwn: "lib/decode.ts",
  encodePath: "lib/url.ts",
  appendQuery: "lib/url.ts",
  headerValue: "lib/url.ts",
  cookiePair: "lib/url.ts",
  Binary: "lib/encodings.ts",
  encodeForm: "lib/encodings.ts",
  encodeMultipart: "lib/encodings.ts",
  encodeBinary: "lib/encodings.ts",
  EventStream: "lib/event-streams.ts",
  OpenEnum: "types/enums.ts",
  decodeEvents: "lib/decode.ts",
  isEventStream: "lib/decode.ts",
  PageIterator: "lib/pagination.ts",
  PageAt: "lib/pagination.ts",
  firstPage: "lib/pagination.ts",
  atPageURL: "lib/pagination.ts",
  decodePage: "lib/pagination.ts",
  RFCDate: "types/rfcdate.ts",
  obj: "lib/validate.ts",
  at: "lib/validate.ts",
  str: "lib/validate.ts",
  num: "lib/validate.ts",
  int: "lib/validate.ts",
  bool: "lib/validate.ts",
  dateTime: "lib/validate.ts",
  rfcDate: "lib/validate.ts",
  lit: "lib/validate.ts",
  member: "lib/validate.ts",
  arr: "lib/validate.ts",
  rec: "lib/validate.ts",
  orNull: "lib/validate.ts",
  union: "lib/validate.ts",
});

export type RuntimeName = keyof typeof IMPORTED;

/** Where a runtime symbol comes from, and whether it is only a type (imported with `import type`). */
export function runtimeSymbol(name: RuntimeName): { file: string; typeOnly: boolean } {
  const file = IMPORTED[name];
  const kind = (RUNTIME_EXPORTS[file] as Record<string, SymbolKind>)[name];
  return { file, typeOnly: kind === "type" || kind === "interface" };
}

/** What the generated lib/config.ts imports from the runtime, and exports itself. */
const CONFIG_IMPORTS: File[] = ["lib/security.ts", "lib/retries.ts"];
export const CONFIG_EXPORTS = ["SDKOptions", "ServerList", "SDK_METADATA", "SECURITY", "SDK_DEFAULTS"] as const;
export type ConfigName = (typeof CONFIG_EXPORTS)[number];
/** What the package's index re-exports by name (src/index.ts.hbs). */
const INDEX_EXPORTS = ["BackoffStrategy", "RetryConfig", "Logger", "RequestOptions", "HTTPClient", "Result", "PageIterator", "EventStream", "Unrecognized", "unrecognized", "RFCDate"];

/** JavaScript globals the generated code relies on: a model of the same name would shadow them. */
export const GLOBALS: readonly string[] =
  "Array Boolean Date Error Function Headers JSON Map Math Number Object Promise Record RegExp Request RequestInit Response Set String Symbol URL URLSearchParams Partial Required Readonly Omit Pick Exclude Extract Blob File FormData ReadableStream AbortSignal TextDecoder TextEncoder Uint8Array ArrayBuffer".split(
    " ",
  );

/**
 * Names no model, resource or SDK class may take: globals, every runtime symbol a generated module
 * imports, every error class the errors namespace re-exports, and the package's own exported names.
 */
export const RESERVED_NAMES: readonly string[] = [
  ...GLOBALS,
  ...Object.keys(IMPORTED),
  ...ERROR_CLASS_NAMES,
  ...CONFIG_IMPORTS.flatMap((f) =>
    Object.entries(RUNTIME_EXPORTS[f])
      .filter(([, k]) => k === "type")
      .map(([n]) => n),
  ),
  ...CONFIG_EXPORTS,
  ...INDEX_EXPORTS,
];
