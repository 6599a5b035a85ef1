/**
 * Demo data for the try-out's empty database (demoDataWanted says when): Jobcenter Aarhus with two
 * consultants and a caseload of citizens, a small Jobcenter Randers (to show that a consultant sees only their
 * own jobcentre), companies with openings of all three kinds around Aarhus, and the demo logins. Everything
 * is fictitious: names, phones, addresses and CVR numbers are made up, and every e-mail address is under the
 * reserved `.test` domain.
 *
 * The data is written in one transaction, with one search-outbox row per opening and citizen so the drain
 * indexes them at start. A seeded PRNG makes it the same on every start (only the generated ids differ).
 * The data itself (organisations, openings, citizens, agreements) lives in db/seed-data/; this file builds rows.
 */
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../app/auth/password.server';
import { addDays, addMonths, firstGoalMonth, monthOf, proposeFollowUpDates } from '../app/domain/agreement-rules';
import { makeValidCvr } from '../app/domain/cvr';
import { demoSubject } from '../app/domain/sign-in-rules';
import { explainMatch } from '../app/domain/matching';
import { proposalExplanationText } from '../app/domain/proposal-explanation';
import type {
  OpeningKind,
  Role,
} from '../app/domain/vocabulary';
import { ACCESS_PURPOSES } from '../app/services/access-log.server';
import { MATCH_PURPOSES } from '../app/services/matching.server';
import { findPostcode } from '../app/services/postcodes.server';
import { PROPOSAL_PURPOSES } from '../app/services/proposals.server';
import type { Database, Executor } from './client';
import {
  accessLog,
  externalIdentities,
  agreements,
  agreementVersions,
  followUps,
  monthlyHours,
  monthlyHoursChanges,
  citizenExcludedCompanies,
  citizens,
  companies,
  jobcentres,
  matchProposals,
  openings,
  searchOutbox,
  users,
} from './schema';
import { insertDemoHistory } from './seed-history';
import { createRandom, type Random } from './seed-random';
import {
  ADMIN,
  LEADERS,
  CITIZEN_LOGIN_EMAIL,
  COMPANIES,
  COMPANY_LOGINS,
  CONSULTANTS,
  FLEXJOB_CITIZEN_LOGIN,
  JOBCENTRES,
  type CompanyKey,
  type CompanySeed,
  type ConsultantKey,
  type JobcentreKey,
} from './seed-data/organisations';
import { OPENINGS } from './seed-data/openings';
import { AARHUS_CITIZENS, DANISH_NATIVE, NEXT_ACTION_BY_PHASE, RANDERS_CITIZENS, type CitizenSeed } from './seed-data/citizens';
import { CONTACT_SUMMARIES, DEMO_AGREEMENTS } from './seed-data/agreements';
import { otherLanguages } from '../app/domain/citizen-rules';
import { refreshSocialMarksOfCompany } from '../app/services/social-marks.server';

export const DEMO_PASSWORD = 'jobbro-demo';

export type DemoLogin = { email: string; role: Role; name: string };
export type SeedResult = { seeded: boolean; logins: DemoLogin[] };

/** Any fixed number: changing it changes the generated phones, CVR numbers and dates. */
const RANDOM_SEED = 0x10b5_2026;
/** Arbitrary key for pg_advisory_xact_lock, so that two instances starting together seed only once. */
const SEED_LOCK_KEY = 7_310_520;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Building the rows

type Place = { postcode: string; city: string; lat: number; lon: number };

function placeOf(postcode: string): Place {
  const place = findPostcode(postcode);
  if (!place) throw new Error(`Demo data uses postcode ${postcode}, which is not in db/data/dk-postcodes.csv`);
  return { postcode, city: place.city, lat: place.lat, lon: place.lon };
}

function daysFrom(today: Date, days: number): Date {
  return new Date(today.getTime() + days * DAY_MS);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A made-up address for a person: first name, last name and the reserved `.test` domain. */
function emailFor(name: string): string {
  const local = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .split(/[\s-]+/)
    .join('.');
  return `${local}@mail.test`;
}

function mobileNumber(random: Random): string {
  const pairs = [random.int(20, 31), random.int(10, 99), random.int(10, 99), random.int(10, 99)];
  return pairs.join(' ');
}

/** Valid under the modulus-11 check and in the 9xxxxxxx range the register has not reached: no real company. */
function fictitiousCvr(random: Random, taken: Set<string>): string {
  for (;;) {
    const cvr = makeValidCvr(String(random.int(9_000_000, 9_999_999)));
    if (cvr && !taken.has(cvr)) {
      taken.add(cvr);
      return cvr;
    }
  }
}

type Ids = {
  jobcentres: Record<JobcentreKey, string>;
  consultants: Record<ConsultantKey, string>;
  companies: Record<CompanyKey, string>;
  companyUsers: Partial<Record<CompanyKey, string>>;
};

function newIds(): Ids {
  const companyIds = Object.fromEntries(COMPANIES.map((company) => [company.key, randomUUID()])) as Record<CompanyKey, string>;
  const companyUsers = Object.fromEntries(COMPANY_LOGINS.map((login) => [login.company, randomUUID()]));
  return {
    jobcentres: { aarhus: randomUUID(), randers: randomUUID() },
    consultants: { mette: randomUUID(), rasmus: randomUUID(), lone: randomUUID() },
    companies: companyIds,
    companyUsers,
  };
}

function companyRows(ids: Ids, random: Random, today: Date) {
  const cvrs = new Set<string>();
  return COMPANIES.map((company) => {
    const place = placeOf(company.postcode);
    const hasOwnLogin = ids.companyUsers[company.key] !== undefined;
    const createdAt = daysFrom(today, -random.int(60, 400));
    return {
      id: ids.companies[company.key],
      cvr: fictitiousCvr(random, cvrs),
      name: company.name,
      address: company.address,
      postcode: place.postcode,
      city: place.city,
      industry: company.industry,
      ordinaryEmployees: company.ordinaryEmployees,
      phone: company.phone,
      email: company.email,
      // A company without its own login was registered by the jobcentre, which posts for it (jobordre).
      createdByJobcentreId: hasOwnLogin ? null : ids.jobcentres.aarhus,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function staffRows(ids: Ids, passwordHash: string) {
  const consultants = (Object.keys(CONSULTANTS) as ConsultantKey[]).map((key) => {
    const consultant = CONSULTANTS[key];
    return {
      id: ids.consultants[key],
      email: consultant.email,
      name: consultant.name,
      phone: consultant.phone,
      passwordHash,
      role: 'consultant' as const,
      jobcentreId: ids.jobcentres[consultant.jobcentre],
      demo: true,
    };
  });
  const leaders = LEADERS.map((leader) => ({
    id: randomUUID(),
    email: leader.email,
    name: leader.name,
    phone: leader.phone,
    passwordHash,
    role: 'leader' as const,
    jobcentreId: ids.jobcentres[leader.jobcentre],
    demo: true,
  }));
  const admin = { id: randomUUID(), email: ADMIN.email, name: ADMIN.name, passwordHash, role: 'admin' as const, demo: true };
  return [admin, ...consultants, ...leaders];
}

function companyUserRows(ids: Ids, passwordHash: string) {
  return COMPANY_LOGINS.map((login) => {
    const company = companyOf(login.company);
    return {
      id: ids.companyUsers[login.company] ?? randomUUID(),
      email: login.email,
      name: company.contact.name,
      phone: company.contact.phone,
      passwordHash,
      role: 'company' as const,
      companyId: ids.companies[login.company],
      demo: true,
    };
  });
}

function companyOf(key: CompanyKey): CompanySeed {
  const company = COMPANIES.find((candidate) => candidate.key === key);
  if (!company) throw new Error(`Demo data names an unknown company ${key}`);
  return company;
}

type CitizenRow = typeof citizens.$inferInsert & { id: string };

function citizenRow(
  seed: CitizenSeed,
  context: { ids: Ids; random: Random; today: Date; jobcentre: JobcentreKey; consultant: ConsultantKey },
): CitizenRow {
  const { ids, random, today } = context;
  const place = placeOf(seed.postcode);
  const languages = seed.languages ?? DANISH_NATIVE;
  const danish = languages.find((language) => language.language === 'Dansk');
  const consent = seed.consent ?? true;
  const createdAt = daysFrom(today, -random.int(20, 300));
  const nextAction = NEXT_ACTION_BY_PHASE[seed.phase];
  return {
    id: randomUUID(),
    jobcentreId: ids.jobcentres[context.jobcentre],
    consultantId: ids.consultants[context.consultant],
    name: seed.name,
    email: seed.demoLogin ? CITIZEN_LOGIN_EMAIL : emailFor(seed.name),
    phone: mobileNumber(random),
    ...place,
    transportMode: seed.transport,
    reachKm: seed.reachKm,
    benefitStatus: seed.benefit,
    flexjobVisitationUntil: seed.visitationInDays === undefined ? null : isoDate(daysFrom(today, seed.visitationInDays)),
    hoursMin: seed.hours[0],
    hoursMax: seed.hours[1],
    wishes: seed.wishes,
    competences: seed.competences,
    // Danish has its own field; "Sprog" holds the others (a "Dansk" line there listed it twice).
    languages: otherLanguages(languages),
    danishLevel: danish?.level ?? 'basic',
    drivingLicence: seed.drivingLicence ?? seed.transport === 'car',
    restrictions: seed.restrictions ?? [],
    neededAccommodations: seed.needs ?? [],
    healthNotes: seed.health ?? '',
    consentToShare: consent,
    consentUpdatedAt: consent ? daysFrom(createdAt, random.int(0, 14)) : null,
    phase: seed.phase,
    nextAction,
    nextActionDate: nextAction ? isoDate(daysFrom(today, random.int(-3, 21))) : null,
    createdAt,
    updatedAt: daysFrom(createdAt, random.int(0, 15)),
  };
}

function citizenRows(ids: Ids, random: Random, today: Date) {
  const aarhusConsultants: ConsultantKey[] = ['mette', 'rasmus'];
  const aarhus = AARHUS_CITIZENS.map((seed, index) =>
    citizenRow(seed, {
      ids,
      random,
      today,
      jobcentre: 'aarhus',
      consultant: seed.consultant ?? aarhusConsultants[index % aarhusConsultants.length] ?? 'mette',
    }),
  );
  const randers = RANDERS_CITIZENS.map((seed) => citizenRow(seed, { ids, random, today, jobcentre: 'randers', consultant: 'lone' }));
  return { aarhus, randers };
}

function openingRows(ids: Ids, random: Random, today: Date) {
  const jobOrderConsultants: ConsultantKey[] = ['mette', 'rasmus'];
  return OPENINGS.map((seed, index) => {
    const company = companyOf(seed.company);
    const place = placeOf(seed.postcode ?? company.postcode);
    const status = seed.status ?? 'open';
    const companyUser = ids.companyUsers[seed.company];
    const publishedAt = status === 'draft' ? null : daysFrom(today, -random.int(1, 40));
    const createdAt = daysFrom(publishedAt ?? today, -random.int(1, 5));
    return {
      id: randomUUID(),
      companyId: ids.companies[seed.company],
      kind: seed.kind,
      title: seed.title,
      description: seed.description,
      tasks: seed.tasks,
      hoursMin: seed.hours[0],
      hoursMax: seed.hours[1],
      flexjobExpectedHours: seed.flexjobExpectedHours ?? null,
      schedule: seed.schedule,
      startDate: isoDate(daysFrom(today, seed.startInDays)),
      slots: seed.slots,
      ...place,
      demands: seed.demands,
      accommodations: seed.accommodations,
      languageNeeds: seed.languageNeeds ?? '',
      drivingLicenceRequired: seed.drivingLicenceRequired ?? false,
      contactName: company.contact.name,
      contactRole: company.contact.role,
      contactPhone: company.contact.phone,
      contactEmail: company.contact.email,
      status,
      isJobOrder: companyUser === undefined,
      createdBy: companyUser ?? ids.consultants[jobOrderConsultants[index % jobOrderConsultants.length] ?? 'mette'],
      publishedAt,
      createdAt,
      updatedAt: status === 'open' ? (publishedAt ?? createdAt) : daysFrom(today, -1),
    };
  });
}

type OpeningRow = ReturnType<typeof openingRows>[number];

function excludedCompanyRows(ids: Ids, rows: CitizenRow[]) {
  return AARHUS_CITIZENS.flatMap((seed, index) => {
    const citizen = rows[index];
    if (!seed.excluded || !citizen) return [];
    return [{ citizenId: citizen.id, companyId: ids.companies[seed.excluded.company], reason: seed.excluded.reason }];
  });
}

/**
 * What proposing the citizen would have stored (app/domain/proposal-explanation.ts), so the consultant's lists
 * show no "Ved forslaget" for a change that never happened.
 */
function storedExplanation(citizen: CitizenRow, opening: OpeningRow): string {
  const matchCitizen = {
    benefitStatus: citizen.benefitStatus,
    flexjobVisitationUntil: citizen.flexjobVisitationUntil ?? null,
    excludedCompanyIds: [],
    phase: citizen.phase ?? 'towards_job',
    hoursMin: citizen.hoursMin,
    hoursMax: citizen.hoursMax,
    restrictions: citizen.restrictions ?? [],
    neededAccommodations: citizen.neededAccommodations ?? [],
    lat: citizen.lat,
    lon: citizen.lon,
    reachKm: citizen.reachKm,
    wishes: citizen.wishes ?? '',
    competences: citizen.competences ?? [],
    drivingLicence: citizen.drivingLicence ?? false,
  };
  return proposalExplanationText(explainMatch(matchCitizen, { ...opening, freeSlots: opening.slots }));
}

/** Two proposals waiting for the demo citizen, so the citizen's pages have something to answer at first login. */
function demoProposalRows(ids: Ids, today: Date, citizen: CitizenRow, allOpenings: OpeningRow[]) {
  const wanted: { company: CompanyKey; kind: OpeningKind }[] = [
    { company: 'cafeAaen', kind: 'ordinary_hours' },
    { company: 'nordlys', kind: 'ordinary_hours' },
  ];
  return wanted.map((want, index) => {
    const opening = allOpenings.find(
      (candidate) => candidate.companyId === ids.companies[want.company] && candidate.kind === want.kind && candidate.status === 'open',
    );
    if (!opening) throw new Error(`Demo data lacks an open ${want.kind} opening at ${want.company}`);
    const explanation = storedExplanation(citizen, opening);
    const createdAt = daysFrom(today, -(3 + index * 3));
    const base = {
      id: randomUUID(),
      openingId: opening.id,
      citizenId: citizen.id,
      proposedBy: ids.consultants.mette,
      explanation,
      createdAt,
      updatedAt: createdAt,
    };
    // The first waits for both parties; the second began with the citizen's interest and the company said yes.
    return index === 0
      ? { ...base, origin: 'consultant' as const, status: 'proposed' as const }
      : {
          ...base,
          origin: 'citizen_interest' as const,
          status: 'company_accepted' as const,
          companyAcceptedAt: daysFrom(today, -1),
          updatedAt: daysFrom(today, -1),
        };
  });
}

/**
 * What "Hvem har set mine oplysninger" shows the demo citizen at first login: the consultant who made and
 * opened the profile and matched it, and the company that read the summary of a proposal.
 */
function demoAccessLogRows(ids: Ids, today: Date, citizen: CitizenRow, proposals: ReturnType<typeof demoProposalRows>, allOpenings: OpeningRow[]) {
  const mette = { actorUserId: ids.consultants.mette, actorRole: 'consultant' as const, organisation: JOBCENTRES.aarhus.name };
  const titleOf = (openingId: string) => allOpenings.find((opening) => opening.id === openingId)?.title ?? '';
  const [proposed, companyAnswered] = proposals;
  if (!proposed || !companyAnswered) throw new Error('Demo data lacks the demo citizen\'s proposals');
  return [
    { ...mette, action: 'change' as const, purpose: ACCESS_PURPOSES.createProfile, at: daysFrom(today, -30) },
    { ...mette, action: 'read' as const, purpose: ACCESS_PURPOSES.viewProfile, at: daysFrom(today, -12) },
    { ...mette, action: 'read' as const, purpose: MATCH_PURPOSES.openingsForCitizen, at: daysFrom(today, -7) },
    {
      ...mette,
      action: 'change' as const,
      purpose: PROPOSAL_PURPOSES.proposed(titleOf(proposed.openingId), companyOf('cafeAaen').name),
      at: proposed.createdAt,
    },
    {
      actorUserId: ids.companyUsers.nordlys ?? null,
      actorRole: 'company' as const,
      organisation: companyOf('nordlys').name,
      action: 'read' as const,
      purpose: PROPOSAL_PURPOSES.companyRead(titleOf(companyAnswered.openingId)),
      at: daysFrom(today, -1),
    },
  ].map((entry) => ({ ...entry, citizenId: citizen.id }));
}

/** The demo logins in the order the start-up lists them. */
export function demoLogins(): DemoLogin[] {
  const demoCitizen = AARHUS_CITIZENS.find((citizen) => citizen.demoLogin);
  return [
    { email: ADMIN.email, role: 'admin', name: ADMIN.name },
    ...(Object.keys(CONSULTANTS) as ConsultantKey[]).map((key) => ({
      email: CONSULTANTS[key].email,
      role: 'consultant' as const,
      name: CONSULTANTS[key].name,
    })),
    ...LEADERS.map((leader) => ({ email: leader.email, role: 'leader' as const, name: leader.name })),
    ...COMPANY_LOGINS.map((login) => ({ email: login.email, role: 'company' as const, name: companyOf(login.company).contact.name })),
    { email: CITIZEN_LOGIN_EMAIL, role: 'citizen', name: demoCitizen?.name ?? '' },
    { email: FLEXJOB_CITIZEN_LOGIN.email, role: 'citizen', name: FLEXJOB_CITIZEN_LOGIN.citizenName },
  ];
}

function atNine(day: string): Date {
  return new Date(`${day}T08:00:00Z`);
}

async function insertDemoAgreements(tx: Executor, ids: Ids, today: Date, allCitizens: CitizenRow[], allOpenings: OpeningRow[]) {
  const day = isoDate(today);
  const onCompany: string[] = [];
  for (const seed of DEMO_AGREEMENTS) {
    const citizen = allCitizens.find((row) => row.name === seed.citizen);
    const opening = allOpenings.find((row) => row.title === seed.title && row.companyId === ids.companies[seed.company]);
    if (!citizen || !opening) throw new Error(`Demo agreement lacks ${seed.citizen} or ${seed.title}`);
    const { start, heldBefore, alsoPlanned } = seed.plan(day);
    const planned = [...new Set([...proposeFollowUpDates(start, opening.kind), ...(alsoPlanned ? [alsoPlanned] : [])])].sort();
    const started = seed.state === 'active' || seed.state === 'ended';
    const held = started ? planned.filter((date) => date < heldBefore && date < day) : [];
    const months = (seed.months ?? []).map((ordinaryHours, index, all) => ({
      month: addMonths(monthOf(day), index - all.length),
      ordinaryHours,
    }));
    const activatedAt = started ? atNine(addDays(start, -3)) : null;
    const citizenConfirmedAt = seed.state === 'awaiting_company' ? atNine(addDays(day, -1)) : activatedAt;
    const companyUser = ids.companyUsers[seed.company] ?? null;
    const agreementId = randomUUID();
    const contact = companyOf(seed.company).contact;
    await tx.insert(agreements).values({
      id: agreementId,
      citizenId: citizen.id,
      companyId: opening.companyId,
      openingId: opening.id,
      status: seed.state === 'awaiting_company' ? 'awaiting_confirmation' : seed.state,
      currentVersion: 1,
      activatedAt,
      goalReachedMonth: firstGoalMonth(months),
      endedAt: seed.state === 'ended' ? atNine(heldBefore) : null,
      endReason: seed.endReason ?? null,
      createdBy: citizen.consultantId,
      createdAt: atNine(addDays(start, -7)),
      updatedAt: atNine(seed.state === 'ended' ? heldBefore : addDays(start, -3)),
    });
    await tx.insert(agreementVersions).values({
      agreementId,
      version: 1,
      ordinaryHoursPerWeek: seed.hours,
      internshipHoursPerWeek: seed.internship ?? 0,
      schedule: opening.schedule,
      startDate: start,
      renegotiationDate: addMonths(start, 3),
      tasks: opening.tasks,
      contactName: contact.name,
      contactRole: contact.role,
      contactPhone: contact.phone,
      contactEmail: contact.email,
      subGoals: seed.subGoal ? [{ description: seed.subGoal, dueDate: addMonths(start, 2) }] : [],
      sharedHealthConsiderations: seed.health ?? '',
      followUpDates: planned,
      companyConfirmedAt: activatedAt ? atNine(addDays(start, -4)) : null,
      companyConfirmedBy: activatedAt ? companyUser : null,
      citizenConfirmedAt,
      createdBy: citizen.consultantId,
      createdAt: atNine(addDays(start, -7)),
    });
    if (held.length > 0) {
      await tx.insert(followUps).values(
        held.map((date, index) => ({
          agreementId,
          contactDate: date,
          plannedDate: date,
          ...CONTACT_SUMMARIES[index % CONTACT_SUMMARIES.length]!,
          createdBy: citizen.consultantId,
          createdAt: atNine(date),
        })),
      );
    }
    if (months.length > 0) {
      const rows = months.map((month, index) => ({
        agreementId,
        month: month.month,
        ordinaryHours: month.ordinaryHours,
        internshipHours: seed.internship ? seed.internship * 4 : 0,
        flexjobHours: 0,
        wageSubsidyHours: 0,
        reportedBy: index % 2 === 0 ? ('company' as const) : ('citizen' as const),
        recordedBy: citizen.consultantId,
      }));
      await tx.insert(monthlyHours).values(rows);
      // Each month's history starts with its first entry, as a month saved through the forms does.
      await tx.insert(monthlyHoursChanges).values(
        rows.map(({ agreementId: id, month, recordedBy, ...after }) => ({ agreementId: id, month, before: null, after, changedBy: recordedBy, changedAt: atNine(addDays(month, 34) < day ? addDays(month, 34) : day) })),
      );
    }
    if (seed.state === 'active') onCompany.push(citizen.id);
  }
  await tx.update(citizens).set({ phase: 'at_company', nextAction: NEXT_ACTION_BY_PHASE.at_company }).where(inArray(citizens.id, onCompany));
}

async function hasAnyUser(executor: Executor): Promise<boolean> {
  const rows = await executor.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

async function insertDemoData(tx: Executor, today: Date, passwordHash: string) {
  const random = createRandom(RANDOM_SEED);
  const ids = newIds();

  await tx.insert(jobcentres).values(
    (Object.keys(JOBCENTRES) as JobcentreKey[]).map((key) => ({ id: ids.jobcentres[key], ...JOBCENTRES[key] })),
  );
  await tx.insert(companies).values(companyRows(ids, random, today));
  await tx.insert(users).values(staffRows(ids, passwordHash));

  const citizenGroups = citizenRows(ids, random, today);
  const allCitizens = [...citizenGroups.aarhus, ...citizenGroups.randers];
  await tx.insert(citizens).values(allCitizens);

  const demoCitizen = citizenGroups.aarhus[AARHUS_CITIZENS.findIndex((citizen) => citizen.demoLogin)];
  if (!demoCitizen) throw new Error('Demo data lacks the citizen behind borger@jobbro.test');
  const flexjobCitizen = citizenGroups.aarhus.find((citizen) => citizen.name === FLEXJOB_CITIZEN_LOGIN.citizenName);
  if (!flexjobCitizen) throw new Error(`Demo data lacks the citizen behind ${FLEXJOB_CITIZEN_LOGIN.email}`);
  const demoUsers = await tx
    .insert(users)
    .values([
      ...companyUserRows(ids, passwordHash),
      {
        email: CITIZEN_LOGIN_EMAIL,
        name: demoCitizen.name,
        phone: demoCitizen.phone,
        passwordHash,
        role: 'citizen',
        citizenId: demoCitizen.id,
        demo: true,
      },
      {
        email: FLEXJOB_CITIZEN_LOGIN.email,
        name: flexjobCitizen.name,
        phone: flexjobCitizen.phone,
        passwordHash,
        role: 'citizen',
        citizenId: flexjobCitizen.id,
        demo: true,
      },
    ])
    .returning({ id: users.id, email: users.email, role: users.role });
  // The demo citizens have MitID already: the try-out's test login (idp/) knows them by these subjects.
  await tx.insert(externalIdentities).values(
    demoUsers
      .filter((user) => user.role === 'citizen')
      .map((user) => ({ userId: user.id, provider: 'mitid' as const, subject: demoSubject(user.email), issuer: 'jobbro-test-idp' })),
  );

  const allOpenings = openingRows(ids, random, today);
  await tx.insert(openings).values(allOpenings);
  await tx.insert(citizenExcludedCompanies).values(excludedCompanyRows(ids, citizenGroups.aarhus));
  const demoProposals = demoProposalRows(ids, today, demoCitizen, allOpenings);
  await tx.insert(matchProposals).values(demoProposals);
  await tx.insert(accessLog).values(demoAccessLogRows(ids, today, demoCitizen, demoProposals, allOpenings));
  await insertDemoAgreements(tx, ids, today, allCitizens, allOpenings);
  // A year of finished work, so the leader's dashboard has figures (db/seed-history.ts).
  await insertDemoHistory(
    tx,
    {
      jobcentreId: ids.jobcentres.aarhus,
      placeOf,
      // Rasmus's closed cases: the first demo consultant's lists, which most stories read, stay as they were.
      consultants: [ids.consultants.rasmus],
      companies: COMPANIES.map((company) => ({ id: ids.companies[company.key], userId: ids.companyUsers[company.key] ?? null, postcode: company.postcode, contact: company.contact })),
    },
    today,
  );

  await tx.insert(searchOutbox).values([
    ...allOpenings.map((opening) => ({ entity: 'opening' as const, entityId: opening.id })),
    ...allCitizens.map((citizen) => ({ entity: 'citizen' as const, entityId: citizen.id })),
  ]);
  // The marks "Socialt ansvarlig virksomhed" the demo history earns (decision 033), measured as the app does.
  for (const companyId of Object.values(ids.companies)) await refreshSocialMarksOfCompany(tx, companyId, today, { reindex: false });
}

/**
 * Whether this start may seed the demo data: the try-out only. `JOBBRO_DEMO=1` asks for it on any database
 * (the e2e tests on PostgreSQL), `JOBBRO_DEMO=0` refuses it also on the embedded PGlite; unset, it is seeded
 * only on the embedded PGlite (no DATABASE_URL), so a real deployment never gets accounts with a public
 * password. Any other value stops the start rather than guess.
 */
export function demoDataWanted(env: Partial<NodeJS.ProcessEnv> = process.env): boolean {
  const asked = env.JOBBRO_DEMO?.trim() ?? '';
  if (asked === '1') return true;
  if (asked === '0') return false;
  if (asked !== '') throw new Error(`JOBBRO_DEMO must be 1 (demo data) or 0 (none), not "${asked}".`);
  return !env.DATABASE_URL;
}

/**
 * Fills an empty database with the demo data, every account marked `demo` (the pages show a "Demo" banner
 * while any exists); a database with any user is left alone. The logins are returned either way.
 */
export async function seedDemoData(database: Database, options: { today: Date }): Promise<SeedResult> {
  const logins = demoLogins();
  if (await hasAnyUser(database)) return { seeded: false, logins };
  // Hashed once, outside the transaction: argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await hasAnyUser(tx)) return false;
    await insertDemoData(tx, options.today, passwordHash);
    return true;
  });
  return { seeded, logins };
}
