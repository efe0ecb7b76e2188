import { MemoryExecutionStore } from '../../src/infra/memory/memory-execution-store.js';
import { MemoryPatternStore } from '../../src/infra/memory/memory-pattern-store.js';
import { describeExecutionStoreContract } from './execution-store.contract.js';

describeExecutionStoreContract('memory', async () => {
  const patterns = new MemoryPatternStore();
  const executions = new MemoryExecutionStore(
    (id) => patterns.currentVersion(id),
    () => true,
    (...run) => patterns.recordExecution(...run),
  );
  return { executions, patterns };
});
