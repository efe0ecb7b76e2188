/**
 * Every frame a connection sends, in order, without a promise or callback per frame while the
 * peer keeps up. Once the socket holds a backlog, frames wait here in order until a write
 * completes; a peer that falls `maxQueued` frames behind is told so and its connection closed,
 * so a reader that stopped reading cannot grow the server's memory.
 */

/** What the writer needs of a `ws` WebSocket. */
export interface WritableSocket {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string, callback?: (error?: Error) => void): void;
  close(code: number, reason: string): void;
}

/** Bytes waiting in a socket's buffers past which frames queue here instead. */
export const BACKLOG_BYTES = 64 * 1024;

/** WebSocket close code for a peer too slow to keep up (1008: policy violation). */
export const PEER_TOO_SLOW = 1008;

export class SocketWriter {
  private readonly queue: string[] = [];
  private waiting = false;

  constructor(
    private readonly socket: WritableSocket,
    private readonly maxQueued: number,
  ) {}

  write(frame: string): void {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (this.waiting) {
      if (this.queue.length >= this.maxQueued) this.overflow();
      else this.queue.push(frame);
      return;
    }
    if (socket.bufferedAmount < BACKLOG_BYTES) socket.send(frame);
    else this.sendAndWait(frame);
  }

  private sendAndWait(frame: string): void {
    this.waiting = true;
    this.socket.send(frame, (error) => {
      this.waiting = false;
      if (error) return;
      this.flush();
    });
  }

  private flush(): void {
    const socket = this.socket;
    while (this.queue.length > 0 && socket.readyState === socket.OPEN) {
      const frame = this.queue.shift() as string;
      if (socket.bufferedAmount >= BACKLOG_BYTES) {
        this.sendAndWait(frame);
        return;
      }
      socket.send(frame);
    }
  }

  private overflow(): void {
    this.queue.length = 0;
    this.socket.close(
      PEER_TOO_SLOW,
      `the subscriber fell more than ${this.maxQueued} events behind`,
    );
  }
}
