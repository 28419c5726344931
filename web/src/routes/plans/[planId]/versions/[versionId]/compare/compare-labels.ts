import { codeLabel, formatDateTime } from '$lib/format';

const FIELDS: Record<string, string> = {
  text: 'Text',
  ownerId: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
  link: 'For',
  horizon: 'Horizon',
  category: 'Category',
  kind: 'Kind',
  overcomeBy: 'How it will be overcome',
  goalIds: 'Linked goals',
  progress: 'Progress',
  name: 'Name',
  dose: 'Dose',
  reviewStatus: 'Medicine review',
  lastReviewedBy: 'Last reviewed by',
  lastReviewedAt: 'Last reviewed',
  createdBy: 'Added by',
};

/** Fields that hold a team member's id, and those that hold a moment. */
const PEOPLE = new Set(['ownerId', 'createdBy', 'lastReviewedBy']);
const MOMENTS = new Set(['lastReviewedAt']);

/** A list item's field, in words: "dueDate" → "Due date". */
export function fieldLabel(field: string): string {
  return FIELDS[field] ?? codeLabel(field.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
}

/** A field's value, in words; `nameOf` turns user ids into names. */
export function valueText(field: string, value: unknown, nameOf: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (PEOPLE.has(field)) return nameOf(String(value));
  if (MOMENTS.has(field)) return formatDateTime(String(value));
  if (Array.isArray(value)) return value.length === 1 ? '1 entry' : `${value.length} entries`;
  if (typeof value === 'object') {
    const link = value as { kind?: unknown };
    return typeof link.kind === 'string' ? `a ${link.kind}` : 'changed';
  }
  return typeof value === 'string' && /^[a-z]+(-[a-z]+)*$/.test(value)
    ? codeLabel(value)
    : String(value);
}

/** What names a list item: its text or name. */
export function itemLabel(item: Record<string, unknown>): string {
  const label = item.text ?? item.name;
  return typeof label === 'string' && label ? label : 'An item without text';
}

/** "plan:…:clinical" → "Clinical record". */
export function documentLabel(name: string): string {
  return name.endsWith(':clinical') ? 'Clinical record' : 'Shared plan';
}
