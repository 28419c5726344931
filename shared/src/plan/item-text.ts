/**
 * Longest text a plan item (goal, barrier, action, how a barrier will be overcome) may hold.
 * An item is a line in the person's words; 500 characters is about 80 words, several
 * sentences, while anything longer is a note and belongs in the notes' rich text. It keeps
 * lists, dashboards and screen-reader names readable.
 */
export const ITEM_TEXT_MAX = 500;

/**
 * Why `text` (already trimmed) cannot be an item's text, or null when it can. `subject` names
 * it as a message begins ("The goal"); an empty text is the form's to word, as it asks for it.
 */
export function itemTextProblem(text: string, subject: string): string | null {
  const length = [...text].length;
  if (length <= ITEM_TEXT_MAX) return null;
  const over = length - ITEM_TEXT_MAX;
  return (
    `${subject} must be ${ITEM_TEXT_MAX} characters or fewer: ` +
    `it has ${over} too many (${length})`
  );
}
