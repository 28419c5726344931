import { beforeAll, describe, expect, it } from 'vitest';
import { me } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import {
  addMonths,
  addPerson,
  measuresOf,
  postMeasure,
  recordMeasure,
  same,
  SWEMWBS_METRIC,
} from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

// DESIGN §6's rows for POST and GET /api/people/:id/measures, and DESIGN §3's scoring.
// Every person here is added fresh, so no seeded measure is in the way.

describe(`wellbeing measures through the API (${databaseBackend})`, () => {
  let server: TestServer;
  let navCookie: string;

  beforeAll(async () => {
    server = await startServer();
    navCookie = await login(server.url, 'navigator@demo.test');
  });

  it('scores a complete SWEMWBS through the metric table and answers 201', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    // All 3s: raw 21, metric 19.25 (DESIGN §3).
    const res = await postMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: '2026-05-15',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: expect.any(String), raw: 21, complete: true });
    expect(body.score).toBeCloseTo(19.25, 2);

    // Uneven answers, checked against the table: 1+2+5+4+3+5+2 = 22 → 19.98.
    const mixed = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: [1, 2, 5, 4, 3, 5, 2],
      takenAt: '2026-05-16',
    });
    expect(mixed.raw).toBe(22);
    expect(mixed.score).toBeCloseTo(SWEMWBS_METRIC[22]!, 2);

    // The table's ends.
    const lowest = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 1),
      takenAt: '2026-05-17',
    });
    expect([lowest.raw, lowest.score]).toEqual([7, 7]);
    const highest = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 5),
      takenAt: '2026-05-18',
    });
    expect([highest.raw, highest.score]).toEqual([35, 35]);
  });

  it('scores a WEMWBS as its raw total, 14 to 70', async () => {
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const low = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'WEMWBS',
      items: same(14, 1),
      takenAt: '2026-04-01',
    });
    expect(low).toMatchObject({ raw: 14, score: 14, complete: true });
    const high = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'WEMWBS',
      items: same(14, 5),
      takenAt: '2026-07-01',
    });
    expect(high).toMatchObject({ raw: 70, score: 70, complete: true });
  });

  it('stores an incomplete response unscored, saying which item is missing', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const items = [3, 3, null, 3, 3, 3, 3];
    const res = await postMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items,
      takenAt: '2026-06-01',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: expect.any(String), complete: false, score: null });

    const { measures, baseline, followUpDue, followUpStatus, change } = await measuresOf(
      server.url,
      navCookie,
      person.id,
    );
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({
      id: body.id,
      instrument: 'SWEMWBS',
      items,
      raw: null,
      score: null,
      complete: false,
      takenAt: '2026-06-01',
    });
    expect(measures[0]!.incompleteReason).toMatch(/Item 3 was not answered/);
    // An unscored response is no baseline.
    expect(baseline).toBeNull();
    expect(followUpDue).toBeNull();
    expect(followUpStatus).toBe('baseline-missing');
    expect(change).toBeNull();
  });

  it('refuses a wrong item count, a value outside 1–5 or an unknown instrument with 400', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const refused: { instrument: string; items: unknown[] }[] = [
      { instrument: 'SWEMWBS', items: same(6, 3) },
      { instrument: 'SWEMWBS', items: same(8, 3) },
      { instrument: 'WEMWBS', items: same(7, 3) },
      { instrument: 'SWEMWBS', items: [0, 3, 3, 3, 3, 3, 3] },
      { instrument: 'SWEMWBS', items: [3, 3, 3, 3, 3, 3, 6] },
      { instrument: 'WEMWBS', items: [...same(13, 3), 6] },
      { instrument: 'SWEMWBS', items: [3, 3, 2.5, 3, 3, 3, 3] },
      { instrument: 'SWEMWBS', items: [3, 3, '3', 3, 3, 3, 3] },
      { instrument: 'GAD7', items: same(7, 3) },
    ];
    for (const body of refused) {
      const res = await postMeasure(server.url, navCookie, person.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error?: unknown }).error, JSON.stringify(body)).toEqual(
        expect.any(String),
      );
    }
    // Nothing refused was stored; the control: a valid one is.
    expect((await measuresOf(server.url, navCookie, person.id)).measures).toEqual([]);
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
    });
    expect((await measuresOf(server.url, navCookie, person.id)).measures).toHaveLength(1);
  });

  it('lists oldest first with the follow-up due three months after baseline, and the change with its meaning', async () => {
    const person = await addPerson(server.url, navCookie, 'Recovery');
    const navigator = await me(server.url, navCookie);
    const baselineAt = '2026-05-15';

    const base = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3), // 21 → 19.25
      takenAt: baselineAt,
    });
    const before = await measuresOf(server.url, navCookie, person.id);
    expect(before.baseline).toEqual({ id: base.id, takenAt: baselineAt });
    expect(before.followUpDue).toBe(addMonths(baselineAt, 3));
    expect(before.followUpDue).toBe('2026-08-15');
    expect(before.change).toBeNull();

    const follow = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 4), // 28 → 25.03
      takenAt: '2026-08-20',
    });
    const after = await measuresOf(server.url, navCookie, person.id);
    expect(after.measures.map((m) => m.id)).toEqual([base.id, follow.id]);
    expect(after.measures.map((m) => m.takenAt)).toEqual([baselineAt, '2026-08-20']);
    expect(after.measures[1]).toMatchObject({
      instrument: 'SWEMWBS',
      items: same(7, 4),
      raw: 28,
      complete: true,
      incompleteReason: null,
      recordedBy: { id: navigator.id, name: navigator.name },
    });
    expect(after.baseline).toEqual({ id: base.id, takenAt: baselineAt });
    expect(after.followUpDue).toBe('2026-08-15');
    // A complete follow-up 14 weeks after baseline: done.
    expect(after.followUpStatus).toBe('done');
    expect(after.change).toMatchObject({
      instrument: 'SWEMWBS',
      meaning: 'meaningful-improvement',
      text: expect.stringMatching(/\S/),
    });
    expect(after.change!.baselineScore).toBeCloseTo(19.25, 2);
    expect(after.change!.latestScore).toBeCloseTo(25.03, 2);
    expect(after.change!.change).toBeCloseTo(25.03 - 19.25, 2);
  });

  it('reads a change between 1 and 3 SWEMWBS points as possible, and a fall as a decline', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3), // 21 → 19.25
      takenAt: '2026-03-10',
    });
    // 23 → 20.73: +1.48.
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: [4, 4, 3, 3, 3, 3, 3],
      takenAt: '2026-06-10',
    });
    const possible = (await measuresOf(server.url, navCookie, person.id)).change!;
    expect(possible.meaning).toBe('possible-improvement');
    expect(possible.change).toBeCloseTo(1.48, 2);

    // 14 → 15.32: −3.93 from the baseline.
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 2),
      takenAt: '2026-07-10',
    });
    const decline = (await measuresOf(server.url, navCookie, person.id)).change!;
    expect(decline.meaning).toBe('meaningful-decline');
    expect(decline.change).toBeCloseTo(15.32 - 19.25, 2);
    expect(decline.latestScore).toBeCloseTo(15.32, 2);
  });

  it('compares a follow-up on the other questionnaire on the SWEMWBS items both hold', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    // WEMWBS items 1, 2, 3, 6, 7, 9 and 11 are the SWEMWBS: 3s there, 1s elsewhere (raw 21).
    const wemwbs = Array.from({ length: 14 }, (_, i) =>
      [0, 1, 2, 5, 6, 8, 10].includes(i) ? 3 : 1,
    );
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'WEMWBS',
      items: wemwbs,
      takenAt: '2026-03-10',
    });
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 4),
      takenAt: '2026-06-10',
    });
    const answer = await measuresOf(server.url, navCookie, person.id);
    expect(answer).toMatchObject({
      followUpStatus: 'done',
      change: {
        instrument: 'SWEMWBS',
        baselineScore: 19.25,
        latestScore: 25.03,
        change: 5.78,
        meaning: 'meaningful-improvement',
        note: 'Compared on SWEMWBS: the WEMWBS of 10 March 2026 is scored on the seven SWEMWBS items it holds.',
      },
    });
  });

  it('lists by the date taken, so a paper form entered late still comes first', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    const later = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 4),
      takenAt: '2026-09-01',
    });
    const earlier = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: '2026-06-01',
    });
    const answer = await measuresOf(server.url, navCookie, person.id);
    expect(answer.measures.map((m) => m.id)).toEqual([earlier.id, later.id]);
    expect(answer.baseline).toEqual({ id: earlier.id, takenAt: '2026-06-01' });
    expect(answer.followUpDue).toBe('2026-09-01');
  });

  it('takes the date from a date and time as the date on a London wall then', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention');
    // 23:30 UTC in British Summer Time is already the next day in London.
    const summerNight = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: '2026-07-01T23:30:00.000Z',
    });
    const morning = await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 4),
      takenAt: '2026-08-03T09:15',
    });
    const { measures } = await measuresOf(server.url, navCookie, person.id);
    expect(measures.map((m) => [m.id, m.takenAt])).toEqual([
      [summerNight.id, '2026-07-02'],
      [morning.id, '2026-08-03'],
    ]);
    for (const takenAt of [
      'yesterday',
      '2026-13-01',
      '2026-08-03T25:00Z',
      12,
      '3026-01-01T10:00Z',
    ]) {
      const res = await postMeasure(server.url, navCookie, person.id, {
        instrument: 'SWEMWBS',
        items: same(7, 3),
        takenAt,
      });
      expect(res.status, String(takenAt)).toBe(400);
      const answer = (await res.json()) as { fields?: Record<string, string> };
      expect(answer.fields?.takenAt, String(takenAt)).toEqual(expect.any(String));
    }
  });

  it('refuses a date taken before the person was born, or in a year that never was, and keeps nothing', async () => {
    // Born 1958-04-09 (see addPerson).
    const person = await addPerson(server.url, navCookie, 'Prevention');
    for (const takenAt of ['0000-01-01', '0001-01-01', '1900-01-01', '1958-04-08']) {
      const res = await postMeasure(server.url, navCookie, person.id, {
        instrument: 'SWEMWBS',
        items: same(7, 3),
        takenAt,
      });
      expect(res.status, takenAt).toBe(400);
      const answer = (await res.json()) as { fields?: Record<string, string> };
      expect(answer.fields?.takenAt, takenAt).toMatch(/date of birth, 9 April 1958/);
    }
    const refused = await measuresOf(server.url, navCookie, person.id);
    expect(refused).toMatchObject({ measures: [], baseline: null, followUpDue: null });

    // The control: the day of birth itself is possible.
    await recordMeasure(server.url, navCookie, person.id, {
      instrument: 'SWEMWBS',
      items: same(7, 3),
      takenAt: '1958-04-09',
    });
    expect((await measuresOf(server.url, navCookie, person.id)).followUpDue).toBe('1958-07-09');
  });

  it('lets neither a partner nor an admin record a measure', async () => {
    const person = await addPerson(server.url, navCookie, 'Prevention', { consent: true });
    const body = { instrument: 'SWEMWBS', items: same(7, 3) };
    for (const email of ['partner@demo.test', 'admin@demo.test']) {
      const cookie = await login(server.url, email);
      const res = await postMeasure(server.url, cookie, person.id, body);
      expect(res.status, email).toBe(403);
    }
    expect((await measuresOf(server.url, navCookie, person.id)).measures).toEqual([]);
  });
});
