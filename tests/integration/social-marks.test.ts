/**
 * The mark "Socialt ansvarlig virksomhed" (decision 033) against the real database and the real Meilisearch:
 * a company earns it when its confirmation starts its first agreement; a company that answered a proposal too
 * late misses it, and sees what is missing; the leader grants and withdraws it by hand with the reasons kept,
 * and changes the thresholds; only the leader of the company's own jobcentre may (404 for another jobcentre's,
 * 403 for a company or a consultant); the mark reaches the opening documents through the outbox, and /jobs
 * filters on it in Meilisearch and in the database fallback alike.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { agreements, agreementVersions, citizens, matchProposals, openings, socialMarks, users } from '../../db/schema';
import { addWorkingDays } from '../../app/domain/danish-holidays';
import { addDays, toIsoDate } from '../../app/domain/format';
import { DEFAULT_JOB_FILTERS, type JobFilters } from '../../app/domain/job-filters';
import type { Actor } from '../../app/services/actor';
import { confirmAgreement } from '../../app/services/agreements.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import { searchOpenings, searchOpeningsInDatabase } from '../../app/services/job-search.server';
import { respondAsCompany } from '../../app/services/proposals.server';
import {
  companySocialMarkForLeader,
  companySocialMarkProgress,
  decideSocialMark,
  refreshAllSocialMarks,
  socialMarkCertificate,
  socialMarkOverview,
  updateSocialMarkThresholds,
} from '../../app/services/social-marks.server';
import { DEFAULT_SOCIAL_MARK_THRESHOLDS } from '../../app/domain/social-mark';
import { drainOutbox, enqueueSearchSync } from '../../search/outbox';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let jobcentreName: string;
let leader: Actor;
let otherLeader: Actor;
let consultant: Actor;
let earner: { actor: Actor; companyId: string; openingId: string; agreementId: string };
let misser: { actor: Actor; companyId: string; openingId: string; proposalId: string };
/** A word only this file's openings hold, so the shared database's other openings stay out of the searches. */
const TOKEN = `maerke${randomUUID().slice(0, 6)}`;
const today = toIsoDate(new Date());

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

/** An agreement as the consultant sends it for confirmation: the citizen has confirmed, the company not yet. */
async function agreementAwaitingCompany(companyId: string, openingId: string, citizenId: string) {
  const start = addDays(today, 14);
  const [agreement] = await handle.db
    .insert(agreements)
    .values({ citizenId, companyId, openingId, status: 'awaiting_confirmation', createdBy: consultant.id })
    .returning({ id: agreements.id });
  await handle.db.insert(agreementVersions).values({
    agreementId: agreement!.id,
    version: 1,
    ordinaryHoursPerWeek: 6,
    schedule: { days: ['mon'], parts: ['morning'] },
    startDate: start,
    tasks: ['Støvsugning'],
    contactName: 'Kontakt Person',
    contactRole: 'Driftsleder',
    followUpDates: [addDays(start, 7), addDays(start, 35)],
    citizenConfirmedAt: new Date(),
  });
  return agreement!.id;
}

async function companyWithOpening(jobcentreId: string, name: string) {
  const company = await insertTestCompany(handle.db, `${name} ${TOKEN}`);
  const actor = await insertUser('company', { companyId: company.id }, `Kontakt hos ${name}`);
  const [opening] = await handle.db
    .insert(openings)
    .values(testOpening(company.id, { slots: 3, title: `Rengøring ${TOKEN}`, startDate: addDays(today, 20) }))
    .returning({ id: openings.id });
  // Published, as the openings service announces it to search.
  await enqueueSearchSync(handle.db, 'opening', opening!.id);
  const [citizen] = await handle.db.insert(citizens).values(testCitizen(jobcentreId, { consultantId: consultant.id })).returning({ id: citizens.id });
  return { actor, companyId: company.id, openingId: opening!.id, citizenId: citizen!.id };
}

async function held(companyId: string): Promise<boolean> {
  const [row] = await handle.db.select({ held: socialMarks.held }).from(socialMarks).where(eq(socialMarks.companyId, companyId));
  return row?.held ?? false;
}

async function openingDocument(openingId: string) {
  await drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames });
  return search.client.index(search.indexNames.openings).getDocument(openingId);
}

const markedSearch: JobFilters = { ...DEFAULT_JOB_FILTERS, q: TOKEN, marked: true };
const titlesOf = (result: { hits: { companyName: string }[] }) => result.hits.map((hit) => hit.companyName).sort();

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('social_marks');
  const jobcentre = await insertTestJobcentre(handle.db);
  const otherJobcentre = await insertTestJobcentre(handle.db);
  jobcentreName = jobcentre.name;
  leader = await insertUser('leader', { jobcentreId: jobcentre.id }, 'Hanne Leder');
  otherLeader = await insertUser('leader', { jobcentreId: otherJobcentre.id }, 'Lone Anden Leder');
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Mette Konsulent');

  const first = await companyWithOpening(jobcentre.id, 'Fortjener');
  earner = { ...first, agreementId: await agreementAwaitingCompany(first.companyId, first.openingId, first.citizenId) };

  // Active for two months (an agreement started), and a proposal put to it 15 working days ago, not answered.
  const second = await companyWithOpening(jobcentre.id, 'Glemmer');
  const [started] = await handle.db
    .insert(agreements)
    .values({ citizenId: second.citizenId, companyId: second.companyId, openingId: second.openingId, status: 'active', activatedAt: new Date(Date.now() - 60 * 86_400_000) })
    .returning({ id: agreements.id });
  await handle.db.insert(agreementVersions).values({
    agreementId: started!.id,
    version: 1,
    ordinaryHoursPerWeek: 6,
    schedule: { days: ['mon'], parts: ['morning'] },
    startDate: addDays(today, -58),
    tasks: ['Støvsugning'],
    contactName: 'Kontakt Person',
    contactRole: 'Driftsleder',
    followUpDates: [addDays(today, 30)],
  });
  const [proposedCitizen] = await handle.db.insert(citizens).values(testCitizen(jobcentre.id, { consultantId: consultant.id })).returning({ id: citizens.id });
  const proposedOn = addWorkingDays(today, -15);
  const [proposal] = await handle.db
    .insert(matchProposals)
    .values({ openingId: second.openingId, citizenId: proposedCitizen!.id, proposedBy: consultant.id, status: 'proposed', createdAt: new Date(`${proposedOn}T09:00:00Z`) })
    .returning({ id: matchProposals.id });
  misser = { ...second, proposalId: proposal!.id };
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

describe('a company that earns the mark', () => {
  it('sees on its page that one agreement is missing, and earns the mark when its confirmation starts it', async () => {
    const [before] = await companySocialMarkProgress(earner.actor);
    expect(before).toMatchObject({ jobcentreName, held: false, metCount: 2, title: `Socialt ansvarlig virksomhed – ${jobcentreName}` });
    expect(before!.criteria.find((criterion) => !criterion.met)).toMatchObject({ code: 'agreements', missing: '1 aftale mere skal starte.' });
    await expect(socialMarkCertificate(earner.actor, before!.jobcentreId)).rejects.toBeInstanceOf(NotFoundError);

    await confirmAgreement(earner.actor, earner.agreementId);

    const [after] = await companySocialMarkProgress(earner.actor);
    expect(after).toMatchObject({ held: true, metCount: 3, handDecision: null });
    expect(await socialMarkCertificate(earner.actor, after!.jobcentreId)).toMatchObject({ title: `Socialt ansvarlig virksomhed – ${jobcentreName}` });
    const { history } = await companySocialMarkForLeader(leader, earner.companyId);
    expect(history.map((entry) => entry.kind)).toEqual(['earned']);
    // The hourly sweep measures the same and changes nothing.
    expect(await refreshAllSocialMarks()).toBeGreaterThanOrEqual(2);
    expect(await held(earner.companyId)).toBe(true);
    expect((await companySocialMarkForLeader(leader, earner.companyId)).history).toHaveLength(1);
  });

  it('carries the mark into its openings’ search documents, with no personal data', async () => {
    const document = await openingDocument(earner.openingId);
    expect(document).toMatchObject({ sociallyResponsible: true, socialMarks: [jobcentreName] });
    expect(JSON.stringify(document)).not.toContain('Følsomt');
    expect(JSON.stringify(document)).not.toContain('Kontakt hos');
  });
});

describe('a company that misses one criterion', () => {
  it('is told that proposals must be answered in time, and an answer after 10 working days does not count', async () => {
    const [progress] = await companySocialMarkProgress(misser.actor);
    expect(progress).toMatchObject({ held: false, metCount: 2 });
    expect(progress!.criteria.find((criterion) => !criterion.met)).toMatchObject({
      code: 'proposals',
      measured: '0 af 1 besvaret i tide (0 %)',
      missing: 'Svar på de næste forslag inden for 10 arbejdsdage.',
    });
    await respondAsCompany(misser.actor, misser.proposalId, { accept: true });
    expect(await held(misser.companyId)).toBe(false);
    expect((await openingDocument(misser.openingId)) as unknown).toMatchObject({ sociallyResponsible: false, socialMarks: [] });
  });
});

describe('/jobs filters on the mark in both engines', () => {
  it('lists only the openings of companies with the mark, in Meilisearch and in the database alike', async () => {
    await drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames });
    const inMeilisearch = await searchOpenings(markedSearch, { today });
    expect(inMeilisearch.source).toBe('meilisearch');
    expect(titlesOf(inMeilisearch)).toEqual([`Fortjener ${TOKEN}`]);
    expect(inMeilisearch.hits[0]!.socialMarks).toEqual([jobcentreName]);
    const inDatabase = await searchOpeningsInDatabase(markedSearch, { today });
    expect(titlesOf(inDatabase)).toEqual(titlesOf(inMeilisearch));
    expect(inDatabase.hits[0]!.socialMarks).toEqual([jobcentreName]);
    // Without the filter both companies are found, and the count says how many the filter would keep.
    const all = await searchOpenings({ ...markedSearch, marked: false }, { today });
    expect(titlesOf(all)).toEqual([`Fortjener ${TOKEN}`, `Glemmer ${TOKEN}`]);
    expect(all.facets?.marked).toBe(1);
  });
});

describe('the leader grants and withdraws the mark by hand', () => {
  it('grants it with a reason, withdraws it with another, and keeps both in the history', async () => {
    await decideSocialMark(leader, misser.companyId, { decision: 'granted', reason: 'Svarede sent pga. sygdom, men tager mange borgere ind.' });
    expect(await held(misser.companyId)).toBe(true);
    expect(await openingDocument(misser.openingId)).toMatchObject({ sociallyResponsible: true });
    expect(titlesOf(await searchOpenings(markedSearch, { today }))).toEqual([`Fortjener ${TOKEN}`, `Glemmer ${TOKEN}`]);

    await decideSocialMark(leader, misser.companyId, { decision: 'withdrawn', reason: 'Aftalen med jobcentret er ikke overholdt.' });
    expect(await held(misser.companyId)).toBe(false);
    const { history, progress } = await companySocialMarkForLeader(leader, misser.companyId);
    expect(progress.handDecision).toBe('withdrawn');
    expect(history.map(({ kind, reason, byName }) => ({ kind, reason, byName }))).toEqual([
      { kind: 'withdrawn', reason: 'Aftalen med jobcentret er ikke overholdt.', byName: 'Hanne Leder' },
      { kind: 'granted', reason: 'Svarede sent pga. sygdom, men tager mange borgere ind.', byName: 'Hanne Leder' },
    ]);
    expect(await openingDocument(misser.openingId)).toMatchObject({ sociallyResponsible: false });
  });

  it('lets the criteria decide again, and new thresholds measure every company at once', async () => {
    await decideSocialMark(leader, misser.companyId, { decision: 'criteria', reason: 'Tilbage til kriterierne.' });
    expect(await held(misser.companyId)).toBe(false);
    await updateSocialMarkThresholds(leader, { ...DEFAULT_SOCIAL_MARK_THRESHOLDS, proposalsAnsweredPercent: 0 });
    expect(await held(misser.companyId)).toBe(true);
    const overview = await socialMarkOverview(leader);
    expect(overview.thresholds.proposalsAnsweredPercent).toBe(0);
    expect(overview.companies.filter((row) => row.name.endsWith(TOKEN)).map((row) => [row.name, row.held])).toEqual([
      [`Fortjener ${TOKEN}`, true],
      [`Glemmer ${TOKEN}`, true],
    ]);
    await updateSocialMarkThresholds(leader, DEFAULT_SOCIAL_MARK_THRESHOLDS);
    expect(await held(misser.companyId)).toBe(false);
  });
});

describe('who may', () => {
  it('answers a leader of another jobcentre as if the company did not exist, and refuses companies and consultants', async () => {
    await expect(companySocialMarkForLeader(otherLeader, earner.companyId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideSocialMark(otherLeader, earner.companyId, { decision: 'withdrawn', reason: 'Forsøg udefra.' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(companySocialMarkForLeader(leader, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(companySocialMarkForLeader(earner.actor, earner.companyId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(companySocialMarkForLeader(consultant, earner.companyId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSocialMarkThresholds(consultant, DEFAULT_SOCIAL_MARK_THRESHOLDS)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(companySocialMarkProgress(leader)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await held(earner.companyId)).toBe(true);
    expect((await companySocialMarkForLeader(leader, earner.companyId)).history.map((entry) => entry.kind)).toEqual(['earned']);
  });
});
