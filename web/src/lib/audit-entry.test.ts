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
    expect(auditDetail(entry('minutes.export', { detail: { audience: 'partner' } }))).toBe(
      'Partner copy',
    );
    expect(auditDetail(entry('meeting.close', { detail: { carried: 2 } }))).toBe(
      '2 cases carried to the next meeting',
    );
    expect(auditDetail(entry('login'))).toBe('');
    expect(auditActionLabel('member.role')).toBe('Changed a team member’s role');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });
});
