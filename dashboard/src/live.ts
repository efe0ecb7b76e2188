/**
 * The live event stream over graphql-ws. The subscribe payload is the same object on every
 * reconnect, so its `since` is kept at the last id seen: a reconnect resumes right after it,
 * with nothing missed and nothing repeated. Pausing ends the subscription; resuming starts one
 * from the same place.
 */
import { type Client, createClient } from 'graphql-ws';
import { DOCUMENTS, type LiveEvent, type RawEvent, toLiveEvent } from './events-api.js';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** graphql-ws's close code for a refused or expired token: retrying will not help. */
const FORBIDDEN = 4403;

export interface StreamHandlers {
  token: () => string | null;
  onEvent: (event: LiveEvent) => void;
  onState: (state: ConnectionState, reason: string) => void;
  /** An event at or before the last one seen was sent again and dropped. */
  onDuplicate?: (count: number) => void;
}

/** Stream ids ("<ms>-<seq>") in log order. */
export function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

export class EventStream {
  private client: Client | undefined;
  private dispose: (() => void) | undefined;
  private last: string | null = null;
  /** Events the stream sent again (at or before the last id seen): dropped, and counted. */
  duplicates = 0;
  private stopped = false;

  constructor(private readonly handlers: StreamHandlers) {}

  get lastId(): string | null {
    return this.last;
  }

  get running(): boolean {
    return this.dispose !== undefined;
  }

  start(since: string | null): void {
    this.last = since;
    this.stopped = false;
    this.client ??= this.createClient();
    this.subscribe();
  }

  /** Ends the subscription, keeping the last id seen. */
  pause(): void {
    const dispose = this.dispose;
    this.dispose = undefined;
    dispose?.();
    this.handlers.onState('closed', 'paused');
  }

  resume(): void {
    if (!this.dispose && !this.stopped) this.subscribe();
  }

  stop(reason: string): void {
    this.stopped = true;
    const client = this.client;
    this.dispose?.();
    this.dispose = undefined;
    this.client = undefined;
    if (!client) return;
    void client.dispose();
    this.handlers.onState('closed', reason);
  }

  private subscribe(): void {
    const client = this.client;
    if (!client) return;
    const payload = { query: DOCUMENTS.feed, variables: { since: this.last } };
    this.handlers.onState('connecting', '');
    const dispose = client.subscribe<{ nexusEvents: RawEvent }>(payload, {
      next: (result) => {
        const raw = result.data?.nexusEvents;
        if (!raw) {
          const message = result.errors?.[0]?.message ?? 'no data';
          this.fail(message);
          return;
        }
        if (this.last !== null && compareIds(raw.id, this.last) <= 0) {
          this.duplicates += 1;
          this.handlers.onDuplicate?.(this.duplicates);
          return;
        }
        this.last = raw.id;
        payload.variables.since = raw.id;
        this.handlers.onEvent(toLiveEvent(raw));
      },
      error: (error) => this.fail(describeError(error)),
      complete: () => {
        if (this.dispose === dispose) this.dispose = undefined;
      },
    });
    this.dispose = dispose;
  }

  private fail(reason: string): void {
    this.dispose = undefined;
    this.handlers.onState('closed', reason);
  }

  private createClient(): Client {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    return createClient({
      url,
      lazy: true,
      lazyCloseTimeout: 0,
      keepAlive: 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: async (retries) => {
        const delay = Math.min(250 * 2 ** retries, 10_000) + Math.random() * 250;
        await new Promise((resolve) => setTimeout(resolve, delay));
      },
      shouldRetry: (error) => isCloseEvent(error) && error.code !== FORBIDDEN,
      connectionParams: () => {
        const token = this.handlers.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        connecting: (retrying) => {
          if (this.dispose) this.handlers.onState(retrying ? 'reconnecting' : 'connecting', '');
        },
        connected: () => {
          if (this.dispose) this.handlers.onState('live', '');
        },
        closed: (event) => {
          if (this.dispose && !this.stopped) {
            this.handlers.onState('reconnecting', describeError(event));
          }
        },
      },
    });
  }
}

function isCloseEvent(value: unknown): value is CloseEvent {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

export function describeError(error: unknown): string {
  if (isCloseEvent(error)) {
    if (error.code === FORBIDDEN) return `the token was refused (${error.reason || 'forbidden'})`;
    return `closed with ${error.code}${error.reason ? `: ${error.reason}` : ''}`;
  }
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message).join('; ');
  if (error instanceof Error) return error.message;
  return 'connection error';
}
