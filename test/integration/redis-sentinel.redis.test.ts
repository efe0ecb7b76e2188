/**
 * Nexus on a Sentinel deployment of real processes (a master, a replica, three sentinels):
 * writes go on while the master changes, nothing acknowledged is lost, and the server follows
 * the new master on its own (commands, the probe and the event subscriber), without a restart.
 */
import type { Client } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { CreateRelationship, GetRelationship } from '../e2e/graph-operations.js';
import { CreatePattern } from '../e2e/operations.js';
import type { StepInput } from '../gql/graphql.js';
import { createTestApp, dataOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import {
  type SentinelDeployment,
  startSentinelDeployment,
  until,
} from '../helpers/redis-sentinel.js';
import { connectWs, subscribeWs } from '../helpers/ws-client.js';

let deployment: SentinelDeployment | undefined;
let app: App | undefined;
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await app?.stop();
  app = undefined;
  await deployment?.dispose();
  deployment = undefined;
});

async function sentinelApp(target: SentinelDeployment): Promise<App> {
  const started = createTestApp({
    keyPrefix: uniquePrefix('sentinel'),
    redis: {
      sentinel: { sentinels: [...target.sentinels], masterName: target.masterName },
    },
  });
  await started.start(0);
  return started;
}

/**
 * Creates relationships from `workers` concurrent loops until stopped, recording each one the
 * server acknowledged (its id, in order) and the codes of those it refused.
 */
function driveWrites(target: App, workers = 4) {
  const acknowledged: string[] = [];
  const refused = new Map<string, number>();
  let stopped = false;
  let sequence = 0;
  const worker = async () => {
    while (!stopped) {
      const n = sequence++;
      const result = await gql(target, CreateRelationship, {
        input: { from: `writer:${n}`, to: `target:${n}`, type: 'LINKED' },
      });
      const id = result.data?.createRelationship.id;
      if (id !== undefined && !result.errors) acknowledged.push(id);
      else {
        const code = String(result.errors?.[0]?.extensions?.code);
        refused.set(code, (refused.get(code) ?? 0) + 1);
        // A refusal while the master changes comes at once; do not spin on it.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  return {
    acknowledged,
    refused,
    /** Resolves once `count` more writes have been acknowledged than now. */
    more: (count: number, what: string) => {
      const goal = acknowledged.length + count;
      return until(what, async () => (acknowledged.length >= goal ? true : undefined), 30_000);
    },
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

/** The ids among `ids` that the server cannot read back. */
async function missing(target: App, ids: readonly string[]): Promise<string[]> {
  const lost: string[] = [];
  for (const id of ids) {
    const result = await gql(target, GetRelationship, { id });
    if (result.errors || result.data?.relationship?.id !== id) lost.push(id);
  }
  return lost;
}

/** The connection names of the clients connected to a data node. */
async function clientNames(target: SentinelDeployment, port: number): Promise<string[]> {
  const list = String(await target.node(port).call('CLIENT', 'LIST'));
  return [...list.matchAll(/ name=(\S*)/g)].map((match) => match[1] ?? '').filter(Boolean);
}

/** The shared client, the event subscriber, the probe, and the run queue's queue and worker. */
const APP_CONNECTIONS = ['nexus', 'nexus-events', 'nexus-probe', 'nexus-queue', 'nexus-worker'];

// Five processes to start and a failover to wait for (the sentinels need a second to call the
// master down, then elect a leader): slower than most tests, and more so on a loaded machine.
describe('Redis Sentinel', () => {
  it('a controlled switchover loses no acknowledged write, and the server follows the new master', async () => {
    deployment = await startSentinelDeployment();
    const running = await sentinelApp(deployment);
    app = running;
    const first = await deployment.master();
    expect(await clientNames(deployment, first.port)).toEqual(
      expect.arrayContaining(APP_CONNECTIONS),
    );
    // A live subscription opened before the switch must keep receiving after it.
    const created = subscribeWs<{ id: string }>(
      connectWs(running, clients),
      'subscription { relationshipCreated { id } }',
    );
    const writes = driveWrites(running);
    await writes.more(50, 'writes before the switchover');

    const { from, to } = await deployment.switchover();
    expect(to.port).not.toBe(from.port);
    await writes.more(50, 'writes acknowledged by the new master, without a restart');
    await writes.stop();

    expect(await missing(running, writes.acknowledged)).toEqual([]);
    // Refusals during the switch are SERVICE_UNAVAILABLE (try again), never anything else.
    expect([...writes.refused.keys()].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const names = await until('the server to reconnect everything to the new master', async () => {
      const now = await clientNames(deployment as SentinelDeployment, to.port);
      return APP_CONNECTIONS.every((name) => now.includes(name)) ? now : undefined;
    });
    expect(names).toEqual(expect.arrayContaining(APP_CONNECTIONS));

    // Events published through the new master reach the subscription opened before the switch.
    const after = await gql(running, CreateRelationship, {
      input: { from: 'after:switch', to: 'after:target', type: 'OWNER' },
    });
    const afterId = after.data?.createRelationship.id;
    expect(afterId).toBeDefined();
    for (;;) {
      const [next] = await created.take(1);
      if (next?.id === afterId) break;
    }
    await created.close();

    // A delayed start goes through the run queue (BullMQ, on the new master) and runs.
    const steps: StepInput[] = [
      { id: 'mark', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } },
    ];
    dataOf(
      await gql(running, CreatePattern, {
        input: { id: 'sq', name: 'sq', category: 'USER', steps },
      }),
    );
    const delayed = await running.services.executions.execute(DEV_ADMIN, {
      patternId: 'sq',
      input: null,
      mode: 'ASYNC',
      idempotencyKey: null,
      startAt: new Date(Date.now() + 200),
    });
    expect(delayed.status).toBe('PENDING');
    await until('the delayed run to run through the queue', async () => {
      const [read] = await running.services.executions.getMany(DEV_ADMIN, [delayed.id]);
      return read?.status === 'SUCCEEDED' ? true : undefined;
    });
  }, 90_000);

  it('after a SIGKILL of the master, writes resume on the promoted replica without a restart', async () => {
    deployment = await startSentinelDeployment();
    const running = await sentinelApp(deployment);
    app = running;
    const writes = driveWrites(running);
    await writes.more(50, 'writes before the kill');
    // Replication is asynchronous: a crash may take the last writes the master acknowledged
    // with it. What the replica confirmed having (WAIT) before the kill must survive it.
    const confirmed = [...writes.acknowledged];
    await deployment.synced();

    const { from, to } = await deployment.killMaster();
    expect(to.port).not.toBe(from.port);
    const beforeResume = writes.acknowledged.length;
    await writes.more(50, 'writes acknowledged by the promoted replica');
    await writes.stop();

    expect(await missing(running, confirmed)).toEqual([]);
    expect(await missing(running, writes.acknowledged.slice(beforeResume))).toEqual([]);
    expect([...writes.refused.keys()].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    await until('the server to reconnect everything to the promoted replica', async () => {
      const now = await clientNames(deployment as SentinelDeployment, to.port);
      return APP_CONNECTIONS.every((name) => now.includes(name)) ? true : undefined;
    });
  }, 90_000);
});
