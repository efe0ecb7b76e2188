/** Schedules over GraphQL, on the embedded engine and on BullMQ (Redis): ticks, rules, clean-up. */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { graphql } from '../gql/index.js';
import { createTestApp, dataOf, errorsOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { until } from '../helpers/until.js';
import { CreatePattern } from './operations.js';
import {
  GetSchedule,
  ListSchedules,
  ScheduledExecutions,
  SchedulePattern,
  UnschedulePattern,
} from './schedule-operations.js';
import { AuditLogQuery } from './security-operations.js';

const SECRET = 'schedules-test-secret-at-least-32-characters';
const redis = useRedisApps('schedules');
const memoryApps: App[] = [];
afterEach(async () => {
  await Promise.all(memoryApps.splice(0).map((app) => app.stop()));
});

const adapters: Array<[string, (overrides?: Partial<Config>) => Promise<App>]> = [
  [
    'memory',
    async (overrides = {}) => {
      const app = createTestApp(overrides);
      memoryApps.push(app);
      await app.start(0);
      return app;
    },
  ],
  ['redis', (overrides = {}) => redis.app(overrides)],
];

const DeactivatePattern = graphql(`
  mutation DeactivatePattern($id: ID!) {
    updatePattern(id: $id, input: { isActive: false }) {
      id
      isActive
    }
  }
`);
const DeletePattern = graphql(`
  mutation DeleteScheduledPattern($id: ID!) {
    deletePattern(id: $id)
  }
`);
const ScheduleEvents = graphql(`
  query ScheduleEvents($patternId: ID) {
    events(last: 50, types: [SCHEDULE_FIRED], patternId: $patternId) {
      events {
        type
        patternId
        executionId
        payload
      }
    }
  }
`);

async function tokens() {
  return {
    alice: await signToken(SECRET, { sub: 'alice' }),
    bob: await signToken(SECRET, { sub: 'bob' }),
    admin: await signToken(SECRET, { sub: 'root', roles: ['admin'] }),
  };
}

async function createPattern(app: App, token: string, name: string): Promise<string> {
  const result = await gql(
    app,
    CreatePattern,
    {
      input: {
        name,
        category: 'NOTIFICATION',
        steps: [
          {
            id: 'mark',
            type: 'CACHE',
            action: 'set',
            parameters: { key: 'scheduled:{who}', value: '{who}' },
          },
        ],
      },
    },
    token,
  );
  return dataOf(result).createPattern.id;
}

describe.each(adapters)('schedules (%s)', (_name, start) => {
  it('runs one execution per tick, as the owner, keyed by its tick, a second apart', async () => {
    const app = await start({ jwtSecret: SECRET });
    const { alice } = await tokens();
    const patternId = await createPattern(app, alice, 'Every second');
    const scheduled = dataOf(
      await gql(
        app,
        SchedulePattern,
        { input: { patternId, everyMs: 1000, input: { who: 'alice' } } },
        alice,
      ),
    ).schedulePattern;
    expect(scheduled).toMatchObject({
      patternId,
      everyMs: 1000,
      cron: null,
      timezone: null,
      owner: 'alice',
      input: { who: 'alice' },
      fireCount: 0,
      lastFiredAt: null,
    });
    expect(Date.parse(scheduled.nextFireAt)).toBe(Date.parse(scheduled.createdAt) + 1000);

    const listed = await until(
      async () => {
        const page = dataOf(
          await gql(app, ScheduledExecutions, { patternId, first: 100 }, alice),
        ).executions;
        const done = page.edges.filter((edge) => edge.node.status === 'SUCCEEDED');
        return done.length >= 2 ? page : undefined;
      },
      { what: 'two scheduled executions' },
    );
    const ticks = listed.edges
      .map((edge) => {
        expect(edge.node.createdBy).toBe('alice');
        const match = /^schedule:([^:]+):(\d+)$/.exec(edge.node.idempotencyKey ?? '');
        expect(match?.[1]).toBe(scheduled.id);
        return Number(match?.[2]);
      })
      .sort((a, b) => a - b);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (const [i, tick] of ticks.entries()) {
      expect(tick).toBe(Date.parse(scheduled.createdAt) + 1000 * (i + 1));
    }

    const record = await until(async () => {
      const schedule = dataOf(await gql(app, GetSchedule, { id: scheduled.id }, alice)).schedule;
      return schedule && schedule.fireCount >= 2 ? schedule : undefined;
    });
    expect(record.lastSkipReason).toBeNull();
    expect(record.lastExecution?.idempotencyKey).toBe(
      `schedule:${scheduled.id}:${Date.parse(record.lastTick ?? '')}`,
    );
    expect(record.lastExecutions.length).toBe(record.fireCount);
    const events = dataOf(await gql(app, ScheduleEvents, { patternId }, alice)).events.events;
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]?.payload).toMatchObject({ scheduleId: scheduled.id, skipped: null });
    // Not bob's to see.
    const { bob } = await tokens();
    expect(dataOf(await gql(app, ScheduleEvents, { patternId }, bob)).events.events).toEqual([]);

    expect(dataOf(await gql(app, UnschedulePattern, { id: scheduled.id }, alice))).toEqual({
      unschedulePattern: true,
    });
    expect(dataOf(await gql(app, GetSchedule, { id: scheduled.id }, alice)).schedule).toBeNull();
  });

  it('refuses bad input with the path of each problem', async () => {
    const app = await start();
    const patternId = 'user_onboarding';
    const cases: Array<[Record<string, unknown>, Array<Array<string | number>>]> = [
      [{ patternId }, [['input', 'cron']]],
      [{ patternId, cron: '* * * * *', everyMs: 5000 }, [['input', 'everyMs']]],
      [{ patternId, cron: 'every day' }, [['input', 'cron']]],
      [{ patternId, cron: '61 * * * *' }, [['input', 'cron']]],
      [{ patternId, cron: '0 9 * * *', timezone: 'Mars/Olympus' }, [['input', 'timezone']]],
      [
        { patternId, everyMs: 10, timezone: 'UTC' },
        [
          ['input', 'everyMs'],
          ['input', 'timezone'],
        ],
      ],
      [{ patternId, everyMs: 8 * 86_400_000 }, [['input', 'everyMs']]],
      [{ patternId, everyMs: 1000, input: { big: 'x'.repeat(70_000) } }, [['input', 'input']]],
    ];
    for (const [input, paths] of cases) {
      const errors = errorsOf(await gql(app, SchedulePattern, { input: input as never }));
      expect(errors[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(errors[0]?.extensions?.issues?.map((issue) => issue.path)).toEqual(paths);
    }
    // What the pattern's templates need, as executePattern would check it.
    const errors = errorsOf(
      await gql(app, SchedulePattern, { input: { patternId, everyMs: 1000, input: {} } }),
    );
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors[0]?.extensions?.issues?.[0]?.path?.slice(0, 2)).toEqual(['input', 'input']);
    expect(dataOf(await gql(app, ListSchedules, {})).schedules.totalCount).toBe(0);
  });

  it('shows and removes a schedule only for its owner and admins, within the per-user limit', async () => {
    const app = await start({ jwtSecret: SECRET, schedulesPerUser: 2 });
    const { alice, bob, admin } = await tokens();
    const patternId = await createPattern(app, alice, 'Daily');
    const cron = { patternId, cron: '0 9 * * 1-5', timezone: 'Europe/Paris', input: { who: 'a' } };
    const bobTries = errorsOf(await gql(app, SchedulePattern, { input: cron }, bob));
    expect(bobTries[0]?.extensions?.code).toBe('NOT_FOUND');
    const first = dataOf(await gql(app, SchedulePattern, { input: cron }, alice)).schedulePattern;
    expect(first).toMatchObject({ cron: '0 9 * * 1-5', timezone: 'Europe/Paris', everyMs: null });
    const next = new Date(first.nextFireAt);
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('09:00');
    await gql(app, SchedulePattern, { input: cron }, alice);
    const third = errorsOf(await gql(app, SchedulePattern, { input: cron }, alice));
    expect(third[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');

    expect(dataOf(await gql(app, GetSchedule, { id: first.id }, bob)).schedule).toBeNull();
    expect(dataOf(await gql(app, ListSchedules, {}, bob)).schedules.totalCount).toBe(0);
    expect(dataOf(await gql(app, UnschedulePattern, { id: first.id }, bob))).toEqual({
      unschedulePattern: false,
    });
    const page = dataOf(await gql(app, ListSchedules, { first: 1, patternId }, alice)).schedules;
    expect(page.totalCount).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(
      await gql(app, ListSchedules, { first: 1, after: page.pageInfo.endCursor, patternId }, alice),
    ).schedules;
    expect(rest.edges.map((edge) => edge.node.id)).not.toContain(page.edges[0]?.node.id);
    expect(dataOf(await gql(app, ListSchedules, {}, admin)).schedules.totalCount).toBe(2);
    expect(dataOf(await gql(app, GetSchedule, { id: first.id }, admin)).schedule?.owner).toBe(
      'alice',
    );
    expect(dataOf(await gql(app, UnschedulePattern, { id: first.id }, admin))).toEqual({
      unschedulePattern: true,
    });
    // Room again for alice.
    dataOf(await gql(app, SchedulePattern, { input: cron }, alice));

    const audit = dataOf(await gql(app, AuditLogQuery, { first: 50 }, admin)).auditLog;
    const actions = audit.edges.map((edge) => edge.node);
    expect(actions).toContainEqual(
      expect.objectContaining({
        action: 'unschedulePattern',
        actor: 'root',
        targets: [first.id],
        outcome: 'ok',
      }),
    );
    expect(actions).toContainEqual(
      expect.objectContaining({
        action: 'schedulePattern',
        actor: 'alice',
        outcome: 'LIMIT_EXCEEDED',
      }),
    );
  });

  it("charges each tick's run to its owner's mutation rate, as every other run", async () => {
    // createPattern and schedulePattern take 2 of alice's 4: two ticks run, then ticks skip.
    const app = await start({
      jwtSecret: SECRET,
      security: { mutationsPerMinute: 4 } as Config['security'],
    });
    const { alice } = await tokens();
    const patternId = await createPattern(app, alice, 'Rated');
    const scheduled = dataOf(
      await gql(
        app,
        SchedulePattern,
        { input: { patternId, everyMs: 1000, input: { who: 'r' } } },
        alice,
      ),
    ).schedulePattern;
    const skipped = await until(async () => {
      const schedule = dataOf(await gql(app, GetSchedule, { id: scheduled.id }, alice)).schedule;
      return schedule && schedule.skipCount >= 1 ? schedule : undefined;
    });
    expect(skipped).toMatchObject({ fireCount: 2, lastSkipReason: 'LIMIT_EXCEEDED' });
    const executions = dataOf(await gql(app, ScheduledExecutions, { patternId }, alice));
    expect(executions.executions.totalCount).toBe(2);
  });

  it('skips the ticks of an inactive pattern and removes the schedule of a deleted one', async () => {
    const app = await start({ jwtSecret: SECRET });
    const { alice, admin } = await tokens();
    const patternId = await createPattern(app, alice, 'Goes away');
    const scheduled = dataOf(
      await gql(
        app,
        SchedulePattern,
        { input: { patternId, everyMs: 1000, input: { who: 'x' } } },
        alice,
      ),
    ).schedulePattern;
    dataOf(await gql(app, DeactivatePattern, { id: patternId }, alice));
    const skipped = await until(async () => {
      const schedule = dataOf(await gql(app, GetSchedule, { id: scheduled.id }, alice)).schedule;
      return schedule && schedule.skipCount >= 1 ? schedule : undefined;
    });
    expect(skipped.lastSkipReason).toBe('PATTERN_INACTIVE');
    expect(skipped.fireCount).toBe(0);

    dataOf(await gql(app, DeletePattern, { id: patternId }, alice));
    await until(
      async () =>
        dataOf(await gql(app, GetSchedule, { id: scheduled.id }, alice)).schedule === null,
      { what: 'the schedule removed at its next tick' },
    );
    const events = dataOf(await gql(app, ScheduleEvents, { patternId }, alice)).events.events;
    expect(events.map((event) => (event.payload as { skipped: string }).skipped)).toContain(
      'PATTERN_DELETED',
    );
    const audit = dataOf(await gql(app, AuditLogQuery, { first: 50 }, admin)).auditLog;
    expect(audit.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({
        action: 'scheduleRemoved',
        actor: 'alice',
        targets: [scheduled.id, patternId],
        outcome: 'PATTERN_DELETED',
      }),
    );
    const executions = dataOf(await gql(app, ScheduledExecutions, { patternId }, alice));
    expect(executions.executions.totalCount).toBe(0);
  });
});
