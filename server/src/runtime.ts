import type { AuthService } from './auth/auth-service.js';
import type { SessionService } from './auth/session-service.js';
import type { Config } from './config.js';
import type { AuditService } from './audit/audit-service.js';
import type { DashboardService } from './dashboard/dashboard-service.js';
import type { MeasuresService } from './measures/measures-service.js';
import type { ReferralsService } from './referrals/referrals-service.js';
import type { MeetingsService } from './meetings/meetings-service.js';
import type { PeopleService } from './people-service.js';
import type { PlansService } from './plans/plans-service.js';
import type { TeamService } from './team/team-service.js';
import type { VersionsService } from './versions/versions-service.js';

/** The services the SvelteKit pages call in-process. */
export interface Runtime {
  config: Config;
  sessions: SessionService;
  auth: AuthService;
  people: PeopleService;
  plans: PlansService;
  meetings: MeetingsService;
  versions: VersionsService;
  measures: MeasuresService;
  referrals: ReferralsService;
  dashboard: DashboardService;
  audit: AuditService;
  team: TeamService;
}

// A global rather than a module variable: in development Vite loads this package through its
// own module graph, so the copy the pages import is not the copy the server installed into.
const KEY = Symbol.for('careweave.runtime');
type WithRuntime = typeof globalThis & { [KEY]?: Runtime };

/** Makes the services available to the pages; called once by whoever opens the database. */
export function installRuntime(runtime: Runtime | undefined): void {
  (globalThis as WithRuntime)[KEY] = runtime;
}

/** The services, for the pages. Throws if the server has not started them. */
export function runtime(): Runtime {
  const installed = (globalThis as WithRuntime)[KEY];
  if (!installed) throw new Error('Careweave services are not running in this process');
  return installed;
}
