import type { Db } from '@careweave/db';
import {
  canEditPeople,
  canSeePerson,
  isUuid,
  normaliseNhsNumber,
  personProblems,
  type PersonInput,
  todayIso,
  withoutNhsNumberSeparators,
} from '@careweave/shared';
import { longDate } from './calendar.js';
import { planContextFor } from './plan-access.js';
import { recordAudit } from './repo/audit.js';
import {
  findPerson,
  findPersonByNhsNumber,
  insertPersonWithPlan,
  isUniqueViolation,
  updatePerson,
  type PersonChanges,
  type PersonRow,
} from './repo/people.js';
import type { User } from './repo/users.js';
import { personDetail, type Outcome, type PersonDetail } from './person-detail.js';

/** `POST /api/people`: the person's details, plus where they live and their consent. */
export interface NewPersonInput extends PersonInput {
  neighbourhoodId?: unknown;
  consentToShare?: unknown;
}

/** `PATCH /api/people/:id`: any of these; the NHS number may be sent but not changed. */
export type PersonPatch = Omit<NewPersonInput, 'neighbourhoodId'>;

/** Adding and editing the SQL record of a person (not their plan's documents). */
export interface PersonRecords {
  create(user: User, input: NewPersonInput): Promise<Outcome<{ id: string; planId: string }>>;
  get(user: User, personId: string): Promise<Outcome<{ person: PersonDetail }>>;
  /**
   * As `get`, audited as the person's details read: for a page or an API answer that shows them
   * outside their plan (whose opening is audited as the plan's).
   */
  open(user: User, personId: string): Promise<Outcome<{ person: PersonDetail }>>;
  update(
    user: User,
    personId: string,
    patch: PersonPatch,
  ): Promise<Outcome<{ person: PersonDetail }>>;
}

const NOT_ALLOWED = {
  ok: false,
  status: 403,
  error: 'Only clinicians, social workers and care navigators can add or change people’s details.',
} as const;
const NOT_FOUND = {
  ok: false,
  status: 404,
  error: 'There is no such person, or you do not have access to them.',
} as const;
const CHECK_FIELDS = 'Some details are missing or not right. Check the fields marked.';

const given = (value: unknown) => value !== undefined;
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const optionalText = (value: unknown) => trimmed(value) || null;

function consentProblem(value: unknown): Record<string, string> {
  return value === undefined || typeof value === 'boolean'
    ? {}
    : { consentToShare: 'Say whether the person consents to share: yes or no' };
}

/**
 * @param consentChanged called once a person's consent to share has been given or withdrawn,
 * so that whoever has their plan open is held to it at once.
 */
export function createPersonRecords(db: Db, consentChanged: () => void = () => {}): PersonRecords {
  async function visiblePerson(user: User, personId: string) {
    if (!isUuid(personId)) return null;
    const row = await findPerson(db, personId);
    return row && canSeePerson(user.role, planContextFor(user, row)) ? row : null;
  }

  async function get(user: User, personId: string): Promise<Outcome<{ person: PersonDetail }>> {
    const row = await visiblePerson(user, personId);
    return row ? { ok: true, person: personDetail(row) } : NOT_FOUND;
  }

  return {
    async create(user, input) {
      if (!canEditPeople(user.role)) return NOT_ALLOWED;
      const neighbourhoodId = given(input.neighbourhoodId)
        ? input.neighbourhoodId
        : user.neighbourhoods[0]?.id;
      const fields = {
        ...personProblems(input, todayIso()),
        ...consentProblem(input.consentToShare),
      };
      if (!user.neighbourhoods.some((n) => n.id === neighbourhoodId)) {
        fields.neighbourhoodId = 'Choose one of your neighbourhood teams';
      }
      if (Object.keys(fields).length > 0)
        return { ok: false, status: 400, error: CHECK_FIELDS, fields };

      const nhsNumber = normaliseNhsNumber(input.nhsNumber as string);
      const taken = (known: PersonRow | null) => {
        const visible = known && canSeePerson(user.role, planContextFor(user, known));
        return {
          ok: false,
          status: 409,
          error: alreadyKnown(visible ? known : null),
          ...(visible && {
            known: { name: `${known.givenName} ${known.familyName}`, planId: known.planId },
          }),
        } as const;
      };
      const known = await findPersonByNhsNumber(db, nhsNumber);
      if (known) return taken(known);
      const consent = input.consentToShare === true;
      let ids: { id: string; planId: string };
      try {
        ids = await insertPersonWithPlan(
          db,
          {
            nhsNumber,
            givenName: trimmed(input.givenName),
            familyName: trimmed(input.familyName),
            dateOfBirth: trimmed(input.dateOfBirth),
            pathway: input.pathway as string,
            gpPractice: optionalText(input.gpPractice),
            neighbourhoodId: neighbourhoodId as string,
            consentToShare: consent,
            consentRecordedBy: consent ? user.id : null,
            consentRecordedAt: consent ? new Date() : null,
          },
          user.id,
        );
      } catch (error) {
        // Someone added the same person a moment ago, between our check and our insert.
        if (isUniqueViolation(error)) return taken(await findPersonByNhsNumber(db, nhsNumber));
        throw error;
      }
      await recordAudit(db, {
        userId: user.id,
        action: 'person.create',
        entityType: 'person',
        entityId: ids.id,
        detail: { planId: ids.planId, consentToShare: consent },
      });
      return { ok: true, ...ids };
    },

    get,

    async open(user, personId) {
      const found = await get(user, personId);
      if (found.ok) {
        await recordAudit(db, {
          userId: user.id,
          action: 'person.open',
          entityType: 'person',
          entityId: found.person.id,
        });
      }
      return found;
    },

    async update(user, personId, patch) {
      if (!canEditPeople(user.role)) return NOT_ALLOWED;
      const row = await visiblePerson(user, personId);
      if (!row) return NOT_FOUND;
      const merged = {
        nhsNumber: row.nhsNumber,
        givenName: given(patch.givenName) ? patch.givenName : row.givenName,
        familyName: given(patch.familyName) ? patch.familyName : row.familyName,
        dateOfBirth: given(patch.dateOfBirth) ? patch.dateOfBirth : row.dateOfBirth,
        pathway: given(patch.pathway) ? patch.pathway : row.pathway,
        gpPractice: given(patch.gpPractice) ? patch.gpPractice : row.gpPractice,
      };
      const fields = {
        ...personProblems(merged, todayIso()),
        ...consentProblem(patch.consentToShare),
      };
      if (given(patch.nhsNumber) && !sameNhsNumber(patch.nhsNumber, row.nhsNumber)) {
        fields.nhsNumber = 'An NHS number cannot be changed. Add the person again if it was wrong.';
      }
      if (Object.keys(fields).length > 0)
        return { ok: false, status: 400, error: CHECK_FIELDS, fields };

      const changes: PersonChanges = {};
      const next = {
        givenName: trimmed(merged.givenName),
        familyName: trimmed(merged.familyName),
        dateOfBirth: trimmed(merged.dateOfBirth),
        pathway: merged.pathway as string,
        gpPractice: optionalText(merged.gpPractice),
      };
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (next[key] !== row[key]) Object.assign(changes, { [key]: next[key] });
      }
      if (
        typeof patch.consentToShare === 'boolean' &&
        patch.consentToShare !== row.consentToShare
      ) {
        // Giving or withdrawing consent: either way, record who and when.
        changes.consentToShare = patch.consentToShare;
        changes.consentRecordedBy = user.id;
        changes.consentRecordedAt = new Date();
      }
      const changed = Object.keys(changes).filter((k) => !k.startsWith('consentRecorded'));
      if (changed.length > 0) {
        await updatePerson(db, row.id, changes, user.id);
        await recordAudit(db, {
          userId: user.id,
          action: 'person.update',
          entityType: 'person',
          entityId: row.id,
          detail: {
            fields: changed,
            ...(given(changes.consentToShare) && { consentToShare: changes.consentToShare }),
          },
        });
        if (given(changes.consentToShare)) consentChanged();
      }
      const updated = await findPerson(db, row.id);
      return { ok: true, person: personDetail(updated!) };
    },
  };
}

/**
 * Why an NHS number already known cannot be added again, saying where to find its person: named
 * when the user may see them, and otherwise (null) only that they are with a team the user is not
 * in, where searching People would find nobody.
 */
function alreadyKnown(person: PersonRow | null): string {
  if (person) {
    const born = longDate(person.dateOfBirth);
    return `${person.givenName} ${person.familyName}, born ${born}, already has this NHS number: find them under People.`;
  }
  return (
    'Someone with this NHS number is already in Careweave, with a neighbourhood team you are ' +
    'not in. Check the number; if it is right, ask that team about them.'
  );
}

function sameNhsNumber(sent: unknown, stored: string): boolean {
  return typeof sent === 'string' && withoutNhsNumberSeparators(sent) === stored;
}
