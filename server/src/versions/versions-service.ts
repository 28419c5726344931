import * as Y from 'yjs';
import type { Db } from '@careweave/db';
import {
  clinicalPlanDocument,
  isUuid,
  mayChair,
  mayRestoreVersion,
  restoreDocument,
  sharedPlanDocument,
} from '@careweave/shared';
import type { Rooms } from '../collab/rooms.js';
import type { Outcome } from '../person-detail.js';
import { planDocumentsFor, type PlanDocument } from '../plan-access.js';
import { recordAudit } from '../repo/audit.js';
import { markSignedOff } from '../repo/meeting-cases.js';
import { findMeeting, membership } from '../repo/meetings.js';
import { findPersonByPlan, type PersonRow } from '../repo/people.js';
import type { User } from '../repo/users.js';
import { findVersion, insertVersion, listVersions, type VersionRow } from '../repo/versions.js';
import {
  PLAN_SECTIONS,
  compareWithNow,
  previewRestore,
  type RestorePreview,
  type VersionComparison,
} from './version-comparison.js';

/** One row of `GET /api/plans/:planId/versions` (DESIGN §6). */
export interface VersionSummary {
  id: string;
  label: string;
  signedBy: { id: string; name: string };
  meetingId: string | null;
  /** ISO time of sign-off. */
  createdAt: string;
}

/** `GET /api/plans/:planId/versions/:id`: `state` is the base64 Yjs update at sign-off. */
export interface VersionView extends VersionSummary {
  documents: { name: string; state: string }[];
}

export type { RestorePreview, VersionComparison };

/** Signed-off versions of plans: list, sign off, read, compare with now, preview a restore, restore. */
export interface VersionsService {
  list(user: User, planId: string): Promise<Outcome<{ versions: VersionSummary[] }>>;
  /**
   * A sign-off at a meeting marks the person's case on its agenda as signed off. With
   * `oncePerMeeting`, refused (409) when the plan is already signed off at that meeting.
   */
  create(
    user: User,
    planId: string,
    input: { label?: unknown; meetingId?: unknown },
    options?: { oncePerMeeting?: boolean },
  ): Promise<Outcome<{ id: string }>>;
  get(user: User, planId: string, id: string): Promise<Outcome<{ version: VersionView }>>;
  compare(user: User, planId: string, id: string): Promise<Outcome<VersionComparison>>;
  /**
   * What a restore would change in each document the user may restore, for the confirmation:
   * audited as opening the version for a restore, not as a compare.
   */
  previewRestore(user: User, planId: string, id: string): Promise<Outcome<RestorePreview>>;
  /** Restores each document the user may write; answers which. Audited. */
  restore(user: User, planId: string, id: string): Promise<Outcome<{ restored: string[] }>>;
}

const NO_PLAN = {
  ok: false,
  status: 404,
  error: 'There is no such plan, or you do not have access to it.',
} as const;
const NO_VERSION = { ok: false, status: 404, error: 'This plan has no such version.' } as const;
const NOT_CHAIR = {
  ok: false,
  status: 403,
  error: 'Only the GP lead, or a member the team marks as chair, can sign off a plan.',
} as const;

const SIGNED_OFF = {
  ok: false,
  status: 409,
  error: 'This plan is already signed off at this meeting. Its version is in the plan’s history.',
} as const;

const MAY_NOT_RESTORE = {
  ok: false,
  status: 403,
  error: 'Only the care team can restore a signed-off version.',
} as const;
const READ_ONLY = {
  ok: false,
  status: 403,
  error: 'You can read this plan but not change it.',
} as const;

function summary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    label: row.label,
    signedBy: { id: row.signedById, name: row.signedByName },
    meetingId: row.meetingId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createVersionsService(db: Db, rooms: Rooms): VersionsService {
  /** The person and the plan documents the user may open; null when none. */
  async function readable(user: User, planId: string) {
    if (!isUuid(planId)) return null;
    const person = await findPersonByPlan(db, planId);
    if (!person) return null;
    const documents = planDocumentsFor(user, person);
    return documents.length > 0 ? { person, documents } : null;
  }

  async function version(user: User, planId: string, id: string) {
    const plan = await readable(user, planId);
    if (!plan) return NO_PLAN;
    const row = isUuid(id) ? await findVersion(db, planId, id) : null;
    if (!row) return NO_VERSION;
    const states = new Map(row.documents.map((d) => [d.name, d.state]));
    // Only what the caller may read, however the version was stored.
    const documents = plan.documents.flatMap((d: PlanDocument) => {
      const state = states.get(d.name);
      return state ? [{ ...d, state }] : [];
    });
    return { ok: true as const, row, person: plan.person, documents };
  }

  /** The version's documents the user may restore (those they may write), or why none. */
  async function restorable(user: User, planId: string, id: string) {
    const found = await version(user, planId, id);
    if (!found.ok) return found;
    if (!mayRestoreVersion(user.role)) return MAY_NOT_RESTORE;
    const writable = found.documents.filter((d) => d.access === 'write');
    if (writable.length === 0) return READ_ONLY;
    return { ok: true as const, writable, label: found.row.label };
  }

  return {
    async list(user, planId) {
      if (!(await readable(user, planId))) return NO_PLAN;
      return { ok: true, versions: (await listVersions(db, planId)).map(summary) };
    },

    async create(user, planId, input, { oncePerMeeting = false } = {}) {
      const person = isUuid(planId) ? await findPersonByPlan(db, planId) : null;
      if (!person) return NO_PLAN;
      const member = await membership(db, user.id, person.neighbourhoodId);
      // Whoever may see the plan, and the team's administrator (who reads no plan but knows
      // the team's people), is told they may not chair; to anyone else there is no such plan.
      const readable = planDocumentsFor(user, person).length > 0;
      if (!member.inTeam || !(readable || user.role === 'admin')) return NO_PLAN;
      if (!mayChair(user.role, member)) return NOT_CHAIR;
      const fields = await signOffProblems(person, input);
      if (Object.keys(fields).length > 0) {
        return { ok: false, status: 400, error: 'Check the fields marked.', fields };
      }
      // Every document, the clinical one too: a version is the whole plan as agreed.
      const names = [sharedPlanDocument(planId), clinicalPlanDocument(planId)];
      const documents = await Promise.all(
        names.map(async (name) => ({ name, state: await rooms.state(name) })),
      );
      const label = (input.label as string).trim();
      const meetingId = (input.meetingId as string | null | undefined) ?? null;
      const inserted = await insertVersion(
        db,
        { planId, label, signedBy: user.id, meetingId },
        documents,
        {
          oncePerMeeting,
          withVersion: async (tx, versionId) => {
            await recordAudit(tx, {
              userId: user.id,
              action: 'plan.sign-off',
              entityType: 'care_plan',
              entityId: planId,
              detail: { versionId, label, meetingId },
            });
            // The case shows it is signed off exactly when the version exists.
            if (meetingId) await markSignedOff(tx, meetingId, person.id, versionId);
          },
        },
      );
      if (!inserted) return SIGNED_OFF;
      return { ok: true, id: inserted.id };
    },

    async get(user, planId, id) {
      const found = await version(user, planId, id);
      if (!found.ok) return found;
      await auditOpened(user, planId, id, 'view');
      const documents = found.documents.map((d) => ({
        name: d.name,
        state: Buffer.from(d.state).toString('base64'),
      }));
      return { ok: true, version: { ...summary(found.row), documents } };
    },

    async compare(user, planId, id) {
      const found = await version(user, planId, id);
      if (!found.ok) return found;
      await auditOpened(user, planId, id, 'compare');
      return {
        ok: true,
        ...(await compareWithNow(db, rooms, found.row.createdAt, found.documents)),
      };
    },

    async previewRestore(user, planId, id) {
      const found = await restorable(user, planId, id);
      if (!found.ok) return found;
      await auditOpened(user, planId, id, 'restore-preview');
      return { ok: true, ...(await previewRestore(rooms, found.writable)) };
    },

    async restore(user, planId, id) {
      const found = await restorable(user, planId, id);
      if (!found.ok) return found;
      const { writable, label } = found;
      const note = { byId: user.id, byName: user.name, label, at: new Date().toISOString() };
      for (const d of writable) {
        const old = new Y.Doc();
        Y.applyUpdate(old, d.state);
        await rooms.change(d.name, user.id, (doc) =>
          restoreDocument(doc, old, PLAN_SECTIONS[d.kind], note),
        );
      }
      const restored = writable.map((d) => d.name);
      await recordAudit(db, {
        userId: user.id,
        action: 'plan.restore',
        entityType: 'care_plan',
        entityId: planId,
        detail: { versionId: id, documents: restored },
      });
      return { ok: true, restored };
    },
  };

  /** A version read is the plan as it was, opened: audited like the plan itself. */
  async function auditOpened(user: User, planId: string, versionId: string, how: string) {
    await recordAudit(db, {
      userId: user.id,
      action: 'version.open',
      entityType: 'care_plan',
      entityId: planId,
      detail: { versionId, how },
    });
  }

  async function signOffProblems(
    person: PersonRow,
    input: { label?: unknown; meetingId?: unknown },
  ) {
    const fields: Record<string, string> = {};
    const label = typeof input.label === 'string' ? input.label.trim() : '';
    if (!label || label.length > 200)
      fields.label = 'Give the version a name, up to 200 characters';
    const meetingId = input.meetingId;
    if (meetingId !== undefined && meetingId !== null) {
      const meeting =
        typeof meetingId === 'string' && isUuid(meetingId)
          ? await findMeeting(db, meetingId)
          : null;
      if (meeting?.neighbourhoodId !== person.neighbourhoodId) {
        fields.meetingId = 'Choose a meeting of this person’s neighbourhood team';
      }
    }
    return fields;
  }
}
