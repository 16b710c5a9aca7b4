/**
 * Prints a warning on the console: the one place the package writes there, for cache or hook trouble no
 * hook was given for (silent trouble would leave every call uncached with no sign).
 * @param message - What to print.
 */
export function printWarning(message: string): void {
  // oxlint-disable-next-line no-console -- reporting is the point; see report-cache-problem.ts
  console.warn(message);
}
