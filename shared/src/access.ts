import type { DocumentKind } from './documents.js';
import type { Role } from './roles.js';

/** What a user may do with a document. */
export type Access = 'none' | 'read' | 'write';

/** Facts about the person whose plan it is that change who may see it. */
export interface PlanContext {
  /** The viewer belongs to the team of the person's neighbourhood. */
  inTeam: boolean;
  /** The person has consented to share with voluntary-sector partners. */
  consentToShare: boolean;
}

type PlanKind = Exclude<DocumentKind, 'meeting'>;

/** Role × plan document → access, before the team and consent rules apply. */
export const PLAN_ACCESS: Readonly<Record<Role, Readonly<Record<PlanKind, Access>>>> = {
  gp_lead: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  gp: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  nurse: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  mental_health: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  physiotherapist: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  pharmacist: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  // Social workers own the safeguarding flags, which live in the clinical document (DESIGN §1).
  social_worker: { 'plan-shared': 'write', 'plan-clinical': 'write' },
  care_navigator: { 'plan-shared': 'write', 'plan-clinical': 'read' },
  voluntary_partner: { 'plan-shared': 'write', 'plan-clinical': 'none' },
  admin: { 'plan-shared': 'none', 'plan-clinical': 'none' },
};

/** The one access rule for plan documents, used by server and web alike. */
export function planDocumentAccess(role: Role, kind: PlanKind, plan: PlanContext): Access {
  if (!plan.inTeam) return 'none';
  if (role === 'voluntary_partner' && !plan.consentToShare) return 'none';
  return PLAN_ACCESS[role][kind];
}

/**
 * Whether a user may restore a signed-off version of a plan they may write: it rewrites the whole
 * plan, which is the care team's decision, not a voluntary partner's.
 */
export function mayRestoreVersion(role: Role): boolean {
  return role !== 'voluntary_partner' && role !== 'admin';
}

/** Whether a user may see that a person exists at all (lists, plan headers). */
export function canSeePerson(role: Role, plan: PlanContext): boolean {
  return planDocumentAccess(role, 'plan-shared', plan) !== 'none';
}

/**
 * Access to a `meeting:<id>` document: every member of the meeting's neighbourhood team may
 * write its discussion notes, except a voluntary partner and an administrator, who get none
 * (the notes may carry clinical detail; a partner follows the meeting over HTTP instead).
 */
export function meetingDocumentAccess(role: Role, meeting: { inTeam: boolean }): Access {
  if (!meeting.inTeam) return 'none';
  return role === 'voluntary_partner' || role === 'admin' ? 'none' : 'write';
}

/**
 * Whether a role can chair at all. A chair keeps the meeting's notes and signs off the whole
 * plan, so must read every plan document and write the meeting's: never an administrator or a
 * voluntary partner, whatever their team marked.
 */
export function roleMayChair(role: Role): boolean {
  return (
    PLAN_ACCESS[role]['plan-clinical'] !== 'none' &&
    meetingDocumentAccess(role, { inTeam: true }) === 'write'
  );
}

/** Who may chair a neighbourhood's MDT: its GP lead, or a member the team marked as chair. */
export function mayChair(role: Role, member: { inTeam: boolean; canChair: boolean }): boolean {
  if (!member.inTeam || !roleMayChair(role)) return false;
  return role === 'gp_lead' || member.canChair;
}
