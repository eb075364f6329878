/**
 * HTTPClient: the fetch the SDK sends through, with hooks of its own, as Speakeasy's SDKs have it.
 * Pass one as the `httpClient` option to add a proxy's fetch, tracing, or request/response logging.
 */

export type Fetcher = (
  input: RequestInfo | URL,
  init?: RequestInit,
) => Promise<Response>;

export type BeforeRequestHook = (
  req: Request,
) => Request | void | Promise<Request | void>;
export type RequestErrorHook = (
  err: unknown,
  req: Request,
) => void | Promise<void>;
export type ResponseHook = (
  res: Response,
  req: Request,
) => void | Promise<void>;

export type HTTPClientOptions = { fetcher?: Fetcher };

type HookName = "beforeRequest" | "requestError" | "response";
type AnyHook = BeforeRequestHook | RequestErrorHook | ResponseHook;
type Hooks = {
  beforeRequest: BeforeRequestHook[];
  requestError: RequestErrorHook[];
  response: ResponseHook[];
};

export class HTTPClient {
  readonly #fetcher: Fetcher;
  // One list per hook name. A list is never changed in place: adding or removing a hook makes a new
  // one, so a request under way keeps the hooks it started with, and a clone can share the lists.
  #hooks: Hooks = { beforeRequest: [], requestError: [], response: [] };

  constructor(private readonly options: HTTPClientOptions = {}) {
    this.#fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  }

  /** Sends `request` through the hooks and the fetcher. */
  async request(request: Request): Promise<Response> {
    const hooks = this.#hooks;
    let req = request;
    for (const hook of hooks.beforeRequest) req = (await hook(req)) || req;
    try {
      const res = await this.#fetcher(req);
      for (const hook of hooks.response) await hook(res, req);
      return res;
    } catch (err) {
      for (const hook of hooks.requestError) await hook(err, req);
      throw err;
    }
  }

  addHook(hook: "beforeRequest", fn: BeforeRequestHook): this;
  addHook(hook: "requestError", fn: RequestErrorHook): this;
  addHook(hook: "response", fn: ResponseHook): this;
  addHook(hook: HookName, fn: AnyHook): this {
    return this.#set(hook, [...this.#hooks[hook], fn]);
  }

  removeHook(hook: HookName, fn: AnyHook): this {
    return this.#set(
      hook,
      (this.#hooks[hook] as AnyHook[]).filter((f) => f !== fn),
    );
  }

  /** A copy with the same fetcher and hooks (adding to one leaves the other alone). */
  clone(): HTTPClient {
    const child = new HTTPClient(this.options);
    child.#hooks = this.#hooks;
    return child;
  }

  #set(hook: HookName, list: AnyHook[]): this {
    this.#hooks = { ...this.#hooks, [hook]: list };
    return this;
  }
}
