/**
 * Persisted operations: a client sends an id instead of a document, and the server runs the
 * document it knows under that id. Two sources of documents:
 *
 * - a manifest read at start (persisted-manifest.ts), optionally the only documents accepted;
 * - automatic persisted queries (Apollo's protocol, spoken by Apollo Client's
 *   PersistedQueryLink and urql's persistedExchange): a hash alone is answered
 *   PersistedQueryNotFound until the client sends the query with its hash; the server checks
 *   that the hash is the query's SHA-256 and keeps it (apq-store.ts, bounded) once it has
 *   parsed and validated.
 *
 * Only the text is looked up here: the document then goes through the same nesting limit,
 * armour (depth, aliases, tokens, directives, cost) and validation as any other, so a
 * persisted operation can do nothing an inline one could not. A query is registered only after
 * it passed them all: a refused query is never kept.
 *
 * Over HTTP (POST, GET, SSE) the id is resolved in onParams, before yoga looks for a query.
 * graphql-ws skips onParams (its messages must carry a query string): there, the same checks
 * run in onParse on the operation's params, so persisted-only mode holds on every transport;
 * a hash without its query is refused over graphql-ws.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { isAuthenticated, type Viewer } from '../../domain/shared/viewer.js';
import type { ApqStore } from './apq-store.js';

export interface PersistedOperationsOptions {
  /** Documents by id from the manifest (empty without one); they win over APQ registrations. */
  manifest: ReadonlyMap<string, string>;
  /** Automatic persisted queries; null turns them off. */
  apq: ApqStore | null;
  /** Only the manifest's documents run; APQ registration is refused too. */
  persistedOnly: boolean;
}

/** The codes a client sees (Apollo Client and urql act on the first two). */
const PERSISTED_ERRORS = {
  notFound: { message: 'PersistedQueryNotFound', code: 'PERSISTED_QUERY_NOT_FOUND', status: 404 },
  notSupported: {
    message: 'PersistedQueryNotSupported',
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    status: 400,
  },
  mismatch: {
    message: 'PersistedQueryMismatch: the hash is not the SHA-256 of the query sent with it',
    code: 'PERSISTED_QUERY_MISMATCH',
    status: 400,
  },
  /** A listed id is any name, not necessarily a hash: the message says what did not match. */
  listedMismatch: {
    message: 'PersistedQueryMismatch: the query sent is not the document listed under this id',
    code: 'PERSISTED_QUERY_MISMATCH',
    status: 400,
  },
  persistedOnly: {
    message: 'only persisted operations are accepted here: send the id of a listed operation',
    code: 'PERSISTED_QUERY_ONLY',
    status: 403,
  },
  hashOnlyOverWebSocket: {
    message: 'over graphql-ws, send the query text with its persisted query hash',
    code: 'PERSISTED_QUERY_NOT_SUPPORTED',
    status: 400,
  },
} as const;

type PersistedError = (typeof PERSISTED_ERRORS)[keyof typeof PERSISTED_ERRORS];

/** The HTTP status goes to yoga only: a graphql-ws error carries the code alone. */
function refusal(error: PersistedError, overHttp: boolean): GraphQLError {
  const extensions = overHttp
    ? { code: error.code, http: { status: error.status } }
    : { code: error.code };
  return new GraphQLError(error.message, { extensions });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The id a request names: Apollo's `extensions.persistedQuery` (version 1) or the
 * `documentId` of GraphQL-over-HTTP persisted documents (`sha256:` prefix allowed).
 */
function persistedId(
  params: Partial<GraphQLParams> & { documentId?: unknown },
): string | undefined {
  const persisted = params.extensions?.persistedQuery as
    | { version?: unknown; sha256Hash?: unknown }
    | undefined;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') {
    return persisted.sha256Hash;
  }
  if (typeof params.documentId === 'string' && params.documentId !== '') {
    return params.documentId.replace(/^sha256:/, '');
  }
  return undefined;
}

const textsOf = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();

/** The manifest's documents, for a client that sends a listed text without its id. */
function listedTexts(manifest: ReadonlyMap<string, string>): ReadonlySet<string> {
  let texts = textsOf.get(manifest);
  if (texts === undefined) {
    texts = new Set(manifest.values());
    textsOf.set(manifest, texts);
  }
  return texts;
}

/** What to run: the query text, and whether it is a registration to keep once it validates. */
interface Resolved {
  query: string;
  register?: { id: string; query: string };
}

/** The checks of every transport; throws the error the client should see. */
function resolve(
  options: PersistedOperationsOptions,
  query: string | undefined,
  id: string | undefined,
  overHttp: boolean,
): Resolved | undefined {
  const { manifest, apq, persistedOnly } = options;
  const refuse = (error: PersistedError) => refusal(error, overHttp);
  if (id === undefined) {
    // The very text of a listed document is that operation, whichever way it came.
    if (query && persistedOnly && !listedTexts(manifest).has(query)) {
      throw refuse(PERSISTED_ERRORS.persistedOnly);
    }
    return undefined;
  }
  const listed = manifest.get(id);
  if (query) {
    // An id names one document: the text sent with it must be that document.
    if (listed !== undefined) {
      if (listed !== query) throw refuse(PERSISTED_ERRORS.listedMismatch);
      return { query };
    }
    if (persistedOnly) throw refuse(PERSISTED_ERRORS.persistedOnly);
    if (apq === null) return { query };
    if (sha256Hex(query) !== id) throw refuse(PERSISTED_ERRORS.mismatch);
    return { query, register: { id, query } };
  }
  const known = listed ?? apq?.get(id);
  if (known !== undefined) return { query: known };
  // Without APQ nor a manifest, say so: Apollo Client then stops sending hashes at all.
  if (apq === null && manifest.size === 0) throw refuse(PERSISTED_ERRORS.notSupported);
  throw refuse(PERSISTED_ERRORS.notFound);
}

export function usePersistedOperations(
  options: PersistedOperationsOptions,
): Plugin<{ params?: GraphQLParams }> {
  /** Contexts whose params were resolved over HTTP. */
  const resolved = new WeakSet<object>();
  const registrations = new WeakMap<object, { id: string; query: string }>();
  return {
    onParams({ params, setParams, context, request }) {
      const { documentId, ...rest } = params as GraphQLParams & { documentId?: unknown };
      // Yoga's GET parser keeps only the standard parameters: documentId is read from the URL.
      const fromUrl =
        documentId === undefined && request.method === 'GET'
          ? (new URL(request.url).searchParams.get('documentId') ?? undefined)
          : documentId;
      const id = persistedId({ ...rest, documentId: fromUrl });
      const outcome = resolve(options, params.query, id, true);
      resolved.add(context);
      if (outcome === undefined) return;
      if (outcome.register) registrations.set(context, outcome.register);
      // Without documentId: yoga refuses parameters it does not know.
      setParams({ ...rest, query: outcome.query });
    },
    onParse({ context }) {
      if (resolved.has(context)) return;
      const params = context.params;
      if (params === undefined) return;
      const id = persistedId(params);
      if (id !== undefined && !params.query) {
        throw refusal(PERSISTED_ERRORS.hashOnlyOverWebSocket, false);
      }
      const outcome = resolve(options, params.query, id, false);
      if (outcome?.register) registrations.set(context, outcome.register);
    },
    onValidate({ context }) {
      if (!registrations.has(context)) return;
      return ({ valid }) => {
        if (!valid) registrations.delete(context);
      };
    },
    // After validation comes the caller's identity: a registration is kept only for a caller
    // who signed in (a request with a bad token, or none, keeps nothing), charged to them.
    onContextBuilding() {
      return ({ context }) => {
        const registration = registrations.get(context);
        const viewer = (context as { viewer?: Viewer }).viewer;
        if (registration === undefined || viewer === undefined || !isAuthenticated(viewer)) return;
        options.apq?.set(registration.id, registration.query, viewer.id);
      };
    },
  };
}
