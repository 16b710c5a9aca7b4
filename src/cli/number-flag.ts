import { UsageError, type USAGE } from './usage.ts';

/**
 * Reads a numeric flag.
 * @param value - The flag's text, or undefined when absent.
 * @param name - The flag, for the message.
 * @param command - The command, for the usage text.
 * @param integer - Whether it must be a whole number of at least 1.
 * @returns The number, or undefined when absent.
 */
export function numberFlag(
  value: string | undefined,
  name: string,
  command: keyof typeof USAGE,
  integer = false,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && (!Number.isInteger(n) || n < 1)))
    throw new UsageError(
      `--${name}: expected ${integer ? 'a whole number of at least 1' : 'a number'}, got "${value}"`,
      command,
    );
  return n;
}
