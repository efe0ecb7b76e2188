import { MemoryAuditLog } from '../../src/infra/memory/memory-audit-log.js';
import { MemoryExecutionStore } from '../../src/infra/memory/memory-execution-store.js';
import { MemoryPatternStore } from '../../src/infra/memory/memory-pattern-store.js';
import { MemoryRateLimiter } from '../../src/infra/memory/memory-rate-limiter.js';
import { describeSecurityStoresContract } from './security-stores.contract.js';

describeSecurityStoresContract('memory', async () => {
  const patterns = new MemoryPatternStore();
  return {
    audit: new MemoryAuditLog(1_000),
    limiter: (points) => new MemoryRateLimiter(points, 60),
    executions: new MemoryExecutionStore((id) => patterns.currentVersion(id)),
    patterns,
  };
});
