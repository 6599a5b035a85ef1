/**
 * One agreement as each party reads it: every version with what changed, the months' hours, and the follow-up
 * plan. The consultant sees the log of contacts too; the company the history of the hours; the citizen what
 * changed in their own language. Each read by someone other than the citizen is access-logged.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreementVersions, followUps, followUpSkips, monthlyHours, monthlyHoursChanges, users } from '../../db/schema';
import {
  agreementChanges,
  endOfWeek,
  followUpStatus,
  NO_FOLLOW_UP,
  plannedFollowUps,
  type AgreementTerms,
  type FollowUpStatus,
  type HoursEntry,
  type MonthHours,
  type PlannedFollowUp,
  type TermChange,
} from '../domain/agreement-rules';
import { nextFollowUpDate } from '../domain/citizen-path';
import { toIsoDate, type CalendarDay } from '../domain/format';
import type { AgreementStatus, OpeningKind } from '../domain/vocabulary';
import type { Language } from '../i18n/language';
import { logCitizenAccess } from './access-log.server';
import {
  AGREEMENT_PURPOSES,
  agreementRowForCitizen,
  agreementRowForCompany,
  agreementRowForConsultant,
  type AgreementRow,
} from './agreement-access.server';
import type { Actor } from './actor';

export type AgreementVersionView = AgreementTerms & {
  version: number;
  changeNote: string | null;
  createdAt: Date;
  companyConfirmedAt: Date | null;
  companyConfirmedByName: string | null;
  citizenConfirmedAt: Date | null;
  citizenConfirmedByName: string | null;
  /** What changed from the version before; empty for the first. */
  changes: TermChange[];
};

export type FollowUpView = typeof followUps.$inferSelect;
export type MonthHoursView = MonthHours & { reportedBy: HoursEntry['reportedBy'] };
/** One save of a month's hours: who, when, the entry before (null for the first) and after. */
export type HoursChangeView = { id: string; month: string; before: HoursEntry | null; after: HoursEntry; changedAt: Date; changedByName: string | null; changedByRole: string | null };

export type AgreementView = {
  id: string;
  status: AgreementStatus;
  kind: OpeningKind;
  currentVersion: number;
  activatedAt: Date | null;
  goalReachedMonth: string | null;
  endedAt: Date | null;
  endReason: string | null;
  citizen: { id: string; name: string };
  companyId: string;
  companyName: string;
  opening: { id: string; title: string } | null;
  proposalId: string | null;
  /** Newest first. */
  versions: AgreementVersionView[];
  current: AgreementVersionView;
  followUps: FollowUpView[];
  months: MonthHoursView[];
  /** Every save of the hours, newest first: only for the consultant and the company. */
  hoursChanges: HoursChangeView[];
  followUp: FollowUpStatus;
  /** The plan date by date with what became of each: only for the consultant. */
  plan: PlannedFollowUp[];
};

/**
 * The parties do not see the log of contacts, so "next" cannot mean the first planned date after the last
 * contact (that stays the first date of the plan for ever); for them it is the next planned date from today,
 * as on the citizen's "Min vej".
 */
function partyFollowUp(plan: readonly string[], today: string): FollowUpStatus {
  const next = nextFollowUpDate(plan, today);
  return { ...NO_FOLLOW_UP, next, upcoming: next, dueThisWeek: next !== null && next <= endOfWeek(today) };
}

async function agreementView(
  executor: Executor,
  row: AgreementRow,
  today: string,
  { withLog, withHoursHistory = withLog, language = 'da' }: { withLog: boolean; withHoursHistory?: boolean; language?: Language },
): Promise<AgreementView> {
  const { agreement } = row;
  const [versionRows, contactRows, skipRows, monthRows, changeRows] = await Promise.all([
    executor.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id)).orderBy(asc(agreementVersions.version)),
    withLog ? executor.select().from(followUps).where(eq(followUps.agreementId, agreement.id)).orderBy(desc(followUps.contactDate), desc(followUps.createdAt)) : Promise.resolve([]),
    withLog ? executor.select().from(followUpSkips).where(eq(followUpSkips.agreementId, agreement.id)) : Promise.resolve([]),
    executor.select().from(monthlyHours).where(eq(monthlyHours.agreementId, agreement.id)).orderBy(asc(monthlyHours.month)),
    withHoursHistory
      ? executor
          .select({ change: monthlyHoursChanges, name: users.name, role: users.role })
          .from(monthlyHoursChanges)
          .leftJoin(users, eq(users.id, monthlyHoursChanges.changedBy))
          .where(eq(monthlyHoursChanges.agreementId, agreement.id))
          .orderBy(desc(monthlyHoursChanges.changedAt))
      : Promise.resolve([]),
  ]);
  const confirmerIds = [...new Set(versionRows.flatMap((version) => [version.companyConfirmedBy, version.citizenConfirmedBy]).filter((id): id is string => id !== null))];
  const names = new Map(
    confirmerIds.length === 0 ? [] : (await executor.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, confirmerIds))).map((user) => [user.id, user.name]),
  );
  const kind = row.opening?.kind ?? 'ordinary_hours';
  const versions = versionRows.map((version, index): AgreementVersionView => ({
    ...version,
    changes: index === 0 ? [] : agreementChanges(versionRows[index - 1]!, version, kind, language),
    companyConfirmedByName: version.companyConfirmedBy ? (names.get(version.companyConfirmedBy) ?? null) : null,
    citizenConfirmedByName: version.citizenConfirmedBy ? (names.get(version.citizenConfirmedBy) ?? null) : null,
  }));
  const current = versions.find((version) => version.version === agreement.currentVersion) ?? versions[versions.length - 1]!;
  const closedDates = [...contactRows.map((contact) => contact.plannedDate), ...skipRows.map((skip) => skip.plannedDate)];
  const followed = agreement.status !== 'ended';
  return {
    id: agreement.id,
    status: agreement.status,
    kind,
    currentVersion: agreement.currentVersion,
    activatedAt: agreement.activatedAt,
    goalReachedMonth: agreement.goalReachedMonth,
    endedAt: agreement.endedAt,
    endReason: agreement.endReason,
    citizen: { id: agreement.citizenId, name: row.citizenName },
    companyId: agreement.companyId,
    companyName: row.companyName,
    opening: row.opening ? { id: row.opening.id, title: row.opening.title } : null,
    proposalId: agreement.proposalId,
    versions: [...versions].reverse(),
    current,
    followUps: contactRows,
    months: monthRows.map((month) => ({
      month: month.month,
      ordinaryHours: month.ordinaryHours,
      internshipHours: month.internshipHours,
      flexjobHours: month.flexjobHours,
      wageSubsidyHours: month.wageSubsidyHours,
      reportedBy: month.reportedBy,
    })),
    hoursChanges: changeRows.map(({ change, name, role }) => ({
      id: change.id,
      month: change.month,
      before: change.before,
      after: change.after,
      changedAt: change.changedAt,
      changedByName: name,
      changedByRole: role,
    })),
    followUp: !followed ? NO_FOLLOW_UP : withLog ? followUpStatus(current.followUpDates, closedDates, today) : partyFollowUp(current.followUpDates, today),
    plan: withLog ? plannedFollowUps(current.followUpDates, contactRows, skipRows, today) : [],
  };
}

/** The whole agreement for a consultant of the citizen's jobcentre, with the log and the hours. Logs the read. */
export async function agreementForConsultant(actor: Actor, agreementId: string, { today = new Date() }: { today?: CalendarDay } = {}): Promise<AgreementView> {
  const row = await agreementRowForConsultant(db(), actor, agreementId);
  const view = await agreementView(db(), row, toIsoDate(today), { withLog: true });
  await logCitizenAccess(db(), { citizenIds: [row.agreement.citizenId], actor, action: 'read', purpose: AGREEMENT_PURPOSES.consultantRead(row.companyName) });
  return view;
}

/**
 * The agreement as the company sees it: its own only (another's is not found), without the consultant's log
 * of contacts. Never a draft: the company sees the agreement once it is sent for confirmation. Logs the read.
 */
export async function agreementForCompany(actor: Actor, agreementId: string, { today = new Date() }: { today?: CalendarDay } = {}): Promise<AgreementView> {
  const row = await agreementRowForCompany(db(), actor, agreementId);
  const view = await agreementView(db(), row, toIsoDate(today), { withLog: false, withHoursHistory: true });
  await logCitizenAccess(db(), { citizenIds: [row.agreement.citizenId], actor, action: 'read', purpose: AGREEMENT_PURPOSES.companyRead(row.companyName) });
  return view;
}

/** The citizen's own agreement (another's is not found; a draft is not shown yet), what changed said in their language. */
export async function agreementForCitizen(
  actor: Actor,
  agreementId: string,
  { today = new Date(), language = 'da' }: { today?: CalendarDay; language?: Language } = {},
): Promise<AgreementView> {
  const row = await agreementRowForCitizen(db(), actor, agreementId);
  return agreementView(db(), row, toIsoDate(today), { withLog: false, language });
}
