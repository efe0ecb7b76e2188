/**
 * Queries over HTTP: POST with a JSON body, which the server's CSRF prevention accepts (a
 * browser preflights it), and the token as `authorization: Bearer …`.
 */
export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }

  get unauthenticated(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'FORBIDDEN';
  }
}

let token: string | null = null;

export function useToken(value: string | null): void {
  token = value;
}

export function currentToken(): string | null {
  return token;
}

export async function query<T>(
  document: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Plain JSON: GraphQL errors come back as 200 with `errors`, not as failed loads.
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document, variables }),
    });
  } catch {
    throw new ApiError('the server cannot be reached', 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`the server answered ${response.status} without a GraphQL body`, 'HTTP');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (body.data === undefined || body.data === null) throw new ApiError('no data', undefined);
  return body.data;
}
