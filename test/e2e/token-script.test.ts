/**
 * `npm run token` as a newcomer runs it: a token the server accepts, a usage line for --help, and
 * a one-line error (exit 2, no stack trace) for an option it does not know.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/server/authenticate.js';

const SECRET = 'token-script-secret-long-enough-0123456789';

function tokenScript(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/token.ts', ...args], {
    env: { ...process.env, NEXUS_JWT_SECRET: SECRET },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run token', () => {
  it('prints a token for the subject and roles asked for', async () => {
    const { status, stdout } = tokenScript('--sub', 'alice', '--role', 'admin');
    expect(status).toBe(0);
    const { viewer } = await createAuthenticator(SECRET).authenticate(`Bearer ${stdout.trim()}`);
    expect(viewer).toEqual({ id: 'alice', roles: ['admin'] });
  }, 30_000);

  it('prints its usage for --help', () => {
    const { status, stdout } = tokenScript('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: npm run token -- --sub <user id>/);
  }, 30_000);

  it('refuses an unknown option in a line, without a stack trace', () => {
    const { status, stderr, stdout } = tokenScript('--bogus');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("Unknown option '--bogus'");
    expect(stderr).toContain('usage:');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
