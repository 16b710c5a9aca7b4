// The lifecycle the three batch emulations share: a job holds its lines, moves forward one step
// per status poll (so clients see progress over time), and ends as the scenario says:
//   scenario `batch: { polls = 2, outcome = 'completed', processed }`
//   - polls:     status reads before the job ends (each one processes a share of the lines)
//   - outcome:   'completed' | 'expired' | 'cancelled' | 'failed'
//   - processed: for expired/cancelled jobs, how many lines finished before the end (default 0)
// A cancel (cancelJob) stops processing at once: the job is `cancelling` until its next poll, which
// ends it `cancelled` with the lines processed so far (the providers finish requests in progress).
// A line is answered by the provider's own synchronous handler when it is processed, so every
// validation rule of /v1/chat/completions, /v1/messages and generateContent applies per line.
import { randomBytes } from 'node:crypto';

const jobs = new Map();

export const randomId = (prefix, n = 24) =>
  prefix + randomBytes(n).toString('base64url').replace(/[-_]/g, 'x').slice(0, n);

/**
 * Creates a job. `lines` are `{ customId, run: () => Result }`; `run` is the provider's handler for
 * the line's request (a Result with `status` and `json`).
 */
export function createJob(ctx, id, lines, extra = {}) {
  const config = ctx.scenario.batch ?? {};
  const job = {
    id,
    lines,
    polls: 0,
    totalPolls: Math.max(1, Number(config.polls ?? 2)),
    outcome: config.outcome ?? 'completed',
    processedAtEnd: Number(config.processed ?? 0),
    results: new Map(), // customId -> Result
    ended: false,
    createdAt: Date.now(),
    ...extra,
  };
  jobs.set(`${ctx.scenario.id}/${id}`, job);
  return job;
}

export const findJob = (ctx, id) => jobs.get(`${ctx.scenario.id}/${id}`);

/** One poll: processes the next share of lines; at the last poll the job ends with its outcome. */
export function advance(job) {
  if (job.ended) return job;
  job.polls += 1;
  const last = job.polls >= job.totalPolls;
  const n = job.lines.length;
  // A completed job has processed every line by its last poll; an expired or cancelled one stops at
  // `processed`; a failed one processes none.
  const cap =
    job.outcome === 'completed'
      ? n
      : job.outcome === 'failed'
        ? 0
        : Math.min(job.processedAtEnd, n);
  const target = last ? cap : Math.min(cap, Math.ceil((n * job.polls) / job.totalPolls));
  for (const line of job.lines.slice(job.results.size, target)) {
    job.results.set(line.customId, line.run());
  }
  if (last) job.ended = true;
  return job;
}

/**
 * Cancels a job that has not ended: no further line is processed, and the next poll ends it
 * `cancelled`. Returns false for an ended job (nothing to cancel).
 */
export function cancelJob(job) {
  if (job.ended) return false;
  job.cancelling = true;
  job.cancelledAt = Date.now();
  job.outcome = 'cancelled';
  job.processedAtEnd = job.results.size;
  job.totalPolls = job.polls + 1;
  return true;
}

/** Counts: lines answered 2xx, lines answered with an error, lines not processed. */
export function tally(job) {
  let ok = 0;
  let failed = 0;
  for (const r of job.results.values()) {
    if ((r.status ?? 200) < 300) ok++;
    else failed++;
  }
  return { ok, failed, unprocessed: job.lines.length - job.results.size };
}
