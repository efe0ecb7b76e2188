import type { AuditService } from '../domain/audit/audit-service.js';
import type { EventBus } from '../domain/events/event.js';
import type { SubscriptionQuota } from '../domain/events/subscription-quota.js';
import type { ExecutionService } from '../domain/execution/execution-service.js';
import type { GraphService } from '../domain/graph/graph-service.js';
import type { PatternService } from '../domain/pattern/pattern-service.js';
import type { ScheduleService } from '../domain/schedule/schedule-service.js';

/** The domain services resolvers reach through the context. Built once by createApp. */
export interface Services {
  patterns: PatternService;
  graph: GraphService;
  executions: ExecutionService;
  events: EventBus;
  /** What each user's and connection's subscriptions may hold. */
  subscriptions: SubscriptionQuota;
  audit: AuditService;
  schedules: ScheduleService;
}
