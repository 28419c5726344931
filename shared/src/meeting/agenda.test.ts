import { describe, expect, it } from 'vitest';
import {
  agendaOrder,
  nextCase,
  reorderCases,
  rollForward,
  wholeNumber,
  type AgendaCase,
} from './agenda.js';

const agenda = (...statuses: AgendaCase['status'][]): AgendaCase[] =>
  statuses.map((status, i) => ({ id: `c${i + 1}`, position: i + 1, status }));

describe('agenda', () => {
  it('moves a case down and renumbers only what changed', () => {
    const cases = agenda('pending', 'pending', 'pending');
    const moved = reorderCases(cases, 'c1', 2);
    expect(moved).toEqual([
      { id: 'c2', position: 1 },
      { id: 'c3', position: 2 },
      { id: 'c1', position: 3 },
    ]);
  });

  it('moves a case up to the top, clamping a too-small index', () => {
    const cases = agenda('pending', 'pending', 'pending');
    const positions = new Map(reorderCases(cases, 'c3', -4).map((c) => [c.id, c.position]));
    const reordered = cases.map((c) => ({ ...c, position: positions.get(c.id) ?? c.position }));
    expect(agendaOrder(reordered).map((c) => c.id)).toEqual(['c3', 'c1', 'c2']);
  });

  it('changes nothing when a case is unknown or already in place', () => {
    const cases = agenda('pending', 'pending');
    expect(reorderCases(cases, 'nope', 0)).toEqual([]);
    expect(reorderCases(cases, 'c2', 1)).toEqual([]);
  });

  it('orders by position even when rows arrive out of order', () => {
    const cases = [
      { id: 'b', position: 2, status: 'pending' as const },
      { id: 'a', position: 1.5, status: 'pending' as const },
    ];
    expect(agendaOrder(cases).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('finds the next pending case after the current one', () => {
    const cases = agenda('done', 'discussing', 'done', 'pending');
    expect(nextCase(cases, 'c2')?.id).toBe('c4');
    expect(nextCase(cases, null)?.id).toBe('c4');
  });

  it('comes back to a pending case earlier on the agenda, and ends with null', () => {
    expect(nextCase(agenda('pending', 'discussing', 'done'), 'c2')?.id).toBe('c1');
    expect(nextCase(agenda('done', 'discussing', 'deferred'), 'c2')).toBeNull();
  });

  it('rolls pending and discussing cases forward; done and deferred stay', () => {
    const { carry, stay } = rollForward(agenda('done', 'discussing', 'pending', 'deferred'));
    expect(carry.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(stay.map((c) => c.id)).toEqual(['c1', 'c4']);
  });

  it('reads a whole number only from plain digits or a JSON integer', () => {
    for (const [value, read] of [
      [10, 10],
      ['10', 10],
      [' 10 ', 10],
      ['-1', -1],
      ['0', 0],
    ] as const) {
      expect(wholeNumber(value), JSON.stringify(value)).toBe(read);
    }
    for (const value of [' 0x10 ', '1e1', '12.0', '+5', '', ' ', '1 0', 10.5, NaN, null, true]) {
      expect(wholeNumber(value), JSON.stringify(value)).toBeNull();
    }
  });
});
