/** Who is calling. Authentication (a later issue) produces one of these per request. */
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

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.includes('admin');
}
