/**
 * The token the page sends: kept in sessionStorage only (gone with the tab), never in
 * localStorage or a cookie. The server says in the page whether it requires one.
 */
const KEY = 'nexus.dashboard.token';

export const authRequired = document.documentElement.dataset.auth === 'jwt';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the token lives only as long as the page.
  }
}

/** What a pasted value becomes: the bare JWT, whether or not "Bearer " was pasted with it. */
export function normaliseToken(value: string): string {
  return value.trim().replace(/^Bearer\s+/i, '');
}
