import { createLogger } from '../src/logger.js';
import { createTestApp } from '../test/helpers/app.js';

const app = createTestApp({ jwtSecret: 'x'.repeat(40) }, { logger: createLogger('fatal') });
await app.start(0);
const addr = app.server.address() as { port: number };
const url = `http://localhost:${addr.port}/graphql`;
for (const ct of [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/graphql',
]) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': ct, authorization: 'Bearer ' + 'a.b.c'.repeat(3000) },
    body: JSON.stringify({ query: `{ ${'__typename '.repeat(10000)} }` }),
  });
  console.log(ct, r.status, (await r.text()).slice(0, 200));
}
await app.stop();
