// The batch command's limiter (src/cli/limiter.ts): never more than `concurrency` tasks at once, and
// request starts spaced evenly under `rpm` (fake timers: the spacing is exact, not a timing guess).
import { afterEach, expect, it, vi } from 'vitest';
import { createLimiter } from '../src/cli/limiter.ts';

afterEach(() => void vi.useRealTimers());

it('runs at most `concurrency` tasks at once, each to completion, results to their callers', async () => {
  const limiter = createLimiter({ concurrency: 3 });
  let active = 0;
  let most = 0;
  const task = (i: number) => async () => {
    most = Math.max(most, ++active);
    await new Promise((r) => setTimeout(r, (i % 4) * 3));
    active--;
    return i;
  };
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.run(task(i))));
  expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
  expect(most).toBe(3);
  expect(active).toBe(0);
});

it('paces starts 60000/rpm ms apart; without rpm it does not wait', async () => {
  vi.useFakeTimers({ now: 0 });
  const limiter = createLimiter({ concurrency: 8, rpm: 120 }); // one start per 500 ms
  const started: number[] = [];
  const paced = [0, 1, 2, 3].map(() => limiter.pace().then(() => started.push(Date.now())));
  await vi.advanceTimersByTimeAsync(499);
  expect(started).toEqual([0]);
  await vi.advanceTimersByTimeAsync(1001);
  await Promise.all(paced);
  expect(started).toEqual([0, 500, 1000, 1500]);
  const free = createLimiter({ concurrency: 1 });
  let done = false;
  void free.pace().then(() => (done = true));
  await Promise.resolve();
  expect(done).toBe(true);
});

it('an abort while waiting for a start rejects with its reason', async () => {
  vi.useFakeTimers({ now: 0 });
  const limiter = createLimiter({ concurrency: 1, rpm: 60 });
  await limiter.pace();
  const abort = new AbortController();
  const waiting = limiter.pace(abort.signal);
  abort.abort(new Error('stop'));
  await expect(waiting).rejects.toThrow('stop');
});
