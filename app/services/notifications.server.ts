/**
 * Notifications by mail (decision 026). The step services call `notify(tx, event)` inside the transaction of
 * the step, so the mail is in the outbox exactly when the step is saved. This module finds who is waiting,
 * asks the rules (app/domain/notification-rules.ts) whether and how each gets it, and writes a `notifications`
 * row and, unless it waits for the daily digest, the mail. The scheduled ones (a follow-up tomorrow, a month's
 * hours, the daily digest) run from `runScheduledNotifications(now)`, which the worker calls every few minutes
 * and the tests call directly; a unique key per follow-up, month and day keeps each from going out twice.
 * Links are built on the configured public origin, never on a request.
 */
import { and, asc, eq, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import {
  agreements,
  agreementVersions,
  citizens,
  companies,
  followUps,
  followUpSkips,
  matchProposals,
  notifications,
  notificationSettings,
  openings,
  users,
} from '../../db/schema';
import { toIsoDate } from '../domain/format';
import {
  DEDUP_KEYS,
  DEFAULT_NOTIFICATION_PREFERENCES,
  deliveryFor,
  digestMail,
  followUpDayFor,
  hoursReminderMonth,
  isScheduledTime,
  mailLanguageFor,
  mayChooseDigest,
  notificationContent,
  notificationMail,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationMessage,
  type NotificationPreferences,
  type Party,
  type ProposalAnswerEvent,
  type WithdrawalCause,
} from '../domain/notification-rules';
import type { Role } from '../domain/vocabulary';
import { unreportedMonths } from '../domain/waiting';
import { sendMail } from './mail.server';
import { publicOrigin } from './public-origin.server';
import { hoursReportColumns } from './sql-filters.server';
import { isPassedOn } from '../domain/proposal-rules';
import { startPeriodicWork } from './periodic-work.server';

/** A step that waits for someone, as the step services name it. */
export type NotificationEvent =
  | { kind: 'proposal_for_citizen'; proposalId: string }
  | { kind: 'citizen_interest'; proposalId: string }
  | { kind: 'candidate_said_yes'; proposalId: string }
  | { kind: 'proposal_answered'; proposalId: string; answer: ProposalAnswerEvent }
  | { kind: 'agreement_to_confirm'; agreementId: string }
  | { kind: 'proposal_withdrawn'; proposalId: string; cause: WithdrawalCause };

type RecipientRow = { id: string; email: string; name: string; role: Role; deactivated: boolean; preferences: NotificationPreferences };

const recipientColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  deactivatedAt: users.deactivatedAt,
  disabledKinds: notificationSettings.disabledKinds,
  dailyDigest: notificationSettings.dailyDigest,
  mailLanguage: notificationSettings.mailLanguage,
};

type RecipientQueryRow = { id: string; email: string; name: string; role: Role; deactivatedAt: Date | null; disabledKinds: NotificationKind[] | null; dailyDigest: boolean | null; mailLanguage: 'da' | 'en' | null };

function toRecipient(row: RecipientQueryRow): RecipientRow {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    deactivated: row.deactivatedAt !== null,
    preferences: {
      disabledKinds: row.disabledKinds ?? DEFAULT_NOTIFICATION_PREFERENCES.disabledKinds,
      dailyDigest: row.dailyDigest ?? DEFAULT_NOTIFICATION_PREFERENCES.dailyDigest,
      mailLanguage: row.mailLanguage ?? DEFAULT_NOTIFICATION_PREFERENCES.mailLanguage,
    },
  };
}

async function usersWhere(executor: Executor, where: ReturnType<typeof and>): Promise<RecipientRow[]> {
  const rows = await executor
    .select(recipientColumns)
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(where)
    .orderBy(asc(users.createdAt), asc(users.id));
  return rows.map(toRecipient);
}

const citizenUsers = (executor: Executor, citizenId: string) => usersWhere(executor, and(eq(users.role, 'citizen'), eq(users.citizenId, citizenId)));
const companyUsers = (executor: Executor, companyId: string) => usersWhere(executor, and(eq(users.role, 'company'), eq(users.companyId, companyId)));
const consultantUser = (executor: Executor, userId: string | null) =>
  userId ? usersWhere(executor, and(eq(users.role, 'consultant'), eq(users.id, userId))) : Promise.resolve([]);

/**
 * Writes one notification for one recipient, if the rules let it through: a mail in the outbox now, or a row
 * waiting for the digest. With a dedup key, a second call for the same key (a restart, another instance) does
 * nothing. Returns whether anything was written.
 */
async function deliver(
  tx: Executor,
  recipient: RecipientRow,
  message: NotificationMessage,
  { dedupKey = null, citizenConsent = true, now = new Date() }: { dedupKey?: string | null; citizenConsent?: boolean; now?: Date } = {},
): Promise<boolean> {
  const delivery = deliveryFor(message.kind, recipient, { citizenConsent });
  if (delivery === 'none') return false;
  const origin = publicOrigin();
  const language = mailLanguageFor(recipient.role, recipient.preferences);
  const content = notificationContent(message, language, origin);
  const inserted = await tx
    .insert(notifications)
    .values({
      userId: recipient.id,
      kind: message.kind,
      dedupKey,
      subject: content.subject,
      body: `${content.text}\n${content.link}`,
      digest: delivery === 'digest',
      mailedAt: delivery === 'mail' ? now : null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: notifications.dedupKey })
    .returning({ id: notifications.id });
  if (inserted.length === 0) return false;
  if (delivery === 'mail') await sendMail(tx, { to: recipient.email, ...notificationMail(content, { recipientName: recipient.name, language, origin }) });
  return true;
}

async function proposalFacts(tx: Executor, proposalId: string) {
  const [row] = await tx
    .select({
      id: matchProposals.id,
      status: matchProposals.status,
      origin: matchProposals.origin,
      proposedBy: matchProposals.proposedBy,
      citizenId: matchProposals.citizenId,
      consentToShare: citizens.consentToShare,
      consultantId: citizens.consultantId,
      openingTitle: openings.title,
      companyId: companies.id,
      companyName: companies.name,
    })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(eq(matchProposals.id, proposalId));
  return row;
}

/**
 * The one call a step makes, inside its transaction: everyone the step now waits for is told, as their
 * settings say. Finds its facts again from the rows, so a step passes only what happened and to what.
 */
export async function notify(tx: Executor, event: NotificationEvent): Promise<void> {
  if (event.kind === 'agreement_to_confirm') return notifyAgreementToConfirm(tx, event.agreementId);
  const proposal = await proposalFacts(tx, event.proposalId);
  if (!proposal) return;
  const about = { proposalId: proposal.id, openingTitle: proposal.openingTitle, companyName: proposal.companyName };
  const consent = { citizenConsent: proposal.consentToShare };
  // A citizen's interest is the consultant's to pass on: until then the company knows nothing of it.
  const passedOn = isPassedOn(proposal);
  // The consultant who proposed it, or for an interest not yet passed on, the citizen's own.
  const consultantId = proposal.proposedBy ?? proposal.consultantId;

  switch (event.kind) {
    case 'proposal_for_citizen':
      for (const user of await citizenUsers(tx, proposal.citizenId)) await deliver(tx, user, { kind: 'proposal_for_citizen', ...about }, consent);
      return;
    case 'citizen_interest':
      for (const user of await consultantUser(tx, proposal.consultantId)) {
        await deliver(tx, user, { kind: 'citizen_interest', citizenId: proposal.citizenId, openingTitle: proposal.openingTitle, companyName: proposal.companyName });
      }
      return;
    case 'candidate_said_yes':
      if (!passedOn || !proposal.consentToShare) return;
      for (const user of await companyUsers(tx, proposal.companyId)) {
        await deliver(tx, user, { kind: 'candidate_said_yes', proposalId: proposal.id, openingTitle: proposal.openingTitle, bothSaidYes: proposal.status === 'accepted' });
      }
      return;
    case 'proposal_answered':
      for (const user of await consultantUser(tx, consultantId)) {
        await deliver(tx, user, { kind: 'proposal_answered', ...about, citizenId: proposal.citizenId, answer: event.answer });
      }
      return;
    case 'proposal_withdrawn': {
      // The citizen is told when the jobcentre withdrew it; after their own step (consent, a yes taken back) they know.
      if (event.cause === 'jobcentre') {
        for (const user of await citizenUsers(tx, proposal.citizenId)) await deliver(tx, user, { kind: 'proposal_withdrawn', ...about, party: 'citizen', cause: event.cause }, consent);
      }
      if (passedOn) {
        for (const user of await companyUsers(tx, proposal.companyId)) await deliver(tx, user, { kind: 'proposal_withdrawn', ...about, party: 'company', cause: event.cause });
      }
      return;
    }
  }
}

async function notifyAgreementToConfirm(tx: Executor, agreementId: string) {
  const [row] = await tx
    .select({
      id: agreements.id,
      status: agreements.status,
      version: agreements.currentVersion,
      citizenId: agreements.citizenId,
      companyId: agreements.companyId,
      companyName: companies.name,
      openingTitle: openings.title,
    })
    .from(agreements)
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(eq(agreements.id, agreementId));
  if (!row || row.status !== 'awaiting_confirmation') return;
  const message = (party: Party): NotificationMessage => ({
    kind: 'agreement_to_confirm',
    agreementId: row.id,
    party,
    openingTitle: row.openingTitle ?? row.companyName,
    companyName: row.companyName,
    version: row.version,
  });
  for (const user of await citizenUsers(tx, row.citizenId)) await deliver(tx, user, message('citizen'));
  for (const user of await companyUsers(tx, row.companyId)) await deliver(tx, user, message('company'));
}

// ── Settings ────────────────────────────────────────────────────────────────────────────────────────────

type SettingsOwner = { id: string; role: Role };

/** The user's own settings (the defaults until they save any); there is no way to name another user. */
export async function ownNotificationSettings(user: SettingsOwner): Promise<NotificationPreferences> {
  const [row] = await db()
    .select({ disabledKinds: notificationSettings.disabledKinds, dailyDigest: notificationSettings.dailyDigest, mailLanguage: notificationSettings.mailLanguage })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, user.id));
  return row ?? DEFAULT_NOTIFICATION_PREFERENCES;
}

/** Saves the user's own settings; a digest or a language the role cannot have is not stored. */
export async function saveOwnNotificationSettings(user: SettingsOwner, preferences: NotificationPreferences, { now = new Date() }: { now?: Date } = {}) {
  const values = {
    disabledKinds: NOTIFICATION_KINDS.filter((kind) => preferences.disabledKinds.includes(kind)),
    dailyDigest: mayChooseDigest(user.role) && preferences.dailyDigest,
    mailLanguage: user.role === 'citizen' ? preferences.mailLanguage : DEFAULT_NOTIFICATION_PREFERENCES.mailLanguage,
    updatedAt: now,
  };
  await db()
    .insert(notificationSettings)
    .values({ userId: user.id, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
}

/** A signed-in citizen's language switch is also the language of their mails from now on. */
export async function rememberMailLanguage(user: SettingsOwner, language: 'da' | 'en') {
  if (user.role !== 'citizen') return;
  await db()
    .insert(notificationSettings)
    .values({ userId: user.id, mailLanguage: language })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { mailLanguage: language, updatedAt: new Date() } });
}

// ── Scheduled ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Mails the day before each planned follow-up of an active agreement that is neither held nor skipped: to the
 * citizen and to the company's contact person (the company user with the contact's e-mail, or, when the contact
 * has no login, the company's users).
 */
async function followUpsTomorrow(now: Date): Promise<number> {
  const tomorrow = followUpDayFor(now);
  const due = await db()
    .select({
      agreementId: agreements.id,
      citizenId: agreements.citizenId,
      companyId: agreements.companyId,
      companyName: companies.name,
      openingTitle: openings.title,
      contactEmail: agreementVersions.contactEmail,
    })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(
      and(
        eq(agreements.status, 'active'),
        sql`${agreementVersions.followUpDates} @> ${JSON.stringify([tomorrow])}::jsonb`,
        notExists(db().select({ id: followUps.id }).from(followUps).where(and(eq(followUps.agreementId, agreements.id), eq(followUps.plannedDate, tomorrow)))),
        notExists(
          db()
            .select({ id: followUpSkips.id })
            .from(followUpSkips)
            .where(and(eq(followUpSkips.agreementId, agreements.id), eq(followUpSkips.plannedDate, tomorrow))),
        ),
      ),
    );
  let sent = 0;
  for (const agreement of due) {
    const message = (party: Party): NotificationMessage => ({
      kind: 'follow_up_tomorrow',
      agreementId: agreement.agreementId,
      party,
      date: tomorrow,
      openingTitle: agreement.openingTitle ?? agreement.companyName,
      companyName: agreement.companyName,
    });
    await db().transaction(async (tx) => {
      const companyPeople = await companyUsers(tx, agreement.companyId);
      const contact = companyPeople.filter((user) => agreement.contactEmail && user.email.toLowerCase() === agreement.contactEmail.trim().toLowerCase());
      const recipients: [RecipientRow, Party][] = [
        ...(await citizenUsers(tx, agreement.citizenId)).map((user): [RecipientRow, Party] => [user, 'citizen']),
        ...(contact.length > 0 ? contact : companyPeople).map((user): [RecipientRow, Party] => [user, 'company']),
      ];
      for (const [user, party] of recipients) {
        if (await deliver(tx, user, message(party), { dedupKey: DEDUP_KEYS.followUp(agreement.agreementId, tomorrow, user.id), now })) sent += 1;
      }
    });
  }
  return sent;
}

/**
 * Once a month, to each user of a company with an active agreement that ran in the month before and has no
 * hours for it: one mail naming every such agreement.
 */
async function hoursReminders(now: Date): Promise<number> {
  const month = hoursReminderMonth(now);
  const today = toIsoDate(now);
  const active = await db()
    .select({ agreementId: agreements.id, companyId: agreements.companyId, openingTitle: openings.title, companyName: companies.name, ...hoursReportColumns })
    .from(agreements)
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(and(eq(agreements.status, 'active'), isNotNull(agreements.activatedAt)))
    .orderBy(asc(agreements.createdAt));
  // The same rule as the company's "Venter på jer": last month is over, the work had started, no hours yet.
  const missing = active.filter((row) => unreportedMonths({ startDate: row.startDate, reported: row.reported, today }).includes(month));
  const byCompany = new Map<string, { id: string; openingTitle: string }[]>();
  for (const row of missing) byCompany.set(row.companyId, [...(byCompany.get(row.companyId) ?? []), { id: row.agreementId, openingTitle: row.openingTitle ?? row.companyName }]);
  let sent = 0;
  for (const [companyId, list] of byCompany) {
    await db().transaction(async (tx) => {
      for (const user of await companyUsers(tx, companyId)) {
        if (await deliver(tx, user, { kind: 'hours_reminder', month, agreements: list }, { dedupKey: DEDUP_KEYS.hours(user.id, month), now })) sent += 1;
      }
    });
  }
  return sent;
}

/** Each user's waiting notifications in one mail, once a day; a user deactivated meanwhile gets none. */
async function dailyDigests(now: Date): Promise<number> {
  const day = toIsoDate(now);
  const waiting = await db()
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.digest, true), isNull(notifications.mailedAt), isNull(users.deactivatedAt)));
  let sent = 0;
  for (const { userId } of waiting) {
    await db().transaction(async (tx) => {
      const items = await tx
        .select({ id: notifications.id, subject: notifications.subject, body: notifications.body })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.digest, true), isNull(notifications.mailedAt)))
        .orderBy(asc(notifications.id))
        .for('update');
      if (items.length === 0) return;
      const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
      if (!user) return;
      const mail = digestMail(items, { recipientName: user.name, day, origin: publicOrigin() });
      const [digest] = await tx
        .insert(notifications)
        .values({ userId, kind: 'daily_digest', dedupKey: DEDUP_KEYS.digest(userId, day), subject: mail.subject, body: mail.body, mailedAt: now, createdAt: now })
        .onConflictDoNothing({ target: notifications.dedupKey })
        .returning({ id: notifications.id });
      // Already sent today (by an earlier run or another instance): what came since waits for tomorrow's.
      if (!digest) return;
      await tx
        .update(notifications)
        .set({ mailedAt: now })
        .where(
          inArray(
            notifications.id,
            items.map((item) => item.id),
          ),
        );
      await sendMail(tx, { to: user.email, ...mail });
      sent += 1;
    });
  }
  return sent;
}

/**
 * Everything scheduled that is due at `now`: follow-ups tomorrow, last month's hours, and then the digests
 * (which take those along). Before 07:00 Danish time it waits. Safe to call as often as wanted.
 */
export async function runScheduledNotifications({ now = new Date() }: { now?: Date } = {}) {
  if (!isScheduledTime(now)) return { followUps: 0, hoursReminders: 0, digests: 0 };
  const followUpMails = await followUpsTomorrow(now);
  const hourMails = await hoursReminders(now);
  const digests = await dailyDigests(now);
  return { followUps: followUpMails, hoursReminders: hourMails, digests };
}

/** Runs the scheduled notifications shortly after start and then every quarter of an hour, until stopped. */
export function startNotificationWorker({ firstRunAfterMs = 60_000, intervalMs = 15 * 60_000 }: { firstRunAfterMs?: number; intervalMs?: number } = {}) {
  return startPeriodicWork('notifications', runScheduledNotifications, { firstRunAfterMs, intervalMs });
}
