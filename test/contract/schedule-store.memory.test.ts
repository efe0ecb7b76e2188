import { MemoryScheduleStore } from '../../src/infra/memory/memory-schedule-store.js';
import { describeScheduleStoreContract } from './schedule-store.contract.js';

describeScheduleStoreContract('memory', async () => new MemoryScheduleStore());
