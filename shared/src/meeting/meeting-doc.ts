import * as Y from 'yjs';
import { fragmentText } from '../plan/rich-text.js';
import type { MeetingStatus } from './agenda.js';

// The shape of `meeting:<id>` (DESIGN §2). The server alone writes `state` (the chair acts over
// HTTP, and the server mirrors it here so every open screen follows within the second);
// clients write only the discussion notes.

/** Top-level names in the meeting document. */
export const MeetingDoc = { state: 'state', notes: 'notes' } as const;

/** Where the meeting is: the case being discussed and since when. */
export interface MeetingLiveState {
  status: MeetingStatus;
  currentCaseId: string | null;
  /** ISO time the current case started. */
  caseStartedAt: string | null;
}

export const meetingStateMap = (doc: Y.Doc) => doc.getMap<unknown>(MeetingDoc.state);
export const meetingNotesMap = (doc: Y.Doc) => doc.getMap<Y.XmlFragment>(MeetingDoc.notes);

/** Reads the live state; a document nobody has written yet reads as scheduled. */
export function readMeetingState(doc: Y.Doc): MeetingLiveState {
  const map = meetingStateMap(doc);
  const status = map.get('status');
  const current = map.get('currentCaseId');
  const started = map.get('caseStartedAt');
  return {
    status: status === 'live' || status === 'closed' ? status : 'scheduled',
    currentCaseId: typeof current === 'string' ? current : null,
    caseStartedAt: typeof started === 'string' ? started : null,
  };
}

/**
 * Writes the live state in one transaction (server only). A closed meeting stays closed: a move
 * made just before the close in another process may be mirrored here after it.
 */
export function writeMeetingState(doc: Y.Doc, state: MeetingLiveState): void {
  const map = meetingStateMap(doc);
  if (map.get('status') === 'closed' && state.status !== 'closed') return;
  doc.transact(() => {
    map.set('status', state.status);
    map.set('currentCaseId', state.currentCaseId);
    map.set('caseStartedAt', state.caseStartedAt);
  });
}

/**
 * Marks that the agenda changed in a way everyone at the meeting should see at once (a decision
 * recorded, a plan signed off): open screens read the agenda again when it moves (server only).
 */
export function markAgendaChanged(doc: Y.Doc, at: string): void {
  meetingStateMap(doc).set('agendaChangedAt', at);
}

/** When the agenda last changed, as `markAgendaChanged` wrote it; null before it has. */
export function readAgendaChangedAt(doc: Y.Doc): string | null {
  const at = meetingStateMap(doc).get('agendaChangedAt');
  return typeof at === 'string' ? at : null;
}

/**
 * The discussion notes of one case, created if missing. Two peers creating the same case's
 * fragment at once would keep only one, so the server creates every case's fragment when the
 * meeting starts and clients normally only find it.
 */
export function caseNotes(doc: Y.Doc, caseId: string): Y.XmlFragment {
  const notes = meetingNotesMap(doc);
  let fragment = notes.get(caseId);
  if (!(fragment instanceof Y.XmlFragment)) {
    fragment = new Y.XmlFragment();
    notes.set(caseId, fragment);
  }
  return fragment;
}

/** Creates the notes of each case that has none yet, in one transaction. */
export function ensureCaseNotes(doc: Y.Doc, caseIds: readonly string[]): void {
  doc.transact(() => {
    for (const id of caseIds) caseNotes(doc, id);
  });
}

/** A case's discussion notes as plain text, without creating anything ('' when none). */
export function caseNotesText(doc: Y.Doc, caseId: string): string {
  const fragment = meetingNotesMap(doc).get(caseId);
  return fragment instanceof Y.XmlFragment ? fragmentText(fragment) : '';
}
