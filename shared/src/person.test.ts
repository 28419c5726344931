import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.js';
import { PATHWAYS, canEditPeople, isIsoDate, personProblems } from './person.js';

const TODAY = '2026-11-23';
const valid = {
  nhsNumber: '999 000 0018',
  givenName: 'Margaret',
  familyName: 'Ellison',
  dateOfBirth: '1948-03-12',
  pathway: 'Recovery',
  gpPractice: 'Heatons Group Practice',
};

describe('personProblems', () => {
  it('finds nothing wrong with complete, valid details', () => {
    expect(personProblems(valid, TODAY)).toEqual({});
    expect(personProblems({ ...valid, gpPractice: undefined }, TODAY)).toEqual({});
    expect(personProblems({ ...valid, gpPractice: '' }, TODAY)).toEqual({});
  });

  it('gives one message per invalid field', () => {
    const problems = personProblems(
      { nhsNumber: '9990000019', givenName: ' ', dateOfBirth: '2030-01-01', pathway: 'Other' },
      TODAY,
    );
    expect(Object.keys(problems).sort()).toEqual([
      'dateOfBirth',
      'familyName',
      'givenName',
      'nhsNumber',
      'pathway',
    ]);
    expect(problems.nhsNumber).toMatch(/check the digits/);
    expect(problems.givenName).toBe('Enter the given name');
    expect(problems.familyName).toBe('Enter the family name');
    expect(problems.dateOfBirth).toMatch(/past/);
    expect(problems.pathway).toMatch(/Prevention or Recovery/);
  });

  it('requires an NHS number and uses the NHS-number check', () => {
    expect(personProblems({ ...valid, nhsNumber: '' }, TODAY).nhsNumber).toBe(
      'Enter the NHS number',
    );
    expect(personProblems({ ...valid, nhsNumber: '12345' }, TODAY).nhsNumber).toMatch(/10 digits/);
    expect(personProblems({ ...valid, nhsNumber: 9990000018 }, TODAY).nhsNumber).toMatch(/digits/);
  });

  it('limits names to 100 characters and the GP practice to 200', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(personProblems({ ...valid, givenName: long(100) }, TODAY)).toEqual({});
    expect(personProblems({ ...valid, givenName: long(101) }, TODAY).givenName).toMatch(/100/);
    expect(personProblems({ ...valid, familyName: long(101) }, TODAY).familyName).toMatch(/100/);
    expect(personProblems({ ...valid, gpPractice: long(200) }, TODAY)).toEqual({});
    expect(personProblems({ ...valid, gpPractice: long(201) }, TODAY).gpPractice).toMatch(/200/);
  });

  it('takes names with accents, apostrophes, hyphens and spaces, but not on several lines', () => {
    const names = { givenName: 'Siân Zoë', familyName: 'O’Brien-Núñez de la Cruz' };
    expect(personProblems({ ...valid, ...names }, TODAY)).toEqual({});
    const broken = personProblems(
      {
        ...valid,
        givenName: 'Anne\nMarie',
        familyName: 'Ellison\tX',
        gpPractice: 'Heatons\u0007',
      },
      TODAY,
    );
    expect(broken.givenName).toMatch(/one line/);
    expect(broken.familyName).toMatch(/one line/);
    expect(broken.gpPractice).toMatch(/one line/);
    // Spaces or a line break around a name are trimmed away, not refused.
    expect(personProblems({ ...valid, givenName: ' Margaret\n' }, TODAY)).toEqual({});
  });

  it('wants a real date of birth, not in the future and not before 1900', () => {
    const dob = (dateOfBirth: unknown) => personProblems({ ...valid, dateOfBirth }, TODAY);
    expect(dob('12/03/1948').dateOfBirth).toMatch(/year-month-day/);
    expect(dob('').dateOfBirth).toBe('Enter the date of birth');
    expect(dob('1948-02-30').dateOfBirth).toMatch(/real date/);
    expect(dob('2026-11-24').dateOfBirth).toMatch(/past/);
    expect(dob(TODAY)).toEqual({});
    expect(dob('1900-01-01')).toEqual({});
    expect(dob('1899-12-31').dateOfBirth).toMatch(/1900/);
  });

  it('accepts only the two pathways', () => {
    for (const pathway of PATHWAYS)
      expect(personProblems({ ...valid, pathway }, TODAY)).toEqual({});
    expect(personProblems({ ...valid, pathway: 'recovery' }, TODAY).pathway).toBeDefined();
    expect(personProblems({ ...valid, pathway: undefined }, TODAY).pathway).toBeDefined();
  });
});

describe('isIsoDate', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate(20240229)).toBe(false);
  });
});

describe('canEditPeople', () => {
  it('lets clinical roles, social workers and care navigators add people, nobody else', () => {
    const allowed = ROLES.filter(canEditPeople);
    expect(allowed.sort()).toEqual(
      [
        'care_navigator',
        'gp',
        'gp_lead',
        'mental_health',
        'nurse',
        'pharmacist',
        'physiotherapist',
        'social_worker',
      ].sort(),
    );
  });
});
