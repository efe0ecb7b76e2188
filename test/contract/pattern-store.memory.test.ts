import { MemoryPatternStore } from '../../src/infra/memory/memory-pattern-store.js';
import { describePatternStoreContract } from './pattern-store.contract.js';

describePatternStoreContract('memory', async () => new MemoryPatternStore());
