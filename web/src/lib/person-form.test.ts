import { describe, expect, it } from 'vitest';
import { editOutcome, parseOpened, type EditableValues } from './person-form';

const opened: EditableValues = {
  givenName: 'Joan',
  familyName: 'Featherstone',
  dateOfBirth: '1948-03-02',
  pathway: 'prevention',
  gpPractice: 'Heaton Moor Medical Centre',
  consentToShare: true,
};

describe('saving an edit form over a record that may have changed', () => {
  it('saves only what the form changed, so consent withdrawn meanwhile stays withdrawn', () => {
    const typed = { ...opened, gpPractice: 'Bramhall Health Centre' };
    const now = { ...opened, consentToShare: false };
    expect(editOutcome(opened, typed, now)).toEqual({ edited: ['gpPractice'], clashes: [] });
  });

  it('finds a field both changed, to different values, but not one both changed alike', () => {
    const typed = { ...opened, gpPractice: 'Bramhall Health Centre', consentToShare: false };
    const now = { ...opened, gpPractice: 'Marple Medical Practice', consentToShare: false };
    expect(editOutcome(opened, typed, now)).toEqual({
      edited: ['gpPractice', 'consentToShare'],
      clashes: ['gpPractice'],
    });
  });

  it('reads the values a form was opened with, and nothing else', () => {
    expect(parseOpened(JSON.stringify({ ...opened, extra: 1 }))).toEqual(opened);
    expect(parseOpened(JSON.stringify({ ...opened, consentToShare: 'yes' }))).toBeNull();
    expect(parseOpened('{not json')).toBeNull();
    expect(parseOpened('null')).toBeNull();
    expect(parseOpened(null)).toBeNull();
  });
});
