import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@careweave/server';
import { auditActionLabel, auditDetail, auditSubject } from './audit-entry';

const entry = (action: string, more: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  at: '2026-11-30T17:00:00Z',
  by: { id: 'a', name: 'Alex Admin' },
  action,
  entityType: 'user',
  entityId: 'm',
  person: null,
  member: null,
  team: null,
  provider: null,
  version: null,
  detail: {},
  ...more,
});

describe('an audit event as the trail shows it', () => {
  it('names the member a team change was about, and what changed', () => {
    const role = entry('member.role', {
      member: 'Sam Page',
      detail: { from: 'nurse', to: 'pharmacist' },
    });
    expect([auditSubject(role), auditDetail(role)]).toEqual([
      'Sam Page',
      'Practice nurse → Pharmacist',
    ]);
    const chair = entry('member.chair', { team: 'Heatons', detail: { canChair: false } });
    expect(auditDetail(chair)).toBe('May no longer chair in Heatons');
    expect(auditDetail(entry('member.add', { team: 'Heatons', detail: { existing: false } }))).toBe(
      'To Heatons, new account',
    );
    expect(auditDetail(entry('member.remove', { team: 'Heatons' }))).toBe('From Heatons');
  });

  it('says when consent to share was given or withdrawn, and which details changed', () => {
    const withdrawn = entry('person.update', {
      person: 'Margaret Ellison',
      detail: { fields: ['consentToShare'], consentToShare: false },
    });
    expect(auditDetail(withdrawn)).toBe('Consent to share withdrawn');
    const given = entry('person.update', {
      detail: { fields: ['pathway', 'consentToShare', 'gpPractice'], consentToShare: true },
    });
    expect(auditDetail(given)).toBe('Consent to share given. Changed pathway, GP practice');
    expect(auditDetail(entry('person.update', { detail: { fields: ['dateOfBirth'] } }))).toBe(
      'Changed date of birth',
    );
    expect(auditDetail(entry('person.create', { detail: { consentToShare: true } }))).toBe(
      'Consent to share given',
    );
    expect(auditDetail(entry('person.create', { detail: { consentToShare: false } }))).toBe(
      'No consent to share',
    );
  });

  it('names the provider a partner was linked to, from and to', () => {
    const tame = { id: 'p1', name: 'Tame Valley Peer Support' };
    const money = { id: 'p2', name: 'Heatons Money Advice' };
    const change = (from: object | null, to: object | null) =>
      auditDetail(entry('member.provider', { member: 'Kim Test', detail: { from, to } }));
    expect(change(tame, money)).toBe('Tame Valley Peer Support → Heatons Money Advice');
    expect(change(null, money)).toBe('Linked to Heatons Money Advice');
    expect(change(tame, null)).toBe('No longer linked to Tame Valley Peer Support');
    expect(auditActionLabel('member.provider')).toBe('Changed a partner’s provider');
    expect(auditSubject(entry('member.provider', { member: 'Kim Test' }))).toBe('Kim Test');
    const added = entry('member.add', {
      team: 'Heatons',
      detail: { existing: false, provider: money },
    });
    expect(auditDetail(added)).toBe('To Heatons, new account, linked to Heatons Money Advice');
  });

  it('does not repeat who acted as whom it was about when they changed their own password', () => {
    expect(auditSubject(entry('password.change', { member: 'Alex Admin' }))).toBeNull();
  });

  it('names the person, or the provider and service, before anything else', () => {
    expect(auditSubject(entry('plan.open', { person: 'Rose Tyler' }))).toBe('Rose Tyler');
    expect(
      auditSubject(entry('service.update', { provider: 'Heatons Money Advice: Debt advice' })),
    ).toBe('Heatons Money Advice: Debt advice');
  });

  it('says how a referral moved on, and how a score or minutes were recorded', () => {
    expect(
      auditDetail(entry('referral.status', { detail: { from: 'accepted', to: 'in-progress' } })),
    ).toBe('accepted → in progress');
    expect(
      auditDetail(entry('measure.record', { detail: { instrument: 'SWEMWBS', complete: false } })),
    ).toBe('SWEMWBS, incomplete');
    expect(
      auditDetail(
        entry('measure.remove', { detail: { instrument: 'WEMWBS', takenAt: '2026-08-04' } }),
      ),
    ).toBe('WEMWBS taken 4 August 2026');
    expect(auditDetail(entry('minutes.export', { detail: { audience: 'partner' } }))).toBe(
      'Partner copy',
    );
    expect(auditDetail(entry('minutes.open', { detail: { audience: 'team' } }))).toBe('Team copy');
    expect(auditDetail(entry('meeting.close', { detail: { carried: 2 } }))).toBe(
      '2 cases carried to the next meeting',
    );
    expect(auditDetail(entry('login'))).toBe('');
    expect(auditActionLabel('member.role')).toBe('Changed a team member’s role');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('names the version a sign-off, restore or version read was about, and how it was read', () => {
    const version = 'Agreed at Heatons MDT, 23 Nov 2026';
    const about = { entityType: 'care_plan', person: 'Margaret Ellison', version };
    expect(auditDetail(entry('plan.sign-off', about))).toBe(`“${version}”`);
    const opened = (how: string) =>
      auditDetail(entry('version.open', { ...about, detail: { how } }));
    expect(opened('view')).toBe(`“${version}”, viewed`);
    expect(opened('compare')).toBe(`“${version}”, compared with now`);
    expect(opened('restore-preview')).toBe(`“${version}”, opened to restore`);
    const restored = (documents: string[]) =>
      auditDetail(entry('plan.restore', { ...about, detail: { documents } }));
    expect(restored(['plan:p:shared'])).toBe(`“${version}”: shared plan only`);
    expect(restored(['plan:p:shared', 'plan:p:clinical'])).toBe(
      `“${version}”: shared plan and clinical record`,
    );
  });

  it('says how a plan was exported: the person’s copy, or FHIR for another system', () => {
    const printed = entry('plan.export', { person: 'Ada Testperson', detail: { copy: 'person' } });
    expect(auditActionLabel(printed.action)).toBe('Exported a plan');
    expect(auditDetail(printed)).toBe('The person’s copy, to print');
    expect(auditDetail(entry('plan.export', { detail: { format: 'fhir' } }))).toBe(
      'As FHIR, for another system',
    );
  });
});
