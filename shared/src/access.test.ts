import { describe, expect, it } from 'vitest';
import { canSeePerson, planDocumentAccess } from './access.js';
import { ROLES } from './roles.js';
import { parseDocumentName } from './documents.js';

const consented = { inTeam: true, consentToShare: true };
const notConsented = { inTeam: true, consentToShare: false };

describe('plan document access', () => {
  it('lets clinical roles write both documents', () => {
    for (const role of ['gp_lead', 'gp', 'nurse', 'mental_health', 'pharmacist'] as const) {
      expect(planDocumentAccess(role, 'plan-shared', notConsented)).toBe('write');
      expect(planDocumentAccess(role, 'plan-clinical', notConsented)).toBe('write');
    }
  });

  it('lets social workers and navigators write shared and read clinical', () => {
    for (const role of ['social_worker', 'care_navigator'] as const) {
      expect(planDocumentAccess(role, 'plan-shared', consented)).toBe('write');
      expect(planDocumentAccess(role, 'plan-clinical', consented)).toBe('read');
    }
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
