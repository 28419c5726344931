import { describe, expect, it } from 'vitest';
import {
  mayManageTeam,
  memberChangeProblem,
  memberProblems,
  normaliseEmail,
  providerLinkProblem,
} from './team.js';

const admin = { id: 'a', role: 'admin' as const };

describe('team rules', () => {
  it('lets only an administrator manage the team', () => {
    expect(mayManageTeam('admin')).toBe(true);
    expect(mayManageTeam('gp_lead')).toBe(false);
    expect(memberChangeProblem({ id: 'g', role: 'gp_lead' }, { id: 'b' }, 'role')).toMatch(
      /Only a team administrator/,
    );
  });

  it('stops an administrator changing their own role or password or removing themselves', () => {
    expect(memberChangeProblem(admin, { id: 'a' }, 'role')).toMatch(/your own role/);
    expect(memberChangeProblem(admin, { id: 'a' }, 'remove')).toMatch(/remove yourself/);
    expect(memberChangeProblem(admin, { id: 'a' }, 'chair')).toBeNull();
    expect(memberChangeProblem(admin, { id: 'b' }, 'role')).toBeNull();
    expect(memberChangeProblem(admin, { id: 'b' }, 'remove')).toBeNull();
    expect(memberChangeProblem(admin, { id: 'a' }, 'password')).toMatch(/your own password/);
    expect(memberChangeProblem(admin, { id: 'b' }, 'password')).toBeNull();
  });

  it('gives a message per field for a new member', () => {
    expect(memberProblems({ name: 'Ada Test', email: 'ada@demo.test', role: 'nurse' })).toEqual({});
    expect(memberProblems({ name: ' ', email: 'nope', role: 'wizard', organisation: 3 })).toEqual({
      name: 'Enter the name',
      email: 'Enter an email address in the right format, like name@example.test',
      role: expect.stringMatching(/^Choose one of the roles/),
      organisation: 'Organisation must be text',
    });
    expect(memberProblems({})).toMatchObject({
      email: 'Enter the email address',
      role: 'Choose a role',
    });
  });

  it('links a partner, and only a partner, to a provider in the directory', () => {
    const provider = '0b6f3f8e-6c1a-4c55-9d0e-2f4b8a7c1d23';
    expect(providerLinkProblem('voluntary_partner', provider)).toBeNull();
    for (const none of [undefined, null, '']) {
      expect(providerLinkProblem('voluntary_partner', none)).toBe(
        'Choose the organisation they work for from the provider directory',
      );
      expect(providerLinkProblem('nurse', none)).toBeNull();
    }
    expect(providerLinkProblem('voluntary_partner', 'Tame Valley')).toBe(
      'Choose a provider from the directory',
    );
    expect(providerLinkProblem('voluntary_partner', 42)).toBe(
      'Choose a provider from the directory',
    );
    expect(providerLinkProblem('nurse', provider)).toMatch(/^Only a voluntary-sector partner/);
  });

  it('asks for a new partner’s provider, and not for an unknown role’s', () => {
    const partner = { name: 'Kim Test', email: 'kim@demo.test', role: 'voluntary_partner' };
    expect(memberProblems(partner)).toEqual({
      providerId: 'Choose the organisation they work for from the provider directory',
    });
    const provider = '0b6f3f8e-6c1a-4c55-9d0e-2f4b8a7c1d23';
    expect(memberProblems({ ...partner, providerId: provider })).toEqual({});
    expect(memberProblems({ ...partner, role: 'wizard', providerId: provider })).toEqual({
      role: expect.stringMatching(/^Choose one of the roles/),
    });
  });

  it('keys emails case-insensitively', () => {
    expect(normaliseEmail('  Ada@Demo.TEST ')).toBe('ada@demo.test');
  });
});
