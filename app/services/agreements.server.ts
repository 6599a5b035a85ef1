/**
 * Writing agreements between a citizen and a company: the consultant writes one (from a proposal both said yes
 * to, or directly for an opening), the company and the citizen each confirm it, and it is active when both
 * have. A renegotiation is a new version that both confirm again; earlier versions stay readable. Sending one
 * for confirmation takes one of the opening's slots (opening-slots.server.ts). The rules of the form live in
 * app/domain/agreement-rules.ts. Its neighbours: agreement-access (rows per party, the refusal), agreement-views
 * (one agreement read), agreement-lists (lists and caseload), follow-ups (contacts, hours, ending).
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreements, agreementVersions, citizenExcludedCompanies, citizens, companies, matchProposals, openings, type WeekSchedule } from '../../db/schema';
import {
  addMonths,
  agreementInputSchema,
  isConfirmedByBoth,
  nextActionOnActivation,
  proposeFollowUpDates,
  proposedOrdinaryHours,
  rowFieldsOf,
  type AgreementContext,
  type AgreementInput,
  type AgreementTerms,
} from '../domain/agreement-rules';
import { kindEligibility } from '../domain/eligibility';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { jobCalculatorPrefill, type CalculatorValues } from '../domain/benefit-calculator';
import type { OpeningKind } from '../domain/vocabulary';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import {
  AGREEMENT,
  AGREEMENT_PURPOSES,
  AgreementRefusedError,
  agreementRowForConsultant,
  consultantJobcentreForAgreements as consultantJobcentre,
  loadAgreementRow,
  lockAgreement,
} from './agreement-access.server';
import type { Actor } from './actor';
import { setCitizenPhase } from './citizens.server';
import { ForbiddenError, NotFoundError } from './errors.server';
import { notify } from './notifications.server';
import { isUuid } from './object-access.server';
import { syncOpeningSlots, takeSlot } from './opening-slots.server';
import { refreshSocialMarksOfCompany } from './social-marks.server';

export const ALREADY_WRITTEN = 'Der er allerede skrevet en aftale ud fra dette forslag. Åbn aftalen i stedet.';
export const PROPOSAL_NOT_ACCEPTED = 'Der kan kun skrives en aftale, når både virksomheden og borgeren har sagt ja til forslaget.';
export const NOT_A_PARTY = 'Kun virksomheden og borgeren i aftalen kan bekræfte den.';
export const ALREADY_CONFIRMED = 'Du har allerede bekræftet denne version af aftalen.';
export const NOT_AWAITING = 'Aftalen venter ikke på bekræftelse lige nu.';

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

/** A draft goes to the company and the citizen for confirmation; it takes a slot. */
export async function sendForConfirmation(actor: Actor, agreementId: string) {
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const row = await agreementRowForConsultant(tx, actor, agreementId);
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
  const row = await agreementRowForConsultant(db(), actor, agreementId);
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
    const row = await agreementRowForConsultant(tx, actor, agreementId);
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
        await setCitizenPhase(tx, agreement.citizenId, 'at_company');
        await tx.update(citizens).set(nextActionOnActivation(row.companyName, version.followUpDates, now)).where(eq(citizens.id, agreement.citizenId));
        // A started agreement is one of the mark's criteria (decision 033).
        await refreshSocialMarksOfCompany(tx, agreement.companyId, now);
      }
    }
    return { party, active: confirmed };
  });
}
