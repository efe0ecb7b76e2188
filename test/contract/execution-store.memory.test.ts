import { MemoryExecutionStore } from '../../src/infra/memory/memory-execution-store.js';
import { describeExecutionStoreContract } from './execution-store.contract.js';

describeExecutionStoreContract('memory', async () => new MemoryExecutionStore());
