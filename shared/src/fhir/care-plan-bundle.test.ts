import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isUuid } from '../documents.js';
import { newId } from '../plan/ids.js';
import {
  addAction,
  addBarrier,
  addGoal,
  readActions,
  readBarriers,
  readGoals,
  recordProgress,
  removeSharedItem,
} from '../plan/shared-plan.js';
import {
  carePlanBundle,
  derivedId,
  NHS_NUMBER_SYSTEM,
  type CarePlanSource,
  type FhirBundle,
} from './care-plan-bundle.js';

const nurse = { id: newId(), name: 'Sam Whitfield', role: 'nurse' as const };
const navigator = { id: newId(), name: 'Jo Hartley', role: 'care_navigator' as const };
const formerId = newId();

function plan() {
  const doc = new Y.Doc();
  const walk = addGoal(
    doc,
    { text: 'Walk to the shops', horizon: 'month', category: 'physical-health' },
    navigator.id,
  );
  recordProgress(doc, walk, 3, navigator.id);
  recordProgress(doc, walk, 6, nurse.id);
  const choir = addGoal(
    doc,
    { text: 'Join the choir', horizon: 'year', category: 'social-connection', status: 'paused' },
    navigator.id,
  );
  const falls = addBarrier(
    doc,
    { text: 'Afraid of falling', kind: 'mobility', goalIds: [walk], overcomeBy: 'Balance class' },
    nurse.id,
  );
  const book = addAction(
    doc,
    {
      text: 'Book the balance class',
      ownerId: nurse.id,
      dueDate: '2026-12-09',
      link: { kind: 'barrier', id: falls },
    },
    nurse.id,
  );
  const ask = addAction(
    doc,
    { text: 'Ask about choir times', ownerId: formerId, link: { kind: 'goal', id: choir } },
    navigator.id,
  );
  return { doc, walk, choir, falls, book, ask };
}

function source(doc: Y.Doc, overrides: Partial<CarePlanSource> = {}): CarePlanSource {
  const personId = newId();
  return {
    planId: newId(),
    pathway: 'Prevention',
    neighbourhood: 'Heatons',
    person: {
      id: personId,
      nhsNumber: '9990000018',
      givenName: 'Ada',
      familyName: 'Testperson',
      dateOfBirth: '1950-03-04',
      gpPractice: 'Heaton Moor Medical Group',
    },
    consent: { toShare: true, recordedAt: '2026-10-01T09:00:00.000Z', recordedById: nurse.id },
    team: [nurse, navigator],
    others: [],
    whatMattersToMe: 'Seeing my grandchildren',
    goals: readGoals(doc),
    barriers: readBarriers(doc),
    actions: readActions(doc),
    referrals: [],
    measures: [],
    signOffs: [],
    generatedAt: '2026-12-02T10:00:00.000Z',
    ...overrides,
  };
}

const resources = (bundle: FhirBundle, type: string) =>
  bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
const only = (bundle: FhirBundle, type: string) => {
  const found = resources(bundle, type);
  expect(found, type).toHaveLength(1);
  return found[0]! as Record<string, unknown>;
};
const byId = (bundle: FhirBundle, id: string) =>
  bundle.entry.find((e) => e.resource.id === id)!.resource as Record<string, unknown>;

/** Every `reference` anywhere in a value. */
function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'reference' && typeof v === 'string' ? [v] : references(v),
  );
}

describe('the care plan as a FHIR R4 Bundle', () => {
  it('is a collection in which every reference resolves, each resource once', () => {
    const { doc } = plan();
    const bundle = carePlanBundle(source(doc));
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const entry of bundle.entry) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
      expect(isUuid(entry.resource.id)).toBe(true);
    }
    const held = new Set(urls);
    const refs = references(bundle.entry);
    expect(refs.length).toBeGreaterThan(10);
    for (const reference of refs) expect(held.has(reference), reference).toBe(true);
  });

  it('names the person by NHS number and the plan by its pathway and team', () => {
    const { doc, walk, choir, falls, book, ask } = plan();
    const from = source(doc);
    const bundle = carePlanBundle(from);
    const patient = only(bundle, 'Patient');
    expect(patient.identifier).toEqual([{ system: NHS_NUMBER_SYSTEM, value: '9990000018' }]);
    expect(patient.birthDate).toBe('1950-03-04');

    const carePlan = only(bundle, 'CarePlan');
    expect(carePlan).toMatchObject({
      id: from.planId,
      status: 'active',
      intent: 'plan',
      category: [{ text: 'Prevention pathway' }],
      description: 'Seeing my grandchildren',
      subject: { reference: `urn:uuid:${from.person.id}` },
    });
    expect(references(carePlan.goal)).toEqual([walk, choir].map((id) => `urn:uuid:${id}`));
    expect(references(carePlan.addresses)).toEqual([`urn:uuid:${falls}`]);
    expect(references(carePlan.activity)).toEqual([book, ask].map((id) => `urn:uuid:${id}`));

    const team = only(bundle, 'CareTeam');
    expect(team.participant).toEqual([
      {
        role: [{ text: 'Practice nurse' }],
        member: { reference: `urn:uuid:${nurse.id}`, display: 'Sam Whitfield' },
      },
      {
        role: [{ text: 'Care navigator' }],
        member: { reference: `urn:uuid:${navigator.id}`, display: 'Jo Hartley' },
      },
    ]);
    // Someone no longer on the team still owns an action: named as such, not left dangling.
    expect(byId(bundle, formerId).name).toEqual([{ text: 'A former team member' }]);
    const named = carePlanBundle({ ...from, others: [{ id: formerId, name: 'Lee Moss' }] });
    expect(byId(named, formerId).name).toEqual([{ text: 'Lee Moss' }]);
    expect(references(only(named, 'CareTeam'))).not.toContain(`urn:uuid:${formerId}`);
  });

  it('gives goals as the person expressed them, with how they are going', () => {
    const { doc, walk, choir, falls } = plan();
    const from = source(doc);
    const bundle = carePlanBundle(from);
    expect(byId(bundle, walk)).toMatchObject({
      lifecycleStatus: 'active',
      achievementStatus: { coding: [{ code: 'improving' }] },
      category: [{ text: 'Physical health' }],
      description: { text: 'Walk to the shops' },
      expressedBy: { reference: `urn:uuid:${from.person.id}` },
      addresses: [{ reference: `urn:uuid:${falls}` }],
    });
    const paused = byId(bundle, choir);
    expect(paused.lifecycleStatus).toBe('on-hold');
    expect(paused).not.toHaveProperty('achievementStatus');
    expect(byId(bundle, falls)).toMatchObject({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { text: 'Afraid of falling' },
      note: [{ text: 'How it will be overcome: Balance class' }],
    });
  });

  it('gives actions as tasks with their owner and due date', () => {
    const { doc, book, falls } = plan();
    const bundle = carePlanBundle(source(doc));
    expect(byId(bundle, book)).toMatchObject({
      resourceType: 'Task',
      status: 'requested',
      intent: 'plan',
      description: 'Book the balance class',
      owner: { reference: `urn:uuid:${nurse.id}`, display: 'Sam Whitfield' },
      restriction: { period: { end: '2026-12-09' } },
      reasonReference: { reference: `urn:uuid:${falls}` },
    });
  });

  it('drops a reference to an item since removed, rather than leave it dangling', () => {
    const { doc, ask, choir } = plan();
    removeSharedItem(doc, 'goal', choir);
    const bundle = carePlanBundle(source(doc));
    expect(byId(bundle, ask)).not.toHaveProperty('reasonReference');
  });

  it('gives referrals as service requests, open ones active and ended ones not', () => {
    const { doc, walk } = plan();
    const referral = {
      service: 'Strength and balance',
      provider: 'Stockport Active',
      reason: 'Falls',
      goalId: walk,
      urgency: 'soon' as const,
      createdById: nurse.id,
      createdAt: '2026-11-01T10:00:00.000Z',
    };
    const sent = { ...referral, id: newId(), status: 'accepted' as const };
    const ended = { ...referral, id: newId(), status: 'withdrawn' as const, goalId: null };
    const bundle = carePlanBundle(source(doc, { referrals: [sent, ended] }));
    expect(byId(bundle, sent.id)).toMatchObject({
      status: 'active',
      intent: 'order',
      priority: 'urgent',
      code: { text: 'Strength and balance' },
      performer: [{ display: 'Strength and balance, Stockport Active' }],
      reasonCode: [{ text: 'Falls' }],
      supportingInfo: [{ reference: `urn:uuid:${walk}` }],
      requester: { reference: `urn:uuid:${nurse.id}` },
    });
    expect(byId(bundle, ended.id).status).toBe('revoked');
  });

  it('gives a scored measure as a response and an observation, an incomplete one unscored', () => {
    const { doc } = plan();
    const scored = {
      id: newId(),
      instrument: 'SWEMWBS' as const,
      items: [3, 3, 3, 3, 3, 3, 3],
      score: 19.98,
      complete: true,
      takenAt: '2026-09-01',
      recordedById: navigator.id,
    };
    const incomplete = {
      ...scored,
      id: newId(),
      items: [3, null, 3, 3, 3, 3, 3],
      score: null,
      complete: false,
    };
    const bundle = carePlanBundle(source(doc, { measures: [scored, incomplete] }));
    expect(resources(bundle, 'QuestionnaireResponse')).toHaveLength(2);
    const [observation] = resources(bundle, 'Observation');
    expect(observation).toMatchObject({
      status: 'final',
      code: { text: 'SWEMWBS metric score' },
      valueQuantity: { value: 19.98 },
      effectiveDateTime: '2026-09-01',
      derivedFrom: [{ reference: `urn:uuid:${scored.id}` }],
    });
    const unscored = byId(bundle, incomplete.id);
    expect(unscored.status).toBe('in-progress');
    expect((unscored.item as { answer?: unknown }[])[1]).not.toHaveProperty('answer');
  });

  it('records consent to share as given, withdrawn, or not asked', () => {
    const { doc } = plan();
    expect(only(carePlanBundle(source(doc)), 'Consent')).toMatchObject({
      status: 'active',
      provision: { type: 'permit' },
      performer: [{ reference: `urn:uuid:${nurse.id}` }],
    });
    const withdrawn = {
      toShare: false,
      recordedAt: '2026-11-01T09:00:00.000Z',
      recordedById: null,
    };
    expect(only(carePlanBundle(source(doc, { consent: withdrawn })), 'Consent')).toMatchObject({
      status: 'inactive',
      provision: { type: 'deny' },
    });
    expect(resources(carePlanBundle(source(doc, { consent: null })), 'Consent')).toEqual([]);
  });

  it('records a sign-off as provenance of the plan, by the chair', () => {
    const { doc } = plan();
    const chair = { id: newId(), name: 'Dr Priya Natarajan', role: 'gp_lead' as const };
    const signOff = {
      id: newId(),
      label: 'Agreed at Heatons MDT',
      signedById: chair.id,
      createdAt: '2026-11-23T12:00:00.000Z',
    };
    const from = source(doc, { team: [nurse, navigator, chair], signOffs: [signOff] });
    expect(only(carePlanBundle(from), 'Provenance')).toMatchObject({
      target: [{ reference: `urn:uuid:${from.planId}` }],
      recorded: signOff.createdAt,
      activity: { text: 'Signed off: Agreed at Heatons MDT' },
      agent: [{ who: { reference: `urn:uuid:${chair.id}`, display: 'Dr Priya Natarajan' } }],
    });
  });
});

describe('a derived resource id', () => {
  it('is a UUID of its own, the same each time', () => {
    const id = 'f0e1d2c3-b4a5-4968-8778-ffffffffffff';
    expect(isUuid(derivedId(id, 2))).toBe(true);
    expect(derivedId(id, 2)).toBe(derivedId(id, 2));
    expect(new Set([id, derivedId(id, 1), derivedId(id, 2)]).size).toBe(3);
  });
});
