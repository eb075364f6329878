/**
 * A streamed success body (events, downloads) as the caller reads it. Operations that stream pass
 * `streamed` as their request's `stream`: the pipeline (lib/sdks.ts) hands the body over through it,
 * and a bundle of operations that never stream leaves this file out.
 */
import type { StreamingCall } from "./sdks.js";

/**
 * The timeout bounds each wait for a chunk (a stream may run as long as it keeps moving), an abort or
 * a timeout ends it with the call's error, and the call's timer and abort listener go when it ends or
 * is cancelled.
 */
export function streamed(
  call: StreamingCall,
  body: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const current = call.current;
  const arm = () => {
    if (!current || call.timeoutMs <= 0) return;
    if (current.timer !== undefined) clearTimeout(current.timer);
    current.timer = setTimeout(() => {
      current.timedOut = true;
      current.controller.abort();
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
