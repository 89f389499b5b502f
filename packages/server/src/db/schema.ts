import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL ltree: org paths such as `QY.S01.V0103`. */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orgs = pgTable('orgs', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  parentId: uuid('parent_id'),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  path: ltree('path').notNull(),
  active: boolean('active').notNull().default(true),
  establishment: jsonb('establishment').$type<Record<string, number>>().notNull(),
  difficulty: numeric('difficulty', { precision: 4, scale: 2 }).notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const cadres = pgTable('cadres', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  orgId: uuid('org_id').notNull(),
  orgPath: ltree('org_path').notNull(),
  name: text('name').notNull(),
  gender: text('gender').$type<'male' | 'female'>().notNull(),
  birthDate: date('birth_date').notNull(),
  postTitle: text('post_title').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  orgId: uuid('org_id').notNull(),
  orgPath: ltree('org_path').notNull(),
  cadreId: uuid('cadre_id'),
  roles: text('roles').array().notNull(),
  scopeMode: text('scope_mode').notNull(),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: ts('password_changed_at').notNull(),
  passwordHistory: text('password_history').array().notNull(),
  mustChangePassword: boolean('must_change_password').notNull(),
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  active: boolean('active').notNull().default(true),
  lastLoginAt: ts('last_login_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  clientAddress: text('client_address'),
  userAgent: text('user_agent'),
});

export const loginThrottle = pgTable('login_throttle', {
  usernameHash: text('username_hash').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailedAt: ts('last_failed_at').notNull(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actorUsername: text('actor_username'),
  actorRoles: text('actor_roles').array().notNull(),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  result: text('result').$type<'success' | 'failure'>().notNull(),
  clientAddress: text('client_address'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
