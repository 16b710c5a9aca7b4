/** A call's combined cancellation: the caller's signal plus our deadline. */
export interface CallSignal {
  readonly signal: AbortSignal;
  /** True once the deadline (not the caller) aborted the call. */
  readonly timedOut: () => boolean;
  /** Stops the deadline timer and detaches from the caller's signal. */
  readonly dispose: () => void;
}

/**
 * Combines the caller's signal with a deadline by hand rather than with `AbortSignal.any`, so the
 * deadline can be told apart from the caller's abort and the listener is always removed.
 * @param timeoutMs - The deadline.
 * @param userSignal - The caller's signal, if any.
 */
export function createCallSignal(timeoutMs: number, userSignal?: AbortSignal): CallSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(userSignal!.reason);
  if (userSignal?.aborted) controller.abort(userSignal.reason);
  else userSignal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The call timed out.', 'TimeoutError'));
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
    },
  };
}
