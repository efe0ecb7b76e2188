/** Publishing with a dedupe id, as every event bus adapter does it (see PublishOptions). */
import { describe, expect, it } from 'vitest';
import type { EventBus } from '../../src/domain/events/event.js';

const custom = (name: string) => ({ type: 'CUSTOM' as const, name });

async function namesUntilEnd(bus: EventBus): Promise<string[]> {
  const names: string[] = [];
  const stream = bus.subscribe('0-0');
  for await (const event of stream) {
    if (event.name === 'end') break;
    names.push(event.name ?? '');
  }
  return names;
}

export function describeEventDedupeContract(adapter: string, makeBus: () => Promise<EventBus>) {
  describe(`event bus contract, dedupe: ${adapter}`, () => {
    it('publishes an event with a dedupe id once, however often it is published', async () => {
      const bus = await makeBus();
      // Twice in one tick (one batch), and again later: one event.
      await Promise.all([
        bus.publish(custom('a'), { dedupeId: 'x1/step' }),
        bus.publish(custom('a'), { dedupeId: 'x1/step' }),
      ]);
      await bus.publish(custom('b'));
      await bus.publish(custom('b'));
      await bus.publish(custom('a'), { dedupeId: 'x1/step' });
      await bus.publish(custom('c'), { dedupeId: 'x2/step' });
      await bus.publish(custom('end'));
      // Events without one are never passed over.
      expect(await namesUntilEnd(bus)).toEqual(['a', 'b', 'b', 'c']);
    });

    it('delivers the first publish of an id live, and nothing for its repeats', async () => {
      const bus = await makeBus();
      const names: string[] = [];
      const stream = bus.subscribe(null);
      const reading = (async () => {
        for await (const event of stream) {
          if (event.name === 'end') break;
          names.push(event.name ?? '');
        }
      })();
      await bus.publish(custom('a'), { dedupeId: 'x3/step' });
      await bus.publish(custom('a'), { dedupeId: 'x3/step' });
      await bus.publish(custom('end'));
      await reading;
      expect(names).toEqual(['a']);
    });
  });
}
