import type * as fhir4 from 'fhir/r4.js';
import type { Instrument } from '../measures/instruments.js';
import type { Pathway } from '../person.js';
import type { Action, Barrier, Goal, GoalStatus } from '../plan/shared-plan.js';
import type { ReferralStatus, Urgency } from '../referrals/referrals.js';
import { ROLE_LABELS, type Role } from '../roles.js';

// The shared care plan as FHIR R4 (DESIGN §3), for a GP system or a shared care record to
// take in. A `collection` Bundle: every resource it names is in it, referred to by `urn:uuid:`.
// Codes come from FHIR's own code systems; what has no standard code (a pathway, a goal's
// category, a service) is carried as text rather than under a made-up code system.

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';
const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

/** A team member who appears in the plan: on the care team, owning an action, signing it off. */
export interface FhirTeamMember {
  id: string;
  name: string;
  role: Role;
}

export interface FhirReferral {
  id: string;
  service: string;
  provider: string;
  reason: string;
  goalId: string | null;
  urgency: Urgency;
  status: ReferralStatus;
  createdById: string;
  createdAt: string;
}

export interface FhirMeasure {
  id: string;
  instrument: Instrument;
  items: (number | null)[];
  /** The SWEMWBS metric score or the WEMWBS total; null when incomplete. */
  score: number | null;
  complete: boolean;
  takenAt: string;
  recordedById: string;
}

export interface FhirSignOff {
  id: string;
  label: string;
  signedById: string;
  createdAt: string;
}

/** Everything the Bundle is made from, read by the caller from the plan and the database. */
export interface CarePlanSource {
  planId: string;
  pathway: Pathway;
  neighbourhood: string;
  person: {
    id: string;
    nhsNumber: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    gpPractice: string | null;
  };
  /** Null when consent has never been asked; `toShare` false once withdrawn. */
  consent: { toShare: boolean; recordedAt: string; recordedById: string | null } | null;
  /** The neighbourhood team: the plan's CareTeam. */
  team: FhirTeamMember[];
  /** Anyone else the plan names, such as a former member who still owns an action. */
  others: { id: string; name: string }[];
  whatMattersToMe: string;
  goals: Goal[];
  barriers: Barrier[];
  actions: Action[];
  referrals: FhirReferral[];
  measures: FhirMeasure[];
  signOffs: FhirSignOff[];
  generatedAt: string;
}

/** The resources the Bundle holds, each with its id. */
export type CarePlanResource = (
  | fhir4.Patient
  | fhir4.Practitioner
  | fhir4.CarePlan
  | fhir4.CareTeam
  | fhir4.Condition
  | fhir4.Goal
  | fhir4.Task
  | fhir4.ServiceRequest
  | fhir4.QuestionnaireResponse
  | fhir4.Observation
  | fhir4.Consent
  | fhir4.Provenance
) & { id: string };

export interface FhirBundle extends fhir4.Bundle<CarePlanResource> {
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: CarePlanResource }[];
}

/**
 * An id of its own for a resource made from another's (the Observation scoring a
 * QuestionnaireResponse, the plan's CareTeam): the source UUID with its last 8 hex digits
 * turned by `salt`. Still a UUID, the same on every export, and distinct per salt.
 */
export function derivedId(uuid: string, salt: number): string {
  const tail = ((parseInt(uuid.slice(-8), 16) ^ salt) >>> 0).toString(16).padStart(8, '0');
  return `${uuid.slice(0, -8)}${tail}`;
}

const DERIVED = { bundle: 1, careTeam: 2, consent: 3, observation: 4 } as const;

const ref = (id: string, display?: string): fhir4.Reference => ({
  reference: `urn:uuid:${id}`,
  ...(display ? { display } : {}),
});
const text = (words: string): fhir4.CodeableConcept => ({ text: words });
const coded = (system: string, code: string, display?: string): fhir4.CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});
const label = (code: string) => {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const day = (iso: string) => iso.slice(0, 10);

const GOAL_LIFECYCLE: Record<GoalStatus, fhir4.Goal['lifecycleStatus']> = {
  active: 'active',
  achieved: 'completed',
  paused: 'on-hold',
  stopped: 'cancelled',
};

/** How the goal is going, from the person's own ratings: the last against the one before. */
function achievement(goal: Goal): string | null {
  if (goal.status === 'achieved') return 'achieved';
  const ratings = goal.progress.map((p) => p.value);
  if (ratings.length < 2) return ratings.length === 0 ? null : 'in-progress';
  const [before, last] = ratings.slice(-2) as [number, number];
  return last > before ? 'improving' : last < before ? 'worsening' : 'no-change';
}

const TASK_STATUS: Record<Action['status'], fhir4.Task['status']> = {
  open: 'requested',
  done: 'completed',
  cancelled: 'cancelled',
};

const REQUEST_STATUS: Record<ReferralStatus, fhir4.ServiceRequest['status']> = {
  sent: 'active',
  accepted: 'active',
  'in-progress': 'active',
  completed: 'completed',
  declined: 'revoked',
  withdrawn: 'revoked',
};

const PRIORITY: Record<Urgency, fhir4.ServiceRequest['priority']> = {
  routine: 'routine',
  soon: 'urgent',
  urgent: 'asap',
};

const SCORE_NAMES: Record<Instrument, string> = {
  WEMWBS: 'WEMWBS total score',
  SWEMWBS: 'SWEMWBS metric score',
};

/** The care plan, the person, their team and what the plan holds, as one FHIR R4 Bundle. */
export function carePlanBundle(source: CarePlanSource): FhirBundle {
  const { person, planId } = source;
  const personName = `${person.givenName} ${person.familyName}`;
  const patient = ref(person.id, personName);
  const careTeamId = derivedId(planId, DERIVED.careTeam);
  const named = new Map([...source.team, ...source.others].map((m) => [m.id, m]));
  const who = (id: string) => ref(id, named.get(id)?.name);
  const mentioned = new Set([
    ...source.team.map((m) => m.id),
    ...source.actions.flatMap((a) => (a.ownerId ? [a.createdBy, a.ownerId] : [a.createdBy])),
    ...source.referrals.map((r) => r.createdById),
    ...source.measures.map((m) => m.recordedById),
    ...source.signOffs.map((s) => s.signedById),
    ...(source.consent?.recordedById ? [source.consent.recordedById] : []),
  ]);

  const resources: CarePlanResource[] = [
    {
      resourceType: 'Patient',
      id: person.id,
      meta: { profile: [`${UK_CORE}/UKCore-Patient`] },
      identifier: [{ system: NHS_NUMBER_SYSTEM, value: person.nhsNumber }],
      name: [{ use: 'official', family: person.familyName, given: [person.givenName] }],
      birthDate: person.dateOfBirth,
      ...(person.gpPractice ? { generalPractitioner: [{ display: person.gpPractice }] } : {}),
    },
    ...[...mentioned].map((id): CarePlanResource => ({
      resourceType: 'Practitioner',
      id,
      meta: { profile: [`${UK_CORE}/UKCore-Practitioner`] },
      name: [{ text: named.get(id)?.name ?? 'A former team member' }],
    })),
    {
      resourceType: 'CarePlan',
      id: planId,
      status: 'active',
      intent: 'plan',
      category: [text(`${source.pathway} pathway`)],
      title: `Care plan for ${personName}`,
      ...(source.whatMattersToMe ? { description: source.whatMattersToMe } : {}),
      subject: patient,
      careTeam: [ref(careTeamId)],
      addresses: source.barriers.map((b) => ref(b.id)),
      goal: source.goals.map((g) => ref(g.id)),
      activity: [
        ...source.actions.map((a) => ({ reference: ref(a.id) })),
        ...source.referrals.map((r) => ({ reference: ref(r.id) })),
      ],
    },
    {
      resourceType: 'CareTeam',
      id: careTeamId,
      status: 'active',
      name: `${source.neighbourhood} neighbourhood team`,
      subject: patient,
      participant: source.team.map((m) => ({
        role: [text(ROLE_LABELS[m.role])],
        member: ref(m.id, m.name),
      })),
    },
    ...source.barriers.map((b): CarePlanResource => ({
      resourceType: 'Condition',
      id: b.id,
      clinicalStatus: coded(
        `${TERMINOLOGY}/condition-clinical`,
        b.status === 'overcome' ? 'resolved' : 'active',
      ),
      category: [coded(`${TERMINOLOGY}/condition-category`, 'problem-list-item')],
      code: text(b.text),
      subject: patient,
      recordedDate: b.createdAt,
      ...(b.overcomeBy ? { note: [{ text: `How it will be overcome: ${b.overcomeBy}` }] } : {}),
    })),
    ...source.goals.map((g): CarePlanResource => {
      const status = achievement(g);
      return {
        resourceType: 'Goal',
        id: g.id,
        lifecycleStatus: GOAL_LIFECYCLE[g.status],
        ...(status ? { achievementStatus: coded(`${TERMINOLOGY}/goal-achievement`, status) } : {}),
        category: [text(label(g.category))],
        description: text(g.text),
        subject: patient,
        startDate: day(g.createdAt),
        ...(g.reviewDate ? { target: [{ dueDate: g.reviewDate }] } : {}),
        expressedBy: patient,
        addresses: source.barriers.filter((b) => b.goalIds.includes(g.id)).map((b) => ref(b.id)),
      };
    }),
    ...source.actions.map((a): CarePlanResource => ({
      resourceType: 'Task',
      id: a.id,
      status: TASK_STATUS[a.status],
      intent: 'plan',
      description: a.text,
      basedOn: [ref(planId)],
      for: patient,
      authoredOn: a.createdAt,
      requester: who(a.createdBy),
      ...(a.ownerId ? { owner: who(a.ownerId) } : {}),
      ...(a.dueDate ? { restriction: { period: { end: a.dueDate } } } : {}),
      ...(a.link ? { reasonReference: ref(a.link.id) } : {}),
    })),
    ...source.referrals.map((r): CarePlanResource => ({
      resourceType: 'ServiceRequest',
      id: r.id,
      status: REQUEST_STATUS[r.status],
      intent: 'order',
      priority: PRIORITY[r.urgency],
      code: text(r.service),
      subject: patient,
      authoredOn: r.createdAt,
      requester: who(r.createdById),
      performer: [{ display: `${r.service}, ${r.provider}` }],
      reasonCode: [text(r.reason)],
      ...(r.goalId ? { supportingInfo: [ref(r.goalId)] } : {}),
      note: [{ text: `Referral ${r.status.replace('-', ' ')}` }],
    })),
    ...source.measures.flatMap((m) => measureResources(m, patient, who)),
    ...(source.consent ? [consentResource(source, patient)] : []),
    ...source.signOffs.map((s): CarePlanResource => ({
      resourceType: 'Provenance',
      id: s.id,
      target: [ref(planId)],
      recorded: s.createdAt,
      activity: text(`Signed off: ${s.label}`),
      agent: [
        {
          type: coded(`${TERMINOLOGY}/provenance-participant-type`, 'verifier'),
          who: who(s.signedById),
        },
      ],
    })),
  ];
  // A goal, action or barrier is referred to from the plan even if its item names one that is
  // gone: keep only references to what the Bundle holds, so that every one resolves.
  const held = new Set(resources.map((r) => `urn:uuid:${r.id}`));
  for (const r of resources) pruneDangling(r, held);

  return {
    resourceType: 'Bundle',
    id: derivedId(planId, DERIVED.bundle),
    type: 'collection',
    timestamp: source.generatedAt,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

function measureResources(
  m: FhirMeasure,
  patient: fhir4.Reference,
  who: (id: string) => fhir4.Reference,
): CarePlanResource[] {
  const response: CarePlanResource = {
    resourceType: 'QuestionnaireResponse',
    id: m.id,
    // Item wording is licensed (DESIGN §3): items go by number only.
    status: m.complete ? 'completed' : 'in-progress',
    subject: patient,
    authored: m.takenAt,
    author: who(m.recordedById),
    item: m.items.map((answer, i) => ({
      linkId: String(i + 1),
      text: `${m.instrument} item ${i + 1}`,
      ...(answer === null ? {} : { answer: [{ valueInteger: answer }] }),
    })),
  };
  if (!m.complete || m.score === null) return [response];
  return [
    response,
    {
      resourceType: 'Observation',
      id: derivedId(m.id, DERIVED.observation),
      status: 'final',
      category: [coded(`${TERMINOLOGY}/observation-category`, 'survey')],
      code: text(SCORE_NAMES[m.instrument]),
      subject: patient,
      effectiveDateTime: m.takenAt,
      performer: [who(m.recordedById)],
      valueQuantity: { value: m.score, unit: 'score' },
      derivedFrom: [ref(m.id)],
    },
  ];
}

function consentResource(source: CarePlanSource, patient: fhir4.Reference): CarePlanResource {
  const consent = source.consent!;
  return {
    resourceType: 'Consent',
    id: derivedId(source.person.id, DERIVED.consent),
    status: consent.toShare ? 'active' : 'inactive',
    scope: coded(`${TERMINOLOGY}/consentscope`, 'patient-privacy'),
    category: [coded('http://loinc.org', '59284-0', 'Patient Consent')],
    patient,
    dateTime: consent.recordedAt,
    ...(consent.recordedById ? { performer: [ref(consent.recordedById)] } : {}),
    policyRule: text(
      'Sharing the shared care plan with the voluntary-sector partners of the neighbourhood team',
    ),
    provision: { type: consent.toShare ? 'permit' : 'deny' },
  };
}

function pruneDangling(node: unknown, held: Set<string>): void {
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) {
      if (dangles(node[i], held)) node.splice(i, 1);
      else pruneDangling(node[i], held);
    }
  } else if (node && typeof node === 'object') {
    const fields = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      if (dangles(value, held)) delete fields[key];
      else pruneDangling(value, held);
    }
  }
}

/** A reference to a resource the Bundle lacks, or an activity that holds only one. */
function dangles(value: unknown, held: Set<string>): boolean {
  if (!value || typeof value !== 'object') return false;
  const reference = (value as { reference?: unknown }).reference;
  if (typeof reference === 'string') return !held.has(reference);
  return !!reference && typeof reference === 'object' && dangles(reference, held);
}
