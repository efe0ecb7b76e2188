import type { Plugin } from 'graphql-yoga';
import { isAdmin, isAuthenticated } from '../../domain/shared/viewer.js';
import type { Authenticator } from '../authenticate.js';

/**
 * `/metrics` names operations and shows traffic: with a JWT secret configured it answers only
 * to an admin's bearer token (Prometheus sends one with `authorization: { credentials_file }`).
 * Registered before the Prometheus plugin, which serves the path itself.
 */
export function useMetricsGuard(path: string, authenticator: Authenticator): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== path || authenticator.development) return;
      const refuse = (status: number, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      return authenticator.authenticate(request.headers.get('authorization') ?? undefined).then(
        ({ viewer }) => {
          if (!isAuthenticated(viewer))
            refuse(401, 'send an admin token: Authorization: Bearer <token>');
          else if (!isAdmin(viewer)) refuse(403, 'metrics are for admins');
        },
        () => refuse(401, 'send an admin token: Authorization: Bearer <token>'),
      );
    },
  };
}
