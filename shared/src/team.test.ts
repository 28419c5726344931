import { describe, expect, it } from 'vitest';
import { mayManageTeam, memberChangeProblem, memberProblems, normaliseEmail } from './team.js';

const admin = { id: 'a', role: 'admin' as const };

describe('team rules', () => {
  it('lets only an administrator manage the team', () => {
    expect(mayManageTeam('admin')).toBe(true);
    expect(mayManageTeam('gp_lead')).toBe(false);
    expect(memberChangeProblem({ id: 'g', role: 'gp_lead' }, { id: 'b' }, 'role')).toMatch(
      /Only a team administrator/,
    );
  });

  it('stops an administrator changing their own role or removing themselves', () => {
    expect(memberChangeProblem(admin, { id: 'a' }, 'role')).toMatch(/your own role/);
    expect(memberChangeProblem(admin, { id: 'a' }, 'remove')).toMatch(/remove yourself/);
    expect(memberChangeProblem(admin, { id: 'a' }, 'chair')).toBeNull();
    expect(memberChangeProblem(admin, { id: 'b' }, 'role')).toBeNull();
    expect(memberChangeProblem(admin, { id: 'b' }, 'remove')).toBeNull();
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

  it('keys emails case-insensitively', () => {
    expect(normaliseEmail('  Ada@Demo.TEST ')).toBe('ada@demo.test');
  });
});
