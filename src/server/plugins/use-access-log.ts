/**
 * Tells the access log (http/access-log.ts) which operation a request runs: the name the
 * request gave, then its name and type once the document is parsed. For graphql-ws the upgrade
 * request stands for the connection, whose close line counts its operations by the name their
 * document gives them (each one builds its context once, after it parsed and validated;
 * subscriptions never reach envelop's subscribe, see websocket.ts).
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
  /** A graphql-ws operation's own name and type, from its parsed document. */
  const named = new WeakMap<object, { name: string | null; type: string | null }>();
  return {
    onParse({ context }) {
      const transport = context as TransportContext;
      if (transport.request || !transport.req) return;
      return ({ result }) => {
        if (result instanceof Error || result === null) return;
        const operation = getOperationAST(result, transport.params?.operationName);
        named.set(context, {
          name: operation?.name?.value ?? null,
          type: operation?.operation ?? null,
        });
      };
    },
    onParams({ params, context }) {
      noteOperation((context as TransportContext).req, params.operationName ?? null, null);
    },
    onContextBuilding({ context }) {
      const transport = context as TransportContext;
      if (transport.request || !transport.req) return;
      // The document's name wins: a client that sends none still ran `query Named { … }`.
      const operation = named.get(context);
      noteOperation(
        transport.req,
        operation?.name ?? transport.params?.operationName ?? null,
        operation?.type ?? null,
      );
    },
    onExecute: ({ args }) => parsed(args),
    onSubscribe: ({ args }) => parsed(args),
  };
}
