import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/domain/shared/semaphore.js';

describe('Semaphore', () => {
  it('hands out free permits at once and queues past them, first come first served', async () => {
    const slots = new Semaphore(2);
    expect(slots.tryAcquire()).toBe(true);
    expect(slots.tryAcquire()).toBe(true);
    expect(slots.tryAcquire()).toBe(false);
    const order: string[] = [];
    const first = slots.acquire().then(() => order.push('first'));
    const second = slots.acquire().then(() => order.push('second'));
    slots.release();
    slots.release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(slots.tryAcquire()).toBe(false);
    slots.release();
    expect(slots.tryAcquire()).toBe(true);
  });
});
