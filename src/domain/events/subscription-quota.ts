import { LimitExceededError } from '../shared/errors.js';

/** What one caller's subscriptions may hold in this process, over graphql-ws and SSE alike. */
export interface SubscriptionLimits {
  /** Subscriptions one user may have open. */
  perUser: number;
  /** `since` replays in flight (not yet caught up) on one connection... */
  replaysPerConnection: number;
  /** ...and for one user, across their connections. */
  replaysPerUser: number;
}

/** One admitted subscription's places; both calls are idempotent. */
export interface Admission {
  /** Its replay is over (caught up, or it never had one): the replay place is free again. */
  replayEnded(): void;
  /** It ended: every place it held is free again. */
  release(): void;
}

/**
 * Counts what each user and connection holds and refuses (LIMIT_EXCEEDED) what would go past a
 * limit: a caller who asks for too much is told at once, and never slows anyone else down.
 * Connections are any object standing for one (the TCP socket); counts go with it.
 */
export class SubscriptionQuota {
  private readonly subscriptions = new Map<string, number>();
  private readonly userReplays = new Map<string, number>();
  private readonly connectionReplays = new WeakMap<object, number>();

  constructor(private readonly limits: SubscriptionLimits) {}

  admit(userId: string, connection: object, replay: boolean): Admission {
    const open = this.subscriptions.get(userId) ?? 0;
    if (open >= this.limits.perUser) {
      throw new LimitExceededError(`at most ${this.limits.perUser} subscriptions per user`);
    }
    if (replay) {
      if ((this.connectionReplays.get(connection) ?? 0) >= this.limits.replaysPerConnection) {
        throw new LimitExceededError(
          `at most ${this.limits.replaysPerConnection} \`since\` replays at once per connection; subscribe again once one has caught up`,
        );
      }
      if ((this.userReplays.get(userId) ?? 0) >= this.limits.replaysPerUser) {
        throw new LimitExceededError(
          `at most ${this.limits.replaysPerUser} \`since\` replays at once per user; subscribe again once one has caught up`,
        );
      }
      this.connectionReplays.set(connection, (this.connectionReplays.get(connection) ?? 0) + 1);
      add(this.userReplays, userId, 1);
    }
    add(this.subscriptions, userId, 1);
    let replaying = replay;
    let held = true;
    const replayEnded = () => {
      if (!replaying) return;
      replaying = false;
      this.connectionReplays.set(connection, (this.connectionReplays.get(connection) ?? 1) - 1);
      add(this.userReplays, userId, -1);
    };
    return {
      replayEnded,
      release: () => {
        if (!held) return;
        held = false;
        replayEnded();
        add(this.subscriptions, userId, -1);
      },
    };
  }
}

/** Adds to a count, forgetting counts that reach zero (users come and go). */
function add(counts: Map<string, number>, key: string, delta: number): void {
  const value = (counts.get(key) ?? 0) + delta;
  if (value > 0) counts.set(key, value);
  else counts.delete(key);
}
