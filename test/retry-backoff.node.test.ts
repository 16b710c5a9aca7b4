// The backoff between retries, observed through a model (README "Errors": retryDelay doubles per
// retry, up to 8 s, less up to 25 % jitter). Math.random and the backoff timers are stubbed, so the
// waits are exact and the test takes no time; Node only, because it replaces globals.
import { afterEach, expect, it, vi } from 'vitest';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { RetryError } from '../src/index.ts';

const TIMEOUT = 123_456; // the call's own deadline timer, told apart from the backoff waits
const realSetTimeout = globalThis.setTimeout;

/** Runs a call whose every attempt gets a 503, and returns the waits between attempts. */
async function waitsFor(random: number, retryLimit = 6, retryDelay = 500): Promise<number[]> {
  vi.restoreAllMocks();
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const waits: number[] = [];
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
    if (ms === TIMEOUT) return realSetTimeout(fn, ms);
    waits.push(ms ?? 0);
    return realSetTimeout(fn, 0);
  }) as typeof setTimeout);
  const model = new OpenAIModel({
    endpoint: 'http://127.0.0.1:9',
    apiKey: 'sk-test',
    cache: false,
    retryLimit,
    retryDelay,
    timeout: TIMEOUT,
    fetch: async () => new Response('{"error":{"message":"busy"}}', { status: 503 }),
  });
  const error = await model.chat('hi').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RetryError);
  expect((error as RetryError).errors).toHaveLength(retryLimit + 1);
  return waits;
}

afterEach(() => vi.restoreAllMocks());

it('doubles retryDelay per retry and caps the backoff at 8 s', async () => {
  expect(await waitsFor(0)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  expect(await waitsFor(0, 2, 10_000)).toEqual([8000, 8000]);
});

it('takes up to 25 % off each wait at random (jitter), never adds to it', async () => {
  expect(await waitsFor(0.5)).toEqual([437.5, 875, 1750, 3500, 7000, 7000]);
  const most = await waitsFor(0.999_999);
  expect(most.every((w, i) => w > [500, 1000, 2000, 4000, 8000, 8000][i]! * 0.75)).toBe(true);
  expect(most.every((w, i) => w < [500, 1000, 2000, 4000, 8000, 8000][i]! * 0.7501)).toBe(true);
});
