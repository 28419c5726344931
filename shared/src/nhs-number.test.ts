import { describe, expect, it } from 'vitest';
import {
  formatNhsNumber,
  isValidNhsNumber,
  nhsNumberProblem,
  normaliseNhsNumber,
} from './nhs-number.js';

describe('NHS number validation', () => {
  it('accepts numbers from the 999 test range that pass Modulus 11', () => {
    for (const n of ['9990000018', '9990000026', '9990000034', '999 000 0042', '999-000-0050']) {
      expect(isValidNhsNumber(n), n).toBe(true);
    }
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNhsNumber('9990000019')).toBe(false);
    expect(nhsNumberProblem('9990000019')).toMatch(/check the digits/);
  });

  it('rejects numbers whose check digit would be 10', () => {
    // 999000000x: weights give remainder 1 -> check 10 -> never issued
    let found = false;
    for (let i = 0; i < 1000; i++) {
      const stem = `999000${String(i).padStart(3, '0')}`;
      let sum = 0;
      for (let d = 0; d < 9; d++) sum += Number(stem[d]) * (10 - d);
      if (11 - (sum % 11) === 10) {
        found = true;
        for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(stem + last)).toBe(false);
        break;
      }
    }
    expect(found).toBe(true);
  });

  it('maps a check of 11 to 0', () => {
    let sum = 0;
    const stem = '999000001';
    for (let d = 0; d < 9; d++) sum += Number(stem[d]) * (10 - d);
    // sanity: this stem has check 8 (9990000018); find one with remainder 0 instead
    expect(11 - (sum % 11)).toBe(8);
    for (let i = 0; i < 1000; i++) {
      const s = `999000${String(i).padStart(3, '0')}`;
      let t = 0;
      for (let d = 0; d < 9; d++) t += Number(s[d]) * (10 - d);
      if (t % 11 === 0) {
        expect(isValidNhsNumber(`${s}0`)).toBe(true);
        return;
      }
    }
    throw new Error('no stem with remainder 0 in range');
  });

  it('rejects wrong lengths, letters and repeated digits with a reason', () => {
    expect(nhsNumberProblem('999000001')).toMatch(/10 digits/);
    expect(nhsNumberProblem('99900000181')).toMatch(/10 digits/);
    expect(nhsNumberProblem('99900A0018')).toMatch(/digits only/);
    expect(nhsNumberProblem('')).toMatch(/digits only/);
    expect(nhsNumberProblem('0000000000')).toMatch(/same digit/);
    expect(nhsNumberProblem('4444444444')).toMatch(/same digit/);
  });

  it('accepts the groups separated by dots or any dash, as letters and phones write them', () => {
    for (const n of [
      '999.000.0018',
      '999–000–0018',
      '999—000—0018',
      '999 – 000 – 0018',
      '999−000−0018',
    ]) {
      expect(nhsNumberProblem(n), n).toBeNull();
      expect(normaliseNhsNumber(n), n).toBe('9990000018');
    }
    expect(nhsNumberProblem('999/000/0018')).toMatch(/digits only/);
    expect(nhsNumberProblem('999.000.0019')).toMatch(/check the digits/);
  });

  it('normalises and formats 3-3-4', () => {
    expect(normaliseNhsNumber(' 999 000 0018 ')).toBe('9990000018');
    expect(formatNhsNumber('9990000018')).toBe('999 000 0018');
    expect(() => normaliseNhsNumber('123')).toThrow(/10 digits/);
  });
});
