/**
 * The Python runtime's symbol table: every public top-level name templates/python/runtime defines, by
 * module. The names generated modules import from it, and so the class names a model may not take,
 * are derived here. tests/targets/runtime-table.test.ts reads the runtime modules with Python's `ast`
 * and fails when the two disagree.
 */
export type SymbolKind = "class" | "function" | "value";

export const RUNTIME_EXPORTS = {
  "_hooks/__init__.py": {},
  "_hooks/registration.py": { init_hooks: "function" },
  "_hooks/sdkhooks.py": { SDKHooks: "class" },
  "_hooks/types.py": {
    HookContext: "class",
    BeforeRequestContext: "class",
    AfterSuccessContext: "class",
    AfterErrorContext: "class",
    SDKInitHook: "class",
    BeforeRequestHook: "class",
    AfterSuccessHook: "class",
    AfterErrorHook: "class",
    Hooks: "class",
  },
  "models/_base.py": {
    T: "value",
    Unset: "class",
    UNSET: "value",
    NULLABLE: "value",
    Nullable: "value",
    OptionalNullable: "value",
    BaseModel: "class",
    adapter: "function",
    validate: "function",
    validate_json: "function",
    to_wire: "function",
    enum_value: "function",
    File: "class",
    FileTypedDict: "class",
    discriminate: "function",
    open_enum: "function",
  },
  "models/_errors.py": {
    APIError: "class",
    SDKError: "class",
    ResponseValidationError: "class",
    HTTPClientError: "class",
    ConnectionError: "class",
    RequestTimeoutError: "class",
    InvalidRequestError: "class",
  },
  "utils/__init__.py": {},
  "utils/datetimes.py": { parse_datetime: "function" },
  "utils/deadline.py": { Deadline: "class", deadline_transport: "function" },
  "utils/encoding.py": {
    encode_path: "function",
    query_params: "function",
    header_value: "function",
    header_params: "function",
    check_header: "function",
    check_headers: "function",
    latin1_headers: "function",
    check_credential: "function",
    body_content: "function",
    form_body: "function",
    multipart_body: "function",
  },
  "utils/http.py": { Request: "class", Client: "class", unexpected: "function", or_option: "function" },
  "utils/event_streams.py": {
    T: "value",
    EventShape: "class",
    ServerEvent: "class",
    EventParser: "class",
    EventStream: "class",
    EventStreamAsync: "class",
  },
  "utils/pagination.py": {
    T: "value",
    PagePath: "value",
    PageInput: "class",
    PageSpec: "class",
    PageAt: "class",
    PageIterator: "class",
    AsyncPageIterator: "class",
    following: "function",
    next_link: "function",
    input_value: "function",
    with_input: "function",
    pick: "function",
  },
  "utils/retries.py": {
    BackoffStrategy: "class",
    RetryConfig: "class",
    DEFAULT_BACKOFF: "value",
    T: "value",
    Retryable: "class",
    retry: "function",
    retry_async: "function",
    match_status_code: "function",
    parse_retry_after: "function",
  },
  "utils/security.py": { Credential: "value", SecurityScheme: "class", usable_requirement: "function", apply_security: "function" },
  "utils/servers.py": { server_url_for: "function" },
} as const satisfies Record<string, Record<string, SymbolKind>>;

type Exports = typeof RUNTIME_EXPORTS;
type NameIn<M extends keyof Exports> = keyof Exports[M] & string;

/** Names of a runtime module, checked against the table at compile time. */
const from = <M extends keyof Exports>(module: M, ...names: NameIn<M>[]) => ({ module, names: names as string[] });

/** What a model module imports from the runtime (every model module the same: unused ones are fine). */
export const MODEL_IMPORTS = from("models/_base.py", "UNSET", "BaseModel", "File", "FileTypedDict", "Nullable", "OptionalNullable", "discriminate", "open_enum");
/** What a resource module imports from the runtime's models. */
export const RESOURCE_MODEL_IMPORTS = from("models/_base.py", "UNSET", "File", "FileTypedDict", "Nullable", "OptionalNullable", "discriminate", "open_enum");
/** What the models package re-exports from the runtime: the base types, and every error class. */
export const MODELS_INDEX_IMPORTS = [
  from("models/_base.py", "UNSET", "BaseModel", "File", "FileTypedDict", "Nullable", "OptionalNullable", "Unset"),
  { module: "models/_errors.py" as const, names: Object.keys(RUNTIME_EXPORTS["models/_errors.py"]).sort() },
];
/** What a resource module imports from the runtime's utilities (besides private helpers). */
const RESOURCE_UTIL_IMPORTS = [
  from("utils/http.py", "Client", "Request"),
  from("utils/retries.py", "RetryConfig"),
  from("models/_errors.py", "APIError"),
  from("utils/pagination.py", "AsyncPageIterator", "PageIterator"),
  from("utils/event_streams.py", "EventStream", "EventStreamAsync"),
];

/** Names the typing and pydantic imports of generated modules bring in. */
const LIBRARY_NAMES = "True False None Any Dict List Optional Union Literal Annotated NotRequired TypedDict Enum ConfigDict PlainValidator Exception Response Mapping IO Iterable".split(" ");

/**
 * Class names no model or resource may take: what generated modules import beside their models, and
 * what the models package exports beside them. Derived from the table, so a runtime name added to
 * what they import is reserved with it.
 */
export const RESERVED_CLASSES: readonly string[] = [
  ...new Set([...LIBRARY_NAMES, ...[MODEL_IMPORTS, RESOURCE_MODEL_IMPORTS, ...MODELS_INDEX_IMPORTS, ...RESOURCE_UTIL_IMPORTS, from("utils/retries.py", "BackoffStrategy")].flatMap((i) => i.names)]),
];

/** The names of a `from … import` as isort orders them: CONSTANTS, then Classes, then functions. */
export function importNames(names: readonly string[]): string {
  return sortedImportNames(names).join(", ");
}

/** `names` in the order importNames prints them. */
export function sortedImportNames(names: readonly string[]): string[] {
  const rank = (n: string) => (/^[A-Z0-9_]+$/.test(n) ? 0 : /^[A-Z]/.test(n) ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
