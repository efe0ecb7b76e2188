/**
 * graphql-ws's protocol server (`makeServer`) on a `ws` WebSocketServer: what graphql-ws's own
 * `useServer` does, with a cheaper send. `useServer` waits for every frame's write callback;
 * here a frame is handed to the socket and the operation moves on while the socket keeps up,
 * and waits for the write only once the socket has a backlog. So a reader that stops reading
 * still stalls its own operations (and is cut off by its event queue's limit), while the common
 * case spends no promise and no callback per delivered frame.
 */
import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';

export interface Extra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/** Bytes waiting in a socket's buffers past which sends wait for their write to complete. */
const BACKLOG_BYTES = 64 * 1024;

export function serveGraphQLWebSocket(
  options: ServerOptions<Record<string, unknown> | undefined, Extra>,
  wss: WebSocketServer,
  keepAliveMs: number,
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
      pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return;
          if (socket.bufferedAmount < BACKLOG_BYTES) {
            socket.send(data);
            return;
          }
          return new Promise<void>((resolve, reject) =>
            socket.send(data, (error) => (error ? reject(error) : resolve())),
          );
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (message) => {
            handle(String(message)).catch(fail);
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
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
