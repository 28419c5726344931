import { describe, expect, it } from 'vitest';
import { directoryName } from './directory-names.js';

describe('a directory name', () => {
  it('makes each run of inner spaces, tabs and line breaks one space', () => {
    expect(directoryName('heatons  money advice')).toBe('heatons money advice');
    expect(directoryName('Heatons\tMoney \n Advice')).toBe('Heatons Money Advice');
    expect(directoryName('Heatons\u00a0\u00a0Money Advice')).toBe('Heatons Money Advice');
  });

  it('trims the ends and keeps capitals and single spaces as typed', () => {
    expect(directoryName('  Tame Valley Peer Support ')).toBe('Tame Valley Peer Support');
    expect(directoryName('Offerton Men’s Shed')).toBe('Offerton Men’s Shed');
  });
});
