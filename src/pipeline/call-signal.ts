/** A call's combined cancellation: the caller's signals plus our deadline. */
export interface CallSignal {
  readonly signal: AbortSignal;
  /** True once the deadline (not a caller) aborted the call. */
  readonly timedOut: () => boolean;
  /** Stops the deadline timer and detaches from the caller's signals. */
  readonly dispose: () => void;
}

// Each signal's waiting untilAborted calls, woken together: a listener added and removed per wait
// cost a call some 0.03 M instructions each (Node's EventTarget is JavaScript), a set's add and
// delete next to nothing. A call signal's set is woken by the call signal itself, with no listener.
const waiters = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Combines the caller's signals (the model's and the call's) with a deadline by hand rather than
 * with `AbortSignal.any`, so the deadline can be told apart from an abort and the listeners are
 * always removed.
 * @param timeoutMs - The deadline.
 * @param userSignals - The caller's signals; undefined entries are skipped.
 */
export function createCallSignal(
  timeoutMs: number,
  userSignals: readonly (AbortSignal | undefined)[],
): CallSignal {
  const controller = new AbortController();
  const { signal } = controller;
  const waiting = new Set<() => void>();
  waiters.set(signal, waiting);
  const abort = (reason: unknown) => {
    controller.abort(reason);
    waiting.forEach((wake) => wake());
  };
  const signals = userSignals.filter((s): s is AbortSignal => s !== undefined);
  let timedOut = false;
  const onAbort = (event: Event) => abort((event.target as AbortSignal).reason);
  for (const user of signals) {
    if (user.aborted) abort(user.reason);
    else user.addEventListener('abort', onAbort, { once: true });
  }
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new DOMException('The call timed out.', 'TimeoutError'));
  }, timeoutMs);
  return {
    signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      for (const user of signals) user.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Waits for a promise, but rejects with the signal's reason as soon as it aborts.
 * @param promise - The work being waited on (it is not cancelled, others may share it).
 * @param signal - The call's signal.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let set = waiters.get(signal)!;
  if (!set) {
    waiters.set(signal, (set = new Set()));
    signal.addEventListener('abort', () => set.forEach((wake) => wake()), { once: true });
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    set.add(onAbort);
    promise.then(
      (value) => (set.delete(onAbort), resolve(value)),
      (error: unknown) => (set.delete(onAbort), reject(error)),
    );
  });
}
