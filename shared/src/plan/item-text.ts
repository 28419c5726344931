/**
 * Longest text a plan item (goal, barrier, action, how a barrier will be overcome) may hold.
 * An item is a line in the person's words; 500 characters is about 80 words, several
 * sentences, while anything longer is a note and belongs in the notes' rich text. It keeps
 * lists, dashboards and screen-reader names readable.
 */
export const ITEM_TEXT_MAX = 500;

/**
 * Longest dose or frequency of a medicine ("1 to 2 tablets", "Up to four times a day when
 * needed"): a few words read at a glance beside the medicine's name; directions longer than
 * this belong in the clinical summary.
 */
export const MEDICINE_DETAIL_MAX = 100;

/**
 * Why `text` (already trimmed) cannot be an item's text, or null when it can. `subject` names
 * it as a message begins ("The goal"); an empty text is the form's to word, as it asks for it.
 * `max` is a shorter limit for a field that is not a whole item (a medicine's dose).
 */
export function itemTextProblem(text: string, subject: string, max = ITEM_TEXT_MAX): string | null {
  const length = [...text].length;
  if (length <= max) return null;
  const over = length - max;
  return `${subject} must be ${max} characters or fewer: it has ${over} too many (${length})`;
}
