import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createOriginPolicy } from '../../src/server/http/origin-policy.js';

const SECRET = 'origin-policy-test-secret-of-32-chars!!';

describe('HOST and NEXUS_CORS_ORIGINS', () => {
  it('development mode listens on 127.0.0.1 and allows loopback origins by default', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.security.corsOrigins).toEqual([]);
    expect(config.security.loopbackOrigins).toBe(true);
  });

  it('with a secret, listens on every interface and allows no other origin by default', () => {
    const config = loadConfig({ NEXUS_JWT_SECRET: SECRET });
    expect(config.host).toBeUndefined();
    expect(config.security.corsOrigins).toEqual([]);
    expect(config.security.loopbackOrigins).toBe(false);
  });

  it('takes HOST as given, an IP address or a host name', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'nexus.internal', NEXUS_JWT_SECRET: SECRET }).host).toBe(
      'nexus.internal',
    );
    expect(() => loadConfig({ HOST: 'not a host' })).toThrow(
      'Invalid configuration: HOST must be an IP address or a host name (e.g. 127.0.0.1, 0.0.0.0, ::) (got "not a host")',
    );
  });

  it('reads a list of origins as browsers write them, and replaces the loopback default', () => {
    const config = loadConfig({
      NEXUS_CORS_ORIGINS: ' https://App.Example.com/ ,http://localhost:3000,https://a.example:8443',
    });
    expect(config.security.corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:3000',
      'https://a.example:8443',
    ]);
    expect(config.security.loopbackOrigins).toBe(false);
    expect(
      loadConfig({ NEXUS_CORS_ORIGINS: 'https://a.example:443' }).security.corsOrigins,
    ).toEqual(['https://a.example']);
  });

  it.each([
    'foo',
    'localhost:3000',
    'https://a.example/app',
    'https://a.example?x=1',
    'ftp://a.example',
    '*',
    'https://user@a.example',
  ])('refuses %s with a message naming it', (entry) => {
    const load = () => loadConfig({ NEXUS_CORS_ORIGINS: `https://ok.example,${entry}` });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      `Invalid configuration: NEXUS_CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com; "${entry}" is not one`,
    );
  });
});

describe('origin policy', () => {
  const development = createOriginPolicy({ listed: [], loopback: true, development: true });
  const production = createOriginPolicy({
    listed: ['https://app.example.com'],
    loopback: false,
    development: false,
  });

  it('development: loopback origins on any port, the own origin when reached by IP', () => {
    expect(development.allows('http://localhost:3000', 'localhost:4000')).toBe(true);
    expect(development.allows('http://127.0.0.1:5173', '127.0.0.1:4000')).toBe(true);
    expect(development.allows('https://[::1]:8443', 'localhost:4000')).toBe(true);
    expect(development.allows('http://192.168.1.5:4000', '192.168.1.5:4000')).toBe(true);
    expect(development.allows('https://evil.example', 'localhost:4000')).toBe(false);
    expect(development.allows('null', 'localhost:4000')).toBe(false);
    expect(development.allows('chrome-extension://abc', 'localhost:4000')).toBe(false);
    // A DNS name resolving to this machine could be rebound: not trusted as "same origin".
    expect(development.allows('http://evil.example:4000', 'evil.example:4000')).toBe(false);
    expect(development.allows('http://localhost.evil.example', 'localhost:4000')).toBe(false);
  });

  it('with a secret: the own origin and the listed ones only', () => {
    expect(production.allows('https://api.example.com', 'api.example.com')).toBe(true);
    expect(production.allows('https://app.example.com', 'api.example.com')).toBe(true);
    expect(production.allows('http://localhost:3000', 'api.example.com')).toBe(false);
    expect(production.allows('https://evil.example', 'api.example.com')).toBe(false);
    expect(production.allows('https://evil.example', undefined)).toBe(false);
    expect(production.allows('HTTPS://APP.EXAMPLE.COM', 'api.example.com')).toBe(false);
  });
});
