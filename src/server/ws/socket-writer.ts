/**
 * Every frame a connection sends, in order, without a promise or callback per frame while the
 * peer keeps up. Once the socket holds a backlog, frames wait here in order until it drains; a
 * peer that falls `maxQueued` frames behind is told so and its connection closed, so a reader
 * that stopped reading cannot grow the server's memory. `whenReady` lets a producer with a
 * backlog of its own (a replay) hold it back instead of overflowing a reader that is only slow.
 */

/** What the writer needs of a `ws` WebSocket. */
export interface WritableSocket {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
}

/** Bytes waiting in a socket's buffers past which frames queue here instead. */
export const BACKLOG_BYTES = 64 * 1024;

/** WebSocket close code for a peer too slow to keep up (1008: policy violation). */
export const PEER_TOO_SLOW = 1008;

/** The connection's byte stream (a TCP socket), whose writes can be held and sent as one. */
export interface Corkable {
  cork(): void;
  uncork(): void;
}

export class SocketWriter {
  private readonly queue: string[] = [];
  private draining = false;
  private corked = false;
  private readyWaiters: Array<() => void> = [];

  /**
   * @param onceDrained calls back once the socket's buffers have been written out (the
   *   transport's `drain`); only asked for while the socket holds a backlog.
   * @param transport when given, the frames of one tick leave in one write: a system call per
   *   frame is most of what a burst of small frames (a replay) costs.
   */
  constructor(
    private readonly socket: WritableSocket,
    private readonly onceDrained: (callback: () => void) => void,
    private readonly maxQueued: number,
    private readonly transport: Corkable | null = null,
  ) {}

  private readonly uncork = () => {
    this.corked = false;
    this.transport?.uncork();
  };

  private send(frame: string): void {
    if (this.transport && !this.corked) {
      this.corked = true;
      this.transport.cork();
      process.nextTick(this.uncork);
    }
    this.socket.send(frame);
  }

  write(frame: string): void {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (this.draining) {
      if (this.queue.length >= this.maxQueued) this.overflow();
      else this.queue.push(frame);
      return;
    }
    this.send(frame);
    if (socket.bufferedAmount >= BACKLOG_BYTES) this.awaitDrain();
  }

  /** Null while frames go straight out; otherwise settles once they do again. */
  whenReady(): Promise<void> | null {
    if (!this.draining && this.socket.bufferedAmount < BACKLOG_BYTES) return null;
    this.awaitDrain();
    return new Promise<void>((resolve) => this.readyWaiters.push(resolve));
  }

  /** The connection closed: nothing more is sent, and whoever waits is let go. */
  closed(): void {
    this.queue.length = 0;
    this.release();
  }

  private awaitDrain(): void {
    if (this.draining) return;
    this.draining = true;
    this.onceDrained(() => {
      this.draining = false;
      this.flush();
    });
  }

  private flush(): void {
    const socket = this.socket;
    while (this.queue.length > 0 && socket.readyState === socket.OPEN) {
      this.send(this.queue.shift() as string);
      if (socket.bufferedAmount >= BACKLOG_BYTES) {
        this.awaitDrain();
        return;
      }
    }
    this.release();
  }

  private release(): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private overflow(): void {
    this.queue.length = 0;
    this.release();
    this.socket.close(
      PEER_TOO_SLOW,
      `the subscriber fell more than ${this.maxQueued} events behind`,
    );
  }
}
