import type { DashboardFigures } from '@careweave/server';
import { GOAL_STATUSES } from '@careweave/shared';
import type { Bar } from '$lib/components/BarChart.svelte';
import { codeLabel, pathwayLabel } from '$lib/format';
import { MEANINGS, meaningLabel, statusLabel } from '$lib/outcomes';

/** The dashboard's figures as `GET /api/dashboard` gives them. */
export type { DashboardFigures };

/** The figure names `/dashboard/list` takes, and their titles. */
export const FIGURE_TITLES: Record<string, string> = {
  pathway: 'People on the pathway',
  'baseline-missing': 'People with no wellbeing baseline',
  'follow-up-due': 'People whose wellbeing follow-up is due',
  'follow-up-overdue': 'People whose wellbeing follow-up is overdue',
  'overdue-actions': 'Overdue actions',
  goals: 'Goals',
  wellbeing: 'People by change in wellbeing',
  referrals: 'Referrals',
};

export function listHref(figure: string, key?: string): string {
  const query = new URLSearchParams({ figure });
  if (key !== undefined) query.set('key', key);
  return `/dashboard/list?${query}`;
}

// Distinct, each at least 4.5:1 on white; every bar also says what it is in words.
const BLUE = '#005eb8';
const ORANGE = '#b34700';
const RED = '#d5281b';
const GREEN = '#007f3b';
const GREY = '#425563';
const PURPLE = '#330072';

export function pathwayBars(f: DashboardFigures): Bar[] {
  return Object.entries(f.caseloadByPathway).map(([pathway, count], i) => ({
    key: pathway,
    label: pathwayLabel(pathway),
    count,
    href: listHref('pathway', pathway),
    colour: i === 0 ? BLUE : PURPLE,
  }));
}

export function followUpBars(f: DashboardFigures): Bar[] {
  return [
    {
      key: 'baseline-missing',
      label: 'Baseline missing',
      count: f.measures.baselineMissing,
      href: listHref('baseline-missing'),
      colour: GREY,
    },
    {
      key: 'follow-up-due',
      label: 'Follow-up due',
      count: f.measures.followUpDue,
      href: listHref('follow-up-due'),
      colour: ORANGE,
    },
    {
      key: 'follow-up-overdue',
      label: 'Follow-up overdue',
      count: f.measures.followUpOverdue,
      href: listHref('follow-up-overdue'),
      colour: RED,
    },
  ];
}

export function overdueBars(f: DashboardFigures): Bar[] {
  return f.overdueActionsByOwner.map((o) => ({
    key: o.ownerId ?? 'none',
    label: o.name,
    count: o.count,
    // The unowned are listed under the key "none".
    href: listHref('overdue-actions', o.ownerId ?? 'none'),
    colour: RED,
  }));
}

export function goalBars(f: DashboardFigures): Bar[] {
  const order = (status: string) => (GOAL_STATUSES as readonly string[]).indexOf(status);
  return [...f.goalsByCategoryStatus]
    .sort((a, b) => a.category.localeCompare(b.category) || order(a.status) - order(b.status))
    .map((g) => ({
      key: `${g.category}:${g.status}`,
      label: `${codeLabel(g.category)}: ${codeLabel(g.status).toLowerCase()}`,
      count: g.count,
      href: listHref('goals', `${g.category}:${g.status}`),
      colour: g.status === 'achieved' ? GREEN : BLUE,
    }));
}

const MEANING_COLOURS: Record<string, string> = {
  'meaningful-improvement': GREEN,
  'possible-improvement': BLUE,
  'no-change': GREY,
  'possible-decline': ORANGE,
  'meaningful-decline': RED,
};

export function meaningBars(f: DashboardFigures): Bar[] {
  const w = f.wellbeingChange;
  const counts: Record<string, number> = {
    'meaningful-improvement': w.meaningfulImprovement,
    'possible-improvement': w.possibleImprovement,
    'no-change': w.noChange,
    'possible-decline': w.possibleDecline,
    'meaningful-decline': w.meaningfulDecline,
  };
  return Object.entries(counts).map(([meaning, count]) => ({
    key: meaning,
    label: MEANINGS[meaning]?.label ?? meaning,
    count,
    href: listHref('wellbeing', meaning),
    colour: MEANING_COLOURS[meaning],
  }));
}

/** "Up 2 to 2.99", "Down 3", "Under 1 either way": a band of change, in its instrument's points. */
function bandLabel(instrument: string, band: number): string {
  const size = Math.abs(band);
  // WEMWBS totals are whole numbers; SWEMWBS metric scores have two decimals.
  const range = instrument === 'WEMWBS' ? String(size) : `${size} to ${size}.99`;
  if (band > 0) return `Up ${range}`;
  if (band < 0) return `Down ${range}`;
  return instrument === 'WEMWBS' ? 'Unchanged' : 'Under 1 either way';
}

/**
 * How far one instrument's scores moved, largest rise first: each band says and is coloured
 * by what its changes mean, as the chart of meanings is.
 */
export function distributionBars(f: DashboardFigures, instrument: string): Bar[] {
  return f.wellbeingChange.distribution
    .filter((d) => d.instrument === instrument)
    .sort((a, b) => b.band - a.band)
    .map((d) => ({
      key: `${d.band}:${d.meaning}`,
      label: `${bandLabel(instrument, d.band)}: ${meaningLabel(d.meaning).toLowerCase()}`,
      count: d.count,
      colour: MEANING_COLOURS[d.meaning],
    }));
}

/**
 * A service's name, with its provider's when another provider has a service of that name
 * ("Drop-in (Stockport Housing Help)"), so that two bars or list titles never read alike.
 */
export function serviceLabel(
  services: { id: string; name: string; provider: string }[],
  id: string,
): string | null {
  const service = services.find((s) => s.id === id);
  if (!service) return null;
  const shared = services.some(
    (s) => s.id !== id && s.name.toLowerCase() === service.name.toLowerCase(),
  );
  return shared ? `${service.name} (${service.provider})` : service.name;
}

/** Open referrals are blue; how the ended ones ended shows in their colour. */
const REFERRAL_COLOURS: Record<string, string> = {
  declined: RED,
  completed: GREEN,
  withdrawn: GREY,
};

export function referralBars(f: DashboardFigures): Bar[] {
  const services = f.referralsByServiceStatus.map((r) => ({
    id: r.serviceId,
    name: r.service,
    provider: r.provider,
  }));
  return f.referralsByServiceStatus.map((r) => ({
    key: `${r.serviceId}:${r.status}`,
    label: `${serviceLabel(services, r.serviceId)}: ${statusLabel(r.status).toLowerCase()}`,
    count: r.count,
    href: listHref('referrals', `${r.serviceId}:${r.status}`),
    colour: REFERRAL_COLOURS[r.status] ?? BLUE,
  }));
}
