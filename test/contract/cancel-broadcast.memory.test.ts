import { MemoryCancelBroadcast } from '../../src/infra/memory/memory-cancel-broadcast.js';
import { describeCancelBroadcastContract } from './cancel-broadcast.contract.js';

describeCancelBroadcastContract('memory', async () => {
  const broadcast = new MemoryCancelBroadcast();
  return { here: broadcast, there: broadcast };
});
