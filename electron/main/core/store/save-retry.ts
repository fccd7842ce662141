// Runs in the main process and the preview host (Node). When the store tries again after a failed save (a full disk,
// a folder it may not write to): soon at first, since most outages are short (a sync client, an antivirus scan, a
// download being deleted), then once a minute for as long as it takes. The waits run on the core's clock, so a test
// clock drives them and a sleeping laptop does not pile them up.
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;

/** The wait before retry number `attempt` (0 = the first retry after the first failure). */
export const retryDelay = (attempt: number): number =>
  RETRY_DELAYS_MS[Math.min(Math.max(0, attempt), RETRY_DELAYS_MS.length - 1)]!;
