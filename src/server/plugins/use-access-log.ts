/**
 * Tells the access log (http/access-log.ts) which operation a request runs: the name the
 * request gave, then its name and type once the document is parsed. For graphql-ws the upgrade
 * request stands for the connection, whose close line counts its operations by name (each one
 * builds its context once; subscriptions never reach envelop's subscribe, see websocket.ts).
 */
import type { IncomingMessage } from 'node:http';
import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { noteOperation } from '../http/access-log.js';

interface TransportContext {
  request?: Request;
  req?: IncomingMessage;
  params?: { operationName?: string | null };
}

// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useAccessLog(): Plugin<any> {
  const parsed = (args: {
    contextValue: unknown;
    document: DocumentNode;
    operationName?: string | null;
  }) => {
    const context = args.contextValue as TransportContext;
    if (!context.request) return;
    const operation = getOperationAST(args.document, args.operationName);
    noteOperation(context.req, operation?.name?.value ?? null, operation?.operation ?? null);
  };
  return {
    onParams({ params, context }) {
      noteOperation((context as TransportContext).req, params.operationName ?? null, null);
    },
    onContextBuilding({ context }) {
      const transport = context as TransportContext;
      if (transport.request || !transport.req) return;
      noteOperation(transport.req, transport.params?.operationName ?? null, null);
    },
    onExecute: ({ args }) => parsed(args),
    onSubscribe: ({ args }) => parsed(args),
  };
}
