import { systemClock } from '../../src/domain/shared/clock.js';
import { MemoryEventBus } from '../../src/infra/memory/memory-event-bus.js';
import { CONTRACT_BUS_SETTINGS, describeEventBusContract } from './event-bus.contract.js';
import { describeEventDedupeContract } from './event-bus-dedupe.contract.js';

describeEventBusContract(
  'memory',
  async (settings) => new MemoryEventBus(systemClock, { ...CONTRACT_BUS_SETTINGS, ...settings }),
);

describeEventDedupeContract(
  'memory',
  async () => new MemoryEventBus(systemClock, CONTRACT_BUS_SETTINGS),
);
