import { describe, expect, it } from 'vitest';
import {
  canSeePerson,
  mayChair,
  meetingDocumentAccess,
  planDocumentAccess,
  type Access,
} from './access.js';
import { ROLES, type Role } from './roles.js';
import { parseDocumentName } from './documents.js';

const consented = { inTeam: true, consentToShare: true };
const notConsented = { inTeam: true, consentToShare: false };

describe('plan document access', () => {
  it('lets clinical roles, and social workers for safeguarding, write both documents', () => {
    const writers = [
      'gp_lead',
      'gp',
      'nurse',
      'mental_health',
      'pharmacist',
      'social_worker',
    ] as const satisfies readonly Role[];
    for (const role of writers) {
      expect(planDocumentAccess(role, 'plan-shared', notConsented)).toBe('write');
      expect(planDocumentAccess(role, 'plan-clinical', notConsented)).toBe('write');
    }
  });

  it('lets navigators write shared and read clinical', () => {
    expect(planDocumentAccess('care_navigator', 'plan-shared', consented)).toBe('write');
    expect(planDocumentAccess('care_navigator', 'plan-clinical', consented)).toBe('read');
  });

  it('never shows clinical content to a voluntary partner, and shared only with consent', () => {
    expect(planDocumentAccess('voluntary_partner', 'plan-clinical', consented)).toBe('none');
    expect(planDocumentAccess('voluntary_partner', 'plan-shared', consented)).toBe('write');
    expect(planDocumentAccess('voluntary_partner', 'plan-shared', notConsented)).toBe('none');
    expect(canSeePerson('voluntary_partner', notConsented)).toBe(false);
  });

  it('gives administrators no plan content', () => {
    expect(planDocumentAccess('admin', 'plan-shared', consented)).toBe('none');
    expect(planDocumentAccess('admin', 'plan-clinical', consented)).toBe('none');
  });

  it('gives nobody outside the neighbourhood team anything', () => {
    for (const role of ROLES) {
      for (const kind of ['plan-shared', 'plan-clinical'] as const) {
        expect(planDocumentAccess(role, kind, { inTeam: false, consentToShare: true })).toBe(
          'none',
        );
      }
    }
  });
});

type Row = [Access, Access, Access, Access];
/**
 * The whole policy, written out by hand: for each role, shared then clinical, each as
 * [in team + consent, in team + no consent, not in team + consent, not in team + no consent].
 */
// prettier-ignore
const EXPECTED: Record<Role, { shared: Row; clinical: Row }> = {
  gp_lead:           { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  gp:                { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  nurse:             { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  mental_health:     { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  social_worker:     { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  physiotherapist:   { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  pharmacist:        { shared: ['write', 'write', 'none', 'none'], clinical: ['write', 'write', 'none', 'none'] },
  care_navigator:    { shared: ['write', 'write', 'none', 'none'], clinical: ['read',  'read',  'none', 'none'] },
  voluntary_partner: { shared: ['write', 'none',  'none', 'none'], clinical: ['none',  'none',  'none', 'none'] },
  admin:             { shared: ['none',  'none',  'none', 'none'], clinical: ['none',  'none',  'none', 'none'] },
};

const CONTEXTS = [
  { inTeam: true, consentToShare: true },
  { inTeam: true, consentToShare: false },
  { inTeam: false, consentToShare: true },
  { inTeam: false, consentToShare: false },
] as const;

describe('plan document access, exhaustively', () => {
  it('has a row for every role and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    for (const [kind, column] of [
      ['plan-shared', 'shared'],
      ['plan-clinical', 'clinical'],
    ] as const) {
      it(`gives ${role} on ${kind}: ${EXPECTED[role][column].join(' / ')}`, () => {
        const got = CONTEXTS.map((context) => planDocumentAccess(role, kind, context));
        expect(got).toEqual(EXPECTED[role][column]);
      });
    }

    it(`lets ${role} see a person exactly when they may open the shared document`, () => {
      const got = CONTEXTS.map((context) => canSeePerson(role, context));
      expect(got).toEqual(EXPECTED[role].shared.map((cell) => cell !== 'none'));
    });
  }

  it('never gives anyone clinical access they lack on the shared document', () => {
    const rank = { none: 0, read: 1, write: 2 } as const;
    for (const role of ROLES) {
      for (const context of CONTEXTS) {
        expect(
          rank[planDocumentAccess(role, 'plan-clinical', context)],
          `${role} ${JSON.stringify(context)}`,
        ).toBeLessThanOrEqual(rank[planDocumentAccess(role, 'plan-shared', context)]);
      }
    }
  });
});

describe('document names', () => {
  const id = '0b6f2c4e-7a1d-4c1e-9a55-1f2e3d4c5b6a';
  it('parses plan and meeting documents', () => {
    expect(parseDocumentName(`plan:${id}:shared`)).toEqual({
      kind: 'plan-shared',
      planId: id,
      name: `plan:${id}:shared`,
    });
    expect(parseDocumentName(`plan:${id}:clinical`)?.kind).toBe('plan-clinical');
    expect(parseDocumentName(`meeting:${id}`)?.kind).toBe('meeting');
  });

  it('rejects anything else', () => {
    for (const bad of ['', 'plan:1:shared', `plan:${id}:other`, `plan:${id}`, `x${id}`]) {
      expect(parseDocumentName(bad)).toBeNull();
    }
  });
});

describe('meeting access and chairing', () => {
  it('lets every team member write the meeting document except a partner and an admin', () => {
    for (const role of ROLES) {
      const expected = role === 'voluntary_partner' || role === 'admin' ? 'none' : 'write';
      expect(meetingDocumentAccess(role, { inTeam: true }), role).toBe(expected);
      expect(meetingDocumentAccess(role, { inTeam: false }), role).toBe('none');
    }
  });

  it('lets a GP lead chair, and anyone else only when the team marks them', () => {
    expect(mayChair('gp_lead', { inTeam: true, canChair: false })).toBe(true);
    expect(mayChair('nurse', { inTeam: true, canChair: false })).toBe(false);
    expect(mayChair('nurse', { inTeam: true, canChair: true })).toBe(true);
    expect(mayChair('gp_lead', { inTeam: false, canChair: true })).toBe(false);
    // Marked or not, neither reads the clinical sections a sign-off takes in.
    expect(mayChair('admin', { inTeam: true, canChair: true })).toBe(false);
    expect(mayChair('voluntary_partner', { inTeam: true, canChair: true })).toBe(false);
    expect(mayChair('care_navigator', { inTeam: true, canChair: true })).toBe(true);
  });
});
