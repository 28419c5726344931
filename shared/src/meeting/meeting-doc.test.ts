import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraphs } from '../plan/rich-text.js';
import {
  caseNotes,
  caseNotesText,
  ensureCaseNotes,
  markAgendaChanged,
  readAgendaChangedAt,
  readMeetingState,
  writeMeetingState,
} from './meeting-doc.js';

describe('meeting document', () => {
  it('reads as scheduled until the server writes its state', () => {
    const doc = new Y.Doc();
    expect(readMeetingState(doc)).toEqual({
      status: 'scheduled',
      currentCaseId: null,
      caseStartedAt: null,
    });
    const live = {
      status: 'live' as const,
      currentCaseId: 'c1',
      caseStartedAt: '2026-11-23T09:31:00Z',
    };
    writeMeetingState(doc, live);
    expect(readMeetingState(doc)).toEqual(live);
  });

  it('stays closed when a move made before the close is mirrored after it', () => {
    const doc = new Y.Doc();
    const closed = { status: 'closed' as const, currentCaseId: null, caseStartedAt: null };
    writeMeetingState(doc, closed);
    writeMeetingState(doc, {
      status: 'live',
      currentCaseId: 'c2',
      caseStartedAt: '2026-11-23T09:40:00Z',
    });
    expect(readMeetingState(doc)).toEqual(closed);
  });

  it('keeps discussion notes per case, found rather than replaced once created', () => {
    const server = new Y.Doc();
    ensureCaseNotes(server, ['c1', 'c2']);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    appendParagraphs(caseNotes(client, 'c1'), ['Agreed to refer to falls clinic.']);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(caseNotesText(server, 'c1')).toBe('Agreed to refer to falls clinic.');
    expect(caseNotesText(server, 'c2')).toBe('');
    expect(caseNotesText(server, 'unknown')).toBe('');
  });
});

describe('the agenda-changed mark', () => {
  it('reads as never until the server marks it, then as the time it was marked', () => {
    const doc = new Y.Doc();
    expect(readAgendaChangedAt(doc)).toBeNull();
    markAgendaChanged(doc, '2026-12-02T10:15:00.000Z');
    expect(readAgendaChangedAt(doc)).toBe('2026-12-02T10:15:00.000Z');
    // The live state beside it is left as it was.
    expect(readMeetingState(doc).status).toBe('scheduled');
  });
});
