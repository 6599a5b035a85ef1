/**
 * Following an agreement: the consultant logs each contact and the hours worked each month (the company may
 * report its own hours for a month too), the 30-hours goal is marked when a calendar month reaches it, and an
 * agreement that stops is ended with a reason (the opening's slot is freed; a citizen who drops out before the
 * goal goes back to "på vej mod job"). The plan's dates as an .ics file.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreements, agreementVersions, followUps, followUpSkips, monthlyHours, monthlyHoursChanges } from '../../db/schema';
import {
  companyMonthlyHoursSchema,
  describeHoursEntry,
  firstGoalMonth,
  monthlyHoursSchema,
  type CompanyMonthlyHoursInput,
  type FollowUpInput,
  type HoursEntry,
  type MonthlyHoursInput,
  type SkipFollowUpInput,
} from '../domain/agreement-rules';
import { followUpCalendar } from '../domain/follow-up-calendar';
import { formatDate, toIsoDate, type CalendarDay } from '../domain/format';
import { formatMonthIn } from '../i18n/format';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import type { Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';
import type { Actor } from './actor';
import {
  AGREEMENT_PURPOSES,
  AgreementRefusedError,
  agreementRowForCitizen,
  agreementRowForCompany,
  agreementRowForConsultant,
  lockAgreement,
} from './agreement-access.server';
import { setCitizenPhase } from './citizens.server';
import { syncOpeningSlots } from './opening-slots.server';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../domain/slots';
import { phaseAfterAgreementEnds } from '../domain/citizen-path';
import { refreshSocialMarksOfCompany } from './social-marks.server';

/** Agreements in force are followed up: those that hold a slot (app/domain/slots.ts). */
const FOLLOWED_STATUSES = SLOT_HOLDING_AGREEMENT_STATUSES;

function assertFollowed(status: string, activatedAt: Date | null) {
  if (status === 'ended') throw new AgreementRefusedError('Aftalen er afsluttet. Opfølgning og timer kan ikke længere registreres.');
  if (!(FOLLOWED_STATUSES as readonly string[]).includes(status) || activatedAt === null) {
    throw new AgreementRefusedError('Aftalen er ikke aktiv endnu. Opfølgningen begynder, når virksomheden og borgeren har bekræftet den.');
  }
}

/** The agreement's months run from the earliest start of any version: a renegotiation may move the start. */
async function hoursPeriod(executor: Executor, agreementId: string, today: string) {
  const [first] = await executor
    .select({ startDate: agreementVersions.startDate })
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(asc(agreementVersions.startDate))
    .limit(1);
  return { today, startDate: first?.startDate ?? today };
}

/** The form for a month's hours: from the month the agreement first started up to this month. */
export async function monthlyHoursSchemaFor(actor: Actor, agreementId: string, { today }: { today: string }) {
  const row = await agreementRowForConsultant(db(), actor, agreementId);
  return monthlyHoursSchema(await hoursPeriod(db(), row.agreement.id, today));
}

/**
 * The company's form for a month's hours: the consultant's rules, for the company's own agreement. An
 * agreement that is not followed is refused first, so the company is told that rather than about the hours.
 */
export async function companyMonthlyHoursSchemaFor(actor: Actor, agreementId: string, { today }: { today: string }) {
  const row = await agreementRowForCompany(db(), actor, agreementId);
  assertFollowed(row.agreement.status, row.agreement.activatedAt);
  return companyMonthlyHoursSchema(await hoursPeriod(db(), row.agreement.id, today));
}

/** The current version's planned dates, read inside the caller's transaction. */
async function currentPlan(tx: Executor, agreementId: string, version: number): Promise<string[]> {
  const [row] = await tx
    .select({ followUpDates: agreementVersions.followUpDates })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, version)));
  return row?.followUpDates ?? [];
}

const NOT_IN_PLAN = 'Datoen er ikke en af de planlagte opfølgninger i aftalen. Vælg en dato fra planen.';

/**
 * Logs one contact: date, with whom, how, what was talked about and the next step, and which planned date it
 * holds (none for an extra contact). It holds only that date: earlier missed dates stay overdue.
 */
export async function logFollowUp(actor: Actor, agreementId: string, input: FollowUpInput) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await agreementRowForConsultant(tx, actor, agreementId);
    assertFollowed(row.agreement.status, row.agreement.activatedAt);
    if (input.plannedDate && !(await currentPlan(tx, row.agreement.id, row.agreement.currentVersion)).includes(input.plannedDate)) {
      throw new AgreementRefusedError(NOT_IN_PLAN, 'plannedDate');
    }
    const [created] = await tx
      .insert(followUps)
      .values({ agreementId: row.agreement.id, ...input, createdBy: actor.id })
      .returning({ id: followUps.id });
    await logCitizenAccess(tx, { citizenIds: [row.agreement.citizenId], actor, action: 'change', purpose: AGREEMENT_PURPOSES.followUp(row.companyName), organisation });
    await refreshSocialMarksOfCompany(tx, row.agreement.companyId);
    return { id: created!.id };
  });
}

/**
 * Skips one planned follow-up with a reason (the company closed for the summer, the citizen ill): it is then
 * no longer overdue. A date already held by a contact or already skipped is refused.
 */
export async function skipFollowUp(actor: Actor, agreementId: string, input: SkipFollowUpInput) {
  return db().transaction(async (tx) => {
    const row = await agreementRowForConsultant(tx, actor, agreementId);
    const agreement = await lockAgreement(tx, row.agreement.id);
    assertFollowed(agreement.status, agreement.activatedAt);
    if (!(await currentPlan(tx, agreement.id, agreement.currentVersion)).includes(input.plannedDate)) throw new AgreementRefusedError(NOT_IN_PLAN, 'plannedDate');
    const [held] = await tx
      .select({ id: followUps.id })
      .from(followUps)
      .where(and(eq(followUps.agreementId, agreement.id), eq(followUps.plannedDate, input.plannedDate)));
    if (held) throw new AgreementRefusedError(`Opfølgningen ${formatDate(input.plannedDate)} er allerede holdt og logget.`, 'plannedDate');
    const [skipped] = await tx
      .insert(followUpSkips)
      .values({ agreementId: agreement.id, plannedDate: input.plannedDate, reason: input.reason, skippedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: followUpSkips.id });
    if (!skipped) throw new AgreementRefusedError(`Opfølgningen ${formatDate(input.plannedDate)} er allerede sprunget over.`, 'plannedDate');
    await refreshSocialMarksOfCompany(tx, agreement.companyId);
    return { id: skipped.id };
  });
}

type LockedAgreement = Awaited<ReturnType<typeof lockAgreement>>;
type MonthToSave = Omit<MonthlyHoursInput, 'reportedBy'> & { reportedBy: HoursEntry['reportedBy'] };

/**
 * Hours for a month that has hours already, sent without saying that they correct them: refused, so a second
 * entry never silently replaces the first (40 praktik hours once became 0 that way). `existing` is what is
 * saved, for the form to show before the person decides.
 */
export class MonthAlreadyReportedError extends AgreementRefusedError {
  constructor(readonly existing: HoursEntry & { month: string }) {
    super(
      `Der er allerede registreret timer for ${formatMonthIn(existing.month, 'da')}: ${describeHoursEntry(existing)}. Tjek tallene, og tryk "Ret timerne", hvis de nye skal erstatte dem.`,
      'month',
    );
    this.name = 'MonthAlreadyReportedError';
  }
}

/**
 * Saves the hours of one calendar month. A month that has hours already is replaced only when the input says
 * it corrects that month; every save is kept in the month's history (who, when, before and after). The
 * first month with at least 30 ordinary hours marks the goal reached on the agreement; a correction that
 * takes every month below 30 again clears it.
 */
async function saveMonth(tx: Executor, agreement: LockedAgreement, input: MonthToSave, changedBy: string) {
  const after: HoursEntry = {
    ordinaryHours: input.ordinaryHours,
    internshipHours: input.internshipHours,
    flexjobHours: input.flexjobHours,
    wageSubsidyHours: input.wageSubsidyHours,
    reportedBy: input.reportedBy,
  };
  const [saved] = await tx
    .select()
    .from(monthlyHours)
    .where(and(eq(monthlyHours.agreementId, agreement.id), eq(monthlyHours.month, input.month)));
  const before: HoursEntry | null = saved
    ? { ordinaryHours: saved.ordinaryHours, internshipHours: saved.internshipHours, flexjobHours: saved.flexjobHours, wageSubsidyHours: saved.wageSubsidyHours, reportedBy: saved.reportedBy }
    : null;
  if (before && input.correcting !== input.month) throw new MonthAlreadyReportedError({ month: input.month, ...before });
  if (saved) {
    await tx.update(monthlyHours).set({ ...after, recordedBy: changedBy }).where(eq(monthlyHours.id, saved.id));
  } else {
    await tx.insert(monthlyHours).values({ agreementId: agreement.id, month: input.month, ...after, recordedBy: changedBy });
  }
  await tx.insert(monthlyHoursChanges).values({ agreementId: agreement.id, month: input.month, before, after, changedBy });
  const months = await tx.select({ month: monthlyHours.month, ordinaryHours: monthlyHours.ordinaryHours }).from(monthlyHours).where(eq(monthlyHours.agreementId, agreement.id));
  const goalMonth = firstGoalMonth(months);
  if (goalMonth !== agreement.goalReachedMonth) {
    await tx.update(agreements).set({ goalReachedMonth: goalMonth, updatedAt: new Date() }).where(eq(agreements.id, agreement.id));
  }
  return { goalReachedMonth: goalMonth, newlyReached: goalMonth !== null && agreement.goalReachedMonth === null };
}

/** The consultant records (or corrects) the hours of one calendar month, as the company or the citizen told them. */
export async function recordMonthlyHours(actor: Actor, agreementId: string, input: MonthlyHoursInput) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await agreementRowForConsultant(tx, actor, agreementId);
    const agreement = await lockAgreement(tx, row.agreement.id);
    assertFollowed(agreement.status, agreement.activatedAt);
    const result = await saveMonth(tx, agreement, input, actor.id);
    await logCitizenAccess(tx, { citizenIds: [row.agreement.citizenId], actor, action: 'change', purpose: AGREEMENT_PURPOSES.followUp(row.companyName), organisation });
    return result;
  });
}

/**
 * The company reports (or corrects) the hours the citizen worked in one month of its own agreement, under the
 * same rules and with the same goal marking as the consultant's record. The month's rules are checked again
 * here, against today and the agreement's start as they are inside the transaction: the service is what the
 * company's request reaches, whatever the form checked.
 */
export async function reportMonthlyHoursAsCompany(actor: Actor, agreementId: string, input: CompanyMonthlyHoursInput, { today = new Date() }: { today?: CalendarDay } = {}) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await agreementRowForCompany(tx, actor, agreementId);
    const agreement = await lockAgreement(tx, row.agreement.id);
    assertFollowed(agreement.status, agreement.activatedAt);
    const schema = companyMonthlyHoursSchema(await hoursPeriod(tx, agreement.id, toIsoDate(today)));
    const parsed = schema.safeParse({ ...input, month: input.month.slice(0, 7), correcting: input.correcting?.slice(0, 7) ?? '' });
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      throw new AgreementRefusedError(issue?.message ?? 'Timerne kan ikke gemmes. Ret dem, og prøv igen.', issue ? String(issue.path[0] ?? '') : undefined);
    }
    const result = await saveMonth(tx, agreement, { ...parsed.data, reportedBy: 'company' }, actor.id);
    await logCitizenAccess(tx, { citizenIds: [agreement.citizenId], actor, action: 'change', purpose: AGREEMENT_PURPOSES.companyHours(row.companyName), organisation });
    return result;
  });
}

/**
 * Ends the agreement with a reason. The history stays; the slot is freed; a citizen who drops out before
 * the goal, with no other agreement that holds a slot, goes back to "på vej mod job" (phaseAfterAgreementEnds).
 */
export async function endAgreement(actor: Actor, agreementId: string, { endReason }: { endReason: string }) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await agreementRowForConsultant(tx, actor, agreementId);
    const agreement = await lockAgreement(tx, row.agreement.id);
    if (agreement.status === 'ended') throw new AgreementRefusedError('Aftalen er allerede afsluttet.');
    const now = new Date();
    await tx.update(agreements).set({ status: 'ended', endedAt: now, endReason, updatedAt: now }).where(eq(agreements.id, agreement.id));
    await syncOpeningSlots(tx, agreement.openingId);
    const [other] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.citizenId, agreement.citizenId), ne(agreements.id, agreement.id), inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES])));
    const phase = phaseAfterAgreementEnds({
      wasActive: agreement.activatedAt !== null,
      goalReached: agreement.goalReachedMonth !== null,
      otherAgreementHoldsSlot: other !== undefined,
    });
    if (phase) await setCitizenPhase(tx, agreement.citizenId, phase);
    await logCitizenAccess(tx, { citizenIds: [agreement.citizenId], actor, action: 'change', purpose: AGREEMENT_PURPOSES.end(row.companyName), organisation });
    await refreshSocialMarksOfCompany(tx, agreement.companyId, now);
  });
}

/** A calendar file as a download that no cache keeps (it names the citizen). */
export function calendarResponse({ text, filename }: { text: string; filename: string }): Response {
  return new Response(text, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The current version's follow-up dates as an iCalendar file. */
export async function followUpCalendarFile(actor: Actor, agreementId: string, { now = new Date() }: { now?: Date } = {}) {
  const row = await agreementRowForConsultant(db(), actor, agreementId);
  const [version] = await db()
    .select({ followUpDates: agreementVersions.followUpDates, contactName: agreementVersions.contactName })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, row.agreement.id), eq(agreementVersions.version, row.agreement.currentVersion)));
  const text = followUpCalendar({
    agreementId: row.agreement.id,
    summary: `Opfølgning: ${row.citizenName} hos ${row.companyName}`,
    description: `Opfølgning på aftalen${row.opening ? ` om ${row.opening.title}` : ''}. Kontaktperson: ${version?.contactName ?? ''}.`,
    dates: version?.followUpDates ?? [],
    stamp: now,
  });
  // The file holds the citizen's name and plan, so handing it out is a read like opening the agreement.
  await logCitizenAccess(db(), { citizenIds: [row.agreement.citizenId], actor, action: 'read', purpose: AGREEMENT_PURPOSES.calendar(row.companyName) });
  return { text, filename: 'opfoelgningsplan.ics' };
}

/**
 * The same dates for the company contact or the citizen, from their own agreement only (another's, or a
 * draft, is not found). The file names the people the party already knows from the agreement and the
 * company's contact person; never the consultant's notes or health considerations. The citizen reads it in
 * their language; a company's download is a read of the citizen's data and is logged, the citizen's own is not.
 */
export async function partyCalendarFile(actor: Actor, agreementId: string, { now = new Date(), language = 'da' }: { now?: Date; language?: Language } = {}) {
  const row = actor.role === 'citizen' ? await agreementRowForCitizen(db(), actor, agreementId) : await agreementRowForCompany(db(), actor, agreementId);
  const [version] = await db()
    .select({ followUpDates: agreementVersions.followUpDates, contactName: agreementVersions.contactName })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, row.agreement.id), eq(agreementVersions.version, row.agreement.currentVersion)));
  const t = textsFor(actor.role === 'citizen' ? language : 'da').agreement.calendarFile;
  const openingTitle = row.opening?.title ?? null;
  const text = followUpCalendar({
    agreementId: row.agreement.id,
    summary: actor.role === 'citizen' ? t.citizenSummary(row.companyName) : t.companySummary(row.citizenName),
    description: t.description(openingTitle, version?.contactName ?? ''),
    dates: version?.followUpDates ?? [],
    stamp: now,
  });
  if (actor.role === 'company') {
    await logCitizenAccess(db(), { citizenIds: [row.agreement.citizenId], actor, action: 'read', purpose: AGREEMENT_PURPOSES.companyCalendar(row.companyName) });
  }
  return { text, filename: t.filename };
}
