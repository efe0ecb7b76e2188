import type { Redis } from 'ioredis';

/**
 * Counts round trips on a real ioredis connection: every flush of commands to the socket (a
 * single command, a pipeline, or an auto-pipelined batch) is one write and one wait for replies.
 */
export class RoundTripCounter {
  private clients: Redis[] = [];
  writes = 0;

  attach = (client: Redis): void => {
    this.clients.push(client);
    client.on('connect', () => this.instrument(client));
    if (client.stream) this.instrument(client);
  };

  async count(work: () => Promise<unknown>): Promise<number> {
    const before = this.writes;
    await work();
    return this.writes - before;
  }

  private instrument(client: Redis): void {
    const stream = client.stream as { write: (...args: unknown[]) => boolean; __counted?: boolean };
    if (stream.__counted) return;
    stream.__counted = true;
    const write = stream.write.bind(stream);
    stream.write = (...args: unknown[]) => {
      this.writes += 1;
      return write(...args);
    };
  }
}
