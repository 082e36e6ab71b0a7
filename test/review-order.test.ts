/** The review queue's order, as a pure function: what each decision changes decides where it stands. */
import { describe, expect, it } from 'vitest';
import { orderQueue, type QueuePair } from '../src/commands/review.js';

// Persons 1 and 2: visitors found in no list; 10, 11, 12: listed; 20, 21: listed too (a conflict's sides).
const persons = new Map([
  [1, { walkin: true, listed: false }],
  [2, { walkin: true, listed: false }],
  [10, { walkin: false, listed: true }],
  [11, { walkin: false, listed: true }],
  [12, { walkin: true, listed: true }],
  [20, { walkin: false, listed: true }],
  [21, { walkin: false, listed: true }],
]);
const pair = (name: string, l: number | null, r: number | null): QueuePair & { name: string } => ({ name, l, r });

describe('orderQueue', () => {
  it.each([
    {
      case: 'a visitor’s candidates stand together, visitors in the order of their likeliest pair, then the rest',
      // In the store's order (possible before conflict, likelier first).
      pairs: [pair('v1-a', 1, 10), pair('rest', 20, 21), pair('v2-a', 11, 2), pair('v1-b', 1, 11), pair('v2-b', 2, 12)],
      order: ['v1-a', 'v1-b', 'v2-a', 'v2-b', 'rest'],
      counts: { recipientPairs: 4, visitors: 2, otherPairs: 1, persons: 2 },
    },
    {
      case: 'two visitors, or a visitor and a person already listed through the desk, decide no recipient',
      pairs: [pair('two visitors', 1, 2), pair('listed visitor', 12, 10), pair('v1', 10, 1)],
      order: ['v1', 'two visitors', 'listed visitor'],
      counts: { recipientPairs: 1, visitors: 1, otherPairs: 2, persons: 4 },
    },
    {
      case: 'records without a person yet count as persons of their own',
      pairs: [pair('unresolved', null, null)],
      order: ['unresolved'],
      counts: { recipientPairs: 0, visitors: 0, otherPairs: 1, persons: 2 },
    },
  ])('$case', ({ pairs, order, counts }) => {
    const queue = orderQueue(pairs, persons);
    expect(queue.pairs.map((p) => p.pair.name)).toEqual(order);
    expect(queue.pairs.map((p) => p.decides)).toEqual(order.map((_, i) => (i < counts.recipientPairs ? 'recipient' : 'person')));
    expect(queue.counts).toEqual(counts);
  });
});
