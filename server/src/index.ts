export { loadConfig, type Config } from './config.js';
export { openCareweave, type Careweave } from './host.js';
export { parseServiceMoment } from './calendar.js';
export { SESSION_COOKIE, sessionCookieOptions } from './auth/session-service.js';
export type { User } from './repo/users.js';
export type { PersonSummary, PlanView } from './people-service.js';
export type { NewPersonInput, PersonPatch } from './person-records.js';
export type { Outcome, PersonDetail } from './person-detail.js';
export type { MyAction, PlanChanges, PlanChangeView } from './plans/plans-service.js';
export type { TeamMember } from './repo/users.js';
export type { LoginResult } from './auth/auth-service.js';
export type {
  RestorePreview,
  VersionComparison,
  VersionSummary,
  VersionView,
} from './versions/versions-service.js';
export type {
  MeetingCaseView,
  MeetingDetail,
  MeetingLive,
  MeetingSummary,
} from './meetings/meeting-views.js';
export type { AuditEntry, AuditPage } from './audit/audit-service.js';
export type { DashboardFigures } from './dashboard/dashboard-service.js';
export type { AuditAction } from './repo/audit.js';
export type { AddedMember, TeamMembership } from './team/team-service.js';
