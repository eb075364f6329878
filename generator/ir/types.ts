import type { Diagnostic } from "../diagnostics.js";
import type { NameRecord } from "./names.js";

/**
 * The intermediate representation: one model of the API for every OpenAPI version and every target.
 * Names here are canonical (PascalCase models, camelCase fields/methods) and unique; targets map
 * them to their own conventions and keywords in their planners.
 */

export type Primitive = "string" | "integer" | "number" | "boolean" | "unknown";

/** A type expression. Named types are `ref`s to models; everything else is structural. */
export type TypeRef =
  | { kind: "primitive"; type: Primitive; format?: string; nullable?: boolean }
  | { kind: "ref"; model: string; nullable?: boolean }
  | { kind: "array"; items: TypeRef; nullable?: boolean }
  | { kind: "map"; values: TypeRef; nullable?: boolean }
  | { kind: "literal"; value: string | number | boolean; nullable?: boolean }
  | { kind: "union"; variants: TypeRef[]; nullable?: boolean; discriminator?: Discriminator }
  | { kind: "null"; nullable?: boolean };

/** Which union variant a payload is, by the value of one property (OpenAPI `discriminator`). */
export interface Discriminator {
  /** Wire name of the property. */
  property: string;
  /** Property value → model name; without an explicit mapping, each variant's component name. */
  mapping: { value: string; model: string }[];
}

export interface Field {
  /** Name on the wire (JSON key, parameter name). */
  wireName: string;
  /** Canonical camelCase name, unique within its model. */
  name: string;
  type: TypeRef;
  required: boolean;
  description?: string;
  example?: unknown;
  default?: unknown;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  /**
   * Sent with its default when left out: the `stream: true` of Speakeasy's streaming twins, whose
   * server defaults to the other answer (a whole JSON response).
   */
  sendDefault?: boolean;
}

export type ModelPlace = "components" | "operations" | "errors";

interface ModelBase {
  /** Unique canonical PascalCase name; also the model's id. */
  name: string;
  /** Where the model comes from: a component schema, a request, an inline schema, or an error. */
  place: ModelPlace;
  description?: string;
  example?: unknown;
  deprecated: boolean;
  /** Description of the first response whose payload this model is, for models without their own. */
  responseDescription?: string;
  /** JSON pointer of the defining schema (for messages and docs). */
  source: string;
  /** Whether the model is sent (request bodies, parameters) and/or received (responses), transitively. */
  usage?: { request: boolean; response: boolean };
}

export interface ObjectModel extends ModelBase {
  kind: "object";
  fields: Field[];
  /** Type of extra properties when the schema allows them (additionalProperties). */
  additional?: TypeRef;
  /** Request models that collect an operation's parameters (and body) into one argument. */
  request?: { operation: string };
  /** A free-form object (no properties, any extra ones): a map that some targets name. */
  freeForm?: boolean;
}

export interface EnumModel extends ModelBase {
  kind: "enum";
  type: "string" | "integer" | "number";
  /** `custom`: the spec names the member (x-speakeasy-enums and the like), not its value. */
  members: { name: string; value: string | number; custom?: true }[];
  /** Open enums (`x-speakeasy-unknown-values: allow`) keep values the SDK does not know yet. */
  open?: boolean;
}

/** A named non-object type (array, union, primitive alias) from a component schema. */
export interface AliasModel extends ModelBase {
  kind: "alias";
  type: TypeRef;
}

export type Model = ObjectModel | EnumModel | AliasModel;

export type ParamLocation = "path" | "query" | "header" | "cookie";

export interface Parameter extends Field {
  in: ParamLocation;
  style: string;
  explode: boolean;
  /** The client option (x-speakeasy-globals) that fills this parameter when a call leaves it out. */
  global?: string;
  /** `x-speakeasy-name-override`: the argument's name as the spec gives it (each target spells it). */
  nameOverride?: string;
}

/** A parameter set once on the client (`x-speakeasy-globals`) for every operation that has it. */
export interface GlobalParameter {
  /** The client option's name (camelCase). */
  option: string;
  wireName: string;
  in: ParamLocation;
  type: TypeRef;
  description?: string;
}

/** How a payload is encoded on the wire, from its media type. */
export type Encoding = "json" | "form" | "multipart" | "text" | "binary";

export interface Body {
  contentType: string;
  encoding: Encoding;
  type: TypeRef;
  required: boolean;
  description?: string;
}

export interface Response {
  /** "200", "4XX", "default", ... */
  status: string;
  description?: string;
  contentType?: string;
  encoding?: Encoding;
  type?: TypeRef;
  /** Names of the response headers it declares, lower-cased (`link`, `x-ratelimit-remaining`). */
  headers?: string[];
  /** A `text/event-stream` response: `type` is one event's; the call returns a stream of them. */
  events?: EventStreamSpec;
}

/** How a server-sent event stream's events are read. */
export interface EventStreamSpec {
  /** `x-speakeasy-sse-sentinel`: the data that ends the stream (not surfaced). */
  sentinel?: string;
  /**
   * The schema is the event (`id`, `event`, `data`, `retry`: Speakeasy's shape) rather than its data.
   * `data` says how the data field is read: JSON, text, or JSON when it parses (a union of both).
   */
  envelope: boolean;
  data: "json" | "text" | "auto";
}

/** A JSONPath into a wire JSON body: keys and indexes; -1 is the last item. `[]` is the body itself. */
export type PagePath = (string | number)[];

/** One request value that pagination moves from page to page. */
export interface PageInput {
  role: "offset" | "page" | "limit" | "cursor";
  /** A parameter, or a top-level field of the (object) request body. */
  in: "param" | "body";
  wire: string;
  /** Canonical name of the parameter or body field. */
  name: string;
  /** The spec's default, the value in force when the caller leaves it out. */
  default?: number;
}

/** How an operation's results continue on further pages. */
export interface Pagination {
  /** offsetLimit and cursor change inputs; url and link request the URL the response names. */
  kind: "offsetLimit" | "cursor" | "url" | "link";
  inputs: PageInput[];
  results?: PagePath;
  numPages?: PagePath;
  nextCursor?: PagePath;
  nextUrl?: PagePath;
  /** A boolean that says whether there is a next page (Stripe's `has_more`). */
  hasMore?: PagePath;
  /** The type of one item of `results`, when it can be followed through the models. */
  itemType?: TypeRef;
  /** `x-speakeasy-pagination`, or a convention recognised from the operation's shape. */
  from: "extension" | "convention";
}

export interface ErrorUse {
  /** Error model (place "errors" or a component also used elsewhere). */
  model: string;
  statuses: string[];
  contentType: string;
}

export interface Operation {
  operationId: string;
  /**
   * The operationId exactly as the spec spells it (`RotateSCIMDirectoryAPIKey`, `getLinks`), for what
   * users and tools key by it: docs comments, hook contexts, `diff`, the changelog, code samples. None
   * given: `get /users/by id`. operationId above is the PascalCase stem of generated names.
   */
  specOperationId: string;
  /**
   * `x-speakeasy-max-method-params`: how many parameters (the body counting as one) the method may
   * take as arguments before it takes one request object instead; 0 always takes the object.
   */
  maxMethodParams?: number;
  /** Resource group (camelCase), from x-speakeasy-group or the first tag. */
  group: string;
  /** Method on the resource (camelCase), from x-speakeasy-name-override or the operationId. */
  method: string;
  httpMethod: string;
  /** Path template without any query string. */
  path: string;
  /** Fixed query pairs written into the spec's path key (`/x?action=list`). */
  fixedQuery: [string, string][];
  summary?: string;
  description?: string;
  deprecated: boolean;
  params: Parameter[];
  body?: Body;
  /** The argument users pass: a request model, the body type itself, or nothing. */
  request?: { type: TypeRef; required: boolean; wrapsBody: boolean };
  success: Response[];
  errors: ErrorUse[];
  /** Security requirement alternatives (names of schemes); [] means none needed. */
  security: string[][];
  /** How the results continue on further pages, if they do. */
  pagination?: Pagination;
  /** Example argument values by wire name (parameters and body), from the spec's examples. */
  source: string;
}

export type SecurityScheme =
  | { name: string; kind: "bearer"; option: string; description?: string; format?: string }
  | { name: string; kind: "basic"; option: string; description?: string }
  | { name: string; kind: "apiKey"; option: string; in: "header" | "query" | "cookie"; param: string; description?: string }
  /** OAuth2 client credentials: the SDK fetches (and caches) an access token from `tokenUrl`. */
  | { name: string; kind: "clientCredentials"; option: string; tokenUrl: string; scopes: string[]; description?: string };

export interface Server {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
}

export interface RetryPolicy {
  strategy: "backoff" | "none";
  backoff: { initialInterval: number; maxInterval: number; exponent: number; maxElapsedTime: number };
  statusCodes: string[];
  retryConnectionErrors: boolean;
}

export interface Group {
  /** Unique key (camelCase of the whole group name): `actorTokens`, `betaConversations`. */
  name: string;
  /** Display name: PascalCase, its levels joined by dots (`ActorTokens`, `Beta.Conversations`). */
  title: string;
  description?: string;
  operations: string[];
  /**
   * The accessors from the SDK object down to this group, camelCase: `["actorTokens"]`; a dotted
   * `x-speakeasy-group` nests (`beta.conversations` → `["beta", "conversations"]`, reached as
   * `sdk.beta.conversations`), as in Speakeasy's SDKs.
   */
  path: string[];
  /** The enclosing group's name (every level of a path is a group, with or without operations of its own). */
  parent?: string;
}

export interface Api {
  openapi: "3.0" | "3.1";
  info: { title: string; version: string; description?: string };
  servers: Server[];
  security: string[][];
  securitySchemes: SecurityScheme[];
  /** Client options filling operations' parameters of the same name (`x-speakeasy-globals`). */
  globals: GlobalParameter[];
  retries?: RetryPolicy;
  groups: Group[];
  operations: Operation[];
  models: Model[];
  /** Findings that do not stop generation (printed by the CLI). */
  warnings: Diagnostic[];
  /**
   * The names of models, operations and methods by where each is in the spec: the lock records them,
   * and the next generation keeps them where they still fit (NameScope).
   */
  names?: NameRecord;
  /** The names the last generation gave (its locks'), for the targets' own scopes: Speakeasy's aliases. */
  held?: NameRecord;
}
