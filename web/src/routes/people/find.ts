import { withoutNhsNumberSeparators } from '@careweave/shared';

/** Apostrophes as they reach us: typed straight, curled by a phone or a word processor, or pasted. */
const APOSTROPHES = /['‘’ʼ`´]/g;
/** Letters that keep no accent to take off, read as an English keyboard types them. */
const PLAIN_LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The words of a name or a query as they are compared: in no particular case, without accents
 * or apostrophes, split at hyphens, spaces and commas. "O’Brien-Núñez" is `obrien nunez`.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[łøæœßđðþı]/g, (letter) => PLAIN_LETTERS[letter] ?? letter)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether a person answers a search: an NHS number however spaced, dotted or dashed, or every
 * word typed found in their name in any order, so "ellison, margaret", "Zoe" and "OBrien" all
 * find who the clinician means whatever keyboard typed the name.
 */
export function findsPerson(person: { name: string; nhsNumber: string }, query: string): boolean {
  const digits = withoutNhsNumberSeparators(query);
  if (/^\d+$/.test(digits)) return person.nhsNumber.includes(digits);
  const name = searchWords(person.name);
  return searchWords(query).every((word) => name.some((part) => part.includes(word)));
}
