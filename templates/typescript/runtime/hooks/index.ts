export { SDKHooks } from "./hooks.js";
export type * from "./types.js";
