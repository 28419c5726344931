/**
 * Caret and avatar colours, dark enough for white text and distinct side by side
 * (all meet WCAG AA 4.5:1 against white).
 */
export const PRESENCE_COLOURS = [
  '#005eb8', // NHS blue
  '#007f3b', // NHS green
  '#8a1538', // NHS dark pink
  '#330072', // NHS purple
  '#b34700', // deep orange
  '#00677f', // deep teal
  '#7c2855', // plum
  '#425563', // NHS dark grey
] as const;

/** The same colour for the same user in every browser, without asking the server. */
export function presenceColour(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}

/** What each client publishes in awareness under `user`. */
export interface PresenceUser {
  id: string;
  name: string;
  role: string;
  colour: string;
}
