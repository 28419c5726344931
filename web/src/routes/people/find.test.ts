import { describe, expect, it } from 'vitest';
import { findsPerson, searchWords } from './find';

const person = (name: string, nhsNumber = '9990000018') => ({ name, nhsNumber });

describe('findsPerson', () => {
  it('finds a name without its accents, as an English keyboard types it', () => {
    expect(findsPerson(person('Zoë Núñez'), 'zoe nunez')).toBe(true);
    expect(findsPerson(person('Łucja Nørgaard'), 'lucja norgaard')).toBe(true);
    // The same name written with a combining accent, as some systems store it.
    expect(findsPerson(person('Zoe\u0308 Nu\u0303n\u0303ez'), 'Zoë Núñez')).toBe(true);
  });

  it('finds a name whatever apostrophe either was typed with, or none', () => {
    for (const query of ["o'brien", 'O’Brien', 'OBrien', 'o‘brien']) {
      expect(findsPerson(person('Siân O’Brien'), query), query).toBe(true);
      expect(findsPerson(person("Siân O'Brien"), query), query).toBe(true);
    }
  });

  it('finds family name first, with a comma, or a hyphenated name in parts', () => {
    expect(findsPerson(person('Margaret Ellison'), 'Ellison, Margaret')).toBe(true);
    expect(findsPerson(person('Margaret Ellison'), 'ellison marg')).toBe(true);
    expect(findsPerson(person('Ann Smith-Jones'), 'jones')).toBe(true);
    expect(findsPerson(person('Ann Smith-Jones'), 'smith jones')).toBe(true);
  });

  it('does not find a name missing any word typed', () => {
    expect(findsPerson(person('Margaret Ellison'), 'margaret pimm')).toBe(false);
    expect(findsPerson(person('Zoë Núñez'), 'zoey')).toBe(false);
  });

  it('finds an NHS number however it is spaced or dashed, in part or whole', () => {
    for (const query of ['999 000 0018', '999-000-0018', '9990000018', ' 0000018 ']) {
      expect(findsPerson(person('Margaret Ellison'), query), query).toBe(true);
    }
    expect(findsPerson(person('Margaret Ellison'), '999-000-0034')).toBe(false);
  });

  it('finds an NHS number typed with dots or en or em dashes, as a letter or a phone writes it', () => {
    for (const query of ['999.000.0018', '999–000–0018', '999—000—0018', '999 – 000 – 0018']) {
      expect(findsPerson(person('Margaret Ellison'), query), query).toBe(true);
    }
    expect(findsPerson(person('Margaret Ellison'), '999.000.0034')).toBe(false);
  });
});

describe('searchWords', () => {
  it('reads a name as the words it is compared by', () => {
    expect(searchWords('O’Brien-Núñez, Zoë')).toEqual(['obrien', 'nunez', 'zoe']);
  });
});
