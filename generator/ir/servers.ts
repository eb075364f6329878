/** `servers` → the IR's servers, with their variables. */
import { isObj, str, type Obj } from "./context.js";
import type { Server } from "./types.js";

export function buildServers(doc: Obj): Server[] {
  const list = Array.isArray(doc.servers) ? doc.servers.filter(isObj) : [];
  return list.map((s) => ({
    url: String(s.url ?? "/"),
    description: str(s.description),
    variables: Object.entries(isObj(s.variables) ? s.variables : {}).map(([name, v]) => {
      const o = isObj(v) ? v : {};
      return { name, default: String(o.default ?? ""), enum: Array.isArray(o.enum) ? o.enum.map(String) : undefined, description: str(o.description) };
    }),
  }));
}
