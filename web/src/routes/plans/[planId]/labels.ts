import type { GoalHorizon } from '@careweave/shared';
import { codeLabel } from '$lib/format';

const HORIZONS: Record<GoalHorizon, string> = {
  week: 'Within a week',
  month: 'Within a month',
  year: 'Within a year',
};

/** How a goal's horizon reads in the plan. */
export function horizonLabel(horizon: GoalHorizon): string {
  return HORIZONS[horizon];
}

const SECTIONS: Record<string, string> = {
  whatMattersToMe: 'What matters to me',
  goals: 'Goals',
  barriers: 'Barriers',
  actions: 'Actions',
  navigatorNotes: 'Care navigator notes',
  partnerNotes: 'Voluntary partner notes',
  clinicalSummary: 'Clinical summary',
  conditions: 'Long-term conditions',
  medications: 'Medications',
  mentalHealthRisk: 'Mental health and risk',
  safeguarding: 'Safeguarding',
};

/** A document section's name in words, for "What changed". */
export function sectionLabel(section: string): string {
  return SECTIONS[section] ?? codeLabel(section);
}

/** Longest item text a control's accessible name quotes before cutting it short. */
const NAME_TEXT_MAX = 50;

/**
 * "action: Book the walking group": the item a per-item control belongs to, for its accessible
 * name. A long text is cut at a word to its first words, so a screen reader does not read a
 * paragraph for every control.
 */
export function itemAbout(kind: string, text: string): string {
  const words = text.trim().replace(/\s+/g, ' ');
  if (words.length <= NAME_TEXT_MAX) return `${kind}: ${words}`;
  const cut = words.slice(0, NAME_TEXT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${kind}: ${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
