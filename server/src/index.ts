export { loadConfig, type Config } from './config.js';
export { openCareweave, type Careweave } from './host.js';
export { SESSION_COOKIE, cookieIsSecure } from './auth/session-service.js';
export type { User } from './repo/users.js';
export type { PersonSummary, PlanView } from './people-service.js';
export type { LoginResult } from './auth/auth-service.js';
