import { describe, expect, it } from 'vitest';
import { runJobId } from '../../src/domain/queue/run-workers.js';
import { nextTickMs, tickIdempotencyKey } from '../../src/domain/schedule/schedule.js';
import { parseScheduleInput } from '../../src/domain/schedule/schedule-input.js';
import { ValidationError } from '../../src/domain/shared/errors.js';

const limits = { maxInputBytes: 1024 };

describe('schedule timing', () => {
  it('ticks an interval at createdAt + k·everyMs', () => {
    const s = {
      createdAt: '2026-01-01T00:00:00.000Z',
      timing: { kind: 'every', everyMs: 1000 } as const,
    };
    const t0 = Date.parse(s.createdAt);
    expect(nextTickMs(s, t0)).toBe(t0 + 1000);
    expect(nextTickMs(s, t0 + 1000)).toBe(t0 + 1000);
    expect(nextTickMs(s, t0 + 1001)).toBe(t0 + 2000);
    expect(nextTickMs(s, t0 + 10_500)).toBe(t0 + 11_000);
  });

  it('ticks a cron pattern in its time zone', () => {
    const s = {
      createdAt: '2026-01-01T00:00:00.000Z',
      timing: { kind: 'cron', cron: '30 9 * * *', timezone: 'America/New_York' } as const,
    };
    // 09:30 in New York in January is 14:30 UTC.
    expect(new Date(nextTickMs(s, Date.parse('2026-01-05T12:00:00Z'))).toISOString()).toBe(
      '2026-01-05T14:30:00.000Z',
    );
    // A tick at exactly the time asked is that tick.
    expect(nextTickMs(s, Date.parse('2026-01-05T14:30:00Z'))).toBe(
      Date.parse('2026-01-05T14:30:00Z'),
    );
  });

  it('names each tick and each hand-out of a run without a colon in the job id', () => {
    expect(tickIdempotencyKey('s1', 1000)).toBe('schedule:s1:1000');
    expect(runJobId('e:1', 2)).not.toContain(':');
    expect(runJobId('e:1', 2)).not.toBe(runJobId('e:12', 0));
  });
});

describe('parseScheduleInput', () => {
  it('reads a cron schedule with UTC by default, and an interval', () => {
    expect(parseScheduleInput({ patternId: 'p', cron: ' */5 * * * * ' }, limits)).toEqual({
      patternId: 'p',
      timing: { kind: 'cron', cron: '*/5 * * * *', timezone: 'UTC' },
      input: null,
    });
    expect(parseScheduleInput({ patternId: 'p', everyMs: 1000, input: { a: 1 } }, limits)).toEqual({
      patternId: 'p',
      timing: { kind: 'every', everyMs: 1000 },
      input: { a: 1 },
    });
  });

  it('lists every problem with its path', () => {
    try {
      parseScheduleInput(
        { patternId: '', cron: '* * *', timezone: 'Nowhere/City', input: { x: 'y'.repeat(2000) } },
        limits,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        ['input', 'patternId'],
        ['input', 'cron'],
        ['input', 'timezone'],
        ['input', 'input'],
      ]);
    }
  });
});
