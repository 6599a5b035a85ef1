/**
 * Matching and proposals against a real database and a real Meilisearch (own index names): the hard filters
 * hold in both engines, the index is re-checked against the rows, the company sees no name until the
 * citizen says yes, and the access log records the searches and the reads.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, citizenExcludedCompanies, citizens, openings, users } from '../../db/schema';
import type { Actor } from '../../app/services/actor';
import { ownProposalState } from '../../app/services/citizen-portal.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import { MATCH_PURPOSES, matchCitizensForOpening, matchOpeningsForCitizen } from '../../app/services/matching.server';
import {
  citizenProposal,
  citizenProposals,
  companyProposal,
  companyProposals,
  DUPLICATE_PROPOSAL,
  PROPOSAL_PURPOSES,
  ProposalRefusedError,
  proposalsForCitizen,
  proposalsForOpening,
  ProposalStateError,
  proposeCitizen,
  respondAsCitizen,
  respondAsCompany,
  withdrawProposal,
} from '../../app/services/proposals.server';
import { configureSearch, searchErrorCode } from '../../search/client';
import { drainOutbox, enqueueSearchSync } from '../../search/outbox';
import { insertTestCompany, placeAt, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { closedLoopbackUrl, openTestSearch } from '../helpers/search';

const TODAY = '2027-03-10';
/** The index was last built nine days ago: a visitation that ran out since is still "flexjob" there. */
const INDEXED_AT = new Date('2027-03-01T10:00:00Z');
/** A word only this run's openings carry: the database is shared with other files and earlier runs. */
const MARKER = `merke${randomUUID().slice(0, 8)}`;

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let consultant: Actor;
let otherConsultant: Actor;
let companyActor: Actor;
let otherCompanyActor: Actor;
let company: { id: string; name: string };
const ids = {} as Record<string, string>;
const openingIds = {} as Record<string, string>;
const names = {} as Record<string, string>;

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

/** The workplace is in Aarhus C (8000); people live at postcodes this far from it. */
const KM_FROM_AARHUS_C = { 0: '8000', 2: '8230', 4: '8260', 20: '8300' } as const;
const kmAway = (km: keyof typeof KM_FROM_AARHUS_C) => placeAt(KM_FROM_AARHUS_C[km]);

function drain(entityIds: string[], now = INDEXED_AT) {
  return drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds, now });
}

async function citizenDocumentOrNull(id: string) {
  try {
    return await search.client.index(search.indexNames.citizens).getDocument(id);
  } catch (error) {
    if (searchErrorCode(error) === 'document_not_found') return null;
    throw error;
  }
}

async function withSearchDown<T>(work: () => Promise<T>): Promise<T> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  configureSearch({ host: await closedLoopbackUrl(), apiKey: 'unused', indexNames: search.indexNames });
  try {
    return await work();
  } finally {
    configureSearch({ host: inject('meiliUrl'), apiKey: inject('meiliKey'), indexNames: search.indexNames });
    warn.mockRestore();
  }
}

const citizenIdsOf = (result: { results: { citizenId: string }[] }) => result.results.map((match) => match.citizenId);
const openingIdsOf = (result: { results: { openingId: string }[] }) => result.results.map((match) => match.openingId);

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('matching');
  const jobcentre = await insertTestJobcentre(handle.db);
  const otherJobcentre = await insertTestJobcentre(handle.db);
  company = await insertTestCompany(handle.db, `Lager Test ${randomUUID().slice(0, 6)} A/S`);
  const otherCompany = await insertTestCompany(handle.db);
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Mette Match');
  otherConsultant = await insertUser('consultant', { jobcentreId: otherJobcentre.id }, 'Lone Match');
  companyActor = await insertUser('company', { companyId: company.id }, 'Bo Lager');
  otherCompanyActor = await insertUser('company', { companyId: otherCompany.id }, 'Pia Andet');

  const flexjob = { benefitStatus: 'flexjob_unemployment' as const, flexjobVisitationUntil: '2027-12-31', restrictions: [], neededAccommodations: [] };
  const people = {
    // Fits the warehouse fleksjob, and its words.
    fit: testCitizen(jobcentre.id, { ...flexjob, name: 'Anna Lagerløft', ...kmAway(2), hoursMin: 10, hoursMax: 15, wishes: 'Lager og pakkeri', competences: ['Plukning med håndscanner'], neededAccommodations: ['extra_breaks'], healthNotes: 'Hjerteproblemer (følsomt)' }),
    // Fits every hard filter but shares no word with the job: still listed, lower.
    fitNoWords: testCitizen(jobcentre.id, { ...flexjob, name: 'Bo Ordløs', ...kmAway(4), hoursMin: 12, hoursMax: 20, reachKm: 10, wishes: 'Noget med dyr', competences: ['Passer heste'] }),
    lifting: testCitizen(jobcentre.id, { ...flexjob, name: 'Carl Ryg', ...kmAway(0), hoursMin: 10, hoursMax: 15, wishes: 'Lager', restrictions: ['heavy_lifting'] }),
    noVisitation: testCitizen(jobcentre.id, { name: 'Dorte Kontant', ...kmAway(0), hoursMin: 10, hoursMax: 15, wishes: 'Lager', restrictions: [] }),
    expired: testCitizen(jobcentre.id, { ...flexjob, name: 'Erik Udløbet', flexjobVisitationUntil: '2027-03-09', ...kmAway(0), hoursMin: 10, hoursMax: 15, wishes: 'Lager' }),
    tooFar: testCitizen(jobcentre.id, { ...flexjob, name: 'Frida Fjern', ...kmAway(20), reachKm: 5, hoursMin: 10, hoursMax: 15, wishes: 'Lager' }),
    wrongHours: testCitizen(jobcentre.id, { ...flexjob, name: 'Gert Få', ...kmAway(0), hoursMin: 1, hoursMax: 5, wishes: 'Lager' }),
    otherJobcentre: testCitizen(otherJobcentre.id, { ...flexjob, name: 'Hanne Randers', ...kmAway(0), hoursMin: 10, hoursMax: 15, wishes: 'Lager og pakkeri' }),
    withdraws: testCitizen(jobcentre.id, { ...flexjob, name: 'Ib Samtykke', ...kmAway(2), hoursMin: 10, hoursMax: 20, wishes: 'Lager' }),
    pensionExcluded: testCitizen(jobcentre.id, { name: 'Jytte Tidligere', benefitStatus: 'disability_pension', ...kmAway(0), hoursMin: 5, hoursMax: 10, wishes: 'Etiketter', restrictions: [] }),
    pension: testCitizen(jobcentre.id, { name: 'Kaj Pension', benefitStatus: 'disability_pension', ...kmAway(0), hoursMin: 5, hoursMax: 10, wishes: 'Etiketter', restrictions: [] }),
  };
  for (const [key, values] of Object.entries(people)) {
    const [row] = await handle.db.insert(citizens).values(values).returning({ id: citizens.id, name: citizens.name });
    ids[key] = row!.id;
    names[key] = row!.name;
  }
  await handle.db.insert(citizenExcludedCompanies).values({ citizenId: ids.pensionExcluded!, companyId: company.id, reason: 'most_recent_employer' });

  const places = {
    warehouse: testOpening(company.id, {
      kind: 'flexjob',
      title: 'Lagermedarbejder i fleksjob',
      tasks: ['Plukke ordrer', 'Pakke paller'],
      hoursMin: 10,
      hoursMax: 20,
      demands: ['heavy_lifting', 'prolonged_standing'],
      accommodations: ['extra_breaks', 'flexible_hours'],
    }),
    sheltered: testOpening(company.id, { kind: 'sheltered_job', title: 'Skånejob med etiketter', tasks: ['Sætte etiketter på'], hoursMin: 5, hoursMax: 10, demands: [] }),
    shelteredElsewhere: testOpening(otherCompany.id, { kind: 'sheltered_job', title: 'Skånejob: etiketter og post', tasks: ['Etiketter'], hoursMin: 5, hoursMax: 10, demands: [] }),
    paused: testOpening(company.id, { kind: 'flexjob', title: 'Lager på pause', hoursMin: 10, hoursMax: 20, demands: [], status: 'paused' }),
  };
  for (const [key, values] of Object.entries(places)) {
    const [row] = await handle.db
      .insert(openings)
      .values({ ...values, tasks: [...(values.tasks ?? []), MARKER] })
      .returning({ id: openings.id });
    openingIds[key] = row!.id;
  }
  await enqueueSearchSync(handle.db, 'citizen', Object.values(ids));
  await enqueueSearchSync(handle.db, 'opening', Object.values(openingIds));
  await drain([...Object.values(ids), ...Object.values(openingIds)]);
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

describe('match from an opening', () => {
  it('finds, for a warehouse fleksjob with heavy lifting, only visitated citizens without a lifting restriction within their reach, ranked and explained', async () => {
    const result = await matchCitizensForOpening(consultant, openingIds.warehouse!, { today: TODAY });
    expect(result.source).toBe('meilisearch');
    expect(result.blockedReason).toBeNull();
    expect(citizenIdsOf(result).sort()).toEqual([ids.fit, ids.withdraws, ids.fitNoWords].sort());
    // The one who shares no word with the job is listed, last.
    expect(result.results.at(-1)!.citizenId).toBe(ids.fitNoWords);
    const scores = result.results.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const fit = result.results.find((match) => match.citizenId === ids.fit)!;
    expect(fit.name).toBe(names.fit);
    // "Plukning" is experience with "Plukke ordrer": a noun made from the verb.
    expect(fit.explanation.summary).toBe(
      'Ønsker lager og pakkeri · Erfaring: plukning med håndscanner · 10–15 t/uge passer (10–20) · 2,2 km · ekstra pauser tilbydes',
    );
    expect(result.results.at(-1)!.explanation.summary).toBe('12–20 t/uge passer (10–20) · 4,2 km');
    expect(JSON.stringify(result)).not.toContain('Hjerteproblemer');
  });

  it('re-checks the index against the rows: a visitation that ran out since indexing is not matched', async () => {
    expect(await citizenDocumentOrNull(ids.expired!)).toMatchObject({ eligibleKinds: expect.arrayContaining(['flexjob']) });
    const result = await matchCitizensForOpening(consultant, openingIds.warehouse!, { today: TODAY });
    expect(citizenIdsOf(result)).not.toContain(ids.expired);
  });

  it('never shows a citizen of another jobcentre, and only consultants may match', async () => {
    const theirs = await matchCitizensForOpening(otherConsultant, openingIds.warehouse!, { today: TODAY });
    expect(citizenIdsOf(theirs)).toEqual([ids.otherJobcentre]);
    await expect(matchCitizensForOpening(companyActor, openingIds.warehouse!, { today: TODAY })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(matchCitizensForOpening(consultant, randomUUID(), { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never shows a skånejob to a citizen whose excluded company it is', async () => {
    const here = await matchCitizensForOpening(consultant, openingIds.sheltered!, { today: TODAY });
    expect(citizenIdsOf(here)).toEqual([ids.pension]);
    const elsewhere = await matchCitizensForOpening(consultant, openingIds.shelteredElsewhere!, { today: TODAY });
    expect(citizenIdsOf(elsewhere).sort()).toEqual([ids.pension, ids.pensionExcluded].sort());
  });

  it('narrows by the consultant’s own words and by a distance', async () => {
    const words = await matchCitizensForOpening(consultant, openingIds.warehouse!, { q: 'håndscanner', today: TODAY });
    expect(citizenIdsOf(words)).toEqual([ids.fit]);
    // Synonyms count: "pakkeri" finds the one who wrote "lager" too.
    const synonym = await matchCitizensForOpening(consultant, openingIds.warehouse!, { q: 'pakkeri', today: TODAY });
    expect(citizenIdsOf(synonym).sort()).toEqual([ids.fit, ids.withdraws].sort());
    const near = await matchCitizensForOpening(consultant, openingIds.warehouse!, { extraFilters: { maxKm: 4 }, today: TODAY });
    expect(citizenIdsOf(near).sort()).toEqual([ids.fit, ids.withdraws].sort());
  });

  it('says why nobody is matched for an opening that is not open', async () => {
    const result = await matchCitizensForOpening(consultant, openingIds.paused!, { today: TODAY });
    expect(result.results).toEqual([]);
    expect(result.blockedReason).toBe('Jobopslaget er sat på pause, så der matches ikke med borgere.');
  });

  it('answers from the database with the same citizens when Meilisearch is down, and says so', async () => {
    const cases = [
      { openingId: openingIds.warehouse!, options: {} },
      { openingId: openingIds.warehouse!, options: { q: 'pakkeri' } },
      { openingId: openingIds.warehouse!, options: { q: 'handscanner' } },
      { openingId: openingIds.warehouse!, options: { extraFilters: { maxKm: 4 } } },
      { openingId: openingIds.sheltered!, options: {} },
      { openingId: openingIds.shelteredElsewhere!, options: {} },
    ];
    const fromMeilisearch: Awaited<ReturnType<typeof matchCitizensForOpening>>[] = [];
    for (const { openingId, options } of cases) fromMeilisearch.push(await matchCitizensForOpening(consultant, openingId, { ...options, today: TODAY }));
    await withSearchDown(async () => {
      for (const [index, { openingId, options }] of cases.entries()) {
        const fromDatabase = await matchCitizensForOpening(consultant, openingId, { ...options, today: TODAY });
        expect(fromDatabase.source).toBe('database');
        expect(citizenIdsOf(fromDatabase).sort()).toEqual(citizenIdsOf(fromMeilisearch[index]!).sort());
      }
    });
  });

  it('drops a citizen who withdraws consent, and the drain takes them out of the index', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.update(citizens).set({ consentToShare: false, consentUpdatedAt: new Date() }).where(eq(citizens.id, ids.withdraws!));
      await enqueueSearchSync(tx, 'citizen', ids.withdraws!);
    });
    // The rows are the truth, so the citizen is gone at once…
    expect(citizenIdsOf(await matchCitizensForOpening(consultant, openingIds.warehouse!, { today: TODAY }))).not.toContain(ids.withdraws);
    // …and from the index after the drain.
    expect(await drain([ids.withdraws!])).toMatchObject({ removed: 1, failed: 0 });
    expect(await citizenDocumentOrNull(ids.withdraws!)).toBeNull();
    expect(citizenIdsOf(await matchCitizensForOpening(consultant, openingIds.warehouse!, { today: TODAY }))).toEqual([ids.fit, ids.fitNoWords]);
  });

  it('writes one search row per citizen returned, with the opening as the purpose', async () => {
    const before = await handle.db.select().from(accessLog).where(eq(accessLog.actorUserId, consultant.id));
    const result = await matchCitizensForOpening(consultant, openingIds.warehouse!, { today: TODAY });
    const after = await handle.db.select().from(accessLog).where(eq(accessLog.actorUserId, consultant.id));
    const added = after.filter((row) => !before.some((old) => old.id === row.id));
    expect(added.map((row) => row.citizenId).sort()).toEqual(citizenIdsOf(result).sort());
    expect(new Set(added.map((row) => `${row.action}|${row.purpose}|${row.actorRole}`))).toEqual(
      new Set([`search|${MATCH_PURPOSES.citizensForOpening('Lagermedarbejder i fleksjob')}|consultant`]),
    );
  });
});

describe('match from a citizen', () => {
  it('finds the openings the citizen could fill, and the same ones in the database', async () => {
    const result = await matchOpeningsForCitizen(consultant, ids.fit!, { today: TODAY });
    expect(result.source).toBe('meilisearch');
    expect(openingIdsOf(result)).toEqual([openingIds.warehouse]);
    expect(result.results[0]).toMatchObject({ title: 'Lagermedarbejder i fleksjob', companyName: company.name, kind: 'flexjob' });
    const fromDatabase = await withSearchDown(() => matchOpeningsForCitizen(consultant, ids.fit!, { q: MARKER, today: TODAY }));
    expect(fromDatabase.source).toBe('database');
    expect(openingIdsOf(fromDatabase)).toEqual([openingIds.warehouse]);
  });

  it('shows a skånejob only where the citizen may hold one', async () => {
    const excluded = await matchOpeningsForCitizen(consultant, ids.pensionExcluded!, { today: TODAY });
    expect(openingIdsOf(excluded)).toEqual([openingIds.shelteredElsewhere]);
    expect(openingIdsOf(await matchOpeningsForCitizen(consultant, ids.pensionExcluded!, { q: MARKER, today: TODAY }))).toEqual([openingIds.shelteredElsewhere]);
    const excludedInDatabase = await withSearchDown(() => matchOpeningsForCitizen(consultant, ids.pensionExcluded!, { q: MARKER, today: TODAY }));
    expect(openingIdsOf(excludedInDatabase)).toEqual([openingIds.shelteredElsewhere]);
    const free = await matchOpeningsForCitizen(consultant, ids.pension!, { today: TODAY });
    expect(openingIdsOf(free).sort()).toEqual([openingIds.sheltered, openingIds.shelteredElsewhere].sort());
  });

  it('narrows by kind and by a distance inside the citizen’s reach, in both engines', async () => {
    const narrowed = (extraFilters: { kinds?: ('flexjob' | 'ordinary_hours' | 'sheltered_job')[]; maxKm?: number }) =>
      matchOpeningsForCitizen(consultant, ids.fit!, { q: MARKER, extraFilters, today: TODAY });
    expect(openingIdsOf(await narrowed({ kinds: ['flexjob'] }))).toEqual([openingIds.warehouse]);
    expect(openingIdsOf(await narrowed({ kinds: ['ordinary_hours'] }))).toEqual([]);
    // A skånejob is not the citizen's to take, so asking for it finds nothing rather than something else.
    expect(openingIdsOf(await narrowed({ kinds: ['sheltered_job'] }))).toEqual([]);
    // The warehouse is 2.2 km away.
    expect(openingIdsOf(await narrowed({ maxKm: 1 }))).toEqual([]);
    expect(openingIdsOf(await narrowed({ maxKm: 3 }))).toEqual([openingIds.warehouse]);
    expect(openingIdsOf(await withSearchDown(() => narrowed({ maxKm: 1 })))).toEqual([]);
    expect(openingIdsOf(await withSearchDown(() => narrowed({ maxKm: 3, kinds: ['flexjob'] })))).toEqual([openingIds.warehouse]);
  });

  it('is for the citizen’s own jobcentre and the citizen; a company is refused', async () => {
    await expect(matchOpeningsForCitizen(otherConsultant, ids.fit!, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(matchOpeningsForCitizen(companyActor, ids.fit!, { today: TODAY })).rejects.toBeInstanceOf(ForbiddenError);
    const self = await insertUser('citizen', { citizenId: ids.fit! }, names.fit!);
    expect(openingIdsOf(await matchOpeningsForCitizen(self, ids.fit!, { today: TODAY }))).toEqual([openingIds.warehouse]);
    await expect(matchOpeningsForCitizen(self, ids.pension!, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    // The citizen's own look is not in the access log; the consultant's is.
    const rows = await handle.db.select().from(accessLog).where(eq(accessLog.citizenId, ids.fit!));
    expect(rows.some((row) => row.actorUserId === self.id)).toBe(false);
    expect(rows.some((row) => row.actorUserId === consultant.id && row.action === 'read' && row.purpose === MATCH_PURPOSES.openingsForCitizen)).toBe(true);
  });
});

describe('proposals', () => {
  it('refuses an ineligible citizen with the reason', async () => {
    const lifting = await proposeCitizen(consultant, { openingId: openingIds.warehouse!, citizenId: ids.lifting! }, { today: TODAY }).catch((error: unknown) => error);
    expect(lifting).toBeInstanceOf(ProposalRefusedError);
    expect((lifting as ProposalRefusedError).reasons).toEqual(['Jobbet indebærer noget, borgeren skal undgå: tunge løft.']);
    const noVisitation = await proposeCitizen(consultant, { openingId: openingIds.warehouse!, citizenId: ids.noVisitation! }, { today: TODAY }).catch((error: unknown) => error);
    expect((noVisitation as ProposalRefusedError).reasons).toEqual(['Fleksjob kræver en visitation til fleksjob, og borgeren er ikke visiteret.']);
    const excluded = await proposeCitizen(consultant, { openingId: openingIds.sheltered!, citizenId: ids.pensionExcluded! }, { today: TODAY }).catch((error: unknown) => error);
    expect((excluded as ProposalRefusedError).reasons[0]).toContain('seneste arbejdsgiver');
    await expect(proposeCitizen(otherConsultant, { openingId: openingIds.warehouse!, citizenId: ids.fit! }, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the name from the company until the citizen says yes, and logs the company’s reads', async () => {
    const { id } = await proposeCitizen(consultant, { openingId: openingIds.warehouse!, citizenId: ids.fit! }, { today: TODAY });
    const duplicate = await proposeCitizen(consultant, { openingId: openingIds.warehouse!, citizenId: ids.fit! }, { today: TODAY }).catch((error: unknown) => error);
    expect((duplicate as ProposalRefusedError).reasons).toEqual([DUPLICATE_PROPOSAL]);

    const listed = (await companyProposals(companyActor)).find((proposal) => proposal.id === id)!;
    expect(listed.candidate).toMatchObject({
      wishes: 'Lager og pakkeri',
      competences: ['Plukning med håndscanner'],
      hoursMin: 10,
      hoursMax: 15,
      accommodations: [{ code: 'extra_breaks', offered: true }],
    });
    expect(listed.identity).toBeNull();
    const seen = JSON.stringify(await companyProposal(companyActor, id));
    for (const secret of [names.fit!, 'Hjerteproblemer', '+45 11 22 33 44', '@jobbro.test']) expect(seen).not.toContain(secret);
    await expect(companyProposal(otherCompanyActor, id)).rejects.toBeInstanceOf(NotFoundError);

    const reads = await handle.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.citizenId, ids.fit!), eq(accessLog.actorUserId, companyActor.id)));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((row) => row.action === 'read' && row.organisation === company.name && row.actorRole === 'company')).toBe(true);
    expect(reads[0]!.purpose).toBe(PROPOSAL_PURPOSES.companyRead('Lagermedarbejder i fleksjob'));

    const citizen = await insertUser('citizen', { citizenId: ids.fit! }, names.fit!);
    const mine = await citizenProposals(citizen);
    expect(mine.map((proposal) => [proposal.id, proposal.companyName, proposal.mayRespond])).toEqual([[id, company.name, true]]);
    expect((await ownProposalState(citizen, id, { language: 'da' })).why?.reasons[0]).toBe('Du ønsker lager og pakkeri');
    expect(await respondAsCitizen(citizen, id, { accept: true })).toMatchObject({ status: 'citizen_accepted' });
    await expect(respondAsCitizen(citizen, id, { accept: false })).rejects.toBeInstanceOf(ProposalStateError);

    const afterYes = await companyProposal(companyActor, id);
    expect(afterYes.identity).toEqual({ name: names.fit, phone: '+45 11 22 33 44', email: expect.stringContaining('@jobbro.test') });
    expect(JSON.stringify(afterYes)).not.toContain('Hjerteproblemer');

    await expect(respondAsCompany(companyActor, id, { accept: false })).rejects.toBeInstanceOf(ProposalStateError);
    await expect(respondAsCompany(otherCompanyActor, id, { accept: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await respondAsCompany(companyActor, id, { accept: true })).toMatchObject({ status: 'accepted' });

    const [forOpening] = (await proposalsForOpening(consultant, openingIds.warehouse!)).filter((proposal) => proposal.id === id);
    expect(forOpening!.citizenName).toBe(names.fit);
    expect(forOpening!.steps.map((step) => step.label)).toEqual(['Foreslået af jobcentret', 'Borgeren sagde ja', 'Virksomheden sagde ja']);
    expect(forOpening!.steps.every((step) => step.at instanceof Date)).toBe(true);
    expect((await proposalsForCitizen(consultant, ids.fit!)).map((proposal) => proposal.status)).toEqual(['accepted']);
    expect(await proposalsForOpening(otherConsultant, openingIds.warehouse!)).toEqual([]);
    await expect(proposalsForCitizen(otherConsultant, ids.fit!)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('takes a company’s no with its reason, and then shows the company nothing more than the summary', async () => {
    const { id } = await proposeCitizen(consultant, { openingId: openingIds.warehouse!, citizenId: ids.fitNoWords! }, { today: TODAY });
    expect(await respondAsCompany(companyActor, id, { accept: false, reason: 'Vi har lige ansat en anden.' })).toMatchObject({ status: 'company_declined' });
    const declined = await companyProposal(companyActor, id);
    expect(declined.identity).toBeNull();
    expect(declined.mayRespond).toBe(false);
    expect(declined.steps.at(-1)).toMatchObject({ label: 'Virksomheden sagde nej', reason: 'Vi har lige ansat en anden.' });
    // After a no, a new proposal for the same pair may be made.
    await expect(proposeCitizen(consultant, { openingId: openingIds.warehouse!, citizenId: ids.fitNoWords! }, { today: TODAY })).resolves.toHaveProperty('id');
  });

  it('lets the consultant withdraw a proposal with a reason the citizen reads and the company does not; then nobody can answer it', async () => {
    const pair = { openingId: openingIds.shelteredElsewhere!, citizenId: ids.pension! };
    const { id } = await proposeCitizen(consultant, pair, { today: TODAY });
    const reason = 'Kaj er blevet syg og kan ikke starte nu.';
    await expect(withdrawProposal(otherConsultant, { proposalId: id, reason })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawProposal(otherCompanyActor, { proposalId: id, reason })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawProposal(consultant, { proposalId: 'ikke-et-id', reason })).rejects.toBeInstanceOf(NotFoundError);
    await withdrawProposal(consultant, { proposalId: id, reason });

    const forCompany = await companyProposal(otherCompanyActor, id);
    expect(forCompany).toMatchObject({ status: 'withdrawn', mayRespond: false, candidate: null, identity: null });
    expect(forCompany.steps.at(-1)).toMatchObject({ label: 'Trukket tilbage af jobcentret', reason: null });
    expect(JSON.stringify(forCompany)).not.toContain('syg');
    await expect(respondAsCompany(otherCompanyActor, id, { accept: true })).rejects.toBeInstanceOf(ProposalStateError);

    const citizen = await insertUser('citizen', { citizenId: ids.pension! }, names.pension!);
    const seen = await citizenProposal(citizen, id);
    expect(seen).toMatchObject({ status: 'withdrawn', mayRespond: false, withdrawnReason: reason });
    expect(seen.steps.at(-1)).toMatchObject({ label: 'Trukket tilbage af jobcentret', reason });
    expect((await citizenProposals(citizen)).map((proposal) => proposal.id)).toContain(id);
    await expect(respondAsCitizen(citizen, id, { accept: true })).rejects.toBeInstanceOf(ProposalStateError);
    await expect(withdrawProposal(consultant, { proposalId: id, reason: 'En gang til.' })).rejects.toBeInstanceOf(ProposalStateError);

    const changes = await handle.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.citizenId, ids.pension!), eq(accessLog.actorUserId, consultant.id), eq(accessLog.action, 'change')));
    expect(changes.map((row) => row.purpose)).toContainEqual(expect.stringMatching(/^Forslag trukket tilbage: Skånejob: etiketter og post hos /));
    // Withdrawn is over: the same citizen may be proposed for the job again.
    await expect(proposeCitizen(consultant, pair, { today: TODAY })).resolves.toHaveProperty('id');
  });
});

describe('reading only the rows of the best hits', () => {
  it('ranks the hits on their documents, reads the best rows first, and reads on while rows fail, so a lagging index costs no results', async () => {
    const jobcentre = await insertTestJobcentre(handle.db);
    const someone = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Rita Række');
    const marker = `postsortering${randomUUID().slice(0, 6)}`;
    const [opening] = await handle.db
      .insert(openings)
      .values(testOpening(company.id, { title: `Sortering af post ${marker}`, tasks: [marker], demands: [], accommodations: [] }))
      .returning({ id: openings.id });
    // Twelve who share the job's words and live at the workplace; two farther out without the words, who
    // rank last on their documents and so sit outside the first rows read (a page of 2 + the margin).
    const best = Array.from({ length: 12 }, (_, index) =>
      testCitizen(jobcentre.id, { name: `Bedst ${index}`, ...kmAway(0), wishes: `Sortering af post ${marker}`, competences: [], restrictions: [] }),
    );
    const farther = Array.from({ length: 2 }, (_, index) =>
      testCitizen(jobcentre.id, { name: `Længere ${index}`, ...kmAway(4), wishes: 'Noget med dyr', competences: [], restrictions: [] }),
    );
    const bestIds = (await handle.db.insert(citizens).values(best).returning({ id: citizens.id })).map((row) => row.id);
    const fartherIds = (await handle.db.insert(citizens).values(farther).returning({ id: citizens.id })).map((row) => row.id);
    await enqueueSearchSync(handle.db, 'citizen', [...bestIds, ...fartherIds]);
    await enqueueSearchSync(handle.db, 'opening', [opening!.id]);
    await drain([...bestIds, ...fartherIds, opening!.id]);

    const first = await matchCitizensForOpening(someone, opening!.id, { today: TODAY, limit: 2 });
    expect(first.results).toHaveLength(2);
    for (const id of citizenIdsOf(first)) expect(bestIds).toContain(id);

    // All twelve withdraw their consent; the index has not heard it yet.
    await handle.db.update(citizens).set({ consentToShare: false }).where(inArray(citizens.id, bestIds));
    const before = await handle.db.select({ id: accessLog.id }).from(accessLog).where(eq(accessLog.actorUserId, someone.id));
    const second = await matchCitizensForOpening(someone, opening!.id, { today: TODAY, limit: 2 });
    expect(second.source).toBe('meilisearch');
    expect(citizenIdsOf(second).sort()).toEqual([...fartherIds].sort());
    // Only the two shown are in the access log for that search.
    const logged = await handle.db.select().from(accessLog).where(eq(accessLog.actorUserId, someone.id));
    const added = logged.filter((row) => !before.some((old) => old.id === row.id));
    expect(added.map((row) => row.citizenId).sort()).toEqual([...fartherIds].sort());
  });

  it('does the same from a citizen: the best openings by their documents, then the next while rows fail', async () => {
    // Openings are every company's: the search for this run's word keeps other tests' openings out.
    const marker = `avisbud${randomUUID().slice(0, 6)}`;
    const someone = testCitizen(consultant.jobcentreId!, { name: 'Otto Omdeler', ...kmAway(0), wishes: `Avisbud ${marker}`, competences: [], restrictions: [], hoursMin: 5, hoursMax: 10 });
    const [citizen] = await handle.db.insert(citizens).values(someone).returning({ id: citizens.id });
    const near = Array.from({ length: 12 }, () => testOpening(company.id, { title: `Avisbud ${marker}`, tasks: [marker], demands: [], accommodations: [] }));
    const far = Array.from({ length: 2 }, () => testOpening(company.id, { title: 'Noget helt andet', tasks: ['Sortere skruer', marker], ...kmAway(4), demands: [], accommodations: [] }));
    const nearIds = (await handle.db.insert(openings).values(near).returning({ id: openings.id })).map((row) => row.id);
    const farIds = (await handle.db.insert(openings).values(far).returning({ id: openings.id })).map((row) => row.id);
    await enqueueSearchSync(handle.db, 'opening', [...nearIds, ...farIds]);
    await enqueueSearchSync(handle.db, 'citizen', [citizen!.id]);
    await drain([...nearIds, ...farIds, citizen!.id]);

    const first = await matchOpeningsForCitizen(consultant, citizen!.id, { q: marker, today: TODAY, limit: 2 });
    for (const id of openingIdsOf(first)) expect(nearIds).toContain(id);

    // The twelve are paused; the index has not heard it yet.
    await handle.db.update(openings).set({ status: 'paused' }).where(inArray(openings.id, nearIds));
    const second = await matchOpeningsForCitizen(consultant, citizen!.id, { q: marker, today: TODAY, limit: 2 });
    expect(second.source).toBe('meilisearch');
    expect(openingIdsOf(second).sort()).toEqual([...farIds].sort());
  });
});

describe('ranking the obvious candidate first, and a required driving licence (issue 14, decision 021)', () => {
  it('puts the citizen who wishes the work, has done it and lives next door first, in both engines', async () => {
    const jobcentre = await insertTestJobcentre(handle.db);
    const someone = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Ole Opvask');
    const [bakery] = await handle.db
      .insert(openings)
      .values(testOpening(company.id, { title: 'Opvask og oprydning i bageriet', tasks: ['Opvask af bageplader', 'Feje gulv'], hoursMin: 5, hoursMax: 15, demands: [], accommodations: [] }))
      .returning({ id: openings.id });
    // Many who fit every filter comfortably but want and know something else, near and far.
    const others = Array.from({ length: 8 }, (_, index) =>
      testCitizen(jobcentre.id, { name: `Anden ${index}`, ...kmAway(index % 2 === 0 ? 2 : 4), reachKm: 10, hoursMin: 10, hoursMax: 10, wishes: 'Butik eller lager', competences: ['Kasseekspedition'], restrictions: [], neededAccommodations: [] }),
    );
    const obvious = testCitizen(jobcentre.id, {
      name: 'Oda Opvasker',
      ...kmAway(0),
      hoursMin: 12,
      hoursMax: 20,
      wishes: 'Opvask, gerne i et køkken',
      competences: ['Opvask på hotel i to år'],
      restrictions: [],
      neededAccommodations: ['quiet_workspace', 'buddy_mentor'],
    });
    const otherIds = (await handle.db.insert(citizens).values(others).returning({ id: citizens.id })).map((row) => row.id);
    const [oda] = await handle.db.insert(citizens).values(obvious).returning({ id: citizens.id });
    await enqueueSearchSync(handle.db, 'citizen', [...otherIds, oda!.id]);
    await enqueueSearchSync(handle.db, 'opening', [bakery!.id]);
    await drain([...otherIds, oda!.id, bakery!.id]);

    const found = await matchCitizensForOpening(someone, bakery!.id, { today: TODAY });
    expect(found.source).toBe('meilisearch');
    expect(citizenIdsOf(found)[0]).toBe(oda!.id);
    expect(found.results[0]!.explanation.summary).toMatch(/^Ønsker opvask · Erfaring: opvask på hotel i to år/);
    const fallback = await withSearchDown(() => matchCitizensForOpening(someone, bakery!.id, { today: TODAY }));
    expect(fallback.source).toBe('database');
    expect(citizenIdsOf(fallback)[0]).toBe(oda!.id);
  });

  it('shows a citizen without the licence a job requires, after the same citizen with one, and says so, in both engines', async () => {
    const jobcentre = await insertTestJobcentre(handle.db);
    const someone = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Kim Kørsel');
    const [delivery] = await handle.db
      .insert(openings)
      .values(testOpening(company.id, { title: 'Udbringning af varer', tasks: ['Køre varer ud til kunder'], drivingLicenceRequired: true, demands: [], accommodations: [] }))
      .returning({ id: openings.id });
    const driver = { ...kmAway(2), wishes: 'Udbringning', competences: ['Kørt varer ud for et bageri'], restrictions: [], neededAccommodations: [] };
    const [licensed, unlicensed] = await handle.db
      .insert(citizens)
      .values([
        testCitizen(jobcentre.id, { name: 'Lis Kørekort', ...driver, drivingLicence: true }),
        testCitizen(jobcentre.id, { name: 'Uffe Uden', ...driver, drivingLicence: false }),
      ])
      .returning({ id: citizens.id });
    await enqueueSearchSync(handle.db, 'citizen', [licensed!.id, unlicensed!.id]);
    await enqueueSearchSync(handle.db, 'opening', [delivery!.id]);
    await drain([licensed!.id, unlicensed!.id, delivery!.id]);
    expect(await search.client.index(search.indexNames.openings).getDocument(delivery!.id)).toMatchObject({ drivingLicenceRequired: true });

    for (const answer of [
      await matchCitizensForOpening(someone, delivery!.id, { today: TODAY }),
      await withSearchDown(() => matchCitizensForOpening(someone, delivery!.id, { today: TODAY })),
    ]) {
      expect(citizenIdsOf(answer)).toEqual([licensed!.id, unlicensed!.id]);
      expect(answer.results[0]!.explanation.summary).toContain('Har kørekort');
      expect(answer.results[1]!.explanation.missing).toContain('Har ikke kørekort, som jobbet kræver');
    }

    // From the citizen without: the job is there, with the reason, below an otherwise equal one without the requirement.
    const marker = `budtjans${randomUUID().slice(0, 6)}`;
    const [withLicence, withoutLicence] = await handle.db
      .insert(openings)
      .values([
        testOpening(company.id, { title: `Udbringning ${marker}`, tasks: [marker], drivingLicenceRequired: true, demands: [], accommodations: [] }),
        testOpening(company.id, { title: `Udbringning ${marker}`, tasks: [marker], drivingLicenceRequired: false, demands: [], accommodations: [] }),
      ])
      .returning({ id: openings.id });
    await enqueueSearchSync(handle.db, 'opening', [withLicence!.id, withoutLicence!.id]);
    await drain([withLicence!.id, withoutLicence!.id]);
    for (const answer of [
      await matchOpeningsForCitizen(someone, unlicensed!.id, { q: marker, today: TODAY }),
      await withSearchDown(() => matchOpeningsForCitizen(someone, unlicensed!.id, { q: marker, today: TODAY })),
    ]) {
      expect(openingIdsOf(answer)).toEqual([withoutLicence!.id, withLicence!.id]);
      expect(answer.results[1]!.explanation.missing).toContain('Har ikke kørekort, som jobbet kræver');
    }
  });
});
