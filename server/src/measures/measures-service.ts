import type { Db } from '@careweave/db';
import {
  canSeePerson,
  isInstrument,
  isUuid,
  measureItems,
  measureProblems,
  scoreMeasure,
  type Instrument,
  type ItemAnswer,
  todayIso,
} from '@careweave/shared';
import { longDate, parseServiceDate } from '../calendar.js';
import type { MeasureWording } from '../config.js';
import type { Outcome } from '../person-detail.js';
import { planContextFor } from '../plan-access.js';
import { recordAudit } from '../repo/audit.js';
import { insertMeasure, listMeasuresOf, removeMeasure } from '../repo/measures.js';
import { findPerson } from '../repo/people.js';
import type { User } from '../repo/users.js';
import { summariseMeasures, type MeasureSummary } from './measure-summary.js';

/** `POST /api/people/:id/measures` (DESIGN §6); values are checked, not trusted. */
export interface MeasureInput {
  instrument?: unknown;
  items?: unknown;
  takenAt?: unknown;
}

/** The 201 answer: DESIGN §6's `{id, raw, score, complete}`, and why it is not scored. */
export interface RecordedMeasure {
  id: string;
  raw: number | null;
  score: number | null;
  complete: boolean;
  incompleteReason: string | null;
  takenAt: string;
}

/** One measure as `GET /api/people/:id/measures` lists it. */
export interface MeasureView {
  id: string;
  instrument: Instrument;
  items: ItemAnswer[];
  raw: number | null;
  score: number | null;
  complete: boolean;
  incompleteReason: string | null;
  takenAt: string;
  recordedBy: { id: string; name: string };
}

/** An item as a form shows it: number, neutral label, and the licensed wording if configured. */
export interface ItemView {
  number: number;
  label: string;
  wemwbsItem: number;
  wording: string | null;
}

/** WEMWBS and SWEMWBS: recording, listing and the items of each. */
export interface MeasuresService {
  record(user: User, personId: string, input: MeasureInput): Promise<Outcome<RecordedMeasure>>;
  /** Marks a measure as entered in error: it no longer counts, and the audit trail says so. */
  remove(user: User, personId: string, measureId: string): Promise<Outcome<object>>;
  list(
    user: User,
    personId: string,
  ): Promise<Outcome<{ measures: MeasureView[] } & MeasureSummary>>;
  /**
   * As `list`, audited as the scores read: for an answer that shows them outside the person's
   * plan (whose opening is audited as the plan's).
   */
  read(
    user: User,
    personId: string,
  ): Promise<Outcome<{ measures: MeasureView[] } & MeasureSummary>>;
  /** The items of an instrument, or null for an instrument Careweave does not know. */
  items(instrument: unknown): ItemView[] | null;
}

const NOT_FOUND = {
  ok: false,
  status: 404,
  error: 'There is no such person, or you do not have access to them.',
} as const;
const MAY_NOT_RECORD = {
  ok: false,
  status: 403,
  error: 'Only members of the person’s care team can record wellbeing measures.',
} as const;
const NO_MEASURE = {
  ok: false,
  status: 404,
  error: 'There is no such wellbeing measure for this person: it may have been removed already.',
} as const;

const MAY_NOT_REMOVE = {
  ok: false,
  status: 403,
  error: 'Only members of the person’s care team can remove wellbeing measures.',
} as const;

const ADMIN = {
  ok: false,
  status: 403,
  error: 'Administrators do not see people’s wellbeing measures.',
} as const;

export function createMeasuresService(db: Db, wording: MeasureWording | null): MeasuresService {
  async function visiblePerson(user: User, personId: string) {
    if (!isUuid(personId)) return null;
    const row = await findPerson(db, personId);
    return row && canSeePerson(user.role, planContextFor(user, row)) ? row : null;
  }

  async function list(
    user: User,
    personId: string,
  ): Promise<Outcome<{ measures: MeasureView[] } & MeasureSummary>> {
    if (user.role === 'admin') return ADMIN;
    const person = await visiblePerson(user, personId);
    if (!person) return NOT_FOUND;
    const rows = await listMeasuresOf(db, [person.id]);
    const measures: MeasureView[] = rows.map((r) => ({
      id: r.id,
      instrument: r.instrument as Instrument,
      items: r.items,
      raw: r.raw,
      score: r.score,
      complete: r.complete,
      incompleteReason: r.incompleteReason,
      takenAt: r.takenAt,
      recordedBy: { id: r.recordedById, name: r.recordedByName },
    }));
    return { ok: true, measures, ...summariseMeasures(measures, todayIso()) };
  }

  return {
    async record(user, personId, input) {
      // Partners support goals but do not administer clinical-grade measures; admins see no one.
      if (user.role === 'voluntary_partner' || user.role === 'admin') return MAY_NOT_RECORD;
      const person = await visiblePerson(user, personId);
      if (!person) return NOT_FOUND;
      const today = todayIso();
      const fields = measureProblems(input.instrument, input.items);
      const takenAt = parseServiceDate(input.takenAt ?? today);
      if (!takenAt) fields.takenAt = 'Enter the date taken as year-month-day';
      else if (takenAt > today) fields.takenAt = 'The date taken must be today or in the past';
      // Also refuses years the database cannot hold (there is no year 0), as nobody was born then.
      else if (takenAt < person.dateOfBirth) {
        const born = `${person.givenName} ${person.familyName}’s date of birth`;
        fields.takenAt = `The date taken must be on or after ${born}, ${longDate(person.dateOfBirth)}`;
      }
      if (Object.keys(fields).length > 0) {
        return {
          ok: false,
          status: 400,
          error: 'The scores are not right. Check the fields marked.',
          fields,
        };
      }
      const instrument = input.instrument as Instrument;
      const items = input.items as ItemAnswer[];
      const scored = scoreMeasure(instrument, items);
      const id = await insertMeasure(db, {
        personId: person.id,
        instrument,
        items,
        ...scored,
        takenAt: takenAt as string,
        recordedBy: user.id,
      });
      await recordAudit(db, {
        userId: user.id,
        action: 'measure.record',
        entityType: 'person',
        entityId: person.id,
        detail: { measureId: id, instrument, complete: scored.complete },
      });
      return { ok: true, id, ...scored, takenAt: takenAt as string };
    },

    async remove(user, personId, measureId) {
      // The same people who may record one may take back one entered in error.
      if (user.role === 'voluntary_partner' || user.role === 'admin') return MAY_NOT_REMOVE;
      const person = await visiblePerson(user, personId);
      if (!person) return NOT_FOUND;
      if (!isUuid(measureId)) return NO_MEASURE;
      const removed = await removeMeasure(db, person.id, measureId, user.id);
      if (!removed) return NO_MEASURE;
      await recordAudit(db, {
        userId: user.id,
        action: 'measure.remove',
        entityType: 'person',
        entityId: person.id,
        detail: { measureId, ...removed },
      });
      return { ok: true };
    },
    list,

    async read(user, personId) {
      const listed = await list(user, personId);
      if (listed.ok) {
        await recordAudit(db, {
          userId: user.id,
          action: 'measures.read',
          entityType: 'person',
          // As the person's id is stored, for the trail to name them.
          entityId: personId.toLowerCase(),
        });
      }
      return listed;
    },

    items(instrument) {
      if (!isInstrument(instrument)) return null;
      return measureItems(instrument).map((item, i) => ({
        ...item,
        wording: wording?.[instrument][i] ?? null,
      }));
    },
  };
}
