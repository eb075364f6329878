/** The API's servers as both targets list them. */
import type { Api } from "../../ir/types.js";

/** Each server's URL with its variables at their defaults ("/" when the API lists none). */
export function defaultServerUrls(api: Api): string[] {
  return api.servers.length ? api.servers.map((s) => s.variables.reduce((url, v) => url.split(`{${v.name}}`).join(v.default), s.url)) : ["/"];
}

/** Each server's URL template ("/" when the API lists none); SDKs fill the variables at run time. */
export function serverTemplates(api: Api): string[] {
  return api.servers.length ? api.servers.map((s) => s.url) : ["/"];
}

/** Each server's variables with their defaults, in the order the servers are listed. */
export function serverVariableDefaults(api: Api): { name: string; value: string }[][] {
  return api.servers.length ? api.servers.map((s) => s.variables.map((v) => ({ name: v.name, value: v.default }))) : [[]];
}
