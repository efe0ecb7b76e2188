/** graphql-ws on the HTTP server's GraphQL path, executing through yoga's envelop pipeline. */
import type { Server } from 'node:http';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';

/** Yoga's enveloped execute/subscribe, carried to graphql-ws through the root value. */
interface EnvelopedRoot {
  execute: NonNullable<ServerOptions['execute']>;
  subscribe: NonNullable<ServerOptions['subscribe']>;
}

export interface WebSocketHandle {
  /** Closes every socket (1001 going away) and stops accepting new ones. */
  close(): Promise<void>;
}

export function attachGraphQLWebSocket(
  server: Server,
  // biome-ignore lint/suspicious/noExplicitAny: yoga's instance type is generic in both contexts
  yoga: YogaServerInstance<any, any>,
): WebSocketHandle {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const rootValue: EnvelopedRoot = { execute, subscribe };
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue,
        };
      },
    },
    wss,
  );
  return {
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
