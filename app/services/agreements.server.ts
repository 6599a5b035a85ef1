/**
 * Agreements between a citizen and a company: the consultant writes one (from a proposal both said yes to,
 * or directly for an opening), the company and the citizen each confirm it, and it is active when both
 * have. A renegotiation is a new version that both confirm again; earlier versions stay readable. An agreement
 * that is awaiting confirmation or active holds one of the opening's slots: the opening is filled when all
 * are held and opens again when one is freed, with a search-outbox row in the same transaction.
 * The rules of the form live in app/domain/agreement-rules.ts.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { offsetOf, pageOf, type PageOf } from '../domain/pagination';
import {
  agreements,
  agreementVersions,
  citizenExcludedCompanies,
  citizens,
  companies,
  followUps,
  followUpSkips,
  matchProposals,
  monthlyHours,
  monthlyHoursChanges,
  openings,
  users,
  type WeekSchedule,
} from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import {
  addMonths,
  agreementChanges,
  agreementInputSchema,
  endOfWeek,
  followUpStatus,
  isConfirmedByBoth,
  nextActionOnActivation,
  NO_FOLLOW_UP,
  plannedFollowUps,
  proposeFollowUpDates,
  proposedOrdinaryHours,
  rowFieldsOf,
  type AgreementContext,
  type AgreementInput,
  type AgreementTerms,
  type FollowUpStatus,
  type HoursEntry,
  type MonthHours,
  type PlannedFollowUp,
  type TermChange,
} from '../domain/agreement-rules';
import { jobCalculatorPrefill, type CalculatorValues } from '../domain/benefit-calculator';
import { nextFollowUpDate } from '../domain/citizen-path';
import { kindEligibility } from '../domain/eligibility';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { statusAfterSlotChange } from '../domain/opening-rules';
import type { AgreementStatus, OpeningKind, PathPhase } from '../domain/vocabulary';
import type { Language } from '../i18n/language';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { notify } from './notifications.server';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../domain/slots';
import { consultantJobcentre as consultantJobcentreOf, isUuid } from './object-access.server';
import { refreshSocialMarksOfCompany } from './social-marks.server';

const AGREEMENT = 'Aftalen';

/** The agreement cannot be saved or moved as asked; `field` names the form field the message belongs at. */
export class AgreementRefusedError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AgreementRefusedError';
  }
}

export const AGREEMENT_PURPOSES = {
  write: (companyName: string) => `Aftale med ${companyName}: aftalen blev skrevet eller ændret`,
  consultantRead: (companyName: string) => `Opfølgning på aftalen med ${companyName}`,
  draft: (companyName: string) => `Aftale med ${companyName}: en aftale blev forberedt`,
  renegotiation: (companyName: string) => `Aftale med ${companyName}: aftalen blev åbnet for at genforhandle den`,
  calendar: (companyName: string) => `Opfølgning på aftalen med ${companyName}: opfølgningsplanen blev hentet som kalenderfil`,
  companyRead: (companyName: string) => `Aftale med ${companyName}: virksomheden åbnede aftalen`,
  companyCalendar: (companyName: string) => `Aftale med ${companyName}: virksomheden hentede opfølgningsplanen som kalenderfil`,
  followUp: (companyName: string) => `Opfølgning på aftalen med ${companyName}: kontakt eller timer registreret`,
  companyHours: (companyName: string) => `Aftale med ${companyName}: virksomheden oplyste dine timer for en måned`,
  end: (companyName: string) => `Aftale med ${companyName}: aftalen blev afsluttet`,
} as const;

export const SLOTS_TAKEN = 'Alle pladser i jobopslaget er optaget af aftaler, der er aktive eller afventer bekræftelse. Afslut en af dem, eller giv jobopslaget flere pladser.';
export const ALREADY_WRITTEN = 'Der er allerede skrevet en aftale ud fra dette forslag. Åbn aftalen i stedet.';
export const PROPOSAL_NOT_ACCEPTED = 'Der kan kun skrives en aftale, når både virksomheden og borgeren har sagt ja til forslaget.';
export const NOT_A_PARTY = 'Kun virksomheden og borgeren i aftalen kan bekræfte den.';
export const ALREADY_CONFIRMED = 'Du har allerede bekræftet denne version af aftalen.';
export const NOT_AWAITING = 'Aftalen venter ikke på bekræftelse lige nu.';

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter kan skrive og følge op på aftaler.');

// ── Writing an agreement ────────────────────────────────────────────────────────────────────────────────

export type AgreementSource = { proposalId: string } | { citizenId: string; openingId: string };

export type AgreementDraft = {
  source: AgreementSource;
  kind: OpeningKind;
  citizen: { id: string; name: string; hoursMin: number; hoursMax: number };
  opening: { id: string; title: string; hoursMin: number; hoursMax: number; slots: number };
  companyId: string;
  companyName: string;
  context: AgreementContext;
  /** What the benefit calculator beside the form starts from: the citizen's benefit and the job's wage. */
  /** What the benefit calculator starts from: the citizen's benefit, the proposed hours, the job's wage. */
  /** Where the calculator on the form starts (jobCalculatorPrefill), and the agreement the wage follows when no hourly wage is given. */
  economy: { prefill: CalculatorValues; wageAgreement: string | null };
  /** The form's starting values: the opening's tasks, schedule and contact, and a proposed plan. */
  values: Record<string, string | string[]>;
};

async function loadOpening(executor: Executor, openingId: string) {
  if (!isUuid(openingId)) return undefined;
  const [row] = await executor
    .select({ opening: openings, companyName: companies.name })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(eq(openings.id, openingId));
  return row;
}

async function loadCitizen(executor: Executor, citizenId: string, jobcentreId: string) {
  if (!isUuid(citizenId)) return undefined;
  const [row] = await executor
    .select()
    .from(citizens)
    .where(and(eq(citizens.id, citizenId), eq(citizens.jobcentreId, jobcentreId)));
  return row;
}

/**
 * The citizen, the opening and the proposal an agreement is written from, or why it may not be. With
 * `readBy`, the read is logged as soon as both are known, before the checks that refuse: a refusal tells the
 * consultant something about the citizen too (a closed case, no visitation to fleksjob).
 */
async function resolveSource(
  executor: Executor,
  jobcentreId: string,
  source: AgreementSource,
  { today = new Date(), readBy }: { today?: CalendarDay; readBy?: Actor } = {},
) {
  let citizenId: string;
  let openingId: string;
  let proposalId: string | null = null;
  if ('proposalId' in source) {
    if (!isUuid(source.proposalId)) throw new NotFoundError('Forslaget');
    const [proposal] = await executor.select().from(matchProposals).where(eq(matchProposals.id, source.proposalId));
    if (!proposal) throw new NotFoundError('Forslaget');
    citizenId = proposal.citizenId;
    openingId = proposal.openingId;
    proposalId = proposal.id;
    const citizen = await loadCitizen(executor, citizenId, jobcentreId);
    if (!citizen) throw new NotFoundError('Forslaget');
    if (proposal.status !== 'accepted') throw new AgreementRefusedError(PROPOSAL_NOT_ACCEPTED);
  } else {
    citizenId = source.citizenId;
    openingId = source.openingId;
  }
  const citizen = await loadCitizen(executor, citizenId, jobcentreId);
  if (!citizen) throw new NotFoundError('Borgeren');
  const opening = await loadOpening(executor, openingId);
  if (!opening) throw new NotFoundError('Jobopslaget');
  if (readBy) await logCitizenAccess(executor, { citizenIds: [citizen.id], actor: readBy, action: 'read', purpose: AGREEMENT_PURPOSES.draft(opening.companyName) });
  if (citizen.closedAt) throw new AgreementRefusedError('Borgerens sag er lukket.');
  // The hard rule holds for a direct agreement too: never a skånejob at an excluded company, never a fleksjob without visitation.
  const excluded = await executor
    .select({ companyId: citizenExcludedCompanies.companyId })
    .from(citizenExcludedCompanies)
    .where(eq(citizenExcludedCompanies.citizenId, citizen.id));
  const eligibility = kindEligibility({ ...citizen, excludedCompanyIds: excluded.map((row) => row.companyId) }, opening.opening, today);
  if (!eligibility.eligible) throw new AgreementRefusedError(eligibility.reason);
  return { citizen, opening: opening.opening, companyName: opening.companyName, proposalId };
}

function contextOf(citizen: typeof citizens.$inferSelect, opening: typeof openings.$inferSelect): AgreementContext {
  return {
    kind: opening.kind,
    opening: { hoursMin: opening.hoursMin, hoursMax: opening.hoursMax },
    citizen: {
      hoursMin: citizen.hoursMin,
      hoursMax: citizen.hoursMax,
      flexjobVisitationUntil: citizen.flexjobVisitationUntil,
      benefitStatus: citizen.benefitStatus,
    },
  };
}

/** Terms → the form's values, for a renegotiation that starts from the current version. */
export function termsToFormValues(terms: AgreementTerms): Record<string, string | string[]> {
  return {
    ordinaryHoursPerWeek: String(terms.ordinaryHoursPerWeek).replace('.', ','),
    internshipHoursPerWeek: terms.internshipHoursPerWeek ? String(terms.internshipHoursPerWeek).replace('.', ',') : '',
    days: terms.schedule.days,
    parts: terms.schedule.parts,
    scheduleNote: terms.schedule.note ?? '',
    startDate: terms.startDate,
    renegotiationDate: terms.renegotiationDate ?? '',
    tasks: terms.tasks.join('\n'),
    contactName: terms.contactName,
    contactRole: terms.contactRole,
    contactPhone: terms.contactPhone ?? '',
    contactEmail: terms.contactEmail ?? '',
    sharedHealthConsiderations: terms.sharedHealthConsiderations,
    ...(terms.sharedHealthConsiderations ? { healthConsent: 'on' } : {}),
    ...rowFieldsOf(terms.subGoals, terms.followUpDates),
    changeNote: '',
  };
}

/**
 * Everything the new-agreement form needs, prefilled from the opening. `logRead` for the page that shows it
 * (a refusal too); the action that checks a submitted form against it logs its change instead.
 */
export async function agreementDraft(
  actor: Actor,
  source: AgreementSource,
  { today = new Date(), logRead = false }: { today?: CalendarDay; logRead?: boolean } = {},
): Promise<AgreementDraft> {
  const jobcentreId = consultantJobcentre(actor);
  const { citizen, opening, companyName } = await resolveSource(db(), jobcentreId, source, { today, readBy: logRead ? actor : undefined });
  const day = toIsoDate(today);
  const startDate = opening.startDate > day ? opening.startDate : day;
  const hoursPerWeek = proposedOrdinaryHours(opening, citizen);
  const values = termsToFormValues({
    ordinaryHoursPerWeek: hoursPerWeek,
    internshipHoursPerWeek: 0,
    schedule: opening.schedule,
    startDate,
    renegotiationDate: addMonths(startDate, 3),
    tasks: opening.tasks,
    contactName: opening.contactName,
    contactRole: opening.contactRole,
    contactPhone: opening.contactPhone,
    contactEmail: opening.contactEmail,
    subGoals: [],
    sharedHealthConsiderations: '',
    followUpDates: proposeFollowUpDates(startDate, opening.kind),
  });
  return {
    source,
    kind: opening.kind,
    citizen: { id: citizen.id, name: citizen.name, hoursMin: citizen.hoursMin, hoursMax: citizen.hoursMax },
    opening: { id: opening.id, title: opening.title, hoursMin: opening.hoursMin, hoursMax: opening.hoursMax, slots: opening.slots },
    companyId: opening.companyId,
    companyName,
    context: contextOf(citizen, opening),
    economy: { prefill: jobCalculatorPrefill(citizen, opening), wageAgreement: opening.wageAgreement },
    values,
  };
}

/** The schema for the agreement's form, built from the opening and the citizen it is about. */
export function agreementSchemaFor(draft: Pick<AgreementDraft, 'context'>, options: { renegotiation?: boolean } = {}) {
  return agreementInputSchema(draft.context, options);
}

/** Openings a consultant may write a direct agreement for: published and not closed. */
export async function openingsForDirectAgreement(actor: Actor) {
  consultantJobcentre(actor);
  return db()
    .select({ id: openings.id, title: openings.title, kind: openings.kind, companyName: companies.name, status: openings.status })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(inArray(openings.status, ['open', 'paused', 'filled']))
    .orderBy(asc(companies.name), asc(openings.title));
}

function versionColumns(input: AgreementInput) {
  return {
    ordinaryHoursPerWeek: input.ordinaryHoursPerWeek,
    internshipHoursPerWeek: input.internshipHoursPerWeek,
    schedule: input.schedule as WeekSchedule,
    startDate: input.startDate,
    renegotiationDate: input.renegotiationDate,
    tasks: input.tasks,
    contactName: input.contactName,
    contactRole: input.contactRole,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    subGoals: input.subGoals,
    sharedHealthConsiderations: input.sharedHealthConsiderations,
    followUpDates: input.followUpDates,
  };
}

/**
 * Takes a slot for the agreement, or refuses when the opening's slots are all held by other agreements (or
 * the citizen already holds one at this opening). Locks the opening row so two agreements cannot take the
 * last slot at once.
 */
async function takeSlot(tx: Executor, openingId: string, agreementId: string | null, citizenId: string) {
  const [opening] = await tx.select({ slots: openings.slots }).from(openings).where(eq(openings.id, openingId)).for('update');
  if (!opening) throw new NotFoundError('Jobopslaget');
  const others = await tx
    .select({ id: agreements.id, citizenId: agreements.citizenId })
    .from(agreements)
    .where(
      and(
        eq(agreements.openingId, openingId),
        inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES]),
        agreementId ? ne(agreements.id, agreementId) : undefined,
      ),
    );
  if (others.some((other) => other.citizenId === citizenId)) {
    throw new AgreementRefusedError('Borgeren har allerede en aftale om dette job, som er aktiv eller afventer bekræftelse.');
  }
  if (others.length >= opening.slots) throw new AgreementRefusedError(SLOTS_TAKEN);
}

/** Filled when all slots are held, open again when one is freed; search follows through the outbox. */
async function syncOpeningSlots(tx: Executor, openingId: string | null) {
  if (!openingId) return;
  const [opening] = await tx.select({ status: openings.status, slots: openings.slots }).from(openings).where(eq(openings.id, openingId));
  if (!opening) return;
  const [held] = await tx
    .select({ n: count() })
    .from(agreements)
    .where(and(eq(agreements.openingId, openingId), inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES])));
  const status = statusAfterSlotChange(opening.status, opening.slots, held?.n ?? 0);
  if (status !== opening.status) await tx.update(openings).set({ status, updatedAt: new Date() }).where(eq(openings.id, openingId));
  await enqueueSearchSync(tx, 'opening', openingId);
}

async function setPhase(tx: Executor, citizenId: string, phase: PathPhase) {
  await tx.update(citizens).set({ phase, updatedAt: new Date() }).where(eq(citizens.id, citizenId));
  await enqueueSearchSync(tx, 'citizen', citizenId);
}

/**
 * Writes a new agreement as a draft, or sends it to the company and the citizen for confirmation at once
 * (`send`), which takes a slot. The input must have been parsed with the schema from `agreementSchemaFor`.
 */
export async function createAgreement(actor: Actor, source: AgreementSource, input: AgreementInput, { send }: { send: boolean }) {
  const jobcentreId = consultantJobcentre(actor);
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const { citizen, opening, companyName, proposalId } = await resolveSource(tx, jobcentreId, source);
    const parsed = agreementInputSchema(contextOf(citizen, opening)).safeParse(reparse(input));
    if (!parsed.success) throw new AgreementRefusedError(parsed.error.issues[0]?.message ?? 'Aftalen er ikke gyldig.', String(parsed.error.issues[0]?.path[0] ?? ''));
    if (proposalId) {
      const [existing] = await tx
        .select({ id: agreements.id })
        .from(agreements)
        .where(and(eq(agreements.proposalId, proposalId), ne(agreements.status, 'ended')));
      if (existing) throw new AgreementRefusedError(ALREADY_WRITTEN);
    }
    if (send) await takeSlot(tx, opening.id, null, citizen.id);
    const [agreement] = await tx
      .insert(agreements)
      .values({
        citizenId: citizen.id,
        companyId: opening.companyId,
        openingId: opening.id,
        proposalId,
        status: send ? 'awaiting_confirmation' : 'draft',
        currentVersion: 1,
        createdBy: actor.id,
      })
      .returning({ id: agreements.id });
    await tx.insert(agreementVersions).values({ agreementId: agreement!.id, version: 1, ...versionColumns(input), createdBy: actor.id });
    if (send) await syncOpeningSlots(tx, opening.id);
    await logCitizenAccess(tx, { citizenIds: [citizen.id], actor, action: 'change', purpose: AGREEMENT_PURPOSES.write(companyName), organisation });
    if (send) await notify(tx, { kind: 'agreement_to_confirm', agreementId: agreement!.id });
    return { id: agreement!.id };
  });
}

/** The parsed input back in the form's shape, so the service can check it again against fresh rows. */
function reparse(input: AgreementInput): Record<string, string | string[]> {
  return termsToFormValues({ ...input, schedule: input.schedule });
}

async function loadAgreementRow(executor: Executor, agreementId: string) {
  if (!isUuid(agreementId)) return undefined;
  const [row] = await executor
    .select({
      agreement: agreements,
      citizenName: citizens.name,
      citizenJobcentreId: citizens.jobcentreId,
      companyName: companies.name,
      opening: { id: openings.id, title: openings.title, kind: openings.kind, slots: openings.slots },
    })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(eq(agreements.id, agreementId));
  return row;
}

/**
 * Locks the agreement row and reads it again: a simultaneous confirmation or renegotiation waits here and
 * then sees the other's committed change (two confirmations at once would otherwise each miss the other's).
 */
async function lockAgreement(tx: Executor, agreementId: string) {
  const [locked] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
  if (!locked) throw new NotFoundError(AGREEMENT);
  return locked;
}

async function consultantAgreementRow(executor: Executor, actor: Actor, agreementId: string) {
  const jobcentreId = consultantJobcentre(actor);
  const row = await loadAgreementRow(executor, agreementId);
  if (!row || row.citizenJobcentreId !== jobcentreId) throw new NotFoundError(AGREEMENT);
  return row;
}

/** Only a company user, and only their own company's agreement once it is sent (a draft is not theirs yet). */
async function companyAgreementRow(executor: Executor, actor: Actor, agreementId: string) {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  const row = await loadAgreementRow(executor, agreementId);
  if (!row || row.agreement.companyId !== actor.companyId || row.agreement.status === 'draft') throw new NotFoundError(AGREEMENT);
  return row;
}

/** A draft goes to the company and the citizen for confirmation; it takes a slot. */
export async function sendForConfirmation(actor: Actor, agreementId: string) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await consultantAgreementRow(tx, actor, agreementId);
    const agreement = await lockAgreement(tx, row.agreement.id);
    if (agreement.status !== 'draft') throw new AgreementRefusedError('Aftalen er allerede sendt til bekræftelse.');
    if (agreement.openingId) await takeSlot(tx, agreement.openingId, agreement.id, agreement.citizenId);
    await tx.update(agreements).set({ status: 'awaiting_confirmation', updatedAt: new Date() }).where(eq(agreements.id, agreement.id));
    await syncOpeningSlots(tx, agreement.openingId);
    await logCitizenAccess(tx, { citizenIds: [agreement.citizenId], actor, action: 'change', purpose: AGREEMENT_PURPOSES.write(row.companyName), organisation });
    await notify(tx, { kind: 'agreement_to_confirm', agreementId: agreement.id });
  });
}

/**
 * What a renegotiation needs: the current terms as form values, and the context to check the new ones.
 * `logRead` for the page that shows them; the action that saves the new terms logs its change instead.
 */
export async function renegotiationDraft(actor: Actor, agreementId: string, { logRead = false }: { logRead?: boolean } = {}) {
  const jobcentreId = consultantJobcentre(actor);
  const row = await consultantAgreementRow(db(), actor, agreementId);
  if (row.agreement.status === 'ended') throw new AgreementRefusedError('Aftalen er afsluttet og kan ikke genforhandles.');
  const [version] = await db()
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, row.agreement.currentVersion)));
  const citizen = await loadCitizen(db(), row.agreement.citizenId, jobcentreId);
  const opening = row.agreement.openingId ? await loadOpening(db(), row.agreement.openingId) : undefined;
  if (!version || !citizen || !opening) throw new NotFoundError(AGREEMENT);
  if (logRead) await logCitizenAccess(db(), { citizenIds: [row.agreement.citizenId], actor, action: 'read', purpose: AGREEMENT_PURPOSES.renegotiation(row.companyName) });
  return {
    id: row.agreement.id,
    /** A draft is corrected in place; anything sent is renegotiated into a new version. */
    isDraft: row.agreement.status === 'draft',
    version: version.version,
    kind: opening.opening.kind,
    citizenName: row.citizenName,
    companyName: row.companyName,
    openingTitle: opening.opening.title,
    context: contextOf(citizen, opening.opening),
    values: termsToFormValues(version),
  };
}

/**
 * A renegotiation: a new version that the company and the citizen confirm again. A draft is changed in place
 * (nobody has confirmed it yet); otherwise the agreement waits for confirmation of the new version and keeps
 * its slot.
 */
export async function renegotiateAgreement(actor: Actor, agreementId: string, input: AgreementInput) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await consultantAgreementRow(tx, actor, agreementId);
    // Locked: two renegotiations at once would otherwise both become the same next version.
    const agreement = await lockAgreement(tx, row.agreement.id);
    if (agreement.status === 'ended') throw new AgreementRefusedError('Aftalen er afsluttet og kan ikke genforhandles.');
    const now = new Date();
    if (agreement.status === 'draft') {
      await tx
        .update(agreementVersions)
        .set({ ...versionColumns(input), changeNote: null })
        .where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.version, agreement.currentVersion)));
      await tx.update(agreements).set({ updatedAt: now }).where(eq(agreements.id, agreement.id));
    } else {
      const next = agreement.currentVersion + 1;
      await tx.insert(agreementVersions).values({ agreementId: agreement.id, version: next, ...versionColumns(input), changeNote: input.changeNote || null, createdBy: actor.id });
      await tx.update(agreements).set({ currentVersion: next, status: 'awaiting_confirmation', updatedAt: now }).where(eq(agreements.id, agreement.id));
      await notify(tx, { kind: 'agreement_to_confirm', agreementId: agreement.id });
    }
    await logCitizenAccess(tx, { citizenIds: [agreement.citizenId], actor, action: 'change', purpose: AGREEMENT_PURPOSES.write(row.companyName), organisation });
  });
}

// ── Confirmation ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The company's or the citizen's confirmation of the current version: who and when are recorded. When both
 * have confirmed, the agreement is active and the citizen is at the company (step 3 of the path).
 */
export async function confirmAgreement(actor: Actor, agreementId: string) {
  return db().transaction(async (tx) => {
    const row = await loadAgreementRow(tx, agreementId);
    if (!row) throw new NotFoundError(AGREEMENT);
    const party =
      actor.role === 'company' && actor.companyId === row.agreement.companyId
        ? 'company'
        : actor.role === 'citizen' && actor.citizenId === row.agreement.citizenId
          ? 'citizen'
          : null;
    if (!party) {
      // Someone else's agreement does not exist for them; a consultant is told why they may not.
      if (actor.role === 'consultant') throw new ForbiddenError(NOT_A_PARTY);
      throw new NotFoundError(AGREEMENT);
    }
    const agreement = await lockAgreement(tx, row.agreement.id);
    if (agreement.status !== 'awaiting_confirmation') throw new AgreementRefusedError(NOT_AWAITING);
    const [version] = await tx
      .select()
      .from(agreementVersions)
      .where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.version, agreement.currentVersion)));
    if (!version) throw new NotFoundError(AGREEMENT);
    const now = new Date();
    if ((party === 'company' ? version.companyConfirmedAt : version.citizenConfirmedAt) !== null) throw new AgreementRefusedError(ALREADY_CONFIRMED);
    const confirmation = party === 'company' ? { companyConfirmedAt: now, companyConfirmedBy: actor.id } : { citizenConfirmedAt: now, citizenConfirmedBy: actor.id };
    await tx.update(agreementVersions).set(confirmation).where(eq(agreementVersions.id, version.id));
    const confirmed = isConfirmedByBoth({ ...version, ...confirmation });
    if (confirmed) {
      await tx
        .update(agreements)
        .set({ status: 'active', activatedAt: agreement.activatedAt ?? now, updatedAt: now })
        .where(eq(agreements.id, agreement.id));
      if (!agreement.activatedAt) {
        await setPhase(tx, agreement.citizenId, 'at_company');
        await tx.update(citizens).set(nextActionOnActivation(row.companyName, version.followUpDates, now)).where(eq(citizens.id, agreement.citizenId));
        // A started agreement is one of the mark's criteria (decision 033).
        await refreshSocialMarksOfCompany(tx, agreement.companyId, now);
      }
    }
    return { party, active: confirmed };
  });
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────────────

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
  row: NonNullable<Awaited<ReturnType<typeof loadAgreementRow>>>,
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
  const row = await consultantAgreementRow(db(), actor, agreementId);
  const view = await agreementView(db(), row, toIsoDate(today), { withLog: true });
  await logCitizenAccess(db(), { citizenIds: [row.agreement.citizenId], actor, action: 'read', purpose: AGREEMENT_PURPOSES.consultantRead(row.companyName) });
  return view;
}

/**
 * The agreement as the company sees it: its own only (another's is not found), without the consultant's log
 * of contacts. Never a draft: the company sees the agreement once it is sent for confirmation. Logs the read.
 */
export async function agreementForCompany(actor: Actor, agreementId: string, { today = new Date() }: { today?: CalendarDay } = {}): Promise<AgreementView> {
  const row = await companyAgreementRow(db(), actor, agreementId);
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
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  const row = await loadAgreementRow(db(), agreementId);
  if (!row || row.agreement.citizenId !== actor.citizenId || row.agreement.status === 'draft') throw new NotFoundError(AGREEMENT);
  return agreementView(db(), row, toIsoDate(today), { withLog: false, language });
}

export type AgreementListItem = {
  id: string;
  status: AgreementStatus;
  citizenId: string;
  citizenName: string;
  companyName: string;
  openingTitle: string | null;
  goalReachedMonth: string | null;
  awaitingCompany: boolean;
  awaitingCitizen: boolean;
};

const listColumns = {
  id: agreements.id,
  status: agreements.status,
  citizenId: citizens.id,
  citizenName: citizens.name,
  companyName: companies.name,
  openingTitle: openings.title,
  goalReachedMonth: agreements.goalReachedMonth,
  companyConfirmedAt: agreementVersions.companyConfirmedAt,
  citizenConfirmedAt: agreementVersions.citizenConfirmedAt,
};

function listQuery(executor: Executor) {
  return executor
    .select(listColumns)
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .leftJoin(openings, eq(openings.id, agreements.openingId));
}

function toListItem(row: Awaited<ReturnType<ReturnType<typeof listQuery>['where']>>[number]): AgreementListItem {
  const waiting = row.status === 'awaiting_confirmation';
  return {
    id: row.id,
    status: row.status,
    citizenId: row.citizenId,
    citizenName: row.citizenName,
    companyName: row.companyName,
    openingTitle: row.openingTitle,
    goalReachedMonth: row.goalReachedMonth,
    awaitingCompany: waiting && row.companyConfirmedAt === null,
    awaitingCitizen: waiting && row.citizenConfirmedAt === null,
  };
}

function companyAgreementsWhere(actor: Actor) {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  return and(eq(agreements.companyId, actor.companyId), ne(agreements.status, 'draft'));
}

function companyAgreementsQuery(actor: Actor) {
  return listQuery(db())
    .where(companyAgreementsWhere(actor))
    .orderBy(sql`${agreements.status} = 'awaiting_confirmation' desc`, desc(agreements.updatedAt), asc(agreements.id));
}

/** The company's agreements (not drafts), those waiting for its confirmation first. Logs the reads. */
export async function companyAgreements(actor: Actor): Promise<AgreementListItem[]> {
  return logCompanyListRead(actor, (await companyAgreementsQuery(actor)).map(toListItem));
}

/** One numbered page of companyAgreements (LIST_PAGE_SIZE): they grow with every citizen placed (decision 028). */
export async function companyAgreementsPage(actor: Actor, requested: number): Promise<{ agreements: AgreementListItem[]; page: PageOf }> {
  const [row] = await db().select({ n: count() }).from(agreements).where(companyAgreementsWhere(actor));
  const page = pageOf(requested, row?.n ?? 0);
  const rows = await companyAgreementsQuery(actor).limit(page.pageSize).offset(offsetOf(page));
  return { agreements: await logCompanyListRead(actor, rows.map(toListItem)), page };
}

async function logCompanyListRead(actor: Actor, items: AgreementListItem[]) {
  if (items.length > 0) {
    const organisation = await accessLogOrganisation(actor);
    await logCitizenAccess(db(), { citizenIds: items.map((item) => item.citizenId), actor, action: 'read', purpose: AGREEMENT_PURPOSES.companyRead(organisation), organisation });
  }
  return items;
}

/** The citizen's own agreements (not drafts), newest first. */
export async function citizenAgreements(actor: Actor): Promise<AgreementListItem[]> {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  const rows = await listQuery(db())
    .where(and(eq(agreements.citizenId, actor.citizenId), ne(agreements.status, 'draft')))
    .orderBy(desc(agreements.createdAt));
  return rows.map(toListItem);
}

/** The agreements of one citizen of the consultant's jobcentre, newest first. */
export async function agreementsForCitizen(actor: Actor, citizenId: string): Promise<AgreementListItem[]> {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(citizenId)) throw new NotFoundError('Borgeren');
  const rows = await listQuery(db())
    .where(and(eq(agreements.citizenId, citizenId), eq(citizens.jobcentreId, jobcentreId)))
    .orderBy(desc(agreements.createdAt));
  return rows.map(toListItem);
}

/**
 * Accepted proposals of the consultant's jobcentre that have no agreement yet: ready to be written, the
 * longest waiting first. `onlyMine`: the consultant's own citizens and the proposals they made; `limit`
 * bounds a start page's list, and `total` on each row says how many there are in all.
 */
export async function proposalsReadyForAgreement(
  actor: Actor,
  { citizenId, openingId, onlyMine = false, limit }: { citizenId?: string; openingId?: string; onlyMine?: boolean; limit?: number } = {},
) {
  const jobcentreId = consultantJobcentre(actor);
  const written = db()
    .select({ proposalId: agreements.proposalId })
    .from(agreements)
    .where(and(isNotNull(agreements.proposalId), ne(agreements.status, 'ended')));
  const query = db()
    .select({
      id: matchProposals.id,
      citizenId: citizens.id,
      citizenName: citizens.name,
      openingId: openings.id,
      openingTitle: openings.title,
      companyName: companies.name,
      acceptedAt: matchProposals.updatedAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(
      and(
        eq(matchProposals.status, 'accepted'),
        eq(citizens.jobcentreId, jobcentreId),
        citizenId && isUuid(citizenId) ? eq(citizens.id, citizenId) : undefined,
        openingId && isUuid(openingId) ? eq(openings.id, openingId) : undefined,
        onlyMine ? or(eq(citizens.consultantId, actor.id), eq(matchProposals.proposedBy, actor.id)) : undefined,
        sql`${matchProposals.id} not in ${written}`,
      ),
    )
    .orderBy(asc(matchProposals.updatedAt), asc(matchProposals.id));
  return limit === undefined ? query : query.limit(limit);
}

export type CaseloadAgreement = AgreementListItem & FollowUpStatus;

/**
 * The agreements of the consultant's own caseload (or the whole jobcentre's), each with its next planned
 * follow-up and whether it is overdue or due this week.
 */
export async function caseloadAgreements(actor: Actor, { today = new Date(), onlyMine = true }: { today?: CalendarDay; onlyMine?: boolean } = {}): Promise<CaseloadAgreement[]> {
  return withFollowUpStatus(await caseloadQuery(actor, onlyMine), today);
}

/**
 * One numbered page of caseloadAgreements (LIST_PAGE_SIZE): a whole jobcentre's agreements grow without
 * bound, and the list page renders them all (decision 028).
 */
export async function caseloadAgreementsPage(
  actor: Actor,
  { today = new Date(), onlyMine = true, page: requested = 1 }: { today?: CalendarDay; onlyMine?: boolean; page?: number } = {},
): Promise<{ agreements: CaseloadAgreement[]; page: PageOf }> {
  const jobcentreId = consultantJobcentre(actor);
  const [row] = await db()
    .select({ n: count() })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .where(caseloadWhere(actor, jobcentreId, onlyMine));
  const page = pageOf(requested, row?.n ?? 0);
  const rows = await caseloadQuery(actor, onlyMine).limit(page.pageSize).offset(offsetOf(page));
  return { agreements: await withFollowUpStatus(rows, today), page };
}

function caseloadWhere(actor: Actor, jobcentreId: string, onlyMine: boolean) {
  return and(eq(citizens.jobcentreId, jobcentreId), onlyMine ? eq(citizens.consultantId, actor.id) : undefined);
}

function caseloadQuery(actor: Actor, onlyMine: boolean) {
  const jobcentreId = consultantJobcentre(actor);
  return db()
    .select({ ...listColumns, followUpDates: agreementVersions.followUpDates, activatedAt: agreements.activatedAt })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(caseloadWhere(actor, jobcentreId, onlyMine))
    .orderBy(asc(citizens.name), desc(agreements.createdAt), asc(agreements.id));
}

async function withFollowUpStatus(rows: Awaited<ReturnType<typeof caseloadQuery>>, today: CalendarDay): Promise<CaseloadAgreement[]> {
  const ids = rows.map((row) => row.id);
  const [contacts, skips] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db().select({ agreementId: followUps.agreementId, plannedDate: followUps.plannedDate }).from(followUps).where(inArray(followUps.agreementId, ids)),
          db().select({ agreementId: followUpSkips.agreementId, plannedDate: followUpSkips.plannedDate }).from(followUpSkips).where(inArray(followUpSkips.agreementId, ids)),
        ]);
  const closedBy = new Map<string, (string | null)[]>();
  for (const entry of [...contacts, ...skips]) closedBy.set(entry.agreementId, [...(closedBy.get(entry.agreementId) ?? []), entry.plannedDate]);
  const day = toIsoDate(today);
  return rows.map((row) => {
    // Follow-up runs from the start of the work: an agreement that has been active, and is not ended.
    const followed = row.activatedAt !== null && row.status !== 'ended';
    const status = followed ? followUpStatus(row.followUpDates, closedBy.get(row.id) ?? [], day) : NO_FOLLOW_UP;
    return { ...toListItem(row), ...status };
  });
}

/** The follow-ups due this week and those overdue across the consultant's caseload, soonest first. */
export async function followUpsDue(actor: Actor, options: { today?: CalendarDay } = {}) {
  const all = await caseloadAgreements(actor, { ...options, onlyMine: true });
  // Soonest first: the overdue list by the oldest missed date, this week's by its date this week.
  const byDate = (a: CaseloadAgreement, b: CaseloadAgreement) => (a.next ?? '').localeCompare(b.next ?? '');
  const byUpcoming = (a: CaseloadAgreement, b: CaseloadAgreement) => (a.upcoming ?? '').localeCompare(b.upcoming ?? '');
  return {
    overdue: all.filter((agreement) => agreement.overdue).sort(byDate),
    dueThisWeek: all.filter((agreement) => agreement.dueThisWeek).sort(byUpcoming),
  };
}

/** The consultant-only row of an agreement for the follow-up service; see follow-ups.server.ts. */
export async function agreementRowForConsultant(executor: Executor, actor: Actor, agreementId: string) {
  return consultantAgreementRow(executor, actor, agreementId);
}

/** The company-only row of an agreement for the follow-up service; see follow-ups.server.ts. */
export async function agreementRowForCompany(executor: Executor, actor: Actor, agreementId: string) {
  return companyAgreementRow(executor, actor, agreementId);
}

/** The citizen-only row of an agreement (their own, never a draft) for the follow-up service; see follow-ups.server.ts. */
export async function agreementRowForCitizen(executor: Executor, actor: Actor, agreementId: string) {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  const row = await loadAgreementRow(executor, agreementId);
  if (!row || row.agreement.citizenId !== actor.citizenId || row.agreement.status === 'draft') throw new NotFoundError(AGREEMENT);
  return row;
}

/** The agreement row locked and read again, inside the caller's transaction. */
export { lockAgreement };

export { syncOpeningSlots, setPhase };
