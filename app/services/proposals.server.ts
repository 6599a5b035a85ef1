/**
 * Proposals: a consultant proposes a citizen for an opening; the company and the citizen each say yes or
 * no. The company sees an anonymous summary (wishes, competences, hours, languages, the accommodations it
 * must provide; never name, contact or health notes) until the citizen has said yes, and then the name and
 * contact too. Every step is timestamped; the status rules live in app/domain/proposal-rules.ts.
 */
import { and, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreements, citizens, companies, matchProposals, openings, type LanguageSkill } from '../../db/schema';
import { freeSlotsOf } from '../domain/slots';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { explainMatch, hardFilterFailures, type MatchCitizen, type MatchOpening } from '../domain/matching';
import { currentProposalExplanation, proposalExplanationText, type CurrentProposalExplanation } from '../domain/proposal-explanation';
import {
  BLOCKING_PROPOSAL_STATUSES,
  caseRefusals,
  COMPANY_REASON_MISSING,
  companyView,
  CONSENT_WITHDRAWN_REASON,
  isPassedOn,
  isProposalOpen,
  mayRespond,
  mayTakeBackYes,
  mayWithdraw,
  nextProposalStatus,
  OPEN_PROPOSAL_STATUSES,
  proposalSteps,
  type CaseFacts,
  type ProposalParty,
  type ProposalStep,
  type ProposalTimes,
  type Withdrawal,
  type WithdrawalProblem,
  withdrawalSchema,
} from '../domain/proposal-rules';
import { offsetOf, pageOf, type PageOf } from '../domain/pagination';
import { PROPOSAL_STATUSES, type Accommodation, type ProposalStatus } from '../domain/vocabulary';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import { syncOpeningSlots } from './opening-slots.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { loadMatchCitizen, loadMatchOpening, matchCitizenColumns } from './match-rows.server';
import { passedOnToCompany, takenSlots } from './sql-filters.server';
import { notify } from './notifications.server';
import { consultantJobcentre as consultantJobcentreOf, isUuid } from './object-access.server';
import { refreshSocialMarksOfProposal } from './social-marks.server';

/** The proposal was not made; `reasons` say why in Danish, one sentence each. */
export class ProposalRefusedError extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join(' '));
    this.name = 'ProposalRefusedError';
  }
}

/** The answer cannot be given now (already answered, the proposal is over, or a company's no without a reason). */
export class ProposalStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProposalStateError';
  }
}

export const PROPOSAL_PURPOSES = {
  proposed: (title: string, companyName: string) => `Forslag til jobopslag: ${title} hos ${companyName}`,
  companyRead: (title: string) => `Forslag til jobopslag: ${title}`,
  consultantRead: (title: string, companyName: string) => `Opfølgning på forslaget til ${title} hos ${companyName}`,
  withdrawn: (title: string, companyName: string) => `Forslag trukket tilbage: ${title} hos ${companyName}`,
  preview: (title: string, companyName: string) => `Forslag forberedt: ${title} hos ${companyName}`,
} as const;

export const DUPLICATE_PROPOSAL = 'Borgeren er allerede foreslået til dette job. Se forslaget nedenfor.';

const PROPOSAL = 'Forslaget';

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter kan foreslå borgere.');

function companyOf(actor: Actor): string {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  return actor.companyId;
}

function citizenOf(actor: Actor): string {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  return actor.citizenId;
}

const timeColumns = {
  status: matchProposals.status,
  origin: matchProposals.origin,
  createdAt: matchProposals.createdAt,
  companyAcceptedAt: matchProposals.companyAcceptedAt,
  companyDeclinedAt: matchProposals.companyDeclinedAt,
  companyReason: matchProposals.companyReason,
  citizenAcceptedAt: matchProposals.citizenAcceptedAt,
  citizenDeclinedAt: matchProposals.citizenDeclinedAt,
  citizenReason: matchProposals.citizenReason,
  withdrawnAt: matchProposals.withdrawnAt,
  withdrawnReason: matchProposals.withdrawnReason,
  proposedBy: matchProposals.proposedBy,
};

/**
 * Every step with its time. The company's view passes `withdrawalReason: false`: the consultant writes that
 * reason to the citizen, and it may say something about them.
 */
function stepsOf(row: Omit<ProposalTimes, 'passedOn'> & { proposedBy: string | null }, { withdrawalReason = true }: { withdrawalReason?: boolean } = {}): ProposalStep[] {
  return proposalSteps({
    ...row,
    withdrawnReason: withdrawalReason ? row.withdrawnReason : null,
    withdrawnBecauseOfConsent: row.withdrawnReason === CONSENT_WITHDRAWN_REASON,
    passedOn: isPassedOn(row),
  });
}


// ── Proposing ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * Proposes a citizen of the consultant's jobcentre for an opening (any company's). Refused with the reasons
 * when the citizen fails a hard filter or may not be proposed, or is already proposed for it. Stores the
 * explanation the consultant saw.
 */
export async function proposeCitizen(actor: Actor, { openingId, citizenId }: { openingId: string; citizenId: string }, { today = new Date() }: { today?: CalendarDay } = {}) {
  const jobcentreId = consultantJobcentre(actor);
  const [opening, citizen, organisation] = await Promise.all([
    loadMatchOpening(db(), openingId),
    loadMatchCitizen(db(), citizenId),
    accessLogOrganisation(actor),
  ]);
  if (!opening) throw new NotFoundError('Jobopslaget');
  if (!citizen || citizen.jobcentreId !== jobcentreId) throw new NotFoundError('Borgeren');

  const reasons = [...caseRefusals(citizen), ...hardFilterFailures(citizen, opening, { today: toIsoDate(today) })];
  if (reasons.length > 0) throw new ProposalRefusedError(reasons);

  const text = proposalExplanationText(explainMatch(citizen, opening));

  return db().transaction(async (tx) => {
    // One proposal at a time per citizen: the lock makes a second, simultaneous proposal wait and then see the first.
    await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId)).for('update');
    const [existing] = await tx
      .select({ id: matchProposals.id })
      .from(matchProposals)
      .where(
        and(
          eq(matchProposals.openingId, openingId),
          eq(matchProposals.citizenId, citizenId),
          inArray(matchProposals.status, [...BLOCKING_PROPOSAL_STATUSES]),
        ),
      );
    if (existing) throw new ProposalRefusedError([DUPLICATE_PROPOSAL]);
    const [proposal] = await tx
      .insert(matchProposals)
      .values({ openingId, citizenId, proposedBy: actor.id, origin: 'consultant', status: 'proposed', explanation: text })
      .returning({ id: matchProposals.id });
    await logCitizenAccess(tx, {
      citizenIds: [citizenId],
      actor,
      action: 'change',
      purpose: PROPOSAL_PURPOSES.proposed(opening.title, opening.companyName),
      organisation,
    });
    await notify(tx, { kind: 'proposal_for_citizen', proposalId: proposal!.id });
    return { id: proposal!.id };
  });
}

// ── What the consultant sees ────────────────────────────────────────────────────────────────────────────

export type ConsultantProposal = {
  id: string;
  status: ProposalStatus;
  /** While the proposal is open: the explanation as the rows are now (and the stored one, if it differs). Null once it is over. */
  explanation: CurrentProposalExplanation | null;
  steps: ProposalStep[];
  citizenId: string;
  citizenName: string;
  openingId: string;
  openingTitle: string;
  companyName: string;
  /** A citizen's own "Jeg er interesseret" that no consultant has passed on to the company yet. */
  awaitingPassOn: boolean;
};

/**
 * The citizen and the opening of every open proposal that `where` selects, as the matching rules and the case
 * refusals need them now, in one query (the columns are those of loadMatchCitizen and loadMatchOpening).
 */
async function loadOpenProposalPairs(where: SQL): Promise<Map<string, { citizen: MatchCitizen & CaseFacts; opening: MatchOpening }>> {
  const rows = await db()
    .select({
      proposalId: matchProposals.id,
      citizen: matchCitizenColumns,
      opening: {
        kind: openings.kind,
        companyId: openings.companyId,
        title: openings.title,
        tasks: openings.tasks,
        hoursMin: openings.hoursMin,
        hoursMax: openings.hoursMax,
        demands: openings.demands,
        accommodations: openings.accommodations,
        lat: openings.lat,
        lon: openings.lon,
        status: openings.status,
        slots: openings.slots,
        drivingLicenceRequired: openings.drivingLicenceRequired,
        takenSlots,
      },
    })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .where(and(where, inArray(matchProposals.status, [...OPEN_PROPOSAL_STATUSES])));
  return new Map(
    rows.map(({ proposalId, citizen, opening: { slots, takenSlots: taken, ...opening } }) => [
      proposalId,
      { citizen, opening: { ...opening, freeSlots: freeSlotsOf(slots, Number(taken)) } },
    ]),
  );
}

/** One 'read' row per citizen whose open proposal was explained from their profile, under the opening it is for. */
async function logConsultantReads(actor: Actor, proposals: ConsultantProposal[]) {
  const byPurpose = new Map<string, string[]>();
  for (const proposal of proposals) {
    if (!proposal.explanation) continue;
    const purpose = PROPOSAL_PURPOSES.consultantRead(proposal.openingTitle, proposal.companyName);
    byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), proposal.citizenId]);
  }
  if (byPurpose.size === 0) return;
  const organisation = await accessLogOrganisation(actor);
  for (const [purpose, citizenIds] of byPurpose) {
    await logCitizenAccess(db(), { citizenIds, actor, action: 'read', purpose, organisation });
  }
}

async function consultantProposals(actor: Actor, jobcentreId: string, where: SQL, today: CalendarDay): Promise<ConsultantProposal[]> {
  const scope = and(where, eq(citizens.jobcentreId, jobcentreId))!;
  const [rows, pairs] = await Promise.all([
    db()
      .select({
        id: matchProposals.id,
        explanation: matchProposals.explanation,
        ...timeColumns,
        citizenId: citizens.id,
        citizenName: citizens.name,
        openingId: openings.id,
        openingTitle: openings.title,
        companyName: companies.name,
      })
      .from(matchProposals)
      .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
      .innerJoin(openings, eq(openings.id, matchProposals.openingId))
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(scope)
      .orderBy(desc(matchProposals.createdAt), desc(matchProposals.id)),
    loadOpenProposalPairs(scope),
  ]);
  const day = toIsoDate(today);
  const proposals = rows.map((row) => {
    // Only where both reads saw the proposal open: one answered in between is shown as it now stands, without.
    const pair = isProposalOpen(row.status) ? pairs.get(row.id) : undefined;
    return {
      id: row.id,
      status: row.status,
      explanation: pair ? currentProposalExplanation(row.explanation, pair.citizen, pair.opening, { today: day }) : null,
      steps: stepsOf(row),
      citizenId: row.citizenId,
      citizenName: row.citizenName,
      openingId: row.openingId,
      openingTitle: row.openingTitle,
      companyName: row.companyName,
      awaitingPassOn: !isPassedOn(row) && row.status === 'citizen_accepted',
    };
  });
  await logConsultantReads(actor, proposals);
  return proposals;
}

/**
 * Every proposal of a citizen of the consultant's jobcentre, newest first, with all steps and times, and the
 * open ones explained as the rows are now. Logs a read for each open proposal explained.
 */
export async function proposalsForCitizen(actor: Actor, citizenId: string, { today = new Date() }: { today?: CalendarDay } = {}): Promise<ConsultantProposal[]> {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(citizenId)) throw new NotFoundError('Borgeren');
  const [citizen] = await db().select({ id: citizens.id }).from(citizens).where(and(eq(citizens.id, citizenId), eq(citizens.jobcentreId, jobcentreId)));
  if (!citizen) throw new NotFoundError('Borgeren');
  return consultantProposals(actor, jobcentreId, eq(matchProposals.citizenId, citizenId), today);
}

/**
 * The proposals for an opening of the consultant's jobcentre's citizens, newest first, with all steps and
 * times, and the open ones explained as the rows are now. Logs a read for each open proposal explained.
 */
export async function proposalsForOpening(actor: Actor, openingId: string, { today = new Date() }: { today?: CalendarDay } = {}): Promise<ConsultantProposal[]> {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(openingId)) throw new NotFoundError('Jobopslaget');
  const [opening] = await db().select({ id: openings.id }).from(openings).where(eq(openings.id, openingId));
  if (!opening) throw new NotFoundError('Jobopslaget');
  return consultantProposals(actor, jobcentreId, eq(matchProposals.openingId, openingId), today);
}

// ── What the company sees ───────────────────────────────────────────────────────────────────────────────

export type CandidateSummary = {
  wishes: string;
  competences: string[];
  hoursMin: number;
  hoursMax: number;
  languages: LanguageSkill[];
  danishLevel: string;
  drivingLicence: boolean;
  /** What the citizen needs, and whether the opening already offers it. */
  accommodations: { code: Accommodation; offered: boolean }[];
};

export type CandidateIdentity = { name: string; phone: string | null; email: string | null };

export type CompanyProposal = {
  id: string;
  status: ProposalStatus;
  steps: ProposalStep[];
  mayRespond: boolean;
  opening: { id: string; title: string; kind: (typeof openings.$inferSelect)['kind']; hoursMin: number; hoursMax: number };
  /** Null after the citizen said no, the proposal was withdrawn, or consent to share was withdrawn. */
  candidate: CandidateSummary | null;
  /** Only once the citizen has said yes. */
  identity: CandidateIdentity | null;
};

function companyProposalsQuery(companyId: string, proposalId?: string) {
  return db()
    .select({
      id: matchProposals.id,
      ...timeColumns,
      citizenId: citizens.id,
      openingId: openings.id,
      openingTitle: openings.title,
      openingKind: openings.kind,
      openingHoursMin: openings.hoursMin,
      openingHoursMax: openings.hoursMax,
      offered: openings.accommodations,
      wishes: citizens.wishes,
      competences: citizens.competences,
      hoursMin: citizens.hoursMin,
      hoursMax: citizens.hoursMax,
      languages: citizens.languages,
      danishLevel: citizens.danishLevel,
      drivingLicence: citizens.drivingLicence,
      neededAccommodations: citizens.neededAccommodations,
      consentToShare: citizens.consentToShare,
      name: citizens.name,
      phone: citizens.phone,
      email: citizens.email,
    })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .where(and(eq(openings.companyId, companyId), passedOnToCompany, proposalId ? eq(matchProposals.id, proposalId) : undefined))
    .orderBy(desc(matchProposals.createdAt), desc(matchProposals.id));
}

async function loadCompanyProposals(companyId: string, proposalId?: string) {
  return companyProposalsQuery(companyId, proposalId);
}

type CompanyProposalRow = Awaited<ReturnType<typeof companyProposalsQuery>>[number];

/**
 * The status the company is shown: an open proposal for a citizen without consent counts as withdrawn.
 * Withdrawing consent ends such proposals (consent.server.ts); this keeps one ended before that rule, or
 * caught between the two, from asking the company for an answer.
 */
function statusForCompany(status: ProposalStatus, consentToShare: boolean): ProposalStatus {
  return !consentToShare && isProposalOpen(status) ? 'withdrawn' : status;
}

function toCompanyProposal(row: CompanyProposalRow): CompanyProposal {
  const status = statusForCompany(row.status, row.consentToShare);
  let view = companyView(status);
  // Without consent the summary is gone; a company that has the name (both said yes) keeps only that, which
  // the agreement needs.
  if (view === 'summary' && !row.consentToShare) view = 'none';
  const withSummary = view === 'summary' || (view === 'identity' && row.consentToShare);
  return {
    id: row.id,
    status,
    steps: stepsOf(row, { withdrawalReason: false }),
    mayRespond: mayRespond(status, 'company'),
    opening: { id: row.openingId, title: row.openingTitle, kind: row.openingKind, hoursMin: row.openingHoursMin, hoursMax: row.openingHoursMax },
    candidate: withSummary ? candidateSummaryOf(row) : null,
    identity: view === 'identity' ? { name: row.name, phone: row.phone, email: row.email } : null,
  };
}

type SummarySource = Omit<CandidateSummary, 'accommodations'> & { neededAccommodations: Accommodation[]; offered: Accommodation[] };

/** The anonymous summary a company sees of a candidate: the one home of what it holds (never name, contact or health). */
function candidateSummaryOf(row: SummarySource): CandidateSummary {
  return {
    wishes: row.wishes,
    competences: row.competences,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    languages: row.languages,
    danishLevel: row.danishLevel,
    drivingLicence: row.drivingLicence,
    accommodations: [...new Set(row.neededAccommodations)].map((code) => ({ code, offered: row.offered.includes(code) })),
  };
}

export type ProposalPreview = {
  citizenId: string;
  citizenName: string;
  opening: CompanyProposal['opening'] & { companyName: string };
  /** Exactly what the company's page shows of a new proposal: the status, the summary, no identity. */
  companySees: Pick<CompanyProposal, 'status' | 'candidate' | 'identity'>;
  /** Why the citizen cannot be proposed now; the page then offers no send button. */
  refusals: string[];
};

/**
 * Before a proposal is sent: what the company will see of it, built by the same rules as the company's own page
 * (companyView and candidateSummaryOf for a proposal that is 'proposed'), and the refusals proposing would
 * meet. Logs the read of the citizen's profile.
 */
export async function proposalPreview(actor: Actor, { openingId, citizenId }: { openingId: string; citizenId: string }, { today = new Date() }: { today?: CalendarDay } = {}): Promise<ProposalPreview> {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(openingId) || !isUuid(citizenId)) throw new NotFoundError(PROPOSAL);
  const [opening, citizen, [shared], organisation] = await Promise.all([
    loadMatchOpening(db(), openingId),
    loadMatchCitizen(db(), citizenId),
    db().select({ languages: citizens.languages, danishLevel: citizens.danishLevel }).from(citizens).where(eq(citizens.id, citizenId)),
    accessLogOrganisation(actor),
  ]);
  if (!opening) throw new NotFoundError('Jobopslaget');
  if (!citizen || !shared || citizen.jobcentreId !== jobcentreId) throw new NotFoundError('Borgeren');
  const [existing] = await db()
    .select({ id: matchProposals.id })
    .from(matchProposals)
    .where(and(eq(matchProposals.openingId, openingId), eq(matchProposals.citizenId, citizenId), inArray(matchProposals.status, [...BLOCKING_PROPOSAL_STATUSES])));
  const refusals = [...caseRefusals(citizen), ...hardFilterFailures(citizen, opening, { today: toIsoDate(today) }), ...(existing ? [DUPLICATE_PROPOSAL] : [])];
  await logCitizenAccess(db(), { citizenIds: [citizenId], actor, action: 'read', purpose: PROPOSAL_PURPOSES.preview(opening.title, opening.companyName), organisation });
  const status: ProposalStatus = 'proposed';
  return {
    citizenId,
    citizenName: citizen.name,
    opening: { id: opening.id, title: opening.title, kind: opening.kind, hoursMin: opening.hoursMin, hoursMax: opening.hoursMax, companyName: opening.companyName },
    companySees: {
      status,
      candidate: companyView(status) === 'summary' ? candidateSummaryOf({ ...citizen, ...shared, offered: opening.accommodations }) : null,
      identity: null,
    },
    refusals,
  };
}

/** One 'read' row per citizen whose summary the company was shown, under the opening it was proposed for. */
async function logCompanyReads(actor: Actor, rows: CompanyProposalRow[], proposals: CompanyProposal[]) {
  const byPurpose = new Map<string, string[]>();
  proposals.forEach((proposal, index) => {
    if (!proposal.candidate) return;
    const purpose = PROPOSAL_PURPOSES.companyRead(proposal.opening.title);
    byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), rows[index]!.citizenId]);
  });
  if (byPurpose.size === 0) return;
  const organisation = await accessLogOrganisation(actor);
  for (const [purpose, citizenIds] of byPurpose) {
    await logCitizenAccess(db(), { citizenIds, actor, action: 'read', purpose, organisation });
  }
}

/** The proposals for the company's openings, newest first, as the company may see them. Logs the reads. */
export async function companyProposals(actor: Actor): Promise<CompanyProposal[]> {
  const companyId = companyOf(actor);
  const rows = await loadCompanyProposals(companyId);
  const proposals = rows.map(toCompanyProposal);
  await logCompanyReads(actor, rows, proposals);
  return proposals;
}

/** The statuses that ask the company for an answer (mayRespond), for counting them in SQL. */
const AWAITING_COMPANY = PROPOSAL_STATUSES.filter((status) => mayRespond(status, 'company'));

/**
 * One numbered page of companyProposals (LIST_PAGE_SIZE, newest first), with how many of all ask for the
 * company's answer: a company's proposals grow with every opening (decision 028). Logs the reads shown.
 */
export async function companyProposalsPage(actor: Actor, requested: number): Promise<{ proposals: CompanyProposal[]; page: PageOf; awaitingAnswer: number }> {
  const companyId = companyOf(actor);
  const [totals] = await db()
    .select({
      total: count(),
      // An open proposal for a citizen without consent shows as withdrawn (statusForCompany): not asking.
      awaitingAnswer: sql<number>`(count(*) filter (where ${inArray(matchProposals.status, AWAITING_COMPANY)} and ${citizens.consentToShare}))::int`,
    })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .where(and(eq(openings.companyId, companyId), passedOnToCompany));
  const page = pageOf(requested, totals?.total ?? 0);
  const rows = await companyProposalsQuery(companyId).limit(page.pageSize).offset(offsetOf(page));
  const proposals = rows.map(toCompanyProposal);
  await logCompanyReads(actor, rows, proposals);
  return { proposals, page, awaitingAnswer: totals?.awaitingAnswer ?? 0 };
}

/** One proposal for the company's opening, as the company may see it; another company's is not found. Logs the read. */
export async function companyProposal(actor: Actor, proposalId: string): Promise<CompanyProposal> {
  const companyId = companyOf(actor);
  if (!isUuid(proposalId)) throw new NotFoundError(PROPOSAL);
  const rows = await loadCompanyProposals(companyId, proposalId);
  if (rows.length === 0) throw new NotFoundError(PROPOSAL);
  const proposals = rows.map(toCompanyProposal);
  await logCompanyReads(actor, rows, proposals);
  return proposals[0]!;
}

// ── What the citizen sees ───────────────────────────────────────────────────────────────────────────────

/** Without the stored explanation: that speaks about "borgeren"; ownProposalState explains the job to the citizen. */
export type CitizenProposal = {
  id: string;
  status: ProposalStatus;
  steps: ProposalStep[];
  mayRespond: boolean;
  /** Why the jobcentre withdrew it (or did not pass the interest on); null unless withdrawn. */
  withdrawnReason: string | null;
  companyName: string;
  opening: {
    id: string;
    title: string;
    kind: (typeof openings.$inferSelect)['kind'];
    description: string;
    tasks: string[];
    hoursMin: number;
    hoursMax: number;
    startDate: string;
    postcode: string;
    city: string;
    demands: (typeof openings.$inferSelect)['demands'];
    accommodations: Accommodation[];
    flexjobExpectedHours: number | null;
    hourlyWage: number | null;
    wageAgreement: string | null;
    schedule: (typeof openings.$inferSelect)['schedule'];
  };
};

async function loadCitizenProposals(citizenId: string, proposalId?: string): Promise<CitizenProposal[]> {
  const rows = await db()
    .select({
      id: matchProposals.id,
      ...timeColumns,
      companyName: companies.name,
      opening: {
        id: openings.id,
        title: openings.title,
        kind: openings.kind,
        description: openings.description,
        tasks: openings.tasks,
        hoursMin: openings.hoursMin,
        hoursMax: openings.hoursMax,
        startDate: openings.startDate,
        postcode: openings.postcode,
        city: openings.city,
        demands: openings.demands,
        accommodations: openings.accommodations,
        schedule: openings.schedule,
        flexjobExpectedHours: openings.flexjobExpectedHours,
        hourlyWage: openings.hourlyWage,
        wageAgreement: openings.wageAgreement,
      },
    })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(and(eq(matchProposals.citizenId, citizenId), proposalId ? eq(matchProposals.id, proposalId) : undefined))
    .orderBy(desc(matchProposals.createdAt), desc(matchProposals.id));
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    steps: stepsOf(row),
    mayRespond: mayRespond(row.status, 'citizen'),
    withdrawnReason: row.status === 'withdrawn' ? row.withdrawnReason : null,
    companyName: row.companyName,
    opening: row.opening,
  }));
}

/** The citizen's own proposals, newest first (withdrawn ones too, with the jobcentre's reason in their steps). */
export async function citizenProposals(actor: Actor): Promise<CitizenProposal[]> {
  return loadCitizenProposals(citizenOf(actor));
}

export async function citizenProposal(actor: Actor, proposalId: string): Promise<CitizenProposal> {
  const citizenId = citizenOf(actor);
  if (!isUuid(proposalId)) throw new NotFoundError(PROPOSAL);
  const [proposal] = await loadCitizenProposals(citizenId, proposalId);
  if (!proposal) throw new NotFoundError(PROPOSAL);
  return proposal;
}

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────────────

export type Answer = { accept: boolean; reason?: string | null };

const ALREADY_ANSWERED = 'Forslaget er allerede besvaret, eller det er afsluttet. Se den nye status herunder.';
const WITHDRAWN_OR_ANSWERED = 'Forslaget er besvaret eller trukket tilbage i mellemtiden. Se den nye status herunder.';
export const WITHDRAWN_FOR_COMPANY = 'Forslaget er trukket tilbage, så I skal ikke svare på det. Jobcentret kontakter jer, hvis der er en anden kandidat.';

async function respond(proposalId: string, party: ProposalParty, current: ProposalStatus, { accept, reason }: Answer, { requireConsent = false } = {}) {
  const next = nextProposalStatus(current, party, accept);
  if (!next) throw new ProposalStateError(ALREADY_ANSWERED);
  const trimmed = reason?.trim() || null;
  if (party === 'company' && !accept && !trimmed) throw new ProposalStateError(COMPANY_REASON_MISSING);
  const now = new Date();
  const answered =
    party === 'company'
      ? { companyAcceptedAt: accept ? now : null, companyDeclinedAt: accept ? null : now, companyReason: accept ? null : trimmed }
      : { citizenAcceptedAt: accept ? now : null, citizenDeclinedAt: accept ? null : now, citizenReason: accept ? null : trimmed };
  return db().transaction(async (tx) => {
    // Only from the status the answer was given to: a simultaneous answer by someone else makes this one fail.
    const updated = await tx
      .update(matchProposals)
      .set({ status: next, ...answered, updatedAt: now })
      .where(
        and(
          eq(matchProposals.id, proposalId),
          eq(matchProposals.status, current),
          // Consent withdrawn between the read and this update: the company's answer is refused, not stored.
          requireConsent ? sql`exists (select 1 from ${citizens} where ${citizens.id} = ${matchProposals.citizenId} and ${citizens.consentToShare})` : undefined,
        ),
      )
      .returning({ id: matchProposals.id, status: matchProposals.status });
    if (updated.length === 0) throw new ProposalStateError(requireConsent ? WITHDRAWN_OR_ANSWERED : ALREADY_ANSWERED);
    await notifyAnswer(tx, proposalId, party, next);
    // Answering in time is one of the mark's criteria (decision 033).
    await refreshSocialMarksOfProposal(tx, proposalId, now);
    return updated[0]!;
  });
}

/**
 * Who an answer leaves waiting: the citizen's yes goes to the company; the company's answer, the citizen's no
 * and the second yes go to the consultant (who writes the agreement when both said yes).
 */
async function notifyAnswer(tx: Executor, proposalId: string, party: ProposalParty, next: ProposalStatus) {
  if (party === 'citizen' && (next === 'citizen_accepted' || next === 'accepted')) await notify(tx, { kind: 'candidate_said_yes', proposalId });
  const answer = next === 'accepted' ? 'both_yes' : party === 'company' ? (next === 'company_declined' ? 'company_no' : 'company_yes') : next === 'citizen_declined' ? 'citizen_no' : null;
  if (answer) await notify(tx, { kind: 'proposal_answered', proposalId, answer });
}

/** The company's yes or no (a no needs a reason) to a proposal for one of its openings. */
export async function respondAsCompany(actor: Actor, proposalId: string, answer: Answer) {
  const companyId = companyOf(actor);
  if (!isUuid(proposalId)) throw new NotFoundError(PROPOSAL);
  const [row] = await db()
    .select({ status: matchProposals.status, consentToShare: citizens.consentToShare })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .where(and(eq(matchProposals.id, proposalId), eq(openings.companyId, companyId), passedOnToCompany));
  if (!row) throw new NotFoundError(PROPOSAL);
  if (statusForCompany(row.status, row.consentToShare) === 'withdrawn') throw new ProposalStateError(WITHDRAWN_FOR_COMPANY);
  return respond(proposalId, 'company', row.status, answer, { requireConsent: true });
}

/** The citizen's yes or no (a reason is optional) to a proposal for them. */
export async function respondAsCitizen(actor: Actor, proposalId: string, answer: Answer) {
  const citizenId = citizenOf(actor);
  if (!isUuid(proposalId)) throw new NotFoundError(PROPOSAL);
  const [row] = await db()
    .select({ status: matchProposals.status })
    .from(matchProposals)
    .where(and(eq(matchProposals.id, proposalId), eq(matchProposals.citizenId, citizenId)));
  if (!row) throw new NotFoundError(PROPOSAL);
  return respond(proposalId, 'citizen', row.status, answer);
}

// ── The citizen takes back a yes ──────────────────────────────────────────────────────────────────────

export const YES_NOT_TAKEN_BACK = 'Dit ja kan ikke trækkes tilbage: du har ikke sagt ja, forslaget er afsluttet, eller aftalen er allerede bekræftet. Kontakt din jobkonsulent.';
export const TAKEN_BACK_END_REASON = 'Borgeren trak sit ja til forslaget tilbage, før aftalen blev bekræftet.';

/**
 * Whether the citizen may take back their yes now: the status allows it and no agreement from the proposal
 * has been signed (is or was active). The citizen page asks before it offers the button.
 */
export async function mayTakeBackOwnYes(actor: Actor, proposalId: string, executor: Executor = db()): Promise<boolean> {
  const citizenId = citizenOf(actor);
  if (!isUuid(proposalId)) return false;
  const [row] = await executor
    .select({ status: matchProposals.status })
    .from(matchProposals)
    .where(and(eq(matchProposals.id, proposalId), eq(matchProposals.citizenId, citizenId)));
  if (!row || !mayTakeBackYes(row.status)) return false;
  const [signed] = await executor
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.proposalId, proposalId), or(eq(agreements.status, 'active'), isNotNull(agreements.activatedAt))));
  return !signed;
}

/**
 * The citizen takes back their yes (an interest not yet passed on included) before an agreement is signed:
 * the proposal ends as the citizen's no, so the company no longer sees the name; an agreement written from it
 * and not yet confirmed by both ends too, and its slot is freed.
 */
export async function takeBackOwnYes(actor: Actor, proposalId: string, { now = new Date() }: { now?: Date } = {}) {
  const citizenId = citizenOf(actor);
  if (!isUuid(proposalId)) throw new NotFoundError(PROPOSAL);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ status: matchProposals.status })
      .from(matchProposals)
      .where(and(eq(matchProposals.id, proposalId), eq(matchProposals.citizenId, citizenId)))
      .for('update');
    if (!row) throw new NotFoundError(PROPOSAL);
    if (!(await mayTakeBackOwnYes(actor, proposalId, tx))) throw new ProposalStateError(YES_NOT_TAKEN_BACK);
    await tx
      .update(matchProposals)
      .set({ status: 'citizen_declined', citizenDeclinedAt: now, updatedAt: now })
      .where(eq(matchProposals.id, proposalId));
    const unsigned = await tx
      .update(agreements)
      .set({ status: 'ended', endedAt: now, endReason: TAKEN_BACK_END_REASON, updatedAt: now })
      .where(and(eq(agreements.proposalId, proposalId), inArray(agreements.status, ['draft', 'awaiting_confirmation'])))
      .returning({ openingId: agreements.openingId });
    for (const agreement of unsigned) await syncOpeningSlots(tx, agreement.openingId);
    await notify(tx, { kind: 'proposal_withdrawn', proposalId, cause: 'citizen_took_back' });
    await notify(tx, { kind: 'proposal_answered', proposalId, answer: 'citizen_took_back' });
    return { id: proposalId, endedAgreements: unsigned.length };
  });
}

// ── Withdrawal ──────────────────────────────────────────────────────────────────────────────────────────

const NOT_WITHDRAWABLE = 'Forslaget kan ikke trækkes tilbage: det er allerede besvaret af begge, sagt nej til eller trukket tilbage. Se den nye status herunder.';

/**
 * The consultant withdraws a proposal for a citizen of their jobcentre, or does not pass on a citizen's
 * "Jeg er interesseret", with a reason the citizen is shown (the company sees only that it was withdrawn).
 * Only while someone still has to answer; another jobcentre's proposal is not found.
 */
export async function withdrawProposal(actor: Actor, { proposalId, reason }: Withdrawal) {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(proposalId)) throw new NotFoundError(PROPOSAL);
  const [row] = await db()
    .select({
      status: matchProposals.status,
      citizenId: matchProposals.citizenId,
      origin: matchProposals.origin,
      proposedBy: matchProposals.proposedBy,
      openingTitle: openings.title,
      companyName: companies.name,
    })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(and(eq(matchProposals.id, proposalId), eq(citizens.jobcentreId, jobcentreId)));
  if (!row) throw new NotFoundError(PROPOSAL);
  if (!mayWithdraw(row.status)) throw new ProposalStateError(NOT_WITHDRAWABLE);
  const organisation = await accessLogOrganisation(actor);
  const now = new Date();
  return db().transaction(async (tx) => {
    // Only from the status it was withdrawn from: an answer given meanwhile wins, and the consultant is told.
    const updated = await tx
      .update(matchProposals)
      .set({ status: 'withdrawn', withdrawnAt: now, withdrawnReason: reason.trim(), updatedAt: now })
      .where(and(eq(matchProposals.id, proposalId), eq(matchProposals.status, row.status)))
      .returning({ id: matchProposals.id });
    if (updated.length === 0) throw new ProposalStateError(NOT_WITHDRAWABLE);
    await logCitizenAccess(tx, {
      citizenIds: [row.citizenId],
      actor,
      action: 'change',
      purpose: PROPOSAL_PURPOSES.withdrawn(row.openingTitle, row.companyName),
      organisation,
    });
    await notify(tx, { kind: 'proposal_withdrawn', proposalId, cause: 'jobcentre' });
    return { id: proposalId, citizenId: row.citizenId, openingTitle: row.openingTitle, interestNotPassedOn: !isPassedOn(row) };
  });
}

export type WithdrawalOutcome =
  | { withdrawn: Awaited<ReturnType<typeof withdrawProposal>>; problem: null }
  | { withdrawn: null; problem: WithdrawalProblem };

/**
 * A withdrawal as a form sends it (`proposalId`, `reason`): withdrawn, or the problem to show at that
 * proposal's form (a missing reason at the field, or a proposal answered meanwhile). Not found stays thrown.
 */
export async function withdrawProposalFromForm(actor: Actor, values: Record<string, unknown>): Promise<WithdrawalOutcome> {
  const proposalId = typeof values.proposalId === 'string' ? values.proposalId : '';
  const reason = typeof values.reason === 'string' ? values.reason : '';
  const parsed = withdrawalSchema.safeParse(values);
  if (!parsed.success) {
    const error = parsed.error.issues.find((issue) => issue.path[0] === 'reason')?.message ?? null;
    if (!error) throw new NotFoundError(PROPOSAL);
    return { withdrawn: null, problem: { proposalId, reason, error, stateError: null } };
  }
  try {
    return { withdrawn: await withdrawProposal(actor, parsed.data), problem: null };
  } catch (error) {
    if (error instanceof ProposalStateError) return { withdrawn: null, problem: { proposalId, reason, error: null, stateError: error.message } };
    throw error;
  }
}
