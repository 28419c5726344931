import { freshNhsNumber, getJson, send } from './api.js';

// The measures rows of DESIGN §6, and the referrals, providers and dashboard API, typed as far as the tests read them.

/** Today in the service's time zone, as the server's `todayIso()` says it. */
export const TODAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());

/** `date` (YYYY-MM-DD) moved by whole calendar months; days past the month's end clamp to it. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `date` (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** DESIGN §3: the SWEMWBS raw → metric conversion table. */
export const SWEMWBS_METRIC: Record<number, number> = {
  7: 7.0,
  8: 9.51,
  9: 11.25,
  10: 12.4,
  11: 13.33,
  12: 14.08,
  13: 14.75,
  14: 15.32,
  15: 15.84,
  16: 16.36,
  17: 16.88,
  18: 17.43,
  19: 17.98,
  20: 18.59,
  21: 19.25,
  22: 19.98,
  23: 20.73,
  24: 21.54,
  25: 22.35,
  26: 23.21,
  27: 24.11,
  28: 25.03,
  29: 26.02,
  30: 27.03,
  31: 28.13,
  32: 29.31,
  33: 30.7,
  34: 32.55,
  35: 35.0,
};

export type Instrument = 'WEMWBS' | 'SWEMWBS';
export type Meaning =
  | 'meaningful-improvement'
  | 'possible-improvement'
  | 'no-change'
  | 'possible-decline'
  | 'meaningful-decline';
export type FollowUpStatus = 'baseline-missing' | 'not-yet-due' | 'due' | 'overdue' | 'done';

/** `POST /api/people/:id/measures` → 201. */
export interface RecordedMeasure {
  id: string;
  raw: number | null;
  score: number | null;
  complete: boolean;
  incompleteReason?: string | null;
  takenAt?: string;
}

export interface MeasureRow {
  id: string;
  instrument: Instrument;
  items: (number | null)[];
  raw: number | null;
  score: number | null;
  complete: boolean;
  incompleteReason: string | null;
  takenAt: string;
  recordedBy: { id: string; name: string };
}

/** `GET /api/people/:id/measures`. */
export interface MeasuresAnswer {
  measures: MeasureRow[];
  baseline: { id: string; takenAt: string } | null;
  followUpDue: string | null;
  followUpStatus: FollowUpStatus;
  change: {
    instrument: Instrument;
    baselineScore: number;
    latestScore: number;
    change: number;
    meaning: Meaning;
    text: string;
    note: string | null;
  } | null;
}

export function postMeasure(
  url: string,
  cookie: string,
  personId: string,
  body: { instrument: string; items: unknown[]; takenAt?: unknown },
): Promise<Response> {
  return send(url, 'POST', `/api/people/${personId}/measures`, cookie, body);
}

/** Records a measure and returns the 201 answer, failing loudly otherwise. */
export async function recordMeasure(
  url: string,
  cookie: string,
  personId: string,
  body: { instrument: Instrument; items: (number | null)[]; takenAt?: string },
): Promise<RecordedMeasure> {
  const res = await postMeasure(url, cookie, personId, body);
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST measures: expected 201, got ${res.status} ${text}`);
  return JSON.parse(text) as RecordedMeasure;
}

export function measuresOf(url: string, cookie: string, personId: string): Promise<MeasuresAnswer> {
  return getJson<MeasuresAnswer>(url, `/api/people/${personId}/measures`, cookie);
}

/** `n` copies of `value`: a response with every item the same. */
export const same = (n: number, value: number | null) => Array.from({ length: n }, () => value);

/** `GET /api/providers`. */
export interface Provider {
  id: string;
  name: string;
  description: string;
  services: { id: string; name: string; kind: string; description: string; active: boolean }[];
}

export function providers(url: string, cookie: string): Promise<Provider[]> {
  return getJson<Provider[]>(url, '/api/providers', cookie);
}

/** The first active service of the provider called `name`. */
export function serviceOf(all: Provider[], name: string) {
  const provider = all.find((p) => p.name === name);
  if (!provider) throw new Error(`no provider "${name}" in ${all.map((p) => p.name).join(', ')}`);
  const service = provider.services.find((s) => s.active);
  if (!service) throw new Error(`provider "${name}" has no active service`);
  return { provider, service };
}

export const TAME_VALLEY = 'Tame Valley Peer Support';

/** One referral as `GET /api/plans/:planId/referrals` and `GET /api/referrals` list it. */
export interface Referral {
  id: string;
  service: { id: string; name: string; kind: string };
  provider: { id: string; name: string };
  reason: string;
  goalId: string | null;
  urgency: string;
  status: string;
  /** Who records how it is going: the provider's own staff, or the care team. */
  updatedBy: 'provider' | 'team';
  createdBy: { id: string; name: string };
  createdAt: string;
  events: { status: string; note: string | null; by: { id: string; name: string }; at: string }[];
  personName?: string;
  planId?: string;
}

export async function makeReferral(
  url: string,
  cookie: string,
  planId: string,
  body: { serviceId: string; reason: string; urgency: string; goalId?: string },
): Promise<string> {
  const res = await send(url, 'POST', `/api/plans/${planId}/referrals`, cookie, body);
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST referral: expected 201, got ${res.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

/**
 * A new consented person, referred by the holder of `cookie` to the first service of `provider`;
 * `onPlan` reads the referral as their plan lists it now.
 */
export async function referNewPerson(
  url: string,
  cookie: string,
  provider: string,
  reason = 'Would like company on a weekly walk',
) {
  const person = await addPerson(url, cookie, 'Prevention', { consent: true });
  const { service } = serviceOf(await providers(url, cookie), provider);
  const id = await makeReferral(url, cookie, person.planId, {
    serviceId: service.id,
    reason,
    urgency: 'routine',
  });
  const onPlan = async () =>
    (await getJson<Referral[]>(url, `/api/plans/${person.planId}/referrals`, cookie)).find(
      (r) => r.id === id,
    )!;
  return { id, person, onPlan };
}

export function setReferralStatus(
  url: string,
  cookie: string,
  referralId: string,
  body: { status: string; note?: string },
): Promise<Response> {
  return send(url, 'POST', `/api/referrals/${referralId}/status`, cookie, body);
}

/** `GET /api/dashboard`. */
export interface Dashboard {
  caseloadByPathway: Record<string, number>;
  measures: { baselineMissing: number; followUpDue: number; followUpOverdue: number };
  overdueActionsByOwner: { ownerId: string | null; name: string; count: number }[];
  goalsByCategoryStatus: { category: string; status: string; count: number }[];
  wellbeingChange: {
    people: number;
    meaningfulImprovement: number;
    possibleImprovement: number;
    noChange: number;
    possibleDecline: number;
    meaningfulDecline: number;
    distribution: { instrument: Instrument; band: number; meaning: Meaning; count: number }[];
  };
  referralsByServiceStatus: {
    serviceId: string;
    service: string;
    provider: string;
    status: string;
    count: number;
  }[];
}

export interface DashboardListRow {
  personId: string;
  personName: string;
  planId: string;
  detail: unknown;
  itemId: string | null;
}

/** Adds a fictitious person through `POST /api/people`; consent recorded when asked. */
export async function addPerson(
  url: string,
  cookie: string,
  pathway: 'Prevention' | 'Recovery',
  opts: { consent?: boolean; familyName?: string } = {},
): Promise<{ id: string; planId: string; name: string }> {
  const familyName = opts.familyName ?? `Measureton-${Math.floor(Math.random() * 1e6)}`;
  const res = await send(url, 'POST', '/api/people', cookie, {
    nhsNumber: freshNhsNumber(),
    givenName: 'Nora',
    familyName,
    dateOfBirth: '1958-04-09',
    pathway,
    gpPractice: 'Heatons Group Practice',
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/people: ${res.status} ${text}`);
  const created = JSON.parse(text) as { id: string; planId: string };
  if (opts.consent) {
    const given = await send(url, 'PATCH', `/api/people/${created.id}`, cookie, {
      consentToShare: true,
    });
    if (given.status !== 200)
      throw new Error(`PATCH consent: ${given.status} ${await given.text()}`);
  }
  return { ...created, name: `Nora ${familyName}` };
}
