/**
 * Your hooks. specsmith generates this file once and never overwrites it: it is yours to edit.
 *
 * Register hooks in `initHooks`; they run for every call of the client they are registered on.
 * For example, a header on every request (before-request hooks run on each attempt, retries too):
 *
 *   hooks.registerBeforeRequestHook({
 *     beforeRequest: (_ctx, request) => {
 *       request.headers.set("Api-Version", "2024-10-01");
 *       return request;
 *     },
 *   });
 *
 * The hook points are in types.ts: sdkInit, beforeCreateRequest, beforeRequest, afterSuccess,
 * afterError.
 */
import type { Hooks } from "./types.js";

export function initHooks(hooks: Hooks): void {
  void hooks;
}
