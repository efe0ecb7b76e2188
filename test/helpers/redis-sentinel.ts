/**
 * A Redis Sentinel deployment of real processes on free loopback ports: a master, one replica
 * and three sentinels (quorum 2) watching them, started and stopped by the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { endProcess, freePort, untilReady } from './redis-server.js';

export interface Address {
  host: string;
  port: number;
}

export interface SentinelDeployment {
  readonly masterName: string;
  readonly sentinels: readonly Address[];
  /** The two data nodes' ports (which one is master changes with failovers). */
  readonly dataPorts: readonly number[];
  /** The master as every sentinel reports it (waits until they agree). */
  master(): Promise<Address>;
  /** A plain client on one data node, for inspection (closed by dispose). */
  node(port: number): Redis;
  /**
   * A controlled switchover, as an operator does it for maintenance: writes on the master are
   * paused (CLIENT PAUSE WRITE: they wait, none is refused), the replica is left to catch up to
   * the master's replication offset, and only then is SENTINEL FAILOVER asked for. Sentinel alone
   * does not wait for the replica: replication is asynchronous, and a write the old master
   * acknowledged just before the promotion could be missing on the new one. Resolves once every
   * sentinel names the new master.
   */
  switchover(): Promise<{ from: Address; to: Address }>;
  /** SIGKILL of the current master: the sentinels see it down and promote the replica. */
  killMaster(): Promise<{ from: Address; to: Address }>;
  /**
   * Waits until the replica has everything the master has written so far (its replication
   * offset), through a WAIT from a connection of its own: every write acknowledged before this
   * call is then on both nodes.
   */
  synced(): Promise<void>;
  dispose(): Promise<void>;
}

const MASTER_NAME = 'nexus-master';

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a redis process and resolves once its log says it is ready for `ready`. */
async function startProcess(args: string[], ready: RegExp): Promise<ChildProcess> {
  const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await untilReady(proc, ready);
  return proc;
}

function replicationInfo(info: string): Record<string, string> {
  return Object.fromEntries(
    info
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
}

export async function startSentinelDeployment(): Promise<SentinelDeployment> {
  const dir = await mkdtemp(join(tmpdir(), 'nexus-sentinel-'));
  const processes = new Map<number, ChildProcess>();
  const clients = new Map<number, Redis>();
  const dataPorts = [await freePort(), await freePort()];
  const [masterPort = 0, replicaPort = 0] = dataPorts;
  const dataArgs = (port: number) => [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--dbfilename',
    `dump-${port}.rdb`,
  ];
  processes.set(
    masterPort,
    await startProcess(dataArgs(masterPort), /Ready to accept connections/),
  );
  processes.set(
    replicaPort,
    await startProcess(
      [...dataArgs(replicaPort), '--replicaof', '127.0.0.1', String(masterPort)],
      /MASTER <-> REPLICA sync: Finished with success/,
    ),
  );

  const sentinels: Address[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const config = join(dir, `sentinel-${port}.conf`);
    await writeFile(
      config,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${masterPort} 2`,
        `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
        `sentinel failover-timeout ${MASTER_NAME} 10000`,
        `sentinel parallel-syncs ${MASTER_NAME} 1`,
        '',
      ].join('\n'),
    );
    processes.set(port, await startProcess([config, '--sentinel'], /\+monitor master/));
    sentinels.push({ host: '127.0.0.1', port });
  }

  const client = (port: number) => {
    let existing = clients.get(port);
    if (!existing) {
      existing = new Redis({
        host: '127.0.0.1',
        port,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      });
      existing.on('error', () => {});
      clients.set(port, existing);
    }
    return existing;
  };

  const masterBySentinel = async (sentinel: Address): Promise<Address> => {
    const reply = (await client(sentinel.port).call(
      'SENTINEL',
      'GET-MASTER-ADDR-BY-NAME',
      MASTER_NAME,
    )) as [string, string] | null;
    if (!reply) throw new Error('no master');
    return { host: reply[0], port: Number(reply[1]) };
  };

  const master = () =>
    until('the sentinels to agree on the master', async () => {
      const seen = await Promise.all(sentinels.map(masterBySentinel));
      const first = seen[0];
      return first && seen.every((address) => address.port === first.port) ? first : undefined;
    });

  /** Every sentinel knows the replica and the two other sentinels: ready to fail over. */
  const settled = () =>
    until('the sentinels to discover the replica and each other', async () => {
      for (const sentinel of sentinels) {
        const sentinelClient = client(sentinel.port);
        const replicas = (await sentinelClient.call('SENTINEL', 'REPLICAS', MASTER_NAME)) as
          | unknown[]
          | null;
        const peers = (await sentinelClient.call('SENTINEL', 'SENTINELS', MASTER_NAME)) as
          | unknown[]
          | null;
        if ((replicas?.length ?? 0) < 1 || (peers?.length ?? 0) < 2) return undefined;
      }
      return true;
    });
  await settled();

  const otherThan = (port: number): Address => ({
    host: '127.0.0.1',
    port: dataPorts.find((candidate) => candidate !== port) ?? 0,
  });

  const newMaster = (to: Address) =>
    until('every sentinel to name the new master', async () => {
      const agreed = await master().catch(() => undefined);
      if (agreed?.port !== to.port) return undefined;
      const role = replicationInfo(await client(to.port).info('replication')).role;
      return role === 'master' ? agreed : undefined;
    });

  const synced = async () => {
    const current = await master();
    const writer = new Redis({ host: current.host, port: current.port, maxRetriesPerRequest: 1 });
    try {
      // Replication is one ordered stream: once the replica has this write, it has every
      // earlier one.
      await writer.set('sentinel-helper:sync', String(Date.now()));
      const acknowledged = Number(await writer.call('WAIT', '1', '5000'));
      if (acknowledged < 1) throw new Error('the replica did not acknowledge within 5 s');
    } finally {
      writer.disconnect();
    }
  };

  return {
    masterName: MASTER_NAME,
    sentinels,
    dataPorts,
    master,
    node: client,
    synced,
    async switchover() {
      await settled();
      const from = await master();
      const to = otherThan(from.port);
      const old = client(from.port);
      // Longer than the switch; the sentinels demote the old master (and disconnect its
      // clients) within it, so nothing is ever written there again.
      await old.call('CLIENT', 'PAUSE', '30000', 'WRITE');
      await until('the replica to catch up with the paused master', async () => {
        const offset = replicationInfo(await old.info('replication')).master_repl_offset;
        const replica = replicationInfo(await client(to.port).info('replication'));
        return offset !== undefined && replica.slave_repl_offset === offset ? true : undefined;
      });
      const first = sentinels[0];
      if (!first) throw new Error('no sentinel');
      await client(first.port).call('SENTINEL', 'FAILOVER', MASTER_NAME);
      await newMaster(to);
      return { from, to };
    },
    async killMaster() {
      await settled();
      const from = await master();
      const to = otherThan(from.port);
      const proc = processes.get(from.port);
      if (!proc) throw new Error('no master process');
      clients.get(from.port)?.disconnect();
      clients.delete(from.port);
      await endProcess(proc, 'SIGKILL');
      await newMaster(to);
      return { from, to };
    },
    async dispose() {
      for (const redis of clients.values()) redis.disconnect();
      await Promise.all([...processes.values()].map((proc) => endProcess(proc)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
