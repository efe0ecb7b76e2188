/**
 * Ids of append-only logs, shaped like Redis stream ids ("<ms>-<seq>"): the event log and the
 * audit trail use them as ordered positions and cursors.
 */
const STREAM_ID = /^\d{1,16}-\d{1,16}$/;

export function isStreamId(value: string): boolean {
  return STREAM_ID.test(value);
}

/** Orders ids numerically (ms, then sequence). */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am !== bm ? am - bm : as - bs;
}

/** Hands out increasing ids for an in-process log, even when the clock stalls or steps back. */
export class StreamIdSequence {
  private lastMs = 0;
  private sequence = 0;

  next(nowMs: number): string {
    const ms = Math.max(nowMs, this.lastMs);
    this.sequence = ms === this.lastMs ? this.sequence + 1 : 0;
    this.lastMs = ms;
    return `${ms}-${this.sequence}`;
  }
}
