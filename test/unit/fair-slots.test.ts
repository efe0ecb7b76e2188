import { describe, expect, it } from 'vitest';
import { FairSlots } from '../../src/domain/shared/fair-slots.js';

describe('FairSlots', () => {
  it('hands out free slots at once and queues past them, first come first served per user', async () => {
    const slots = new FairSlots(2, 2);
    expect(slots.tryAcquire('a')).toBe(true);
    expect(slots.tryAcquire('a')).toBe(true);
    expect(slots.tryAcquire('a')).toBe(false);
    const order: string[] = [];
    const first = slots.acquire('a').then(() => order.push('first'));
    const second = slots.acquire('a').then(() => order.push('second'));
    slots.release('a');
    slots.release('a');
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(slots.heldBy('a')).toBe(2);
  });

  it('caps one user below the capacity, leaving the rest to others', () => {
    const slots = new FairSlots(4, 2);
    expect(slots.tryAcquire('mallory')).toBe(true);
    expect(slots.tryAcquire('mallory')).toBe(true);
    expect(slots.tryAcquire('mallory')).toBe(false);
    expect(slots.tryAcquire('alice')).toBe(true);
    expect(slots.tryAcquire('bob')).toBe(true);
  });

  it('gives a freed slot to the waiting user holding the fewest, not to the longest queue', async () => {
    const slots = new FairSlots(2, 2);
    expect(slots.tryAcquire('mallory')).toBe(true);
    expect(slots.tryAcquire('mallory')).toBe(true);
    const granted: string[] = [];
    const mallorys = Array.from({ length: 100 }, () =>
      slots.acquire('mallory').then(() => granted.push('mallory')),
    );
    const alices = slots.acquire('alice').then(() => granted.push('alice'));
    slots.release('mallory');
    await alices;
    expect(granted).toEqual(['alice']);
    for (let i = 0; i < 101; i++) slots.release(i === 0 ? 'alice' : 'mallory');
    await Promise.all(mallorys);
    expect(granted.filter((who) => who === 'mallory')).toHaveLength(100);
  });

  it('stops waiting when the signal aborts, and the slot goes to the next waiter', async () => {
    const slots = new FairSlots(1, 1);
    expect(slots.tryAcquire('a')).toBe(true);
    const controller = new AbortController();
    const abandoned = slots.acquire('b', controller.signal);
    const next = slots.acquire('c');
    controller.abort(new Error('timed out'));
    await expect(abandoned).rejects.toThrow('timed out');
    slots.release('a');
    await next;
    expect(slots.heldBy('b')).toBe(0);
    expect(slots.heldBy('c')).toBe(1);
    await expect(slots.acquire('d', controller.signal)).rejects.toThrow('timed out');
  });
});
