import type { Plugin } from 'graphql-yoga';

/**
 * `/ready`: 200 when the storage answers, 503 when it does not. Yoga's useReadinessCheck
 * also tests a URLPattern on every request; an exact path comparison is all this needs.
 */
export function useReadiness(path: string, isReady: () => Promise<boolean>): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      return isReady().then(
        (ready) => endResponse(new fetchAPI.Response(null, { status: ready ? 200 : 503 })),
        () => endResponse(new fetchAPI.Response(null, { status: 503 })),
      );
    },
  };
}
