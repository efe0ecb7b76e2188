/**
 * The stores behind the security rules, on each adapter: the audit log, the rate limiter,
 * per-user execution slots and the creator filter of execution listings, and pattern
 * visibility in listings.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryInput, AuditLog } from '../../src/domain/audit/audit-log.js';
import type { Execution } from '../../src/domain/execution/execution.js';
import { DURABLE_DEFAULTS } from '../../src/domain/execution/execution.js';
import type { ExecutionStore } from '../../src/domain/execution/execution-store.js';
import type { PatternStore } from '../../src/domain/pattern/pattern-store.js';
import type { RateLimiter } from '../../src/domain/security/rate-limiter.js';
import { makePattern, TEST_GENERATION } from '../helpers/patterns.js';

export interface SecurityStores {
  audit: AuditLog;
  /** A fresh limiter of `points` per minute. */
  limiter(points: number): RateLimiter;
  executions: ExecutionStore;
  patterns: PatternStore;
}

function entry(actor: string, action: string, n: number): AuditEntryInput {
  return {
    actor,
    roles: actor === 'root' ? ['admin'] : [],
    action,
    targets: [`t${n}`],
    outcome: n % 3 === 0 ? 'FORBIDDEN' : 'ok',
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  };
}

function execution(id: string, createdBy: string, second: number): Execution {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
  return {
    id,
    patternId: 'p',
    patternVersion: 1,
    status: 'RUNNING',
    input: null,
    output: null,
    steps: [],
    createdAt: at,
    startedAt: at,
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy,
    idempotencyKey: null,
    ...DURABLE_DEFAULTS,
  };
}

export function describeSecurityStoresContract(
  adapter: string,
  makeStores: () => Promise<SecurityStores>,
) {
  describe(`security stores contract: ${adapter}`, () => {
    let stores: SecurityStores;
    beforeEach(async () => {
      stores = await makeStores();
    });

    it('lists audit entries newest first, filtered by actor and action, page by page', async () => {
      const written: AuditEntryInput[] = [];
      for (let n = 1; n <= 30; n++) {
        const e = entry(
          n % 2 === 0 ? 'alice' : 'bob',
          n % 5 === 0 ? 'deletePattern' : 'createPattern',
          n,
        );
        written.push(e);
      }
      // One append of several entries, then single ones: both keep the order given.
      await stores.audit.append(written.slice(0, 10));
      for (const e of written.slice(10)) await stores.audit.append([e]);

      const all = await stores.audit.list({ actor: null, action: null, before: null, limit: 100 });
      expect(all.totalCount).toBe(30);
      expect(all.hasMore).toBe(false);
      expect(all.items.map((e) => e.targets[0])).toEqual(
        written.map((e) => e.targets[0]).reverse(),
      );
      const ids = all.items.map((e) => e.id);
      expect(new Set(ids).size).toBe(30);

      const expectMatches = async (actor: string | null, action: string | null) => {
        const expected = written
          .filter(
            (e) =>
              (actor === null || e.actor === actor) && (action === null || e.action === action),
          )
          .reverse();
        const seen: AuditEntryInput[] = [];
        let before: string | null = null;
        for (;;) {
          const page = await stores.audit.list({ actor, action, before, limit: 4 });
          expect(page.totalCount).toBe(expected.length);
          seen.push(...page.items);
          const last = page.items[page.items.length - 1];
          if (!page.hasMore || !last) break;
          before = last.id;
        }
        expect(
          seen.map(({ actor, roles, action, targets, outcome, at }) => ({
            actor,
            roles,
            action,
            targets,
            outcome,
            at,
          })),
        ).toEqual(expected);
      };
      await expectMatches('alice', null);
      await expectMatches(null, 'deletePattern');
      await expectMatches('bob', 'deletePattern');
      await expectMatches('nobody', null);
    });

    it('refuses once a key has spent its points, without touching other keys', async () => {
      const limiter = stores.limiter(3);
      expect(await limiter.consume('alice', 2)).toEqual({ allowed: true });
      expect(await limiter.consume('alice', 1)).toEqual({ allowed: true });
      const refused = await limiter.consume('alice', 1);
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) {
        expect(refused.retryAfterMs).toBeGreaterThan(0);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
      }
      expect(await limiter.consume('bob', 3)).toEqual({ allowed: true });
    });

    it('hands out at most `limit` run slots per user, frees released and expired ones', async () => {
      const { executions, patterns } = stores;
      expect(await patterns.create(makePattern({ id: 'p' }))).toBe(true);
      const now = Date.UTC(2026, 0, 1);
      const take = async (userId: string, id: string, nowMs: number, untilMs: number) => {
        const started = await executions.start(execution(id, userId, 1), {
          retentionSeconds: 86_400 * 365 * 10,
          leaseUntilMs: untilMs,
          patternVersion: 1,
          patternGeneration: TEST_GENERATION,
          slot: { userId, limit: 2, nowMs },
          idempotency: null,
        });
        return started.outcome === 'started';
      };
      expect(await take('alice', 'x1', now, now + 1000)).toBe(true);
      expect(await take('alice', 'x2', now, now + 5000)).toBe(true);
      expect(await take('alice', 'x3', now, now + 1000)).toBe(false);
      expect(await take('bob', 'x4', now, now + 1000)).toBe(true);
      await executions.releaseRunSlot('alice', 'x2');
      expect(await take('alice', 'x3', now, now + 1000)).toBe(true);
      // x1 and x3 expire at now + 1000 unless renewed; x3 is renewed.
      await executions.renewRunSlot('alice', 'x3', now + 9000);
      expect(await take('alice', 'x5', now + 2000, now + 9000)).toBe(true);
      expect(await take('alice', 'x6', now + 2000, now + 9000)).toBe(false);
      // A renewal after release does not take the slot back.
      await executions.releaseRunSlot('alice', 'x5');
      await executions.renewRunSlot('alice', 'x5', now + 9000);
      expect(await take('alice', 'x6', now + 2000, now + 9000)).toBe(true);
    });

    it('lists only the executions a given user started', async () => {
      const { executions, patterns } = stores;
      expect(await patterns.create(makePattern({ id: 'p' }))).toBe(true);
      const store = (e: Execution) =>
        executions.start(e, {
          retentionSeconds: 86_400 * 365 * 10,
          leaseUntilMs: Date.now() + 60_000,
          patternVersion: 1,
          patternGeneration: TEST_GENERATION,
          slot: null,
          idempotency: null,
        });
      await store(execution('xa1', 'alice', 1));
      await store(execution('xb1', 'bob', 2));
      await store(execution('xa2', 'alice', 3));
      const mine = await executions.list({
        patternId: 'p',
        status: 'RUNNING',
        createdBy: 'alice',
        after: null,
        limit: 10,
      });
      expect(mine.items.map((e) => e.id)).toEqual(['xa2', 'xa1']);
      expect(mine.totalCount).toBe(2);
      const everyone = await executions.list({
        patternId: null,
        status: null,
        createdBy: null,
        after: null,
        limit: 10,
      });
      expect(everyone.totalCount).toBe(3);
    });

    it("lists active SYSTEM patterns and the viewer's own, and counts nothing else", async () => {
      const { patterns } = stores;
      const visible = [
        makePattern({ origin: 'SYSTEM', createdBy: 'root' }),
        makePattern({ origin: 'USER', createdBy: 'alice' }),
        makePattern({ origin: 'USER', createdBy: 'alice', isActive: false }),
      ];
      const hidden = [
        makePattern({ origin: 'SYSTEM', createdBy: 'root', isActive: false }),
        makePattern({ origin: 'USER', createdBy: 'bob', name: 'Secret of bob' }),
      ];
      for (const p of [...visible, ...hidden]) expect(await patterns.create(p)).toBe(true);
      const asAlice = await patterns.list({
        filter: {},
        visibleTo: { ownerId: 'alice' },
        after: null,
        limit: 2,
      });
      expect(asAlice.totalCount).toBe(3);
      expect(asAlice.hasMore).toBe(true);
      const ids = new Set(asAlice.items.map((p) => p.id));
      const rest = await patterns.list({
        filter: {},
        visibleTo: { ownerId: 'alice' },
        after: {
          updatedAtMs: Date.parse(asAlice.items[1]?.updatedAt ?? ''),
          id: asAlice.items[1]?.id ?? '',
        },
        limit: 10,
      });
      for (const p of rest.items) ids.add(p.id);
      expect([...ids].sort()).toEqual(visible.map((p) => p.id).sort());
      const searched = await patterns.list({
        filter: { search: 'secret' },
        visibleTo: { ownerId: 'alice' },
        after: null,
        limit: 10,
      });
      expect(searched.totalCount).toBe(0);
      const asAdmin = await patterns.list({ filter: {}, visibleTo: null, after: null, limit: 10 });
      expect(asAdmin.totalCount).toBe(5);
    });
  });
}
