import { systemClock } from '../../src/domain/shared/clock.js';
import { MemoryEventBus } from '../../src/infra/memory/memory-event-bus.js';
import { describeEventBusContract } from './event-bus.contract.js';

describeEventBusContract('memory', async () => new MemoryEventBus(systemClock, 1_000, 100));
