/**
 * A streamed success body (events, downloads) as the caller reads it. Operations that stream pass
 * `streamed` as their request's `stream`: the pipeline (lib/sdks.ts) hands the body over through it,
 * and a bundle of operations that never stream leaves this file out.
 */
import type { StreamingCall } from "./sdks.js";

/**
 * A 2XX response's body that is not JSON, as a stream; `undefined` for any other response (it is read
 * whole, as an error or a JSON body). The timeout bounds each wait for a chunk (a stream may run as
 * long as it keeps moving), an abort or a timeout ends it with the call's error, and the call's timer
 * and abort listener go when it ends or is cancelled.
 */
export function streamed(
  call: StreamingCall,
  response: Response,
): ReadableStream<Uint8Array> | undefined {
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !response.body || /json/i.test(type)) return undefined;
  const reader = response.body.getReader();
  const current = call.current;
  const arm = () => {
    if (!current || call.timeoutMs <= 0) return;
    clearTimeout(current.timer);
    current.timer = setTimeout(() => {
      current.timedOut = true;
      current.controller?.abort();
    }, call.timeoutMs);
  };
  const done = () => {
    call.cleanup();
    reader.releaseLock();
  };
  arm();
  return new ReadableStream<Uint8Array>({
    pull: async (ctrl) => {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          done();
          ctrl.close();
          return;
        }
        arm();
        ctrl.enqueue(value);
      } catch (err) {
        done();
        ctrl.error(call.classify(err));
      }
    },
    cancel: async (reason) => {
      await reader.cancel(reason).catch(() => undefined);
      done();
    },
  });
}
