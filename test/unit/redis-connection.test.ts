/** REDIS_* settings as loadConfig reads them, and the ioredis options every client gets. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redisConnectionOf } from '../../src/config.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';
import { testConfig } from '../helpers/app.js';

describe('Redis settings in loadConfig', () => {
  it('uses no Redis without REDIS_URL or REDIS_SENTINELS', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(redisConnectionOf(loadConfig({}))).toBeUndefined();
  });

  it('reads a Sentinel deployment, with the sentinels’ own credentials', () => {
    const config = loadConfig({
      REDIS_SENTINELS: 'sentinel-a:26379, sentinel-b:26380,10.0.0.3,[::1]:5000',
      REDIS_SENTINEL_MASTER: 'mymaster',
      REDIS_SENTINEL_USERNAME: 'watcher',
      REDIS_SENTINEL_PASSWORD: 's3cret',
    });
    expect(config.redis).toEqual({
      sentinel: {
        sentinels: [
          { host: 'sentinel-a', port: 26379 },
          { host: 'sentinel-b', port: 26380 },
          { host: '10.0.0.3', port: 26379 },
          { host: '::1', port: 5000 },
        ],
        masterName: 'mymaster',
        username: 'watcher',
        password: 's3cret',
      },
    });
    expect(redisConnectionOf(config)).toBe(config.redis);
  });

  it.each([
    [{ REDIS_SENTINELS: 'a:1' }, /REDIS_SENTINEL_MASTER is required with REDIS_SENTINELS/],
    [{ REDIS_SENTINEL_MASTER: 'm' }, /REDIS_SENTINELS is required with REDIS_SENTINEL_MASTER/],
    [
      { REDIS_SENTINELS: 'a:1,,b', REDIS_SENTINEL_MASTER: 'm' },
      /REDIS_SENTINELS must be host:port/,
    ],
    [{ REDIS_SENTINELS: 'a:99999', REDIS_SENTINEL_MASTER: 'm' }, /REDIS_SENTINELS must be/],
    [{ REDIS_URL: 'redis://h:6379', REDIS_TLS_CA: '/ca.pem' }, /REDIS_TLS_CA needs a rediss:\/\//],
    [
      { REDIS_URL: 'redis://h:6379', REDIS_TLS_REJECT_UNAUTHORIZED: 'false' },
      /REDIS_TLS_REJECT_UNAUTHORIZED needs a rediss:\/\//,
    ],
    [
      { REDIS_URL: 'rediss://h:6379', REDIS_TLS_CA: '/no/such/ca.pem' },
      /^Invalid configuration: REDIS_TLS_CA cannot be read \(ENOENT: \/no\/such\/ca.pem\)$/,
    ],
    [
      { REDIS_URL: 'rediss://h:6379', REDIS_TLS_CA: new URL(import.meta.url).pathname },
      /REDIS_TLS_CA is not a PEM certificate/,
    ],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('falls back to redisUrl for configurations built in code', () => {
    expect(redisConnectionOf(testConfig({ redisUrl: 'redis://h:1' }))).toEqual({
      url: 'redis://h:1',
    });
  });
});

describe('redisConnectionOptions', () => {
  it('takes host, port, credentials and db from the URL; TLS for rediss://', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6380')).toEqual({
      host: '127.0.0.1',
      port: 6380,
    });
    expect(
      redisConnectionOptions({
        url: 'rediss://app%40x:p%3Ass@cache.internal:6390/3',
        tls: { ca: 'PEM', rejectUnauthorized: true },
      }),
    ).toEqual({
      host: 'cache.internal',
      port: 6390,
      username: 'app@x',
      password: 'p:ss',
      db: 3,
      tls: { ca: 'PEM', rejectUnauthorized: true },
    });
    expect(redisConnectionOptions('rediss://h')).toEqual({ host: 'h', port: 6379, tls: {} });
  });

  it('asks the sentinels for the master, follows their failovers, and applies TLS to the master', () => {
    const options = redisConnectionOptions({
      url: 'rediss://:master-pw@ignored:1/2',
      sentinel: {
        sentinels: [{ host: 's1', port: 26379 }],
        masterName: 'mymaster',
        password: 'sentinel-pw',
        tls: true,
      },
      tls: { ca: 'PEM' },
    });
    expect(options).toEqual({
      password: 'master-pw',
      db: 2,
      tls: { ca: 'PEM' },
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'mymaster',
      role: 'master',
      sentinelPassword: 'sentinel-pw',
      enableTLSForSentinelMode: true,
      sentinelTLS: { ca: 'PEM' },
      failoverDetector: true,
    });
    // Without a URL: no password, no TLS, the master wherever the sentinels say.
    expect(
      redisConnectionOptions({
        sentinel: { sentinels: [{ host: 's1', port: 1 }], masterName: 'm' },
      }),
    ).toEqual({
      sentinels: [{ host: 's1', port: 1 }],
      name: 'm',
      role: 'master',
      enableTLSForSentinelMode: false,
      failoverDetector: true,
    });
  });
});
