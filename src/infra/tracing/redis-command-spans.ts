/**
 * A client span for every command a Redis client sends, wrapped around the client's
 * `sendCommand` (every command, script and pipelined one goes through it). Only commands sent
 * inside a trace get a span: the heartbeats, sweeps and subscriptions running in the background
 * would otherwise each start a trace of one span. Only wrapped when tracing is on.
 */
import { context, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { Redis } from 'ioredis';

export function traceRedisCommands(client: Redis, tracer: Tracer): void {
  const send = client.sendCommand.bind(client);
  const { host, port } = client.options;
  client.sendCommand = (command, stream) => {
    const parent = context.active();
    if (trace.getSpan(parent) === undefined) return send(command, stream);
    const operation = command.name.toUpperCase();
    const span = tracer.startSpan(
      operation,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_DB_SYSTEM_NAME]: 'redis',
          [ATTR_DB_OPERATION_NAME]: operation,
          [ATTR_SERVER_ADDRESS]: host,
          [ATTR_SERVER_PORT]: port,
        },
      },
      parent,
    );
    const result = send(command, stream);
    command.promise.then(
      () => span.end(),
      (error: unknown) => {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        span.end();
      },
    );
    return result;
  };
}
