import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { RateLimitInfo } from '../core/types.ts';

/** Settings of a {@link Limiter}. Every one is optional; an absent one does not limit. */
export interface LimiterOptions {
  /** The most requests in flight at once. */
  concurrency?: number;
  /** The most requests started per minute. */
  requestsPerMinute?: number;
  /** The most tokens (input plus the most output asked for, corrected by usage) per minute. */
  tokensPerMinute?: number;
  /**
   * The sliding window the per-minute limits are counted over, in ms, with the limits scaled to
   * it: `requestsPerMinute: 600, windowMs: 1000` allows 10 per second, smoothing bursts as
   * providers that enforce limits over shorter periods want. @default 60000
   */
  windowMs?: number;
}

/** What an attempt reports when it ends, so the limiter can correct itself and learn. */
export interface LimiterReport {
  /** The provider's rate-limit headers. */
  rateLimit?: RateLimitInfo;
  /** The delay a 429 asked for: every waiting request holds off that long. */
  retryAfterMs?: number;
}

/** A slot taken with {@link Limiter.acquire}; release it exactly once. */
export interface LimiterTicket {
  /** Frees the slot and tells what the provider answered. */
  release(report?: LimiterReport): void;
  /** Replaces the token estimate with the tokens the call really used. */
  useTokens(tokens: number): void;
}

interface Waiter {
  tokens: number;
  resolve: (ticket: LimiterTicket) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** What the provider last said about one window: what is left, and when it refills. */
interface Learned {
  remaining: number;
  resetAt: number;
}

function check(name: string, value: number | undefined, integer: boolean): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new InvalidRequestError(
      `\`${name}\` must be a positive ${integer ? 'integer' : 'number'}; got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function learned(window: RateLimitInfo['requests'], inFlight: number): Learned | undefined {
  const resetAt = window?.resetAt === undefined ? Number.NaN : Date.parse(window.resetAt);
  if (window?.remaining === undefined || Number.isNaN(resetAt)) return undefined;
  // The snapshot predates the requests still in flight: they will spend from it too.
  return { remaining: window.remaining - inFlight, resetAt };
}

/**
 * Bounds the requests of one or more models: how many are in flight, and how many requests and
 * tokens start per minute. Requests wait their turn in order (their `signal` and `timeout` still
 * apply while waiting). It learns from the provider's rate-limit headers: when a window is spent
 * it holds requests until the window's reset, and after a 429 it holds them for the delay asked.
 * Create one with {@link createLimiter} and pass it as `limiter` to share it between models.
 */
export class Limiter {
  readonly #concurrency: number;
  readonly #requests: number;
  readonly #tokens: number;
  readonly #windowMs: number;
  #active = 0;
  readonly #queue: Waiter[] = [];
  readonly #starts: { at: number; tokens: number }[] = [];
  #pausedUntil = 0;
  #learnedRequests: Learned | undefined;
  #learnedTokens: Learned | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** @param options - The limits; see {@link LimiterOptions}. */
  constructor(options: LimiterOptions = {}) {
    this.#concurrency = check('concurrency', options.concurrency, true);
    this.#windowMs =
      options.windowMs === undefined ? 60_000 : check('windowMs', options.windowMs, false);
    const scale = this.#windowMs / 60_000;
    this.#requests = check('requestsPerMinute', options.requestsPerMinute, false) * scale;
    this.#tokens = check('tokensPerMinute', options.tokensPerMinute, false) * scale;
  }

  /** Requests in flight now. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * Waits for a slot. The SDK calls this before every request of a model that has the limiter.
   * @param tokens - The tokens the request is expected to use (corrected later with `useTokens`).
   * @param signal - Stops waiting: the promise rejects with the signal's reason.
   */
  acquire(tokens = 0, signal?: AbortSignal): Promise<LimiterTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { tokens, resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          reject(signal.reason);
          this.#pump(); // the next one may fit where this one did not
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  /** How long the next request must wait, in ms: 0 now, Infinity until a slot frees. */
  #waitFor(tokens: number, now: number): number {
    if (this.#active >= this.#concurrency) return Number.POSITIVE_INFINITY;
    const starts = this.#starts;
    while (starts.length && starts[0]!.at <= now - this.#windowMs) starts.shift();
    let wait = this.#pausedUntil - now;
    const over = starts.length + 1 - this.#requests;
    // The window must lose `over` starts (rounded up) before this one fits.
    if (over > 0) wait = Math.max(wait, starts[Math.ceil(over) - 1]!.at + this.#windowMs - now);
    let spent = starts.reduce((sum, s) => sum + s.tokens, 0);
    // A request larger than the whole budget still runs, alone in its window.
    for (let i = 0; spent > 0 && spent + tokens > this.#tokens; i++) {
      wait = Math.max(wait, starts[i]!.at + this.#windowMs - now);
      spent -= starts[i]!.tokens;
    }
    for (const [seen, need] of [
      [this.#learnedRequests, 1],
      [this.#learnedTokens, tokens],
    ] as const) {
      if (seen && seen.resetAt > now && seen.remaining < need)
        wait = Math.max(wait, seen.resetAt - now);
    }
    return Math.max(wait, 0);
  }

  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (let head = this.#queue[0]; head; head = this.#queue[0]) {
      const now = Date.now();
      const wait = this.#waitFor(head.tokens, now);
      if (wait === Number.POSITIVE_INFINITY) return; // a release pumps again
      if (wait > 0) {
        this.#timer = setTimeout(() => this.#pump(), wait);
        return;
      }
      this.#queue.shift();
      if (head.onAbort) head.signal!.removeEventListener('abort', head.onAbort);
      head.resolve(this.#start(head.tokens, now));
    }
  }

  #start(tokens: number, now: number): LimiterTicket {
    this.#active++;
    const entry = { at: now, tokens };
    this.#starts.push(entry);
    if (this.#learnedRequests) this.#learnedRequests.remaining -= 1;
    if (this.#learnedTokens) this.#learnedTokens.remaining -= tokens;
    let released = false;
    return {
      release: (report = {}) => {
        if (released) return;
        released = true;
        this.#active--;
        const info = report.rateLimit;
        if (info) {
          this.#learnedRequests = learned(info.requests, this.#active) ?? this.#learnedRequests;
          this.#learnedTokens = learned(info.tokens ?? info.inputTokens, 0) ?? this.#learnedTokens;
        }
        if (report.retryAfterMs !== undefined)
          this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + report.retryAfterMs);
        this.#pump();
      },
      useTokens: (used) => {
        const freed = used < entry.tokens;
        entry.tokens = used;
        // The slot may be released before the usage is known (workerd runs them in that order):
        // a smaller count can let a waiting request start now.
        if (freed) this.#pump();
      },
    };
  }
}

/**
 * Creates a limiter to share between models (`limiter` option), so a whole run stays under an
 * account's limits across the models of one provider.
 * @param options - `concurrency`, `requestsPerMinute`, `tokensPerMinute`, `windowMs`.
 * @throws InvalidRequestError for a limit that is not a positive number.
 */
export function createLimiter(options: LimiterOptions = {}): Limiter {
  return new Limiter(options);
}
