/**
 * The real-time baseline: a raw `ws` server that subscribes to the same Redis channel as Nexus
 * and forwards every message, as it is, to every connected client.
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import { RedisKeys } from '../src/infra/redis/keys.js';

const channel = new RedisKeys(process.env.NEXUS_KEY_PREFIX ?? 'nexus:').eventChannel();
const subscriber = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const server = createServer();
const wss = new WebSocketServer({ server });
subscriber.on('message', (_channel: string, message: string) => {
  for (const client of wss.clients) client.send(message);
});
await subscriber.subscribe(channel);
server.listen(Number(process.env.PORT ?? 4002), () => process.stdout.write('relay ready\n'));
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close();
  subscriber.disconnect();
  process.exit(0);
});
