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
type Hooks = {
  beforeRequest: BeforeRequestHook[];
  requestError: RequestErrorHook[];
  response: ResponseHook[];
};

export class HTTPClient {
  readonly #fetcher: Fetcher;
  // One list per hook name: add, remove and clone are each one line, not three branches.
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
  addHook(
    hook: HookName,
    fn: BeforeRequestHook | RequestErrorHook | ResponseHook,
  ): this {
    (this.#hooks[hook] as unknown[]).push(fn);
    return this;
  }

  removeHook(
    hook: HookName,
    fn: BeforeRequestHook | RequestErrorHook | ResponseHook,
  ): this {
    const list = this.#hooks[hook] as unknown[];
    this.#hooks = { ...this.#hooks, [hook]: list.filter((f) => f !== fn) };
    return this;
  }

  /** A copy with the same fetcher and hooks (adding to one leaves the other alone). */
  clone(): HTTPClient {
    const child = new HTTPClient(this.options);
    const h = this.#hooks;
    child.#hooks = {
      beforeRequest: [...h.beforeRequest],
      requestError: [...h.requestError],
      response: [...h.response],
    };
    return child;
  }
}
