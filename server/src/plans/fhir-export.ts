import type { Db } from '@careweave/db';
import {
  carePlanBundle,
  fragmentText,
  readActions,
  readBarriers,
  readGoals,
  sharedPlanDocument,
  whatMattersToMe,
  type FhirBundle,
  type Instrument,
  type Pathway,
  type ReferralStatus,
  type Urgency,
} from '@careweave/shared';
import type { Rooms } from '../collab/rooms.js';
import { documentNow } from '../collab/document-now.js';
import { listMeasuresOf } from '../repo/measures.js';
import type { findPersonByPlan } from '../repo/people.js';
import { listReferrals } from '../repo/referrals.js';
import { listTeam, userNames } from '../repo/users.js';
import { listVersions } from '../repo/versions.js';

type Person = NonNullable<Awaited<ReturnType<typeof findPersonByPlan>>>;

/**
 * The plan as a FHIR R4 Bundle: the shared document as it stands now, with the person's
 * referrals, wellbeing measures, consent and sign-offs. The clinical record stays out: it is
 * the GP system's own, and the team's clinical notes are not for a shared care record.
 */
export async function exportCarePlan(db: Db, rooms: Rooms, person: Person): Promise<FhirBundle> {
  const { planId } = person;
  const [shared, team, referrals, measures, versions] = await Promise.all([
    documentNow(rooms, sharedPlanDocument(planId)),
    listTeam(db, [person.neighbourhoodId]),
    listReferrals(db, { planId }),
    listMeasuresOf(db, [person.id]),
    listVersions(db, planId),
  ]);
  const actions = readActions(shared);
  const careTeam = team.filter((m) => m.role !== 'admin');
  const onTeam = new Set(careTeam.map((m) => m.id));
  const named = [
    ...actions.flatMap((a) => [a.createdBy, a.ownerId ?? '']),
    ...referrals.map((r) => r.createdById),
    ...measures.map((m) => m.recordedById),
    ...versions.map((v) => v.signedById),
    person.consentRecordedById ?? '',
  ].filter((id) => id && !onTeam.has(id));
  const others = await userNames(db, [...new Set(named)]);
  return carePlanBundle({
    planId,
    pathway: person.pathway as Pathway,
    neighbourhood: person.neighbourhood,
    person: {
      id: person.id,
      nhsNumber: person.nhsNumber,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      gpPractice: person.gpPractice,
    },
    consent: person.consentRecordedAt
      ? {
          toShare: person.consentToShare,
          recordedAt: person.consentRecordedAt.toISOString(),
          recordedById: person.consentRecordedById,
        }
      : null,
    team: careTeam,
    others: [...others].map(([id, name]) => ({ id, name })),
    whatMattersToMe: fragmentText(whatMattersToMe(shared)).trim(),
    goals: readGoals(shared),
    barriers: readBarriers(shared),
    actions,
    referrals: referrals.map((r) => ({
      id: r.id,
      service: r.serviceName,
      provider: r.providerName,
      reason: r.reason,
      goalId: r.goalId,
      urgency: r.urgency as Urgency,
      status: r.status as ReferralStatus,
      createdById: r.createdById,
      createdAt: r.createdAt.toISOString(),
    })),
    measures: measures.map((m) => ({
      id: m.id,
      instrument: m.instrument as Instrument,
      items: m.items,
      score: m.score,
      complete: m.complete,
      takenAt: m.takenAt,
      recordedById: m.recordedById,
    })),
    signOffs: versions.map((v) => ({
      id: v.id,
      label: v.label,
      signedById: v.signedById,
      createdAt: v.createdAt.toISOString(),
    })),
    generatedAt: new Date().toISOString(),
  });
}
