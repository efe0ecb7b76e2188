/** A subscriber that stops reading is cut off instead of growing the server's memory. */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('slow');

/** A raw graphql-ws connection, past connection_ack. */
async function acknowledgedSocket(app: App): Promise<WebSocket> {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  const socket = new WebSocket(`ws://localhost:${address.port}/graphql`, 'graphql-transport-ws');
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const acked = new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await acked;
  return socket;
}

/** Every CUSTOM event from the start of the log, then live ones, as operation "1". */
function subscribeToWholeLog(socket: WebSocket): void {
  const query = 'subscription { nexusEvents(types: [CUSTOM], since: "0-0") { payload } }';
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
}

/** The client's TCP socket: pausing it stops reading, so the server's writes back up. */
function tcpOf(socket: WebSocket): { pause(): void; resume(): void } {
  return (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
}

describe('a slow consumer', () => {
  it('has its connection closed with a clear code once its queue is full', async () => {
    const app = await redis.app({}, { maxQueuedEvents: 5 });
    const socket = await acknowledgedSocket(app);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    subscribeToWholeLog(socket);
    // Stop reading: the server's writes back up into socket buffers, then into the queue.
    const raw = tcpOf(socket);
    raw.pause();
    // Just under the largest payload an event may carry (64 KiB).
    const blob = 'x'.repeat(60 * 1024);
    // Far more than socket buffers hold: the server's sends stall, its queue for us fills.
    for (let i = 0; i < 300; i++) {
      await app.services.events.publish({ type: 'CUSTOM', name: 'flood', payload: { i, blob } });
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // Reading again, the client drains what was sent and then finds the server's close.
    raw.resume();
    const result = await Promise.race([
      closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    expect(result).toMatchObject({
      code: 1008,
      reason: expect.stringContaining('fell more than 5 events behind'),
    });
  });
});

describe('a reader that is slow while it replays', () => {
  it('gets the whole log: the replay waits for the socket instead of overflowing', async () => {
    // Resolves once the server has read the log for a replay (then pushes it in the same turn).
    let logRead = () => {};
    const replayRead = new Promise<void>((resolve) => {
      logRead = resolve;
    });
    const app = await redis.app(
      {},
      {
        maxQueuedEvents: 5,
        onRedisClient: (client) => {
          const xrange = client.xrangeBuffer.bind(client) as unknown as (
            ...args: string[]
          ) => Promise<unknown>;
          (client as unknown as { xrangeBuffer: typeof xrange }).xrangeBuffer = (...args) =>
            xrange(...args).then((entries) => {
              logRead();
              return entries;
            });
        },
      },
    );
    // Just under the largest payload an event may carry (64 KiB).
    const blob = 'x'.repeat(60 * 1024);
    const count = 120;
    for (let i = 0; i < count; i++)
      await app.services.events.publish({ type: 'CUSTOM', name: 'log', payload: { i, blob } });
    const socket = await acknowledgedSocket(app);
    let closed: number | null = null;
    socket.once('close', (code) => {
      closed = code;
    });
    const received: number[] = [];
    const all = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          type: string;
          payload?: { data?: { nexusEvents?: { payload?: { i?: number } } } };
        };
        if (message.type !== 'next') return reject(new Error(String(data).slice(0, 200)));
        received.push(message.payload?.data?.nexusEvents?.payload?.i ?? -1);
        if (received.length === count) resolve();
      });
      socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason}`)));
    });
    // Not reading while the server replays ~7 MB: its writes back up into socket buffers.
    const raw = tcpOf(socket);
    raw.pause();
    subscribeToWholeLog(socket);
    await replayRead;
    // One turn of the event loop: the server's replay runs to where the socket stops taking it.
    await new Promise((resolve) => setImmediate(resolve));
    raw.resume();
    await all;
    expect(received).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(closed).toBeNull();
    socket.terminate();
  });
});
