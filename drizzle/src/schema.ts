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
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
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
  passwordHash: text('password_hash').notNull(),
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
  (t) => [index().on(t.userId)],
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
