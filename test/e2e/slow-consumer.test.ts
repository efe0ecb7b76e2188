/** A subscriber that stops reading is cut off instead of growing the server's memory. */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('slow');

describe('a slow consumer', () => {
  it('has its connection closed with a clear code once its queue is full', async () => {
    const app = await redis.app({}, { maxQueuedEvents: 5 });
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
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: {
          query: 'subscription { nexusEvents(types: [CUSTOM], since: "0-0") { payload } }',
        },
      }),
    );
    // Stop reading: the server's writes back up into socket buffers, then into the queue.
    const raw = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const blob = 'x'.repeat(64 * 1024);
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
