import { MemoryGraphStore } from '../../src/infra/memory/memory-graph-store.js';
import { describeGraphStoreContract } from './graph-store.contract.js';

describeGraphStoreContract('memory', async () => new MemoryGraphStore());
