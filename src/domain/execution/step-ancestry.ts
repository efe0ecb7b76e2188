import type { DagNode } from '../pattern/dag.js';

/**
 * Which steps are ordered by their dependencies (one an ancestor of the other, through any
 * chain of dependsOn), as bitsets: per step, its ancestors and its descendants (100 steps take
 * 2 × 100 × 4 words). Assumes a validated, acyclic graph; unknown ids are ignored.
 */
export class StepAncestry {
  readonly words: number;
  private readonly index = new Map<string, number>();
  private readonly ancestors: Uint32Array;
  private readonly descendants: Uint32Array;

  constructor(steps: readonly DagNode[]) {
    steps.forEach((step, i) => {
      this.index.set(step.id, i);
    });
    const words = Math.ceil(steps.length / 32) || 1;
    this.words = words;
    const ancestors = new Uint32Array(words * steps.length);
    const done = new Uint8Array(steps.length);
    const visit = (i: number): void => {
      if (done[i]) return;
      done[i] = 1;
      for (const dep of steps[i]?.dependsOn ?? []) {
        const d = this.index.get(dep);
        if (d === undefined || d === i) continue;
        visit(d);
        for (let w = 0; w < words; w += 1)
          ancestors[i * words + w] =
            (ancestors[i * words + w] ?? 0) | (ancestors[d * words + w] ?? 0);
        setBit(ancestors, i * words, d);
      }
    };
    for (let i = 0; i < steps.length; i += 1) visit(i);
    const descendants = new Uint32Array(words * steps.length);
    for (let i = 0; i < steps.length; i += 1)
      for (let a = 0; a < steps.length; a += 1)
        if (hasBit(ancestors, i * words, a)) setBit(descendants, a * words, i);
    this.ancestors = ancestors;
    this.descendants = descendants;
  }

  /** Whether step `a` runs (transitively) before step `b`. */
  isAncestor(a: string, b: string): boolean {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return false;
    return hasBit(this.ancestors, j * this.words, i);
  }

  /** Whether neither depends on the other, so that they may run at the same time. */
  concurrent(a: string, b: string): boolean {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined || i === j) return false;
    return !hasBit(this.ancestors, i * this.words, j) && !hasBit(this.ancestors, j * this.words, i);
  }

  /** Word `w` of the steps that may run at the same time as step `i` (by index). */
  concurrentWord(i: number, w: number): number {
    const at = i * this.words + w;
    return ~((this.ancestors[at] ?? 0) | (this.descendants[at] ?? 0)) >>> 0;
  }
}

export function setBit(bits: Uint32Array, offset: number, bit: number): void {
  const at = offset + (bit >>> 5);
  bits[at] = ((bits[at] ?? 0) | (1 << (bit & 31))) >>> 0;
}

export function hasBit(bits: Uint32Array, offset: number, bit: number): boolean {
  return (((bits[offset + (bit >>> 5)] ?? 0) >>> (bit & 31)) & 1) === 1;
}

export function popCount(word: number): number {
  let n = word >>> 0;
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
