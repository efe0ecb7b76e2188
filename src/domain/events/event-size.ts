import { LimitExceededError } from '../shared/errors.js';
import { jsonByteLength } from '../shared/json.js';
import type { NexusEventInput } from './event.js';

/**
 * The event as JSON, as the log keeps it; refused (LIMIT_EXCEEDED) when its payload is more
 * than `maxPayloadBytes` of JSON. One event of megabytes would be fanned out to every instance
 * and kept in the log of every replay to come.
 */
export function eventJson(
  event: NexusEventInput & { occurredAt: string },
  maxPayloadBytes: number,
): string {
  const json = JSON.stringify(event);
  // The whole event bounds its payload: only a large one needs the payload measured.
  if (json.length * 3 > maxPayloadBytes && Buffer.byteLength(json) > maxPayloadBytes) {
    const bytes = jsonByteLength(event.payload ?? null);
    if (bytes > maxPayloadBytes) {
      throw new LimitExceededError(
        `an event's payload may be at most ${maxPayloadBytes} bytes of JSON (this one has ${bytes})`,
      );
    }
  }
  return json;
}
