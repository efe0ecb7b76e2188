/**
 * rediss:// against a redis-server that listens on TLS only, with a CA made for the test
 * (openssl): the server trusts that CA when told to (REDIS_TLS_CA), and nothing else.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';
import { ExecutePattern, GetExecution } from '../e2e/execution-operations.js';
import { CreateRelationship, GetRelationship } from '../e2e/graph-operations.js';
import { CreatePattern } from '../e2e/operations.js';
import type { StepInput } from '../gql/graphql.js';
import { createTestApp, dataOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { freePort, untilReady } from '../helpers/redis-server.js';
import { until } from '../helpers/until.js';

const run = promisify(execFile);

let dir = '';
let caPath = '';
let ca = '';
let port = 0;
let server: ChildProcess | undefined;

/** A CA, and a server certificate it signed for localhost and 127.0.0.1. */
async function makeCertificates(folder: string): Promise<void> {
  const at = (name: string) => join(folder, name);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.crt'),
    '-days',
    '1',
    '-subj',
    '/CN=Nexus test CA',
  ]);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
    '-subj',
    '/CN=localhost',
  ]);
  await writeFile(at('san.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('server.crt'),
    '-days',
    '1',
    '-extfile',
    at('san.cnf'),
  ]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nexus-tls-'));
  await makeCertificates(dir);
  caPath = join(dir, 'ca.crt');
  ca = await readFile(caPath, 'utf8');
  port = await freePort();
  // TLS only: `--port 0` closes the plain port, so anything that works below went over TLS.
  const proc = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--tls-port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--tls-cert-file',
      join(dir, 'server.crt'),
      '--tls-key-file',
      join(dir, 'server.key'),
      '--tls-ca-cert-file',
      caPath,
      '--tls-auth-clients',
      'no',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = proc;
  await untilReady(proc);
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

/** A PING through the options the app would use; the error message when it fails. */
async function ping(options: ReturnType<typeof redisConnectionOptions>): Promise<string> {
  const client = new Redis({
    ...options,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The TLS handshake's own error comes as an event; connect() only says the connection closed.
  let failure: string | undefined;
  client.on('error', (error: Error) => {
    failure ??= error.message;
  });
  try {
    await client.connect();
    return await client.ping();
  } catch (error) {
    return failure ?? (error as Error).message;
  } finally {
    client.disconnect();
  }
}

describe('rediss:// with a CA of its own', () => {
  it('serves the API over a TLS-only Redis with REDIS_TLS_CA, as loadConfig reads it', async () => {
    const config = loadConfig({
      REDIS_URL: `rediss://127.0.0.1:${port}`,
      REDIS_TLS_CA: caPath,
    });
    expect(config.redis?.tls?.ca).toBe(ca);
    let app: App | undefined;
    try {
      app = createTestApp({ redis: config.redis, keyPrefix: uniquePrefix('tls') });
      await app.start(0);
      const created = await gql(app, CreateRelationship, {
        input: { from: 'tls:a', to: 'tls:b', type: 'LINKED' },
      });
      const id = created.data?.createRelationship.id;
      expect(created.errors).toBeUndefined();
      const read = await gql(app, GetRelationship, { id: String(id) });
      expect(read.data?.relationship?.id).toBe(id);
    } finally {
      await app?.stop();
    }
  });

  it('runs a queued run over that connection: an api process queues it on BullMQ, a worker runs it', async () => {
    const config = loadConfig({ REDIS_URL: `rediss://127.0.0.1:${port}`, REDIS_TLS_CA: caPath });
    const keyPrefix = uniquePrefix('tls-queue');
    const apps: App[] = [];
    try {
      const api = createTestApp({ redis: config.redis, keyPrefix, role: 'api' });
      apps.push(api);
      const worker = createTestApp({ redis: config.redis, keyPrefix, role: 'worker' });
      apps.push(worker);
      expect([api.queue, worker.queue]).toEqual(['bullmq', 'bullmq']);
      await api.start(0);
      await worker.start(0);
      const steps: StepInput[] = [
        { id: 'mark', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } },
      ];
      dataOf(
        await gql(api, CreatePattern, { input: { id: 'tq', name: 'tq', category: 'USER', steps } }),
      );
      const started = dataOf(await gql(api, ExecutePattern, { id: 'tq', mode: 'ASYNC' }));
      expect(started.executePattern.status).toBe('PENDING');
      const ended = await until(async () => {
        const read = dataOf(await gql(api, GetExecution, { id: started.executePattern.id }));
        return read.execution?.status === 'SUCCEEDED' ? read.execution : undefined;
      });
      expect(ended.id).toBe(started.executePattern.id);
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  });

  it('refuses the server certificate without that CA, and accepts any with rejectUnauthorized false', async () => {
    const url = `rediss://127.0.0.1:${port}`;
    expect(await ping(redisConnectionOptions({ url, tls: { ca } }))).toBe('PONG');
    expect(await ping(redisConnectionOptions(url))).toMatch(/self[- ]signed|unable to get/i);
    expect(await ping(redisConnectionOptions({ url, tls: { rejectUnauthorized: false } }))).toBe(
      'PONG',
    );
    // A plain redis:// client gets nowhere on a TLS port.
    expect(await ping(redisConnectionOptions(`redis://127.0.0.1:${port}`))).not.toBe('PONG');
  });
});
