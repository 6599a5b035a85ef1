/**
 * The whole domain in one drizzle schema. Later work adds columns here; migrations are generated from it
 * with `npm run db:generate` and committed under db/migrations.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { HoursEntry } from '../app/domain/agreement-rules';
import type { NotificationKind } from '../app/domain/notification-rules';
import type { SignInProviderCode } from '../app/domain/sign-in-rules';
import type { SocialMarkEventKind, SocialMarkHandDecision } from '../app/domain/social-mark';
import {
  ACCESS_ACTIONS,
  AGREEMENT_STATUSES,
  BENEFIT_STATUSES,
  FOLLOW_UP_CHANNELS,
  OPENING_KINDS,
  OPENING_STATUSES,
  PATH_PHASES,
  PROPOSAL_STATUSES,
  ROLES,
  TRANSPORT_MODES,
  type Accommodation,
  type Demand,
  type ExclusionReason,
  type LanguageSkill,
} from '../app/domain/vocabulary';

export const roleEnum = pgEnum('role', ROLES);
export const openingKindEnum = pgEnum('opening_kind', OPENING_KINDS);
export const openingStatusEnum = pgEnum('opening_status', OPENING_STATUSES);
export const benefitStatusEnum = pgEnum('benefit_status', BENEFIT_STATUSES);
export const pathPhaseEnum = pgEnum('path_phase', PATH_PHASES);
export const transportModeEnum = pgEnum('transport_mode', TRANSPORT_MODES);
export const proposalStatusEnum = pgEnum('proposal_status', PROPOSAL_STATUSES);
export const agreementStatusEnum = pgEnum('agreement_status', AGREEMENT_STATUSES);
export const followUpChannelEnum = pgEnum('follow_up_channel', FOLLOW_UP_CHANNELS);
export const accessActionEnum = pgEnum('access_action', ACCESS_ACTIONS);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** When in the week: the days and the parts of the day. */
export type WeekSchedule = { days: string[]; parts: string[]; note?: string };
export type { LanguageSkill };
export type SubGoal = { description: string; dueDate: string };

export const jobcentres = pgTable('jobcentres', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  municipality: text('municipality').notNull(),
  phone: text('phone'),
  email: text('email'),
  ...timestamps,
});

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cvr: text('cvr').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    industry: text('industry').notNull(),
    ordinaryEmployees: integer('ordinary_employees').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    /** Set when a consultant created the company on its behalf (a jobordre). */
    createdByJobcentreId: uuid('created_by_jobcentre_id').references(() => jobcentres.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('companies_cvr_unique').on(t.cvr)],
);

export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobcentreId: uuid('jobcentre_id')
      .notNull()
      .references(() => jobcentres.id),
    consultantId: uuid('consultant_id').references((): AnyPgColumn => users.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    transportMode: transportModeEnum('transport_mode').notNull().default('public_transport'),
    reachKm: doublePrecision('reach_km').notNull(),
    benefitStatus: benefitStatusEnum('benefit_status').notNull(),
    /** Last day the fleksjob visitation is valid; null when the citizen has none. */
    flexjobVisitationUntil: date('flexjob_visitation_until'),
    hoursMin: doublePrecision('hours_min').notNull(),
    hoursMax: doublePrecision('hours_max').notNull(),
    wishes: text('wishes').notNull().default(''),
    competences: jsonb('competences').$type<string[]>().notNull().default([]),
    languages: jsonb('languages').$type<LanguageSkill[]>().notNull().default([]),
    danishLevel: text('danish_level').notNull().default('good'),
    drivingLicence: boolean('driving_licence').notNull().default(false),
    restrictions: jsonb('restrictions').$type<Demand[]>().notNull().default([]),
    neededAccommodations: jsonb('needed_accommodations').$type<Accommodation[]>().notNull().default([]),
    /** Sensitive (GDPR art. 9): never indexed, never shown to a company, never logged. */
    healthNotes: text('health_notes').notNull().default(''),
    consentToShare: boolean('consent_to_share').notNull().default(false),
    consentUpdatedAt: timestamp('consent_updated_at', { withTimezone: true }),
    phase: pathPhaseEnum('phase').notNull().default('clarification'),
    nextAction: text('next_action'),
    nextActionDate: date('next_action_date'),
    /** Set when the citizen leaves the caseload; such a citizen is no longer matched. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set when a case closed five years ago was anonymised (app/services/retention.server.ts). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('citizens_jobcentre_idx').on(t.jobcentreId), index('citizens_consultant_idx').on(t.consultantId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    role: roleEnum('role').notNull(),
    jobcentreId: uuid('jobcentre_id').references(() => jobcentres.id),
    companyId: uuid('company_id').references(() => companies.id),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Set when an administrator deactivates the account: no login, no session, no password link. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** A demo account of the try-out (seeded on the embedded default or with JOBBRO_DEMO=1): pages show a "Demo" banner while any exists. */
    demo: boolean('demo').notNull().default(false),
    /** Set when failures from many addresses lock the account (the owner is mailed); the owner's reset link lifts it. */
    loginLockedUntil: timestamp('login_locked_until', { withTimezone: true }),
    /** A consultant's "Jeg har set dem": new companies and openings after this show under "Venter på dig". */
    newSeenAt: timestamp('new_seen_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token, hex encoded; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** For the idle timeout (staff) and for the user's own list of their sessions. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser the session was started in, shortened, so the user can tell their sessions apart. */
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins, counted per account and per IP within a window to rate-limit guessing. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.attemptedAt), index('login_attempts_ip_idx').on(t.ip, t.attemptedAt)],
);

/** One-time links: citizen invitations, password resets, colleague invitations. Only the hash is stored. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  id: text('id').primaryKey(),
  purpose: text('purpose').$type<'citizen_invitation' | 'password_reset' | 'colleague_invitation' | 'company_signup' | 'company_mitid_signup'>().notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  email: text('email'),
  companyId: uuid('company_id').references(() => companies.id),
  /** What a pending step needs until the link is used (a company sign-up's CVR, name and address); never health data. */
  payload: jsonb('payload'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A person's identity at a login provider (MitID, MitID Erhverv, the municipality's SSO), bound to one user.
 * Only the provider's stable subject is kept, never a CPR number (decision 034).
 */
export const externalIdentities = pgTable(
  'external_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').$type<SignInProviderCode>().notNull(),
    subject: text('subject').notNull(),
    /** The issuer that vouched for the subject when it was bound, for the record. */
    issuer: text('issuer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('external_identities_subject_unique').on(t.provider, t.subject), uniqueIndex('external_identities_user_unique').on(t.userId, t.provider)],
);

/**
 * A login started at a provider and not yet come back: PKCE verifier, state and nonce stay here, found by the
 * SHA-256 of a random value that only the starting browser holds in a short-lived HttpOnly cookie. Used once.
 */
export const signInAttempts = pgTable('sign_in_attempts', {
  id: text('id').primaryKey(),
  provider: text('provider').$type<SignInProviderCode>().notNull(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  redirectTo: text('redirect_to'),
  /** The citizen invitation (one_time_tokens.id) a first MitID login binds through. */
  invitationTokenId: text('invitation_token_id'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** The ID token a session was started with, for logging out at the provider too (its id_token_hint). */
export const sessionSignIns = pgTable('session_sign_ins', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  provider: text('provider').$type<SignInProviderCode>().notNull(),
  idToken: text('id_token').notNull(),
});

/** Mail that went out, or would have: the local outbox used when no SMTP server is configured. */
/**
 * Events counted by the rate limits that are not logins (sign-ups, invitations, password links): one row per
 * event under a bucket ("signup") and a key (an address or an account). Old rows are deleted on the way.
 */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_key_idx').on(t.bucket, t.key, t.at)],
);

export const mailOutbox = pgTable('mail_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A user's own choices about mail from Jobbro (app/domain/notification-rules.ts): the kinds turned off, a daily
 * digest instead of single mails (companies and consultants), and the language of a citizen's mails. No row
 * means the defaults.
 */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  disabledKinds: jsonb('disabled_kinds').$type<NotificationKind[]>().notNull().default([]),
  dailyDigest: boolean('daily_digest').notNull().default(false),
  mailLanguage: text('mail_language').$type<'da' | 'en'>().notNull().default('da'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every notification made for a user: mailed at once (mailed_at set in the step's transaction), or waiting for
 * the daily digest. `dedup_key` makes a scheduled one (a follow-up tomorrow, a month's hours, the day's digest)
 * happen once, across restarts and instances. Holds no health data and no citizen's name (decision 026).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind | 'daily_digest'>().notNull(),
    dedupKey: text('dedup_key'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Waits for the user's daily digest instead of going out alone. */
    digest: boolean('digest').notNull().default(false),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_dedup_unique').on(t.dedupKey),
    index('notifications_digest_pending_idx').on(t.userId, t.id).where(sql`${t.digest} and ${t.mailedAt} is null`),
  ],
);

/** Companies the citizen may not be placed at in a skånejob (most recent employer, spouse's company). */
export const citizenExcludedCompanies = pgTable(
  'citizen_excluded_companies',
  {
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    reason: text('reason').$type<ExclusionReason>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.companyId] })],
);

export const openings = pgTable(
  'openings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: openingKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    tasks: jsonb('tasks').$type<string[]>().notNull(),
    hoursMin: doublePrecision('hours_min').notNull(),
    hoursMax: doublePrecision('hours_max').notNull(),
    /** A fleksjob's expected weekly hours. */
    flexjobExpectedHours: doublePrecision('flexjob_expected_hours'),
    schedule: jsonb('schedule').$type<WeekSchedule>().notNull().default({ days: [], parts: [] }),
    startDate: date('start_date').notNull(),
    slots: integer('slots').notNull().default(1),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    demands: jsonb('demands').$type<Demand[]>().notNull().default([]),
    accommodations: jsonb('accommodations').$type<Accommodation[]>().notNull().default([]),
    languageNeeds: text('language_needs').notNull().default(''),
    /** The hourly wage in kroner, when the company states it; the benefit calculator starts from it. */
    hourlyWage: doublePrecision('hourly_wage'),
    /** "Efter overenskomst": the collective agreement's name, when the wage follows one. */
    wageAgreement: text('wage_agreement'),
    drivingLicenceRequired: boolean('driving_licence_required').notNull().default(false),
    contactName: text('contact_name').notNull(),
    contactRole: text('contact_role').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    status: openingStatusEnum('status').notNull().default('draft'),
    /** Posted by a consultant on the company's behalf (a jobordre). */
    isJobOrder: boolean('is_job_order').notNull().default(false),
    /** Through the company's or the consultant's form, or the JSON API: the leader's figures count openings by it. */
    createdVia: text('created_via').$type<'form' | 'api'>().notNull().default('form'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('openings_company_idx').on(t.companyId), index('openings_status_idx').on(t.status)],
);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id),
  name: text('name').notNull(),
  /** SHA-256 of the token, hex encoded. */
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An API write's Idempotency-Key, per company for a day (decision 028): a retry with the same key gets the
 * first answer again instead of a second opening. Written in the transaction of the write it answers for.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key on another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** The HTTP status of the first answer, and the opening it was about. */
    status: integer('status').notNull(),
    openingId: uuid('opening_id').references(() => openings.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.key] }), index('api_idempotency_keys_created_at').on(t.createdAt)],
);

export const matchProposals = pgTable(
  'match_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openingId: uuid('opening_id')
      .notNull()
      .references(() => openings.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    proposedBy: uuid('proposed_by').references(() => users.id),
    /** A proposal may start from the citizen's "Jeg er interesseret". */
    origin: text('origin').$type<'consultant' | 'citizen_interest'>().notNull().default('consultant'),
    status: proposalStatusEnum('status').notNull().default('proposed'),
    explanation: text('explanation').notNull().default(''),
    companyAcceptedAt: timestamp('company_accepted_at', { withTimezone: true }),
    companyDeclinedAt: timestamp('company_declined_at', { withTimezone: true }),
    companyReason: text('company_reason'),
    citizenAcceptedAt: timestamp('citizen_accepted_at', { withTimezone: true }),
    citizenDeclinedAt: timestamp('citizen_declined_at', { withTimezone: true }),
    citizenReason: text('citizen_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The consultant's reason for withdrawing (or for not passing on a citizen's interest); the citizen sees it, the company does not. */
    withdrawnReason: text('withdrawn_reason'),
    ...timestamps,
  },
  (t) => [index('proposals_opening_idx').on(t.openingId), index('proposals_citizen_idx').on(t.citizenId)],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    openingId: uuid('opening_id').references(() => openings.id),
    proposalId: uuid('proposal_id').references(() => matchProposals.id),
    status: agreementStatusEnum('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** First calendar month with at least 30 ordinary hours: step 3 of the path reached. */
    goalReachedMonth: date('goal_reached_month'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  // By opening: the free-slot count of every opening that a search or a match reads (bench/RESULTS.md).
  (t) => [index('agreements_citizen_idx').on(t.citizenId), index('agreements_company_idx').on(t.companyId), index('agreements_opening_idx').on(t.openingId)],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    ordinaryHoursPerWeek: doublePrecision('ordinary_hours_per_week').notNull(),
    internshipHoursPerWeek: doublePrecision('internship_hours_per_week').notNull().default(0),
    schedule: jsonb('schedule').$type<WeekSchedule>().notNull(),
    startDate: date('start_date').notNull(),
    renegotiationDate: date('renegotiation_date'),
    tasks: jsonb('tasks').$type<string[]>().notNull(),
    contactName: text('contact_name').notNull(),
    contactRole: text('contact_role').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    subGoals: jsonb('sub_goals').$type<SubGoal[]>().notNull().default([]),
    /** Only what the citizen agreed to share with the company. */
    sharedHealthConsiderations: text('shared_health_considerations').notNull().default(''),
    followUpDates: jsonb('follow_up_dates').$type<string[]>().notNull(),
    changeNote: text('change_note'),
    companyConfirmedAt: timestamp('company_confirmed_at', { withTimezone: true }),
    companyConfirmedBy: uuid('company_confirmed_by').references(() => users.id),
    citizenConfirmedAt: timestamp('citizen_confirmed_at', { withTimezone: true }),
    citizenConfirmedBy: uuid('citizen_confirmed_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_versions_unique').on(t.agreementId, t.version)],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    contactDate: date('contact_date').notNull(),
    withWhom: text('with_whom').$type<'citizen' | 'company' | 'both'>().notNull(),
    channel: followUpChannelEnum('channel').notNull(),
    summary: text('summary').notNull(),
    nextStep: text('next_step').notNull().default(''),
    /** The planned date of the plan this contact holds; null for an extra contact outside the plan. */
    plannedDate: date('planned_date'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_ups_agreement_idx').on(t.agreementId)],
);

/** A planned follow-up the consultant chose not to hold, and why: it no longer counts as overdue. */
export const followUpSkips = pgTable(
  'follow_up_skips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    plannedDate: date('planned_date').notNull(),
    reason: text('reason').notNull(),
    skippedBy: uuid('skipped_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('follow_up_skips_unique').on(t.agreementId, t.plannedDate)],
);

/** A jobcentre's own goal for a figure of its dashboard, in percent (app/domain/dashboard-rules.ts GOAL_ENTRIES). */
export const jobcentreGoals = pgTable(
  'jobcentre_goals',
  {
    jobcentreId: uuid('jobcentre_id')
      .notNull()
      .references(() => jobcentres.id, { onDelete: 'cascade' }),
    goal: text('goal').notNull(),
    targetPercent: doublePrecision('target_percent').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobcentreId, t.goal] })],
);

/** Hours worked in a calendar month; only ordinary paid hours count towards the 30-hours goal. */
export const monthlyHours = pgTable(
  'monthly_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    /** The first day of the month. */
    month: date('month').notNull(),
    ordinaryHours: doublePrecision('ordinary_hours').notNull().default(0),
    internshipHours: doublePrecision('internship_hours').notNull().default(0),
    flexjobHours: doublePrecision('flexjob_hours').notNull().default(0),
    wageSubsidyHours: doublePrecision('wage_subsidy_hours').notNull().default(0),
    reportedBy: text('reported_by').$type<'company' | 'citizen' | 'consultant'>().notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monthly_hours_unique').on(t.agreementId, t.month)],
);


/** Every save of a month's hours: who, when, and the entry before (null for the first) and after. */
export const monthlyHoursChanges = pgTable(
  'monthly_hours_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    /** The first day of the month. */
    month: date('month').notNull(),
    before: jsonb('before').$type<HoursEntry>(),
    after: jsonb('after').$type<HoursEntry>().notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monthly_hours_changes_agreement_idx').on(t.agreementId, t.changedAt)],
);

/** Every read, search hit, change and export of a citizen's data by someone other than the citizen. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorRole: roleEnum('actor_role').notNull(),
    organisation: text('organisation').notNull(),
    action: accessActionEnum('action').notNull(),
    purpose: text('purpose').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('access_log_citizen_idx').on(t.citizenId, t.at)],
);

/**
 * Transactional outbox: a row is written in the same transaction as the change it announces, and the drain
 * brings the entity's current state to Meilisearch (upsert, or delete when it no longer belongs in search).
 */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entity: text('entity').$type<'opening' | 'citizen'>().notNull(),
    entityId: uuid('entity_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('search_outbox_pending_idx').on(t.id).where(sql`${t.processedAt} is null`)],
);

/**
 * The thresholds of the mark "Socialt ansvarlig virksomhed" per jobcentre, set by its leader (decision 033).
 * No row means the defaults (DEFAULT_SOCIAL_MARK_THRESHOLDS in app/domain/social-mark.ts).
 */
export const socialMarkThresholds = pgTable('social_mark_thresholds', {
  jobcentreId: uuid('jobcentre_id')
    .primaryKey()
    .references(() => jobcentres.id, { onDelete: 'cascade' }),
  minAgreementsStarted: integer('min_agreements_started').notNull(),
  followUpsKeptPercent: integer('follow_ups_kept_percent').notNull(),
  proposalsAnsweredPercent: integer('proposals_answered_percent').notNull(),
  answerWorkingDays: integer('answer_working_days').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A company's mark with one jobcentre: whether the criteria were met when last measured, the leader's decision
 * by hand (which stands above them), and whether it is held now. The openings' search documents read `held`.
 */
export const socialMarks = pgTable(
  'social_marks',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    jobcentreId: uuid('jobcentre_id')
      .notNull()
      .references(() => jobcentres.id, { onDelete: 'cascade' }),
    earned: boolean('earned').notNull().default(false),
    handDecision: text('hand_decision').$type<SocialMarkHandDecision>(),
    held: boolean('held').notNull().default(false),
    /** Since when it is held without a break; null while not held. */
    heldSince: timestamp('held_since', { withTimezone: true }),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.jobcentreId] }), index('social_marks_held_idx').on(t.companyId).where(sql`${t.held}`)],
);

/** The mark's history: earned and lost by the criteria, granted and withdrawn by hand with the reason. */
export const socialMarkEvents = pgTable(
  'social_mark_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    jobcentreId: uuid('jobcentre_id')
      .notNull()
      .references(() => jobcentres.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SocialMarkEventKind>().notNull(),
    /** The leader's reason for a decision by hand; null for a change by the criteria. */
    reason: text('reason'),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('social_mark_events_company_idx').on(t.companyId, t.jobcentreId, t.at)],
);
