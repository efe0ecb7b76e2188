/** `src/main.ts` as a process, the way `npm start` runs it. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type NexusProcess,
  postGraphQL,
  spawnNexusProcess,
  startNexusProcess,
} from '../helpers/nexus-process.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('main');
const running: NexusProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((main) => main.kill()));
});

describe('npm start (src/main.ts)', () => {
  it('stops on bad configuration with one line naming the variable', async () => {
    const main = await spawnNexusProcess({ PORT: 'abc' }, { track: running });
    expect(await main.exited).toBe(1);
    expect(main.stderr().trim()).toBe('Invalid configuration: PORT must be a number (got "abc")');
    const malformed = await spawnNexusProcess({ REDIS_URL: 'not a url' }, { track: running });
    expect(await malformed.exited).toBe(1);
    expect(malformed.stderr().trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr()).toContain('REDIS_URL');
  });

  it('says in its first log line that it runs embedded, serves, and exits 0 on SIGTERM', async () => {
    const main = await startNexusProcess({}, { ready: /Nexus is serving GraphQL/, track: running });
    expect(JSON.parse(main.lines[0] ?? '{}').msg).toMatch(/embedded in-memory/);
    expect(await postGraphQL(main.port, '{ patterns { totalCount } }')).toEqual({
      data: { patterns: { totalCount: 2 } },
    });
    expect(await main.stop()).toBe(0);
  });

  it('runs on Redis when REDIS_URL is set', async () => {
    const main = await startNexusProcess(
      { REDIS_URL: redis.server.url, NEXUS_KEY_PREFIX: uniquePrefix('main') },
      { ready: /Nexus is serving GraphQL/, track: running },
    );
    expect(JSON.parse(main.lines[0] ?? '{}').msg).toBe('storage: Redis');
    expect(await postGraphQL(main.port, '{ pattern(id: "user_onboarding") { origin } }')).toEqual({
      data: { pattern: { origin: 'SYSTEM' } },
    });
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(0);
  });
});
