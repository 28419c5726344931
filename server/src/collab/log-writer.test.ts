import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogWriter, type LogTarget } from './log-writer.js';
import { MemoryStore, type LogBatch, type LogEntry } from './store.js';

function target(name: string): LogTarget & { storedEntries: LogEntry[] } {
  const storedEntries: LogEntry[] = [];
  return { name, storedEntries, stored: (entries) => storedEntries.push(...entries) };
}

function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('LogWriter', () => {
  it('writes every document typed into within the window in one append', async () => {
    const store = new MemoryStore();
    const appends: LogBatch[][] = [];
    const append = store.append.bind(store);
    store.append = (batches) => {
      appends.push(batches);
      return append(batches);
    };
    const writer = new LogWriter(store, { batchMs: 10_000, log: () => {} });
    const plans = [target('plan-a'), target('plan-b'), target('plan-c')];
    for (const plan of plans) writer.add(plan, { update: typed(plan.name), authorId: 'gp' });

    await writer.flush();
    expect(appends).toHaveLength(1);
    expect(appends[0]!.map((b) => b.documentName)).toEqual(['plan-a', 'plan-b', 'plan-c']);
    expect(plans.map((p) => p.storedEntries.length)).toEqual([1, 1, 1]);
    expect(writer.rowsWritten).toBe(3);
    expect(writer.commitWindow.count).toBe(3);
  });

  it('logs each update as its own row, in order, under its author', async () => {
    const store = new MemoryStore();
    const writer = new LogWriter(store, { batchMs: 10_000, log: () => {} });
    const plan = target('plan-a');
    for (const authorId of ['gp', 'gp', 'nurse', 'gp']) {
      writer.add(plan, { update: typed(authorId), authorId });
    }
    await writer.flush();
    expect(store.log.map((e) => e.authorId)).toEqual(['gp', 'gp', 'nurse', 'gp']);
  });

  it('keeps entries after a failed write, ahead of newer ones, and reports nothing stored', async () => {
    const store = new MemoryStore();
    const append = store.append.bind(store);
    let failures = 1;
    store.append = async (batches) => {
      if (failures-- > 0) throw new Error('database unavailable');
      return append(batches);
    };
    const logs: string[] = [];
    const writer = new LogWriter(store, { batchMs: 10_000, log: (m) => logs.push(m) });
    const plan = target('plan-a');
    writer.add(plan, { update: typed('first'), authorId: 'gp' });
    await expect(writer.flush()).rejects.toThrow('database unavailable');
    expect(plan.storedEntries).toHaveLength(0);
    expect(logs.join()).toContain('could not write the update log');

    writer.add(plan, { update: typed('second'), authorId: 'nurse' });
    await writer.flush();
    expect(store.log.map((e) => e.authorId)).toEqual(['gp', 'nurse']);
    expect(plan.storedEntries).toHaveLength(2);
  });
});
