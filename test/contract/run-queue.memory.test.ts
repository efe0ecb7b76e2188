import { MemoryRunQueue } from '../../src/infra/memory/memory-run-queue.js';
import { describeRunQueueContract } from './run-queue.contract.js';

describeRunQueueContract('memory', async () => new MemoryRunQueue());
