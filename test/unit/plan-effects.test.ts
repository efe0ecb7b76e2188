import { describe, expect, it } from 'vitest';
import { patternWarnings } from '../../src/domain/execution/pattern-warnings.js';
import { planRun } from '../../src/domain/execution/plan.js';
import { StepAncestry } from '../../src/domain/execution/step-ancestry.js';
import type { Step } from '../../src/domain/pattern/pattern.js';
import type { JsonValue } from '../../src/domain/shared/json.js';

const viewer = { id: 'alice:1', key: 'alice%3A1' };

const step = (
  id: string,
  type: Step['type'],
  action: string,
  parameters: JsonValue | null,
  dependsOn: string[] = [],
): Step => ({ id, type, action, parameters, dependsOn, retries: 0, timeoutMs: null });

const set = (id: string, key: string, dependsOn: string[] = []) =>
  step(id, 'CACHE', 'set', { key, value: 1 }, dependsOn);

const plan = (steps: Step[], input: JsonValue | null = {}) =>
  planRun(steps, input, viewer, 1024 * 1024);

describe('step effects', () => {
  it('renders CACHE, PIPELINE and TRANSACTION keys from the input, watch keys as reads', () => {
    const { effects } = plan(
      [
        step('get', 'CACHE', 'get', { key: 'user:{viewer.key}:{id}' }),
        step('pipe', 'PIPELINE', 'exec', {
          ops: [
            { action: 'set', key: 'a:{id}', value: '{id}' },
            { action: 'delete', key: 'b' },
            { action: 'get', key: 'c' },
          ],
          watch: ['ignored'],
        }),
        step('tx', 'TRANSACTION', 'exec', {
          ops: [{ action: 'set', key: 'd', value: 1 }],
          watch: ['w:{id}'],
        }),
      ],
      { id: 42 },
    );
    const keys = (list: { action: string; key: { value: string | null } }[]) =>
      list.map((effect) => [effect.action, effect.key.value]);
    expect(effects.map((e) => [e.stepId, keys(e.reads), keys(e.writes)])).toEqual([
      ['get', [['get', 'user:alice%3A1:42']], []],
      [
        'pipe',
        [['get', 'c']],
        [
          ['set', 'a:42'],
          ['delete', 'b'],
        ],
      ],
      ['tx', [['watch', 'w:42']], [['set', 'd']]],
    ]);
    expect(effects[0]?.reads[0]?.key).toEqual({
      template: 'user:{viewer.key}:{id}',
      value: 'user:alice%3A1:42',
      resolved: true,
      reason: null,
      writtenAs: 'user:{viewer.key}:{id}',
    });
  });

  it('shows relationships, events, child runs and graph reads; nothing for DELAY', () => {
    const { effects } = plan(
      [
        step('link', 'RELATIONSHIP', 'create', { from: 'u:{id}', to: 'w:1', type: 'OWNER' }),
        step('unlink', 'RELATIONSHIP', 'delete', { id: '{rel}' }),
        step('say', 'EVENT', 'publish', { event_type: 'done', payload: { who: '{id}' } }),
        step('child', 'PATTERN', 'execute', { pattern_id: 'other', input: { n: '{id}' } }),
        step('path', 'GRAPH', 'find_path', { from: 'a', to: 'b' }),
        step('wait', 'DELAY', 'wait', { ms: 5 }),
      ],
      { id: 'x', rel: 'r1' },
    );
    const [link, unlink, say, child, path, wait] = effects;
    expect(link?.creates.map((e) => [e.from.value, e.to.value, e.type.value])).toEqual([
      ['u:x', 'w:1', 'OWNER'],
    ]);
    expect(unlink?.deletes.map((id) => id.value)).toEqual(['r1']);
    expect(say?.publishes).toEqual([
      {
        eventType: expect.objectContaining({ value: 'done' }),
        payload: { who: 'x' },
        payloadResolved: true,
      },
    ]);
    expect(child?.runsPattern).toEqual({
      patternId: expect.objectContaining({ value: 'other' }),
      input: { n: 'x' },
      inputResolved: true,
    });
    expect(path?.readsGraph).toBe(true);
    expect(path?.writes).toEqual([]);
    expect(wait).toMatchObject({
      reads: [],
      writes: [],
      creates: [],
      deletes: [],
      publishes: [],
      runsPattern: null,
      readsGraph: false,
      unknown: [],
    });
  });

  it('leaves what reads a step output unresolved, as written, and never invents it', () => {
    const { effects } = plan([
      step('a', 'CACHE', 'get', { key: 'src' }),
      step(
        'b',
        'EVENT',
        'publish',
        { event_type: 'e:{steps.a.output.value}', payload: { v: '{steps.a.output.value}', n: 1 } },
        ['a'],
      ),
    ]);
    expect(effects[1]?.publishes[0]).toEqual({
      eventType: {
        template: 'e:{steps.a.output.value}',
        value: null,
        resolved: false,
        reason: "reads another step's output",
        writtenAs: null,
      },
      payload: { v: '{steps.a.output.value}', n: 1 },
      payloadResolved: false,
    });
  });

  it('reports parameters of the wrong shape as unknown effects', () => {
    const { effects, conflicts } = plan([
      step('a', 'CACHE', 'set', { key: 7 }),
      step('b', 'PIPELINE', 'exec', { ops: [{ action: '{steps.a.output.k}', key: 'k' }, 3] }),
      step('c', 'TRANSACTION', 'exec', 'not an object'),
    ]);
    expect(effects.map((e) => e.unknown)).toEqual([
      [{ parameter: 'key', reason: 'is not a string' }],
      [
        { parameter: 'ops[0].action', reason: 'is not get, set or delete (known before the run)' },
        { parameter: 'ops[1].action', reason: 'is not get, set or delete (known before the run)' },
      ],
      [{ parameter: 'ops', reason: 'is not a list known before the run' }],
    ]);
    expect(conflicts.complete).toBe(false);
  });

  it('reports parameters too large once filled in as the run would fail them', () => {
    const { effects } = planRun([set('a', '{big}')], { big: 'x'.repeat(100) }, viewer, 50);
    expect(effects[0]?.writes).toEqual([]);
    expect(effects[0]?.unknown).toEqual([
      { parameter: '', reason: 'its parameters exceed 50 bytes once filled in' },
    ]);
  });
});

describe('write conflicts', () => {
  it('finds none between ordered steps writing one key', () => {
    const result = plan([set('a', 'k'), set('b', 'k', ['a'])]);
    expect(result.conflicts).toEqual({
      conflicts: [],
      count: 0,
      complete: true,
      cutShort: false,
      unresolved: [],
    });
    expect(patternWarnings({ steps: [set('a', 'k'), set('b', 'k', ['a'])] })).toEqual([]);
  });

  it('flags parallel steps writing one key, once, input-independent, and warns', () => {
    const steps = [set('a', 'k'), set('b', 'k')];
    expect(plan(steps).conflicts).toEqual({
      conflicts: [
        {
          kind: 'WRITE_WRITE',
          steps: ['a', 'b'],
          target: 'KEY',
          key: 'k',
          edge: null,
          inputIndependent: true,
        },
      ],
      count: 1,
      complete: true,
      cutShort: false,
      unresolved: [],
    });
    expect(patternWarnings({ steps })).toEqual([
      {
        code: 'WRITE_WRITE_CONFLICT',
        message:
          'steps "a" and "b" may run at the same time (neither depends on the other) and both write key "k", for every input',
        steps: ['a', 'b'],
        key: 'k',
        edge: null,
      },
    ]);
  });

  it('finds none when the order is transitive only', () => {
    const steps = [set('a', 'k'), set('m', 'other', ['a']), set('b', 'k', ['m'])];
    expect(plan(steps).conflicts.count).toBe(0);
    expect(patternWarnings({ steps })).toEqual([]);
  });

  it('flags keys equal for this input only, not input-independent, with no warning', () => {
    const steps = [set('a', 'user:{x}'), set('b', 'user:{y}')];
    expect(plan(steps, { x: 1, y: 2 }).conflicts.count).toBe(0);
    expect(plan(steps, { x: 1, y: 1 }).conflicts.conflicts).toEqual([
      expect.objectContaining({ key: 'user:1', inputIndependent: false, steps: ['a', 'b'] }),
    ]);
    expect(patternWarnings({ steps })).toEqual([]);
  });

  it('treats one template text over the input only as input-independent', () => {
    const steps = [set('a', 'user:{viewer.key}:{x}'), set('b', 'user:{viewer.key}:{x}')];
    expect(plan(steps, { x: 'q' }).conflicts.conflicts).toEqual([
      expect.objectContaining({ key: 'user:alice%3A1:q', inputIndependent: true }),
    ]);
    expect(patternWarnings({ steps })).toEqual([
      expect.objectContaining({ key: 'user:{viewer.key}:{x}', steps: ['a', 'b'] }),
    ]);
  });

  it('does not flag keys that read step outputs, and says it could not tell', () => {
    const steps = [
      step('src', 'CACHE', 'get', { key: 'src' }),
      set('a', '{steps.src.output.value}', ['src']),
      set('b', '{steps.src.output.value}', ['src']),
    ];
    const { conflicts, effects } = plan(steps);
    expect(conflicts.count).toBe(0);
    expect(conflicts.complete).toBe(false);
    expect(conflicts.unresolved.map((u) => [u.stepId, u.what, u.template])).toEqual([
      ['a', 'written key', '{steps.src.output.value}'],
      ['b', 'written key', '{steps.src.output.value}'],
    ]);
    expect(effects[1]?.writes[0]?.key).toMatchObject({ resolved: false, value: null });
    expect(patternWarnings({ steps })).toEqual([]);
  });

  it('calls a plan complete when the unresolved step runs alone', () => {
    const steps = [
      step('src', 'CACHE', 'get', { key: 'src' }),
      set('a', '{steps.src.output.value}', ['src']),
    ];
    expect(plan(steps).conflicts).toMatchObject({ complete: true, count: 0 });
  });

  it('flags reads of a key a parallel step writes as READ_WRITE, writer first', () => {
    const steps = [step('r', 'CACHE', 'get', { key: 'k' }), set('w', 'k')];
    expect(plan(steps).conflicts.conflicts).toEqual([
      expect.objectContaining({ kind: 'READ_WRITE', steps: ['w', 'r'], key: 'k' }),
    ]);
    expect(patternWarnings({ steps }).map((w) => w.code)).toEqual(['READ_WRITE_CONFLICT']);
    // Two reads never conflict.
    const reads = [
      step('r1', 'CACHE', 'get', { key: 'k' }),
      step('r2', 'CACHE', 'get', { key: 'k' }),
    ];
    expect(plan(reads).conflicts.count).toBe(0);
  });

  it('flags parallel creates of one edge and deletes of one id', () => {
    const edge = { from: 'a:{id}', to: 'b', type: 'LINKED' };
    const steps = [
      step('c1', 'RELATIONSHIP', 'create', edge),
      step('c2', 'RELATIONSHIP', 'create', { ...edge, metadata: { n: 2 } }),
      step('c3', 'RELATIONSHIP', 'create', { ...edge, type: 'OWNER' }),
      step('d1', 'RELATIONSHIP', 'delete', { id: 'r' }),
      step('d2', 'RELATIONSHIP', 'delete', { id: 'r' }),
    ];
    expect(plan(steps, { id: 1 }).conflicts.conflicts).toEqual([
      {
        kind: 'WRITE_WRITE',
        steps: ['c1', 'c2'],
        target: 'RELATIONSHIP',
        key: null,
        edge: { from: 'a:1', to: 'b', type: 'LINKED' },
        inputIndependent: true,
      },
      {
        kind: 'WRITE_WRITE',
        steps: ['d1', 'd2'],
        target: 'RELATIONSHIP_ID',
        key: 'r',
        edge: null,
        inputIndependent: true,
      },
    ]);
    expect(patternWarnings({ steps }).map((w) => [w.steps, w.edge, w.key])).toEqual([
      [['c1', 'c2'], { from: 'a:{id}', to: 'b', type: 'LINKED' }, null],
      [['d1', 'd2'], null, 'r'],
    ]);
  });

  it('analyses a version once: the same steps give the same warnings object', () => {
    const version = { steps: [set('a', 'k'), set('b', 'k')] };
    const first = patternWarnings(version);
    expect(patternWarnings(version)).toBe(first);
    expect(patternWarnings({ steps: [...version.steps] })).not.toBe(first);
    expect(patternWarnings({ steps: [...version.steps] })).toEqual(first);
  });

  it('counts a child pattern run in parallel as something it could not tell', () => {
    const steps = [step('child', 'PATTERN', 'execute', { pattern_id: 'p' }), set('a', 'k')];
    expect(plan(steps).conflicts).toMatchObject({
      complete: false,
      unresolved: [expect.objectContaining({ stepId: 'child', what: 'child pattern effects' })],
    });
  });

  it('counts every conflict of 100 parallel steps, listing the first 200', () => {
    const steps = Array.from({ length: 100 }, (_, i) =>
      step(`s${i}`, 'PIPELINE', 'exec', {
        ops: [
          { action: 'set', key: 'x', value: 1 },
          { action: 'set', key: 'y', value: 1 },
        ],
      }),
    );
    const { conflicts } = plan(steps);
    expect(conflicts.count).toBe(2 * ((100 * 99) / 2));
    expect(conflicts.conflicts).toHaveLength(200);
    const warnings = patternWarnings({ steps });
    expect(warnings).toHaveLength(201);
    expect(warnings[200]).toMatchObject({ code: 'MORE_CONFLICTS', steps: [] });
  });
});

describe('step ancestry', () => {
  it('orders steps through any chain of dependencies, past 32 steps', () => {
    // A chain of 70 steps, and one step beside it.
    const chain = Array.from({ length: 70 }, (_, i) => ({
      id: `c${i}`,
      dependsOn: i === 0 ? [] : [`c${i - 1}`],
    }));
    const ancestry = new StepAncestry([...chain, { id: 'lone', dependsOn: [] }]);
    expect(ancestry.isAncestor('c0', 'c69')).toBe(true);
    expect(ancestry.isAncestor('c69', 'c0')).toBe(false);
    expect(ancestry.concurrent('c3', 'c66')).toBe(false);
    expect(ancestry.concurrent('c40', 'lone')).toBe(true);
    expect(ancestry.concurrent('c40', 'c40')).toBe(false);
  });

  it('agrees with a naive reachability search on a random graph of 100 steps', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const nodes = Array.from({ length: 100 }, (_, i) => ({
      id: `s${i}`,
      dependsOn: Array.from({ length: i }, (_, j) => j)
        .filter(() => random() < 0.03)
        .map((j) => `s${j}`),
    }));
    const reaches = (from: number, to: number): boolean =>
      nodes[to]?.dependsOn.some((dep) => {
        const d = Number(dep.slice(1));
        return d === from || reaches(from, d);
      }) ?? false;
    const ancestry = new StepAncestry([...nodes].reverse());
    let concurrentPairs = 0;
    for (let a = 0; a < 100; a += 1)
      for (let b = 0; b < 100; b += 1) {
        expect(ancestry.isAncestor(`s${a}`, `s${b}`)).toBe(reaches(a, b));
        if (ancestry.concurrent(`s${a}`, `s${b}`)) concurrentPairs += 1;
      }
    expect(concurrentPairs).toBeGreaterThan(0);
  });
});
