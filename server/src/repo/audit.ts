import { schema, type Db } from '@careweave/db';

/** Things the audit trail records (DESIGN §5). */
export type AuditAction =
  | 'login'
  | 'logout'
  | 'plan.open'
  | 'person.create'
  | 'person.update'
  | 'plan.sign-off'
  | 'plan.restore'
  | 'meeting.start'
  | 'meeting.close'
  | 'minutes.export'
  | 'measure.record'
  | 'referral.create'
  | 'referral.status'
  | 'provider.create'
  | 'provider.update'
  | 'service.create'
  | 'service.update';

/** Appends one audit event; the app offers no way to change or delete them. */
export async function recordAudit(
  db: Db,
  event: {
    userId: string | null;
    action: AuditAction;
    entityType: string;
    entityId: string;
    detail?: Record<string, unknown>;
  },
) {
  await db.insert(schema.auditEvents).values({ ...event, detail: event.detail ?? {} });
}
