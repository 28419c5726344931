import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** Raw bytes: postgres.js hands back a Buffer, PGlite a Uint8Array; both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const neighbourhoods = pgTable('neighbourhoods', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  organisation: text('organisation'),
  /** The provider organisation a voluntary-sector partner works for */
  providerId: uuid('provider_id').references((): AnyPgColumn => providers.id, {
    onDelete: 'set null',
  }),
  passwordHash: text('password_hash').notNull(),
  /** Signed in with a temporary password: asked for a password of their own first. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The team lets this member chair its MDT meetings (a GP lead always may). */
    canChair: boolean('can_chair').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.neighbourhoodId, t.userId] }), index().on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, hex: the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

/** Sign-in attempts per account and address in fixed windows, so every process counts them. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    /** SHA-256 of the account and address, hex: neither is stored. */
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index().on(t.windowStart)],
);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  nhsNumber: text('nhs_number').notNull().unique(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  dateOfBirth: date('date_of_birth').notNull(),
  neighbourhoodId: uuid('neighbourhood_id')
    .notNull()
    .references(() => neighbourhoods.id),
  gpPractice: text('gp_practice'),
  pathway: text('pathway').notNull(),
  consentToShare: boolean('consent_to_share').notNull().default(false),
  consentRecordedBy: uuid('consent_recorded_by').references(() => users.id),
  consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const carePlans = pgTable('care_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => people.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** Every update a room accepted, with its author: the attributable history of a document. */
export const documentUpdates = pgTable(
  'document_updates',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    documentName: text('document_name').notNull(),
    update: bytea('update').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.documentName, t.seq)],
);

/** A document's state with every logged update up to `throughSeq` folded in. */
export const documentSnapshots = pgTable('document_snapshots', {
  documentName: text('document_name').primaryKey(),
  state: bytea('state').notNull(),
  throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    detail: jsonb('detail')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index().on(t.entityType, t.entityId), index().on(t.userId, t.at)],
);

// Projections of `plan:<id>:shared` (DESIGN §2): rewritten from the document whenever a room
// persists it, never edited in SQL. Ids come from the document, so they are text; user ids are
// uuid without a foreign key, because a projection must not fail over a departed colleague.

/** Each goal of a plan with its latest progress, for dashboards (goals by category). */
export const planGoals = pgTable(
  'plan_goals',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlans.id, { onDelete: 'cascade' }),
    goalId: text('goal_id').notNull(),
    text: text('text').notNull(),
    horizon: text('horizon').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull(),
    latestProgress: integer('latest_progress'),
    reviewDate: date('review_date'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.goalId] }), index().on(t.category, t.status)],
);

/** Every progress rating of every goal, for the progress-over-time picture. */
export const planGoalProgress = pgTable(
  'plan_goal_progress',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlans.id, { onDelete: 'cascade' }),
    goalId: text('goal_id').notNull(),
    value: integer('value').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.planId, t.goalId, t.recordedAt)],
);

/** Each action of a plan, for My actions and overdue actions by owner. */
export const planActions = pgTable(
  'plan_actions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlans.id, { onDelete: 'cascade' }),
    actionId: text('action_id').notNull(),
    text: text('text').notNull(),
    ownerId: uuid('owner_id'),
    dueDate: date('due_date'),
    status: text('status').notNull(),
    goalId: text('goal_id'),
    barrierId: text('barrier_id'),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.actionId] }),
    index().on(t.ownerId, t.status, t.dueDate),
  ],
);

// The MDT meeting: a workflow, so SQL; its live state and notes are also in the
// `meeting:<id>` document, which the server writes so that every open screen follows at once.

/** One neighbourhood MDT meeting: scheduled, then live, then closed. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    callLink: text('call_link'),
    chairId: uuid('chair_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('scheduled'),
    /** No foreign key: a case row and its meeting row would each point at the other. */
    currentCaseId: uuid('current_case_id'),
    caseStartedAt: timestamp('case_started_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.neighbourhoodId, t.startsAt)],
);

/** A signed-off snapshot of a plan's documents (DESIGN §2 Versions). */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlans.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.planId, t.createdAt)],
);

/** Each document of a version, as the Yjs update of its whole state at sign-off. */
export const planVersionDocuments = pgTable(
  'plan_version_documents',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => planVersions.id, { onDelete: 'cascade' }),
    documentName: text('document_name').notNull(),
    state: bytea('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.documentName] })],
);

/** One case on a meeting's agenda. */
export const meetingCases = pgTable(
  'meeting_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    minutesAllotted: integer('minutes_allotted').notNull(),
    /** Order on the agenda; a move sets new numbers, as plan lists do. */
    position: real('position').notNull(),
    status: text('status').notNull().default('pending'),
    prepNotes: text('prep_notes').notNull().default(''),
    decision: text('decision'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    versionId: uuid('version_id').references(() => planVersions.id, { onDelete: 'set null' }),
    /** The case at an earlier meeting that was not discussed and rolled forward to this one. */
    carriedFromCaseId: uuid('carried_from_case_id'),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.meetingId, t.position)],
);

/** Who attended a meeting, how, and as what. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull(),
    role: text('role').notNull(),
    organisation: text('organisation'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

// Wellbeing measures, pathways and referrals: workflows, so SQL only.

/** One WEMWBS or SWEMWBS response; an incomplete one is kept, unscored, with the reason. */
export const outcomeMeasures = pgTable(
  'outcome_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    instrument: text('instrument').notNull(),
    /** Each item's answer, 1–5, or null when not answered. */
    items: jsonb('items').$type<(number | null)[]>().notNull(),
    raw: integer('raw'),
    /** The SWEMWBS metric score (two decimals) or the WEMWBS total; exact, hence numeric. */
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }),
    complete: boolean('complete').notNull(),
    incompleteReason: text('incomplete_reason'),
    takenAt: date('taken_at').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** Set when a team member removes the measure as entered in error; it is kept, not deleted. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [index().on(t.personId, t.takenAt)],
);

/** Each pathway a person has been on, from when and set by whom. */
export const pathwayHistory = pgTable(
  'pathway_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    pathway: text('pathway').notNull(),
    /** Null only for the rows backfilled for people added before history was kept. */
    setBy: uuid('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personId, t.setAt)],
);

/** A networked provider organisation. */
export const providers = pgTable('providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
});

/** A service a provider offers, which plans may refer people to. */
export const providerServices = pgTable(
  'provider_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    /** A service no longer taking referrals stays, so that old referrals keep their name. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.providerId)],
);

/** A referral from a plan to a service. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => carePlans.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => providerServices.id),
    reason: text('reason').notNull(),
    /** A goal of the plan's shared document: text, like the projections' goal ids. */
    goalId: text('goal_id'),
    urgency: text('urgency').notNull(),
    status: text('status').notNull().default('sent'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.planId), index().on(t.serviceId, t.status)],
);

/** Every step of a referral, attributed: its creation ("sent") included. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    note: text('note'),
    by: uuid('by')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.referralId, t.at)],
);
