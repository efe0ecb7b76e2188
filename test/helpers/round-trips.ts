import type { Redis } from 'ioredis';

/** One command sent: its name (lower case) and its arguments as strings. */
export interface SentCommand {
  name: string;
  args: string[];
}

/**
 * Counts round trips on a real ioredis connection: every flush of commands to the socket (a
 * single command, a pipeline, or an auto-pipelined batch) is one write and one wait for replies.
 * Also keeps the commands sent (`commands`; a script call is one command), and can leave out
 * commands that are not the work measured (`ignore`: a background sweep, say): a write that
 * carries only those is not counted as a round trip either.
 */
export class RoundTripCounter {
  private clients: Redis[] = [];
  writes = 0;
  readonly commands: SentCommand[] = [];
  /** Commands sent since the last write, counted or not. */
  private sinceWrite = { counted: 0, ignored: 0 };

  constructor(private readonly ignore: (command: SentCommand) => boolean = () => false) {}

  attach = (client: Redis): void => {
    this.clients.push(client);
    client.on('connect', () => this.instrument(client));
    if (client.stream) this.instrument(client);
    this.watchCommands(client);
  };

  async count(work: () => Promise<unknown>): Promise<number> {
    const before = this.writes;
    await work();
    return this.writes - before;
  }

  private watchCommands(client: Redis): void {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((...params: Parameters<Redis['sendCommand']>) => {
      const [command] = params;
      const sent: SentCommand = {
        name: command.name.toLowerCase(),
        args: command.args.map((arg) => (typeof arg === 'string' ? arg : String(arg))),
      };
      if (this.ignore(sent)) this.sinceWrite.ignored += 1;
      else {
        this.sinceWrite.counted += 1;
        this.commands.push(sent);
      }
      return send(...params);
    }) as Redis['sendCommand'];
  }

  private instrument(client: Redis): void {
    const stream = client.stream as { write: (...args: unknown[]) => boolean; __counted?: boolean };
    if (stream.__counted) return;
    stream.__counted = true;
    const write = stream.write.bind(stream);
    stream.write = (...args: unknown[]) => {
      // Only ignored commands in this write: not a round trip of the work measured.
      if (this.sinceWrite.counted > 0 || this.sinceWrite.ignored === 0) this.writes += 1;
      this.sinceWrite = { counted: 0, ignored: 0 };
      return write(...args);
    };
  }
}
