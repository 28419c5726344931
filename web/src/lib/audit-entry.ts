import type { AuditAction, AuditEntry } from '@careweave/server';
import { isReferralStatus, isRole, REFERRAL_STATUS_LABELS, ROLE_LABELS } from '@careweave/shared';
import { formatDate } from './format';

const ACTIONS: Record<AuditAction, string> = {
  login: 'Signed in',
  logout: 'Signed out',
  'plan.open': 'Opened a plan',
  'person.open': 'Read a person’s details',
  'person.create': 'Added a person',
  'person.update': 'Changed a person’s details',
  'plan.export': 'Exported a plan',
  'plan.sign-off': 'Signed off a plan',
  'plan.restore': 'Restored a plan version',
  'version.open': 'Opened a signed-off version',
  'meeting.start': 'Started a meeting',
  'meeting.close': 'Closed a meeting',
  'minutes.open': 'Read minutes',
  'minutes.export': 'Downloaded minutes',
  'measure.record': 'Recorded a wellbeing score',
  'measures.read': 'Read wellbeing scores',
  'measure.remove': 'Removed a wellbeing score entered in error',
  'referral.create': 'Made a referral',
  'referral.status': 'Moved a referral on',
  'provider.create': 'Added a provider',
  'provider.update': 'Changed a provider',
  'service.create': 'Added a service',
  'service.update': 'Changed a service',
  'member.add': 'Added a team member',
  'member.role': 'Changed a team member’s role',
  'member.chair': 'Changed who may chair',
  'member.provider': 'Changed a partner’s provider',
  'member.remove': 'Removed a team member',
  'member.password-reset': 'Reset a team member’s password',
  'password.change': 'Changed their password',
};

export function auditActionLabel(action: string): string {
  return ACTIONS[action as AuditAction] ?? action;
}

/** Whose record, or which member or provider, an event was about; null for none. */
export function auditSubject(entry: AuditEntry): string | null {
  if (entry.person) return entry.person;
  // Signing in and out, and one's own password, are about oneself: the "who" says it.
  if (entry.member && entry.action.startsWith('member.')) return entry.member;
  return entry.provider;
}

const roleLabel = (role: unknown) =>
  typeof role === 'string' && isRole(role) ? ROLE_LABELS[role] : String(role);
const statusLabel = (status: unknown) =>
  isReferralStatus(status) ? REFERRAL_STATUS_LABELS[status] : String(status);
const inTeam = (entry: AuditEntry, word: string) => (entry.team ? `${word} ${entry.team}` : '');
/** A provider as a member change records it: its id and its name at the time. */
const providerName = (provider: unknown): string | null => {
  if (typeof provider !== 'object' || provider === null) return null;
  const { name } = provider as { name?: unknown };
  return typeof name === 'string' ? name : 'a provider no longer in the directory';
};

function providerChange(from: string | null, to: string | null): string {
  if (from && to) return `${from} → ${to}`;
  if (to) return `Linked to ${to}`;
  return from ? `No longer linked to ${from}` : '';
}

/** How a signed-off version was opened (`version.open`'s `how`). */
const OPENED: Record<string, string> = {
  view: 'viewed',
  compare: 'compared with now',
  'restore-preview': 'opened to restore',
};

/** Which documents a restore changed, from their names. */
function restoredDocuments(documents: unknown): string {
  const names = Array.isArray(documents) ? documents.map(String) : [];
  const clinical = names.some((name) => name.endsWith(':clinical'));
  return clinical ? 'shared plan and clinical record' : 'shared plan only';
}

/** A person's details as a change to them names them (`person.update`'s `fields`). */
const PERSON_FIELDS: Record<string, string> = {
  givenName: 'given name',
  familyName: 'family name',
  dateOfBirth: 'date of birth',
  pathway: 'pathway',
  gpPractice: 'GP practice',
};

/** Which details changed and, above all, whether consent to share was given or withdrawn. */
function personChange(detail: Record<string, unknown>): string {
  const fields = Array.isArray(detail.fields) ? detail.fields.map(String) : [];
  const named = fields.filter((f) => f !== 'consentToShare').map((f) => PERSON_FIELDS[f] ?? f);
  const parts = [
    ...(typeof detail.consentToShare === 'boolean'
      ? [`Consent to share ${detail.consentToShare ? 'given' : 'withdrawn'}`]
      : []),
    ...(named.length > 0 ? [`Changed ${named.join(', ')}`] : []),
  ];
  return parts.join('. ');
}

/** What changed, in a few words, for the events whose detail says more than their name. */
export function auditDetail(entry: AuditEntry): string {
  const d = entry.detail;
  switch (entry.action) {
    case 'member.role':
      return `${roleLabel(d.from)} → ${roleLabel(d.to)}`;
    case 'member.chair':
      return `${d.canChair ? 'May chair' : 'May no longer chair'} ${inTeam(entry, 'in')}`.trim();
    case 'member.add': {
      const provider = providerName(d.provider);
      return `${inTeam(entry, 'To')}${d.existing === false ? ', new account' : ''}${provider ? `, linked to ${provider}` : ''}`;
    }
    case 'member.provider':
      return providerChange(providerName(d.from), providerName(d.to));
    case 'member.remove':
      return inTeam(entry, 'From');
    case 'plan.sign-off':
      return entry.version ? `“${entry.version}”` : '';
    case 'version.open': {
      const how = OPENED[String(d.how)] ?? 'viewed';
      return entry.version ? `“${entry.version}”, ${how}` : how;
    }
    case 'plan.restore':
      return `${entry.version ? `“${entry.version}”: ` : ''}${restoredDocuments(d.documents)}`;
    case 'person.create':
      return d.consentToShare === true ? 'Consent to share given' : 'No consent to share';
    case 'person.update':
      return personChange(d);
    case 'referral.status':
      return `${statusLabel(d.from)} → ${statusLabel(d.to)}`;
    case 'measure.record':
      return `${String(d.instrument)}${d.complete === false ? ', incomplete' : ''}`;
    case 'measure.remove':
      return `${String(d.instrument)} taken ${formatDate(String(d.takenAt))}`;
    case 'meeting.close':
      return typeof d.carried === 'number' && d.carried > 0
        ? `${d.carried} ${d.carried === 1 ? 'case' : 'cases'} carried to the next meeting`
        : '';
    case 'plan.export':
      return d.format === 'fhir' ? 'As FHIR, for another system' : 'The person’s copy, to print';
    case 'minutes.open':
    case 'minutes.export':
      return d.audience === 'partner' ? 'Partner copy' : 'Team copy';
    default:
      return '';
  }
}
