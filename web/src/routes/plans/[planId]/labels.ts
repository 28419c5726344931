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
