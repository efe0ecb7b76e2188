import { MemoryGraphStore } from '../../src/infra/memory/memory-graph-store.js';
import { describeGraphStoreContract } from './graph-store.contract.js';
import { describeGraphOriginContract } from './graph-store-origin.contract.js';

describeGraphStoreContract('memory', async () => new MemoryGraphStore());
describeGraphOriginContract('memory', async () => new MemoryGraphStore());
