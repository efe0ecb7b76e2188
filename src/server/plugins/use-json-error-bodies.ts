import type { Plugin } from 'graphql-yoga';
import { codeOfStatus, errorBody } from '../http/status-codes.js';

/** Yoga answers some refusals (415, 405, 404) with an empty body: give them an error to read. */
// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useJsonErrorBodies(): Plugin<any> {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      const code = codeOfStatus(response.status);
      if (code === undefined || response.headers.get('content-type') !== null) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      const message = response.statusText || `HTTP ${response.status}`;
      setResponse(
        new fetchAPI.Response(errorBody(message, code), {
          status: response.status,
          headers,
        }),
      );
    },
  };
}
