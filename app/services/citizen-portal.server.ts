/**
 * The citizen's own portal: their wishes, the jobs they could fill, their path (proposals, agreement, hours,
 * consultant) and their data (who has seen it, and all of it as a download). Every function here serves
 * the logged-in citizen about themselves only; the citizen id comes from the session, never from the URL.
 * The citizen's own use of their data is not written to the access log, except the export (GDPR art. 15),
 * which the citizen sees there as a record of what left the portal.
 *
 * The consultant's side of "Jeg er interesseret" (the interests not yet passed on, passing one on to the
 * company) is interests.server.ts, beside the proposals it becomes.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import {
  accessLog,
  agreements,
  agreementVersions,
  citizenExcludedCompanies,
  citizens,
  companies,
  followUps,
  jobcentres,
  mailOutbox,
  matchProposals,
  monthlyHours,
  openings,
  users,
} from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { groupAccessLog, type AccessDay } from '../domain/access-log-groups';
import { jobCalculatorPrefill, type CalculatorValues } from '../domain/benefit-calculator';
import { explainForCitizen, type CitizenExplanation } from '../domain/citizen-explanation';
import type { MonthHours } from '../domain/agreement-rules';
import { gettingStarted, nextFollowUpDate, ordinaryHoursProgress, type GettingStartedStep, type ProgressRow } from '../domain/citizen-path';
import type { CitizenWishesInput } from '../domain/citizen-wishes';
import { eligibleKinds } from '../domain/eligibility';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { explainMatch, hardFilterFailures, matchDistanceKm } from '../domain/matching';
import { proposalExplanationText } from '../domain/proposal-explanation';
import { BLOCKING_PROPOSAL_STATUSES, CONSENT_WITHDRAWN_REASON, isPassedOn } from '../domain/proposal-rules';
import { PATH_PHASE_LABELS, ROLE_LABELS, type OpeningKind, type ProposalStatus } from '../domain/vocabulary';
import type { Language } from '../i18n/language';
import { accessLogForCitizen, type AccessLogRow } from './access-log.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { notify } from './notifications.server';
import { loadMatchCitizen, loadMatchOpening } from './match-rows.server';
import { matchOpeningsForCitizen, type MatchSource } from './matching.server';
import { findPostcode } from './postcodes.server';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../domain/slots';
import { isUuid } from './object-access.server';

export const EXPORT_PURPOSE = 'Du hentede alle dine oplysninger (indsigt efter databeskyttelsesforordningen, artikel 15)';
export const EXPORT_ORGANISATION = 'Dig selv';

/** A proposal's agreement is worth a link while it is in force: while it holds a slot (app/domain/slots.ts). */
const SHOWN_AGREEMENT_STATUSES = SLOT_HOLDING_AGREEMENT_STATUSES;

function citizenIdOf(actor: Actor): string {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError('Kun borgeren selv kan se denne side.');
  return actor.citizenId;
}

// ── Mine ønsker ─────────────────────────────────────────────────────────────────────────────────────────

export type OwnProfile = {
  id: string;
  name: string;
  postcode: string;
  city: string;
  transportMode: (typeof citizens.$inferSelect)['transportMode'];
  reachKm: number;
  hoursMin: number;
  hoursMax: number;
  wishes: string;
  competences: string[];
  neededAccommodations: (typeof citizens.$inferSelect)['neededAccommodations'];
  restrictions: (typeof citizens.$inferSelect)['restrictions'];
  closed: boolean;
};

/** The citizen's own profile as "Mine ønsker" shows it. Health notes are the consultant's and are not read here. */
export async function ownProfile(actor: Actor): Promise<OwnProfile> {
  const citizenId = citizenIdOf(actor);
  const [row] = await db()
    .select({
      id: citizens.id,
      name: citizens.name,
      postcode: citizens.postcode,
      city: citizens.city,
      transportMode: citizens.transportMode,
      reachKm: citizens.reachKm,
      hoursMin: citizens.hoursMin,
      hoursMax: citizens.hoursMax,
      wishes: citizens.wishes,
      competences: citizens.competences,
      neededAccommodations: citizens.neededAccommodations,
      restrictions: citizens.restrictions,
      closedAt: citizens.closedAt,
    })
    .from(citizens)
    .where(eq(citizens.id, citizenId));
  if (!row) throw new NotFoundError('Borgeren');
  const { closedAt, ...profile } = row;
  return { ...profile, closed: closedAt !== null };
}

/**
 * Saves the citizen's own wishes, competences, hours, place, reach and needs, with the search-outbox row in
 * the same transaction, so matching (and the consultant) sees the change as soon as the drain has run. Only
 * these columns are written: restrictions and health notes are the consultant's.
 */
export async function updateOwnWishes(actor: Actor, input: CitizenWishesInput): Promise<void> {
  const citizenId = citizenIdOf(actor);
  const place = findPostcode(input.postcode);
  if (!place) throw new Error(`Unknown postcode ${input.postcode} passed validation`);
  await db().transaction(async (tx) => {
    const updated = await tx
      .update(citizens)
      .set({
        wishes: input.wishes,
        competences: input.competences,
        hoursMin: input.hoursMin,
        hoursMax: input.hoursMax,
        postcode: input.postcode,
        city: place.city,
        lat: place.lat,
        lon: place.lon,
        transportMode: input.transportMode,
        reachKm: input.reachKm,
        neededAccommodations: input.neededAccommodations,
        updatedAt: new Date(),
      })
      .where(and(eq(citizens.id, citizenId), isNull(citizens.closedAt)))
      .returning({ id: citizens.id });
    if (updated.length === 0) throw new ForbiddenError('Din sag er lukket, så dine ønsker kan ikke rettes her. Kontakt jobcentret.');
    await enqueueSearchSync(tx, 'citizen', citizenId);
  });
}

// ── Job til mig ─────────────────────────────────────────────────────────────────────────────────────────

export type InterestState = 'none' | 'interested' | 'proposed';

export type CitizenJob = {
  openingId: string;
  title: string;
  companyName: string;
  kind: OpeningKind;
  hoursMin: number;
  hoursMax: number;
  /** For the calculator link: where the calculator starts for this citizen and job (jobCalculatorPrefill), and the collective agreement the wage follows. */
  calculatorPrefill: CalculatorValues;
  wageAgreement: string | null;
  postcode: string;
  city: string;
  distanceKm: number;
  reasons: string[];
  mind: string[];
  interest: InterestState;
};

export type JobsForCitizen = {
  results: CitizenJob[];
  source: MatchSource;
  /** Matching does not run for the citizen now (closed case, with the rehabilitation team…). */
  blocked: boolean;
  /** The kinds of job the citizen may hold today: the only ones the kind filter offers. */
  kinds: OpeningKind[];
};

/** The citizen's own filters on "Job til mig" (not /jobs' JobFilters, app/domain/job-filters.ts). */
export type CitizenJobFilters = { q?: string; kinds?: OpeningKind[]; maxKm?: number };

/** Where the citizen stands with each opening: a standing interest of their own, or a proposal. */
async function interestsByOpening(citizenId: string, openingIds: string[]): Promise<Map<string, InterestState>> {
  const states = new Map<string, InterestState>();
  if (openingIds.length === 0) return states;
  const rows = await db()
    .select({ openingId: matchProposals.openingId, origin: matchProposals.origin, proposedBy: matchProposals.proposedBy })
    .from(matchProposals)
    .where(
      and(
        eq(matchProposals.citizenId, citizenId),
        inArray(matchProposals.openingId, openingIds),
        inArray(matchProposals.status, [...BLOCKING_PROPOSAL_STATUSES]),
      ),
    );
  for (const row of rows) states.set(row.openingId, isPassedOn(row) ? 'proposed' : 'interested');
  return states;
}

/**
 * The openings the citizen could fill, exactly as matching finds them (matchOpeningsForCitizen: the same
 * hard filters, the same ranking), each explained to the citizen in their language.
 */
export async function jobsForCitizen(
  actor: Actor,
  { filters = {}, today, language }: { filters?: CitizenJobFilters; today: CalendarDay; language: Language },
): Promise<JobsForCitizen> {
  const citizenId = citizenIdOf(actor);
  const day = toIsoDate(today);
  const citizen = await loadMatchCitizen(db(), citizenId);
  if (!citizen) throw new NotFoundError('Borgeren');
  const match = await matchOpeningsForCitizen(actor, citizenId, {
    q: filters.q ?? '',
    extraFilters: { kinds: filters.kinds, maxKm: filters.maxKm },
    today: day,
  });
  const openingIds = match.results.map((result) => result.openingId);
  const [details, interests] = await Promise.all([
    openingIds.length === 0
      ? Promise.resolve([])
      : db()
          .select({
            id: openings.id,
            title: openings.title,
            tasks: openings.tasks,
            hoursMin: openings.hoursMin,
            hoursMax: openings.hoursMax,
            accommodations: openings.accommodations,
            demands: openings.demands,
            kind: openings.kind,
            flexjobExpectedHours: openings.flexjobExpectedHours,
            hourlyWage: openings.hourlyWage,
            wageAgreement: openings.wageAgreement,
          })
          .from(openings)
          .where(inArray(openings.id, openingIds)),
    interestsByOpening(citizenId, openingIds),
  ]);
  const byId = new Map(details.map((detail) => [detail.id, detail]));
  const results = match.results.flatMap((result): CitizenJob[] => {
    const opening = byId.get(result.openingId);
    if (!opening) return [];
    const { reasons, mind } = explainForCitizen(citizen, opening, { distanceKm: result.distanceKm, language });
    return [
      {
        openingId: result.openingId,
        title: result.title,
        companyName: result.companyName,
        kind: result.kind,
        hoursMin: result.hoursMin,
        hoursMax: result.hoursMax,
        calculatorPrefill: jobCalculatorPrefill(citizen, opening),
        wageAgreement: opening.wageAgreement,
        postcode: result.postcode,
        city: result.city,
        distanceKm: result.distanceKm,
        reasons,
        mind,
        interest: interests.get(result.openingId) ?? 'none',
      },
    ];
  });
  return { results, source: match.source, blocked: match.blockedReason !== null, kinds: eligibleKinds(citizen, day) };
}

/**
 * "Jeg er interesseret": a proposal that begins with the citizen (origin 'citizen_interest', the citizen's
 * yes already given, proposed by nobody yet). The company does not see it until a consultant passes it on.
 * Only for an opening the citizen could fill under the matching rules; saying it twice changes nothing.
 */
export async function expressInterest(actor: Actor, openingId: string, { today = new Date() }: { today?: CalendarDay } = {}) {
  const citizenId = citizenIdOf(actor);
  const [citizen, opening, caseRow] = await Promise.all([
    loadMatchCitizen(db(), citizenId),
    loadMatchOpening(db(), openingId),
    db().select({ closedAt: citizens.closedAt }).from(citizens).where(eq(citizens.id, citizenId)),
  ]);
  if (!citizen || !caseRow[0]) throw new NotFoundError('Borgeren');
  // An opening the citizen may not take is, for them, not there (DESIGN: eligibility is a hard rule).
  if (!opening || caseRow[0].closedAt || hardFilterFailures(citizen, opening, { today: toIsoDate(today) }).length > 0) throw new NotFoundError('Jobbet');

  const text = proposalExplanationText(explainMatch(citizen, opening));
  const now = new Date();
  return db().transaction(async (tx) => {
    // One at a time per citizen, as proposeCitizen does, so a double click makes one row.
    await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId)).for('update');
    const [existing] = await tx
      .select({ id: matchProposals.id })
      .from(matchProposals)
      .where(and(eq(matchProposals.openingId, opening.id), eq(matchProposals.citizenId, citizenId), inArray(matchProposals.status, [...BLOCKING_PROPOSAL_STATUSES])));
    if (existing) return { proposalId: existing.id, title: opening.title, created: false };
    const [created] = await tx
      .insert(matchProposals)
      .values({ openingId: opening.id, citizenId, proposedBy: null, origin: 'citizen_interest', status: 'citizen_accepted', citizenAcceptedAt: now, explanation: text })
      .returning({ id: matchProposals.id });
    await notify(tx, { kind: 'citizen_interest', proposalId: created!.id });
    return { proposalId: created!.id, title: opening.title, created: true };
  });
}

// ── Min vej ─────────────────────────────────────────────────────────────────────────────────────────────

/** How a proposal stands, seen from the citizen. */
export type CitizenProposalState =
  | 'proposed'
  | 'companyAcceptedWaiting'
  | 'interestPending'
  | 'citizenAccepted'
  | 'accepted'
  | 'companyDeclined'
  | 'citizenDeclined'
  | 'withdrawn'
  | 'consentEnded'
  | 'interestDeclined';

/**
 * `withdrawnReason` tells a proposal the jobcentre withdrew from one that ended because consent to share was
 * withdrawn (CONSENT_WITHDRAWN_REASON): the citizen is told what actually happened.
 */
export function citizenProposalState(status: ProposalStatus, interestNotPassedOn: boolean, withdrawnReason: string | null = null): CitizenProposalState {
  switch (status) {
    case 'proposed':
      return 'proposed';
    case 'company_accepted':
      return 'companyAcceptedWaiting';
    case 'citizen_accepted':
      return interestNotPassedOn ? 'interestPending' : 'citizenAccepted';
    case 'accepted':
      return 'accepted';
    case 'company_declined':
      return 'companyDeclined';
    case 'citizen_declined':
      return 'citizenDeclined';
    case 'withdrawn':
      if (withdrawnReason === CONSENT_WITHDRAWN_REASON) return 'consentEnded';
      return interestNotPassedOn ? 'interestDeclined' : 'withdrawn';
  }
}

export type PathProposal = {
  id: string;
  state: CitizenProposalState;
  waitingForCitizen: boolean;
  title: string;
  kind: OpeningKind;
  hoursMin: number;
  hoursMax: number;
  city: string;
  companyName: string;
};

export type PathAgreement = {
  id: string;
  status: (typeof SHOWN_AGREEMENT_STATUSES)[number];
  companyName: string;
  ordinaryHoursPerWeek: number;
  internshipHoursPerWeek: number;
  tasks: string[];
  contact: { name: string; role: string; phone: string | null; email: string | null };
  nextFollowUp: string | null;
};

export type PathContact = { name: string; phone: string | null; email: string };

export type CitizenPath = {
  name: string;
  proposals: PathProposal[];
  agreement: PathAgreement | null;
  progress: ProgressRow[];
  /** Every kind of hours by month, for the chart (only the ordinary ones count towards the goal). */
  months: MonthHours[];
  consultant: PathContact | null;
  jobcentre: { name: string; phone: string | null; email: string | null };
  /** "Kom i gang" while the citizen is new; null once the first steps are taken. */
  gettingStarted: GettingStartedStep[] | null;
};

async function pathProposals(citizenId: string): Promise<PathProposal[]> {
  const rows = await db()
    .select({
      id: matchProposals.id,
      status: matchProposals.status,
      origin: matchProposals.origin,
      proposedBy: matchProposals.proposedBy,
      withdrawnReason: matchProposals.withdrawnReason,
      title: openings.title,
      kind: openings.kind,
      hoursMin: openings.hoursMin,
      hoursMax: openings.hoursMax,
      city: openings.city,
      companyName: companies.name,
    })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(eq(matchProposals.citizenId, citizenId))
    .orderBy(desc(matchProposals.createdAt), desc(matchProposals.id));
  return rows.map((row) => {
    const state = citizenProposalState(row.status, !isPassedOn(row), row.withdrawnReason);
    return {
      id: row.id,
      state,
      waitingForCitizen: state === 'proposed' || state === 'companyAcceptedWaiting',
      title: row.title,
      kind: row.kind,
      hoursMin: row.hoursMin,
      hoursMax: row.hoursMax,
      city: row.city,
      companyName: row.companyName,
    };
  });
}

/** The agreement the citizen works under (or is asked to confirm), its current version and its hours. */
async function pathAgreement(citizenId: string, today: string): Promise<{ agreement: PathAgreement | null; progress: ProgressRow[]; months: MonthHours[] }> {
  const [row] = await db()
    .select({ id: agreements.id, status: agreements.status, currentVersion: agreements.currentVersion, companyName: companies.name })
    .from(agreements)
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .where(and(eq(agreements.citizenId, citizenId), inArray(agreements.status, [...SHOWN_AGREEMENT_STATUSES])))
    .orderBy(sql`${agreements.status} = 'active' desc`, sql`${agreements.activatedAt} desc nulls last`, desc(agreements.createdAt))
    .limit(1);
  if (!row) return { agreement: null, progress: [], months: [] };
  const [[version], hours] = await Promise.all([
    db()
      .select()
      .from(agreementVersions)
      .where(and(eq(agreementVersions.agreementId, row.id), eq(agreementVersions.version, row.currentVersion))),
    db()
      .select({
        month: monthlyHours.month,
        ordinaryHours: monthlyHours.ordinaryHours,
        internshipHours: monthlyHours.internshipHours,
        flexjobHours: monthlyHours.flexjobHours,
        wageSubsidyHours: monthlyHours.wageSubsidyHours,
      })
      .from(monthlyHours)
      .where(eq(monthlyHours.agreementId, row.id))
      .orderBy(asc(monthlyHours.month)),
  ]);
  if (!version) return { agreement: null, progress: [], months: [] };
  return {
    agreement: {
      id: row.id,
      status: row.status as PathAgreement['status'],
      companyName: row.companyName,
      ordinaryHoursPerWeek: version.ordinaryHoursPerWeek,
      internshipHoursPerWeek: version.internshipHoursPerWeek,
      tasks: version.tasks,
      contact: { name: version.contactName, role: version.contactRole, phone: version.contactPhone, email: version.contactEmail },
      nextFollowUp: nextFollowUpDate(version.followUpDates, today),
    },
    progress: ordinaryHoursProgress(hours),
    months: hours,
  };
}

/** Everything "Min side" shows: proposals to answer, the agreement with its next follow-up, the hours, who to call. */
export async function citizenPath(actor: Actor, { today = new Date() }: { today?: CalendarDay } = {}): Promise<CitizenPath> {
  const citizenId = citizenIdOf(actor);
  const [citizen] = await db()
    .select({
      name: citizens.name,
      wishes: citizens.wishes,
      competences: citizens.competences,
      consultantName: users.name,
      consultantPhone: users.phone,
      consultantEmail: users.email,
      jobcentreName: jobcentres.name,
      jobcentrePhone: jobcentres.phone,
      jobcentreEmail: jobcentres.email,
    })
    .from(citizens)
    .innerJoin(jobcentres, eq(jobcentres.id, citizens.jobcentreId))
    .leftJoin(users, eq(users.id, citizens.consultantId))
    .where(eq(citizens.id, citizenId));
  if (!citizen) throw new NotFoundError('Borgeren');
  const [proposals, { agreement, progress, months }] = await Promise.all([pathProposals(citizenId), pathAgreement(citizenId, toIsoDate(today))]);
  return {
    name: citizen.name,
    proposals,
    agreement,
    progress,
    months,
    consultant: citizen.consultantName && citizen.consultantEmail ? { name: citizen.consultantName, phone: citizen.consultantPhone, email: citizen.consultantEmail } : null,
    jobcentre: { name: citizen.jobcentreName, phone: citizen.jobcentrePhone, email: citizen.jobcentreEmail },
    gettingStarted: gettingStarted({ wishes: citizen.wishes, competences: citizen.competences, proposals: proposals.length, hasAgreement: agreement !== null }),
  };
}

// ── Mine data ───────────────────────────────────────────────────────────────────────────────────────────

/** "Hvem har set mine oplysninger": the citizen's access log, newest first. */
export async function ownAccessLog(actor: Actor): Promise<AccessLogRow[]> {
  return accessLogForCitizen(citizenIdOf(actor), { limit: 500 });
}

/** The same log by Danish day and organisation, as the page shows it (app/domain/access-log-groups.ts). */
export async function ownAccessLogByDay(actor: Actor): Promise<AccessDay<AccessLogRow>[]> {
  return groupAccessLog(await ownAccessLog(actor));
}

/** Who did something, as the export names them: the organisation and the role, never a person's user id. */
export type ExportedActor = { organisation: string; role: string };

/**
 * The organisation and role of each user who wrote to the citizen's case: a company's name or a jobcentre's,
 * "Dig selv" for the citizen. The same words the access log uses (accessLogOrganisation).
 */
async function actorsForExport(citizenUserId: string, userIds: readonly (string | null)[]): Promise<Map<string, ExportedActor>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  const rows =
    ids.length === 0
      ? []
      : await db()
          .select({ id: users.id, role: users.role, company: companies.name, jobcentre: jobcentres.name })
          .from(users)
          .leftJoin(companies, eq(companies.id, users.companyId))
          .leftJoin(jobcentres, eq(jobcentres.id, users.jobcentreId))
          .where(inArray(users.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      row.id === citizenUserId
        ? { organisation: EXPORT_ORGANISATION, role: ROLE_LABELS.citizen }
        : { organisation: row.company ?? row.jobcentre ?? ROLE_LABELS[row.role], role: ROLE_LABELS[row.role] },
    ]),
  );
}

/**
 * Everything the portal holds about the citizen, for a download (GDPR art. 15): the account (never the
 * password hash), the whole profile including what the consultant wrote, proposals, agreements with their
 * versions, follow-ups and hours, the access log and the mails sent. The export is itself logged. Who wrote
 * what is named by organisation and role, as in the access log: staff's user ids are theirs, not the citizen's.
 */
export async function exportOwnData(actor: Actor, now = new Date()) {
  const citizenId = citizenIdOf(actor);
  await db().insert(accessLog).values({
    citizenId,
    actorUserId: actor.id,
    actorRole: 'citizen',
    organisation: EXPORT_ORGANISATION,
    action: 'export',
    purpose: EXPORT_PURPOSE,
    at: now,
  });
  const [[account], [profile], excluded, proposals, agreementRows, log] = await Promise.all([
    db()
      .select({ email: users.email, name: users.name, phone: users.phone, role: users.role, createdAt: users.createdAt, passwordChangedAt: users.passwordChangedAt })
      .from(users)
      .where(eq(users.id, actor.id)),
    db().select().from(citizens).where(eq(citizens.id, citizenId)),
    db()
      .select({ company: companies.name, reason: citizenExcludedCompanies.reason })
      .from(citizenExcludedCompanies)
      .innerJoin(companies, eq(companies.id, citizenExcludedCompanies.companyId))
      .where(eq(citizenExcludedCompanies.citizenId, citizenId)),
    db()
      .select({
        id: matchProposals.id,
        opening: openings.title,
        company: companies.name,
        origin: matchProposals.origin,
        status: matchProposals.status,
        explanation: matchProposals.explanation,
        createdAt: matchProposals.createdAt,
        companyAcceptedAt: matchProposals.companyAcceptedAt,
        companyDeclinedAt: matchProposals.companyDeclinedAt,
        citizenAcceptedAt: matchProposals.citizenAcceptedAt,
        citizenDeclinedAt: matchProposals.citizenDeclinedAt,
        citizenReason: matchProposals.citizenReason,
        withdrawnAt: matchProposals.withdrawnAt,
        withdrawnReason: matchProposals.withdrawnReason,
      })
      .from(matchProposals)
      .innerJoin(openings, eq(openings.id, matchProposals.openingId))
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(eq(matchProposals.citizenId, citizenId))
      .orderBy(asc(matchProposals.createdAt)),
    db()
      .select({ agreement: agreements, company: companies.name })
      .from(agreements)
      .innerJoin(companies, eq(companies.id, agreements.companyId))
      .where(eq(agreements.citizenId, citizenId))
      .orderBy(asc(agreements.createdAt)),
    accessLogForCitizen(citizenId, { limit: 100_000 }),
  ]);
  if (!profile || !account) throw new NotFoundError('Borgeren');
  const agreementIds = agreementRows.map((row) => row.agreement.id);
  const [versions, contacts, hours, mails] = await Promise.all([
    agreementIds.length === 0 ? [] : db().select().from(agreementVersions).where(inArray(agreementVersions.agreementId, agreementIds)).orderBy(asc(agreementVersions.version)),
    agreementIds.length === 0 ? [] : db().select().from(followUps).where(inArray(followUps.agreementId, agreementIds)).orderBy(asc(followUps.contactDate)),
    agreementIds.length === 0 ? [] : db().select().from(monthlyHours).where(inArray(monthlyHours.agreementId, agreementIds)).orderBy(asc(monthlyHours.month)),
    db()
      .select({ subject: mailOutbox.subject, createdAt: mailOutbox.createdAt })
      .from(mailOutbox)
      .where(eq(mailOutbox.to, account.email))
      .orderBy(asc(mailOutbox.createdAt)),
  ]);
  const { jobcentreId: _jobcentre, consultantId: _consultant, ...profileFields } = profile;
  const actors = await actorsForExport(actor.id, [
    ...agreementRows.map((row) => row.agreement.createdBy),
    ...versions.flatMap((version) => [version.createdBy, version.companyConfirmedBy, version.citizenConfirmedBy]),
    ...contacts.map((contact) => contact.createdBy),
    ...hours.map((month) => month.recordedBy),
  ]);
  const who = (userId: string | null): ExportedActor | null => (userId ? (actors.get(userId) ?? null) : null);
  return {
    about: 'Alle de oplysninger, Jobbro har om dig (databeskyttelsesforordningen, artikel 15).',
    exportedAt: now.toISOString(),
    account,
    profile: { ...profileFields, phaseLabel: PATH_PHASE_LABELS[profile.phase] },
    noShelteredJobAt: excluded,
    proposals,
    agreements: agreementRows.map(({ agreement, company }) => ({
      ...agreement,
      company,
      createdBy: who(agreement.createdBy),
      versions: versions
        .filter((version) => version.agreementId === agreement.id)
        .map((version) => ({
          ...version,
          createdBy: who(version.createdBy),
          companyConfirmedBy: who(version.companyConfirmedBy),
          citizenConfirmedBy: who(version.citizenConfirmedBy),
        })),
      followUps: contacts.filter((contact) => contact.agreementId === agreement.id).map((contact) => ({ ...contact, createdBy: who(contact.createdBy) })),
      monthlyHours: hours.filter((month) => month.agreementId === agreement.id).map((month) => ({ ...month, recordedBy: who(month.recordedBy) })),
    })),
    accessLog: log,
    mailsSentToYou: mails,
  };
}

/** How one of the citizen's own proposals stands, seen from them; another citizen's is not found. */
/**
 * Where the proposal stands for the citizen, and why the job suits them, said to them in their language as on
 * "Job til mig" (the proposal keeps the consultant's explanation, which speaks about "borgeren").
 */
export async function ownProposalState(
  actor: Actor,
  proposalId: string,
  { language }: { language: Language },
): Promise<{ state: CitizenProposalState; fromInterest: boolean; why: CitizenExplanation | null }> {
  const citizenId = citizenIdOf(actor);
  if (!isUuid(proposalId)) throw new NotFoundError('Forslaget');
  const [row] = await db()
    .select({
      status: matchProposals.status,
      origin: matchProposals.origin,
      proposedBy: matchProposals.proposedBy,
      withdrawnReason: matchProposals.withdrawnReason,
      openingId: matchProposals.openingId,
    })
    .from(matchProposals)
    .where(and(eq(matchProposals.id, proposalId), eq(matchProposals.citizenId, citizenId)));
  if (!row) throw new NotFoundError('Forslaget');
  const [citizen, opening] = await Promise.all([loadMatchCitizen(db(), citizenId), loadMatchOpening(db(), row.openingId)]);
  const why = citizen && opening ? explainForCitizen(citizen, opening, { distanceKm: matchDistanceKm(citizen, opening), language }) : null;
  return { state: citizenProposalState(row.status, !isPassedOn(row), row.withdrawnReason), fromInterest: row.origin === 'citizen_interest', why };
}
