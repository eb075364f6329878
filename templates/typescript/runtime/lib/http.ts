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

export class HTTPClient {
  private readonly fetcher: Fetcher;
  private requestHooks: BeforeRequestHook[] = [];
  private requestErrorHooks: RequestErrorHook[] = [];
  private responseHooks: ResponseHook[] = [];

  constructor(private readonly options: HTTPClientOptions = {}) {
    this.fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  }

  /** Sends `request` through the hooks and the fetcher. */
  async request(request: Request): Promise<Response> {
    let req = request;
    for (const hook of this.requestHooks) {
      const next = await hook(req);
      if (next) req = next;
    }
    try {
      const res = await this.fetcher(req);
      for (const hook of this.responseHooks) await hook(res, req);
      return res;
    } catch (err) {
      for (const hook of this.requestErrorHooks) await hook(err, req);
      throw err;
    }
  }

  addHook(hook: "beforeRequest", fn: BeforeRequestHook): this;
  addHook(hook: "requestError", fn: RequestErrorHook): this;
  addHook(hook: "response", fn: ResponseHook): this;
  addHook(
    hook: "beforeRequest" | "requestError" | "response",
    fn: BeforeRequestHook | RequestErrorHook | ResponseHook,
  ): this {
    if (hook === "beforeRequest")
      this.requestHooks.push(fn as BeforeRequestHook);
    else if (hook === "requestError")
      this.requestErrorHooks.push(fn as RequestErrorHook);
    else this.responseHooks.push(fn as ResponseHook);
    return this;
  }

  removeHook(
    hook: "beforeRequest" | "requestError" | "response",
    fn: BeforeRequestHook | RequestErrorHook | ResponseHook,
  ): this {
    const drop = <T>(list: T[]) => list.filter((f) => f !== fn);
    if (hook === "beforeRequest") this.requestHooks = drop(this.requestHooks);
    else if (hook === "requestError")
      this.requestErrorHooks = drop(this.requestErrorHooks);
    else this.responseHooks = drop(this.responseHooks);
    return this;
  }

  /** A copy with the same fetcher and hooks (adding to one leaves the other alone). */
  clone(): HTTPClient {
    const child = new HTTPClient(this.options);
    child.requestHooks = [...this.requestHooks];
    child.requestErrorHooks = [...this.requestErrorHooks];
    child.responseHooks = [...this.responseHooks];
    return child;
  }
}
