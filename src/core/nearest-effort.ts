import { EFFORTS } from './effort.ts';

/**
 * The effort a model takes that is closest to the one asked: the same value, else the next lower
 * one it has, else the next higher one (the cheaper side first, as for Gemini's thinking levels).
 * `none` is only ever sent when asked for: a lower value never becomes `none`, and `none` on a model
 * that cannot stop reasoning becomes its lowest value.
 * @param asked - The universal effort.
 * @param accepted - The values the model takes (the registry's `reasoning.efforts`).
 * @returns The value to send, or undefined when the model takes none of the known values.
 */
export function nearestEffort(asked: string, accepted: readonly string[]): string | undefined {
  if (accepted.includes(asked)) return asked;
  const rank = EFFORTS.indexOf(asked as never);
  const known = EFFORTS.filter((e) => e !== 'none' && accepted.includes(e));
  const lower = known.filter((e) => EFFORTS.indexOf(e) < rank);
  return lower.length ? lower[lower.length - 1] : known.find((e) => EFFORTS.indexOf(e) > rank);
}
