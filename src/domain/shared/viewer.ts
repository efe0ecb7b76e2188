/** Who is calling: authentication produces one of these per request (or per WebSocket). */
export interface Viewer {
  readonly id: string;
  readonly roles: readonly string[];
}

export const DEV_ADMIN: Viewer = Object.freeze({ id: 'dev', roles: Object.freeze(['admin']) });

/** Nexus itself, for what it does on its own (creating the system patterns). */
export const SYSTEM_VIEWER: Viewer = Object.freeze({
  id: 'system',
  roles: Object.freeze(['admin']),
});

/** A caller without a token when a secret is configured: may introspect, nothing else. */
export const ANONYMOUS: Viewer = Object.freeze({ id: 'anonymous', roles: Object.freeze([]) });

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.includes('admin');
}

export function isAuthenticated(viewer: Viewer): boolean {
  return viewer !== ANONYMOUS;
}
