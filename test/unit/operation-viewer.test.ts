import { describe, expect, it } from 'vitest';
import { ANONYMOUS, DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { createAuthenticator, signToken } from '../../src/server/authenticate.js';
import {
  connectionAuthorization,
  connectionIdentity,
  operationAuthorization,
  operationIdentity,
} from '../../src/server/ws/operation-viewer.js';

const SECRET = 'operation-viewer-test-secret-32-chars!!';
const authenticator = createAuthenticator(SECRET);

describe('where graphql-ws clients put the token', () => {
  it('connection_init: authorization, Authorization or headers.Authorization', () => {
    expect(connectionAuthorization({ authorization: 'a' })).toBe('a');
    expect(connectionAuthorization({ Authorization: 'b' })).toBe('b');
    expect(connectionAuthorization({ headers: { Authorization: 'c' } })).toBe('c');
    expect(connectionAuthorization({})).toBeUndefined();
    expect(connectionAuthorization(undefined)).toBeUndefined();
  });

  it("subscribe: extensions.headers, as GraphiQL's Headers tab sends it", () => {
    expect(operationAuthorization({ headers: { Authorization: 'Bearer x' } })).toBe('Bearer x');
    expect(operationAuthorization({ headers: { authorization: 'y' } })).toBe('y');
    expect(operationAuthorization({ headers: {} })).toBeUndefined();
    expect(operationAuthorization({ authorization: 'not read here' })).toBeUndefined();
    expect(operationAuthorization(undefined)).toBeUndefined();
  });

  it('reads the header whatever its case, and refuses two different spellings', () => {
    expect(operationAuthorization({ headers: { AUTHORIZATION: 'Bearer x' } })).toBe('Bearer x');
    expect(operationAuthorization({ headers: { aUtHoRiZaTiOn: 'y' } })).toBe('y');
    expect(connectionAuthorization({ AUTHORIZATION: 'z' })).toBe('z');
    expect(connectionAuthorization({ headers: { AuthoriZation: 'w' } })).toBe('w');
    // The same value twice is one header; two values cannot be told apart.
    expect(operationAuthorization({ headers: { authorization: 'a', Authorization: 'a' } })).toBe(
      'a',
    );
    expect(() =>
      operationAuthorization({ headers: { authorization: 'a', AUTHORIZATION: 'b' } }),
    ).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});

describe('who an operation runs as', () => {
  it('an anonymous connection: the operation is checked like connection_init, for itself', async () => {
    const alice = await signToken(SECRET, { sub: 'alice' });
    const anonymous = connectionIdentity(ANONYMOUS, undefined);
    const identity = await operationIdentity(anonymous, `Bearer ${alice}`, authenticator);
    expect(identity.viewer.id).toBe('alice');
    expect(identity.expiresAtMs).toBeGreaterThan(Date.now());
    // The connection itself stays anonymous.
    expect(anonymous.viewer).toBe(ANONYMOUS);
    expect(await operationIdentity(anonymous, undefined, authenticator)).toEqual({
      viewer: ANONYMOUS,
      expiresAtMs: null,
    });
    await expect(
      operationIdentity(anonymous, 'Bearer forged.token.here', authenticator),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const expired = await signToken(SECRET, {
      sub: 'alice',
      expiresIn: Math.floor(Date.now() / 1000) - 10,
    });
    await expect(operationIdentity(anonymous, expired, authenticator)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'the token expired',
    });
  });

  it("a connection opened as alice: alice's token again is fine, bob's is refused", async () => {
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob', roles: ['admin'] });
    const { viewer } = await authenticator.authenticate(alice);
    const connection = connectionIdentity(viewer, `Bearer ${alice}`);
    expect((await operationIdentity(connection, undefined, authenticator)).viewer).toBe(viewer);
    expect((await operationIdentity(connection, alice, authenticator)).viewer).toBe(viewer);
    expect((await operationIdentity(connection, ` bearer ${alice} `, authenticator)).viewer).toBe(
      viewer,
    );
    await expect(
      operationIdentity(connection, `Bearer ${bob}`, authenticator),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(operationIdentity(connection, 'garbage', authenticator)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('development mode: everyone is the admin, whatever the operation carries', async () => {
    const development = createAuthenticator(undefined);
    const connection = connectionIdentity(DEV_ADMIN, 'anything');
    expect((await operationIdentity(connection, 'other', development)).viewer).toBe(DEV_ADMIN);
  });
});
