import type { StepEffects } from './plan-effects.js';
import type { PlannedText } from './planned-params.js';
import { popCount, type StepAncestry, setBit } from './step-ancestry.js';

/**
 * Write conflicts between steps that may run at the same time (neither an ancestor of the other):
 * both write one key, or create one edge (from, to, type), or delete one relationship id
 * (WRITE_WRITE); one writes a key the other reads (READ_WRITE). Targets are compared by what they
 * will be for one input (`planned`), or by their text as written for every input (`written`).
 */
export const CONFLICT_KINDS = ['WRITE_WRITE', 'READ_WRITE'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_TARGETS = ['KEY', 'RELATIONSHIP', 'RELATIONSHIP_ID'] as const;
export type ConflictTarget = (typeof CONFLICT_TARGETS)[number];

export interface WriteConflict {
  kind: ConflictKind;
  /** The two steps, in pattern order; the first writes (READ_WRITE: the second reads). */
  steps: [string, string];
  target: ConflictTarget;
  /** KEY: the key; RELATIONSHIP_ID: the id; RELATIONSHIP: null (see edge). */
  key: string | null;
  edge: { from: string; to: string; type: string } | null;
  /** Whether it holds for every input: the two are the same text, reading no step output. */
  inputIndependent: boolean;
}

/** A target whose value is known only at run time: it cannot be proven equal to another. */
export interface UnresolvedTarget {
  stepId: string;
  /** What is not known, e.g. "written key", "ops[2].action", "child pattern effects". */
  what: string;
  template: string | null;
  reason: string;
}

export interface ConflictReport {
  /** At most MAX_LISTED_CONFLICTS (sorted in pattern order). */
  conflicts: WriteConflict[];
  /** How many there are in all. */
  count: number;
  /**
   * False when an unresolved target, an unknown effect or a child pattern might conflict, or
   * when the accesses past MAX_COMPARED_ACCESSES were not compared (`cutShort`).
   */
  complete: boolean;
  /** Whether some reads and writes were not compared, past MAX_COMPARED_ACCESSES. */
  cutShort: boolean;
  unresolved: UnresolvedTarget[];
}

export const MAX_LISTED_CONFLICTS = 200;
/**
 * Reads and writes compared in one analysis: 100 steps of 1000 ops would otherwise keep the
 * process busy for a fifth of a second per pattern, and a page of 100 patterns for seconds.
 */
export const MAX_COMPARED_ACCESSES = 10_000;

interface Access {
  step: number;
  target: ConflictTarget;
  write: boolean;
  /** For one input: null when unresolved. */
  planned: string | null;
  /** As written, when the same text means the same target for every input. */
  written: string | null;
  edge: WriteConflict['edge'];
}

/** What each step touches, as comparable accesses, and what cannot be compared. */
function accessesOf(effects: readonly StepEffects[]): {
  accesses: Access[];
  unresolved: UnresolvedTarget[];
  opaque: boolean[];
  cutShort: boolean;
} {
  const accesses: Access[] = [];
  const unresolved: UnresolvedTarget[] = [];
  const opaque = effects.map(() => false);
  let cutShort = false;
  let cutStep = -1;
  effects.forEach((step, i) => {
    const miss = (what: string, template: string | null, reason: string) => {
      unresolved.push({ stepId: step.stepId, what, template, reason });
      opaque[i] = true;
    };
    /** Whether there is room for one more access; past the bound the step is opaque. */
    const room = (): boolean => {
      if (accesses.length < MAX_COMPARED_ACCESSES) return true;
      if (cutStep !== i)
        miss(
          'reads and writes',
          null,
          `not compared: only the first ${MAX_COMPARED_ACCESSES} reads and writes of a pattern are`,
        );
      cutShort = true;
      cutStep = i;
      return false;
    };
    const add = (target: ConflictTarget, write: boolean, value: PlannedText, what: string) => {
      if (!room()) return;
      if (!value.resolved) miss(what, value.template, value.reason ?? 'not known before the run');
      accesses.push({
        step: i,
        target,
        write,
        planned: value.value,
        written: value.writtenAs,
        edge: null,
      });
    };
    for (const { key } of step.reads) add('KEY', false, key, 'read key');
    for (const { key } of step.writes) add('KEY', true, key, 'written key');
    for (const id of step.deletes) add('RELATIONSHIP_ID', true, id, 'deleted relationship id');
    for (const edge of step.creates) {
      if (!room()) break;
      const parts = [edge.from, edge.to, edge.type];
      for (const part of parts)
        if (!part.resolved)
          miss('created relationship', part.template, part.reason ?? 'not known before the run');
      const planned = parts.every((part) => part.value !== null)
        ? JSON.stringify(parts.map((part) => part.value))
        : null;
      const written = parts.every((part) => part.writtenAs !== null)
        ? JSON.stringify(parts.map((part) => part.writtenAs))
        : null;
      accesses.push({
        step: i,
        target: 'RELATIONSHIP',
        write: true,
        planned,
        written,
        edge:
          planned === null
            ? null
            : { from: edge.from.value ?? '', to: edge.to.value ?? '', type: edge.type.value ?? '' },
      });
    }
    for (const unknown of step.unknown)
      miss(unknown.parameter || 'parameters', null, unknown.reason);
    if (step.runsPattern)
      miss(
        'child pattern effects',
        step.runsPattern.patternId.template,
        'a PATTERN step does what its pattern does; those steps are not expanded here',
      );
  });
  return { accesses, unresolved, opaque, cutShort };
}

interface Touch {
  /** The texts as written of its reads and writes of the target (null: not comparable). */
  reads: Array<string | null>;
  writes: Array<string | null>;
  edge: WriteConflict['edge'];
}

interface Group {
  target: ConflictTarget;
  id: string;
  /** Bitsets of the steps touching the target, and of those that write it. */
  members: Uint32Array;
  writers: Uint32Array;
  touches: Map<number, Touch>;
}

/**
 * Conflicts for one input (`by: 'planned'`), each flagged inputIndependent or not; or those that
 * hold for every input (`by: 'written'`). Accesses are grouped by target; in each group a step's
 * partners are one bitset operation (members that may run with it), so even 100 steps writing
 * the same 1000 keys are counted without visiting the pairs one by one.
 */
export function findConflicts(
  effects: readonly StepEffects[],
  ancestry: StepAncestry,
  by: 'planned' | 'written',
): ConflictReport {
  const { accesses, unresolved, opaque, cutShort } = accessesOf(effects);
  const groups = groupByTarget(accesses, by, ancestry.words);
  const stepId = (i: number) => effects[i]?.stepId ?? '';
  const found: Array<WriteConflict & { order: [number, number] }> = [];
  let count = 0;
  for (const group of groups.values()) {
    if (group.touches.size < 2) continue;
    for (const [a, ta] of group.touches) {
      const writes = ta.writes.length > 0;
      for (let w = 0; w < ancestry.words; w += 1) {
        let partners =
          (ancestry.concurrentWord(a, w) & (group.members[w] ?? 0) & above(a, w)) >>> 0;
        // A step that only reads conflicts with the writers alone.
        if (!writes) partners = (partners & (group.writers[w] ?? 0)) >>> 0;
        if (partners === 0) continue;
        count += popCount(partners);
        for (let bits = partners; bits !== 0 && found.length < MAX_LISTED_CONFLICTS; ) {
          const low = 31 - Math.clz32(bits & -bits);
          bits = (bits & (bits - 1)) >>> 0;
          const b = w * 32 + low;
          const tb = group.touches.get(b);
          const conflict = tb && classify(ta, tb);
          if (!conflict || !tb) continue;
          const [first, second] = conflict.swap ? [b, a] : [a, b];
          found.push({
            kind: conflict.kind,
            steps: [stepId(first), stepId(second)],
            target: group.target,
            key: group.target === 'RELATIONSHIP' ? null : group.id,
            edge: group.target === 'RELATIONSHIP' ? (ta.edge ?? edgeOf(group.id)) : null,
            inputIndependent: by === 'written' || conflict.inputIndependent,
            order: [a, b],
          });
        }
      }
    }
  }
  found.sort((p, q) => p.order[0] - q.order[0] || p.order[1] - q.order[1]);
  const complete =
    !cutShort &&
    !opaque.some(
      (isOpaque, i) =>
        isOpaque &&
        effects.some((other, j) => j !== i && ancestry.concurrent(stepId(i), other.stepId)),
    );
  return {
    conflicts: found.map(({ order: _, ...conflict }) => conflict),
    count,
    complete,
    cutShort,
    unresolved,
  };
}

function groupByTarget(
  accesses: readonly Access[],
  by: 'planned' | 'written',
  words: number,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const access of accesses) {
    const id = access[by];
    if (id === null) continue;
    const groupKey = `${access.target}\u0000${id}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { target: access.target, id, members: EMPTY, writers: EMPTY, touches: new Map() };
      groups.set(groupKey, group);
    }
    let touch = group.touches.get(access.step);
    if (!touch) {
      touch = { reads: [], writes: [], edge: access.edge };
      group.touches.set(access.step, touch);
    }
    (access.write ? touch.writes : touch.reads).push(access.written);
  }
  // Most targets are touched by one step: only those shared get bitsets.
  for (const group of groups.values()) {
    if (group.touches.size < 2) continue;
    group.members = new Uint32Array(words);
    group.writers = new Uint32Array(words);
    for (const [step, touch] of group.touches) {
      setBit(group.members, 0, step);
      if (touch.writes.length > 0) setBit(group.writers, 0, step);
    }
  }
  return groups;
}

const EMPTY = new Uint32Array(0);

/** The bits of word `w` for steps after step `a` (each pair is visited from its first step). */
function above(a: number, w: number): number {
  const own = a >>> 5;
  if (w !== own) return w > own ? 0xffffffff : 0;
  const bit = a & 31;
  return bit === 31 ? 0 : (0xffffffff << (bit + 1)) >>> 0;
}

function edgeOf(id: string): WriteConflict['edge'] {
  const [from = '', to = '', type = ''] = JSON.parse(id) as string[];
  return { from, to, type };
}

/** The kind of conflict between two steps touching one target, if any. */
function classify(
  a: Touch,
  b: Touch,
): { kind: ConflictKind; inputIndependent: boolean; swap: boolean } | null {
  if (a.writes.length > 0 && b.writes.length > 0)
    return { kind: 'WRITE_WRITE', inputIndependent: shareText(a.writes, b.writes), swap: false };
  if (a.writes.length > 0 && b.reads.length > 0)
    return { kind: 'READ_WRITE', inputIndependent: shareText(a.writes, b.reads), swap: false };
  if (a.reads.length > 0 && b.writes.length > 0)
    return { kind: 'READ_WRITE', inputIndependent: shareText(b.writes, a.reads), swap: true };
  return null;
}

function shareText(a: ReadonlyArray<string | null>, b: ReadonlyArray<string | null>): boolean {
  for (const text of a) if (text !== null && b.includes(text)) return true;
  return false;
}
