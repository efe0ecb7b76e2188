/**
 * graphql-ws's protocol server (`makeServer`) on a `ws` WebSocketServer: what graphql-ws's own
 * `useServer` does, with a cheaper send. `useServer` waits for every frame's write callback;
 * here every frame of a connection goes through its SocketWriter, which spends no promise and
 * no callback per frame while the peer keeps up, keeps frames in order once it does not, and
 * closes the connection of a peer that falls too far behind. The writer is in `extra`, so
 * subscriptions that deliver without makeServer's per-event loop (see websocket.ts) write
 * their frames in the same order as the protocol's own messages.
 */
import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { SocketWriter } from './socket-writer.js';

export interface Extra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  readonly writer: SocketWriter;
}

export function serveGraphQLWebSocket(
  options: ServerOptions<Record<string, unknown> | undefined, Extra>,
  wss: WebSocketServer,
  limits: { keepAliveMs: number; maxQueuedMessages: number },
  onInternalError: (error: unknown) => void,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  wss.on('connection', (socket, request) => {
    const fail = (error: unknown) => {
      onInternalError(error);
      if (socket.readyState === socket.OPEN)
        socket.close(CloseCode.InternalServerError, 'Internal server error');
    };
    socket.once('error', fail);
    let pongWait: NodeJS.Timeout | null = null;
    const pings = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), limits.keepAliveMs);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, limits.keepAliveMs);
    // ws writes to the upgraded request's TCP socket, whose `drain` says the backlog is out.
    const writer = new SocketWriter(
      socket,
      (callback) => request.socket.once('drain', callback),
      limits.maxQueuedMessages,
      request.socket,
    );
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => writer.write(data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) => {
          // One message per turn of the event loop: a client that sends a hundred subscribes
          // at once has them handled in turns, with everyone else's I/O in between, instead of
          // in one stretch the whole server waits for.
          const pending: string[] = [];
          const handleNext = () => {
            const message = pending.shift();
            if (message === undefined) return;
            if (socket.readyState === socket.OPEN) handle(message).catch(fail);
            if (pending.length > 0) setImmediate(handleNext);
          };
          socket.on('message', (message) => {
            if (pending.push(String(message)) === 1) setImmediate(handleNext);
          });
        },
      },
      { socket, request, writer },
    );
    socket.once('close', (code, reason) => {
      writer.closed();
      if (pongWait) clearTimeout(pongWait);
      clearInterval(pings);
      void closed(code, String(reason));
    });
  });
  return {
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners('connection');
    },
  };
}
