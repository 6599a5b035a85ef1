import { randomInt, randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { agreements, citizens, openings } from '../../db/schema';
import { GoneError, NotFoundError } from '../../app/services/errors.server';
import { getPublicOpening, JOB_NO_LONGER_AVAILABLE, searchOpenings, searchOpeningsInDatabase, type JobSearchResult } from '../../app/services/job-search.server';
import { findPostcode } from '../../app/services/postcodes.server';
import { distanceKm } from '../../app/domain/geo';
import {
  DEFAULT_JOB_FILTERS,
  HOURS_BANDS,
  JOB_PAGE_SIZE,
  START_BANDS,
  addDays,
  meetsHoursBand,
  meetsStartBand,
  type JobFilters,
} from '../../app/domain/job-filters';
import { configureSearch, waitForSearchTasks } from '../../search/client';
import { openingDocument } from '../../search/documents';
import { drainOutbox, enqueueSearchSync } from '../../search/outbox';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

const TODAY = '2027-02-15';
const context = { today: TODAY };

/** A word only this file's openings carry (in the company name), so database searches see only our rows. */
const MARKER = Array.from({ length: 10 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;

type Row = typeof openings.$inferSelect;
const ids: Record<'cleaning' | 'packing' | 'kitchen' | 'assistant' | 'closed' | 'paused' | 'full' | 'draft', string> = {
  cleaning: '',
  packing: '',
  kitchen: '',
  assistant: '',
  closed: '',
  paused: '',
  full: '',
  draft: '',
};
let skagenRows: Row[] = [];

function placeOf(postcode: string) {
  const place = findPostcode(postcode)!;
  return { postcode, city: place.city, lat: place.lat, lon: place.lon };
}

let publishedCounter = 0;
function published() {
  publishedCounter += 1;
  return new Date(Date.UTC(2027, 0, 1, 8, publishedCounter));
}

/** Near Aarhus within 50 km: the four open openings of the main set live here (Skagen is far away). */
const nearAarhus: JobFilters = { ...DEFAULT_JOB_FILTERS, postcode: '8000', radiusKm: 50 };

const idsOf = (result: JobSearchResult) => result.hits.map((hit) => hit.id);
const sorted = (values: string[]) => [...values].sort();

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('job_search');
  const company = await insertTestCompany(handle.db, `Jobsøgning ${MARKER} ApS`);
  const jobcentre = await insertTestJobcentre(handle.db);

  const main = {
    cleaning: testOpening(company.id, {
      title: 'Rengøring af kontorer',
      kind: 'ordinary_hours',
      hoursMin: 5,
      hoursMax: 10,
      ...placeOf('8000'),
      demands: ['early_mornings'],
      accommodations: ['extra_breaks'],
      startDate: addDays(TODAY, 7),
      publishedAt: published(),
    }),
    packing: testOpening(company.id, {
      title: 'Pakkeri og forsendelse',
      description: 'Du pakker varer til vores kunder.',
      tasks: ['Pakke ordrer', 'Sætte labels på'],
      kind: 'flexjob',
      flexjobExpectedHours: 12,
      hoursMin: 10,
      hoursMax: 15,
      ...placeOf('8200'),
      demands: ['heavy_lifting', 'prolonged_standing'],
      accommodations: ['extra_breaks', 'gradual_start'],
      startDate: addDays(TODAY, 20),
      publishedAt: published(),
    }),
    kitchen: testOpening(company.id, {
      title: 'Køkkenhjælp i kantinen',
      description: 'Du hjælper i køkkenet og med opvasken.',
      tasks: ['Opvask', 'Anrette salat'],
      kind: 'sheltered_job',
      hoursMin: 3,
      hoursMax: 5,
      ...placeOf('8900'),
      demands: [],
      accommodations: ['quiet_workspace'],
      startDate: addDays(TODAY, 60),
      publishedAt: published(),
    }),
    assistant: testOpening(company.id, {
      title: 'Rengøringsassistent til skole',
      description: 'Du gør skolen ren om eftermiddagen.',
      tasks: ['Gulvvask', 'Tømme skraldespande'],
      kind: 'ordinary_hours',
      hoursMin: 20,
      hoursMax: 30,
      ...placeOf('8210'),
      demands: ['noise'],
      accommodations: [],
      startDate: addDays(TODAY, 3),
      publishedAt: published(),
    }),
  };
  const hidden = {
    closed: testOpening(company.id, { title: 'Rengøring der er lukket', status: 'closed', publishedAt: published() }),
    paused: testOpening(company.id, { title: 'Rengøring på pause', status: 'paused', publishedAt: published() }),
    full: testOpening(company.id, { title: 'Rengøring uden ledige pladser', status: 'open', slots: 1, publishedAt: published() }),
    draft: testOpening(company.id, { title: 'Rengøring som kladde', status: 'draft', publishedAt: null }),
  };
  const inserted = await handle.db.insert(openings).values([...Object.values(main), ...Object.values(hidden)]).returning();
  for (const [index, key] of [...Object.keys(main), ...Object.keys(hidden)].entries()) ids[key as keyof typeof ids] = inserted[index]!.id;

  // The full opening's only slot is held by an active agreement.
  const [citizen] = await handle.db.insert(citizens).values(testCitizen(jobcentre.id)).returning();
  await handle.db.insert(agreements).values({ citizenId: citizen!.id, companyId: company.id, openingId: ids.full, status: 'active' });

  // Far away in Skagen: enough openings to page through, with more distinct hours and start dates than
  // Meilisearch lists per facet (100), so the band counts take their second round trip.
  skagenRows = await handle.db
    .insert(openings)
    .values(
      Array.from({ length: 105 }, (_, index) =>
        testOpening(company.id, {
          title: `Lagerarbejde i Skagen nr. ${index + 1}`,
          description: 'Du hjælper på lageret.',
          tasks: ['Plukke varer'],
          hoursMin: index * 0.25,
          hoursMax: index * 0.25 + 10,
          ...placeOf('9990'),
          demands: [],
          accommodations: [],
          startDate: addDays(TODAY, index - 10),
          publishedAt: published(),
        }),
      ),
    )
    .returning();

  const indexed = [...Object.keys(main).map((key) => ids[key as keyof typeof ids]), ...skagenRows.map((row) => row.id)];
  await enqueueSearchSync(handle.db, 'opening', [...indexed, ids.closed, ids.paused, ids.full, ids.draft]);
  const drained = await drainOutbox({
    db: handle.db,
    client: search.client,
    indexNames: search.indexNames,
    entityIds: [...indexed, ids.closed, ids.paused, ids.full, ids.draft],
  });
  expect(drained.failed).toBe(0);

  // A stale index must not leak either: put the hidden openings' documents in as if a sync had been missed.
  const staleRows = inserted.filter((row) => [ids.closed, ids.paused, ids.full].includes(row.id));
  const staleDocuments = staleRows.map((row) => openingDocument(row, company, row.id === ids.full ? 1 : 0));
  await waitForSearchTasks(search.client, [await search.client.index(search.indexNames.openings).addDocuments(staleDocuments)]);
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

describe('text search', () => {
  it('finds "Rengøring" when the user types "rengoring"', async () => {
    const result = await searchOpenings({ ...nearAarhus, q: 'rengoring' }, context);
    expect(result.source).toBe('meilisearch');
    expect(idsOf(result)).toContain(ids.cleaning);
    expect(idsOf(result)).not.toContain(ids.kitchen);
  });

  it('finds the cleaning assistant through the synonym rengøring/rengøringsassistent', async () => {
    const result = await searchOpenings({ ...nearAarhus, q: 'rengøring' }, context);
    expect(sorted(idsOf(result))).toEqual(sorted([ids.cleaning, ids.assistant]));
  });

  it('lists only openings that match every word', async () => {
    const result = await searchOpenings({ ...nearAarhus, q: 'rengøring skole' }, context);
    expect(idsOf(result)).toEqual([ids.assistant]);
    expect(result.total).toBe(1);
  });

  it('finds "Pakkeri" when the user searches for "lager"', async () => {
    const result = await searchOpenings({ ...nearAarhus, q: 'lager' }, context);
    expect(idsOf(result)).toEqual([ids.packing]);
  });

  it('shows what a card needs, and no internal fields', async () => {
    const result = await searchOpenings({ ...nearAarhus, q: 'pakkeri' }, context);
    const hit = result.hits[0]!;
    expect(hit).toEqual({
      id: ids.packing,
      title: 'Pakkeri og forsendelse',
      kind: 'flexjob',
      companyName: `Jobsøgning ${MARKER} ApS`,
      hoursMin: 10,
      hoursMax: 15,
      city: 'Aarhus N',
      postcode: '8200',
      distanceKm: expect.any(Number),
      startDate: addDays(TODAY, 20),
      accommodations: ['extra_breaks', 'gradual_start'],
      socialMarks: [],
    });
    expect(hit.distanceKm).toBeGreaterThan(5);
    expect(hit.distanceKm).toBeLessThan(8);
  });
});

describe('filters and their counts', () => {
  it('lists everything near Aarhus with counts per choice', async () => {
    const result = await searchOpenings(nearAarhus, context);
    expect(result.total).toBe(4);
    expect(result.facets).toEqual({
      kinds: { ordinary_hours: 2, flexjob: 1, sheltered_job: 1 },
      hours: { upto5: 2, '6to10': 2, '11to20': 2, '21plus': 1 },
      start: { now: 2, month: 3, later: 1 },
      demands: expect.objectContaining({ heavy_lifting: 1, prolonged_standing: 1, early_mornings: 1, noise: 1, cold: 0 }),
      offers: expect.objectContaining({ extra_breaks: 2, gradual_start: 1, quiet_workspace: 1, buddy_mentor: 0 }),
      marked: 0,
    });
  });

  it('filters by kind and still counts the other kinds', async () => {
    const result = await searchOpenings({ ...nearAarhus, kinds: ['flexjob'] }, context);
    expect(idsOf(result)).toEqual([ids.packing]);
    expect(result.total).toBe(1);
    expect(result.facets?.kinds).toEqual({ ordinary_hours: 2, flexjob: 1, sheltered_job: 1 });
    expect(result.facets?.offers).toMatchObject({ extra_breaks: 1, gradual_start: 1, quiet_workspace: 0 });
  });

  it('keeps the openings whose hours meet the band', async () => {
    const result = await searchOpenings({ ...nearAarhus, hours: '6to10' }, context);
    expect(sorted(idsOf(result))).toEqual(sorted([ids.cleaning, ids.packing]));
    expect(result.facets?.hours).toEqual({ upto5: 2, '6to10': 2, '11to20': 2, '21plus': 1 });
    expect(result.facets?.kinds).toEqual({ ordinary_hours: 1, flexjob: 1, sheltered_job: 0 });
  });

  it('leaves out openings with heavy lifting when the user avoids it', async () => {
    const result = await searchOpenings({ ...nearAarhus, avoid: ['heavy_lifting'] }, context);
    expect(sorted(idsOf(result))).toEqual(sorted([ids.cleaning, ids.kitchen, ids.assistant]));
    // The count tells how many avoiding the demand removes, also once it is ticked.
    expect(result.facets?.demands).toMatchObject({ heavy_lifting: 1, noise: 1 });
  });

  it('keeps only openings that offer every accommodation asked for', async () => {
    const both = await searchOpenings({ ...nearAarhus, offers: ['extra_breaks', 'gradual_start'] }, context);
    expect(idsOf(both)).toEqual([ids.packing]);
    const one = await searchOpenings({ ...nearAarhus, offers: ['extra_breaks'] }, context);
    expect(sorted(idsOf(one))).toEqual(sorted([ids.cleaning, ids.packing]));
  });

  it('filters by when the job starts', async () => {
    const soon = await searchOpenings({ ...nearAarhus, start: 'now' }, context);
    expect(sorted(idsOf(soon))).toEqual(sorted([ids.cleaning, ids.assistant]));
    expect(soon.facets?.start).toEqual({ now: 2, month: 3, later: 1 });
    const later = await searchOpenings({ ...nearAarhus, start: 'later' }, context);
    expect(idsOf(later)).toEqual([ids.kitchen]);
  });

  it.each([
    [null, null],
    ['21plus', null],
    [null, 'later'],
  ] as const)(
    'counts bands exactly when there are more distinct hours and dates than a facet lists (hours %s, start %s)',
    async (hours, start) => {
      const skagen: JobFilters = { ...DEFAULT_JOB_FILTERS, postcode: '9990', radiusKm: 5, hours, start };
      const result = await searchOpenings(skagen, context);
      const meetsHours = (row: Row) => hours === null || meetsHoursBand(hours, row);
      const meetsStart = (row: Row) => start === null || meetsStartBand(start, row.startDate, TODAY);
      const expectedHours = Object.fromEntries(
        HOURS_BANDS.map((band) => [band, skagenRows.filter((row) => meetsHoursBand(band, row) && meetsStart(row)).length]),
      );
      const expectedStart = Object.fromEntries(
        START_BANDS.map((band) => [band, skagenRows.filter((row) => meetsStartBand(band, row.startDate, TODAY) && meetsHours(row)).length]),
      );
      expect(result.facets?.hours).toEqual(expectedHours);
      expect(result.facets?.start).toEqual(expectedStart);
      expect(result.total).toBe(skagenRows.filter((row) => meetsHours(row) && meetsStart(row)).length);
    },
  );
});

describe('distance', () => {
  it('keeps openings within 10 km of 8000 and leaves out the one in Randers', async () => {
    const result = await searchOpenings({ ...DEFAULT_JOB_FILTERS, postcode: '8000', radiusKm: 10 }, context);
    expect(sorted(idsOf(result))).toEqual(sorted([ids.cleaning, ids.packing, ids.assistant]));
    expect(result.place).toEqual({ postcode: '8000', city: 'Aarhus C' });
    for (const hit of result.hits) expect(hit.distanceKm).toBeLessThanOrEqual(10);
  });

  it('sorts the nearest first', async () => {
    const result = await searchOpenings({ ...DEFAULT_JOB_FILTERS, postcode: '8900', radiusKm: 50, sort: 'nearest' }, context);
    expect(result.sort).toBe('nearest');
    expect(idsOf(result)[0]).toBe(ids.kitchen);
    expect(result.hits).toHaveLength(4);
    const distances = result.hits.map((hit) => hit.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(1);
  });

  it('sorts the nearest first also with words in the search box', async () => {
    const fromAarhusV: JobFilters = { ...DEFAULT_JOB_FILTERS, q: 'rengøring', postcode: '8210', radiusKm: 50 };
    const nearest = await searchOpenings({ ...fromAarhusV, sort: 'nearest' }, context);
    expect(idsOf(nearest)).toEqual([ids.assistant, ids.cleaning]);
    const newest = await searchOpenings({ ...fromAarhusV, sort: 'newest' }, context);
    expect(idsOf(newest)).toEqual([ids.assistant, ids.cleaning]);
  });

  it('tells when the postcode is unknown and searches without distance', async () => {
    const result = await searchOpenings({ ...DEFAULT_JOB_FILTERS, q: 'forsendelse', postcode: '0999', sort: 'nearest' }, context);
    expect(result.unknownPostcode).toBe(true);
    expect(result.place).toBeNull();
    expect(result.sort).toBe('relevance');
    expect(idsOf(result)).toEqual([ids.packing]);
    expect(result.hits[0]!.distanceKm).toBeNull();
  });
});

describe('pages', () => {
  it('pages through the results without repeating one', async () => {
    const skagen: JobFilters = { ...DEFAULT_JOB_FILTERS, postcode: '9990', radiusKm: 5 };
    const first = await searchOpenings(skagen, context);
    expect(first.total).toBe(105);
    expect(first.pageCount).toBe(Math.ceil(105 / JOB_PAGE_SIZE));
    expect(first.hits).toHaveLength(JOB_PAGE_SIZE);
    const seen = new Set(idsOf(first));
    for (let page = 2; page <= first.pageCount; page++) {
      const next = await searchOpenings({ ...skagen, page }, context);
      expect(next.page).toBe(page);
      for (const id of idsOf(next)) seen.add(id);
    }
    expect(seen.size).toBe(105);
  });

  it('pages nearest first across postcodes: by distance, newest first at the same place, none repeated or left out', async () => {
    // On Bornholm, far from every other opening of this file: three towns, more openings than one page.
    const company = await insertTestCompany(handle.db, `Bornholm ${randomUUID().slice(0, 8)} ApS`);
    const towns = { '3700': 12, '3720': 9, '3730': 7 } as const;
    const rows = await handle.db
      .insert(openings)
      .values(
        Object.entries(towns).flatMap(([postcode, count]) =>
          Array.from({ length: count }, (_, index) =>
            testOpening(company.id, { title: `Havnearbejde ${postcode} nr. ${index + 1}`, ...placeOf(postcode), publishedAt: published() }),
          ),
        ),
      )
      .returning();
    await enqueueSearchSync(handle.db, 'opening', rows.map((row) => row.id));
    await drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds: rows.map((row) => row.id), now: new Date(`${TODAY}T10:00:00Z`) });

    const from = findPostcode('3700')!;
    const distanceTo = (row: Row) => distanceKm(from, findPostcode(row.postcode)!);
    const expected = [...rows]
      .sort((a, b) => distanceTo(a) - distanceTo(b) || a.postcode.localeCompare(b.postcode) || b.publishedAt!.getTime() - a.publishedAt!.getTime())
      .map((row) => row.id);
    const filters: JobFilters = { ...DEFAULT_JOB_FILTERS, postcode: '3700', radiusKm: 50, sort: 'nearest' };
    const first = await searchOpenings(filters, context);
    expect(first.total).toBe(28);
    expect(first.pageCount).toBe(2);
    const second = await searchOpenings({ ...filters, page: 2 }, context);
    expect([...idsOf(first), ...idsOf(second)]).toEqual(expected);
    const distances = [...first.hits, ...second.hits].map((hit) => hit.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect((await searchOpenings({ ...filters, page: 3 }, context)).hits).toEqual([]);
  });

  it('lists the newest first when there are no words to match', async () => {
    const result = await searchOpenings({ ...DEFAULT_JOB_FILTERS, postcode: '9990', radiusKm: 5 }, context);
    expect(result.sort).toBe('newest');
    expect(idsOf(result)[0]).toBe(skagenRows.at(-1)!.id);
  });

  it('gives an empty page past the last one', async () => {
    const result = await searchOpenings({ ...nearAarhus, page: 3 }, context);
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(4);
    expect(result.pageCount).toBe(1);
  });
});

describe('openings that are not open with a free slot', () => {
  const hiddenIds = () => [ids.closed, ids.paused, ids.full, ids.draft];

  it('never appear in search, even when the index is stale', async () => {
    for (const filters of [{ ...DEFAULT_JOB_FILTERS, q: 'rengøring' }, { ...nearAarhus, q: MARKER }, nearAarhus]) {
      const result = await searchOpenings(filters, context);
      for (const id of hiddenIds()) expect(idsOf(result)).not.toContain(id);
    }
  });

  it('never appear in the database fallback', async () => {
    const result = await searchOpeningsInDatabase({ ...DEFAULT_JOB_FILTERS, q: `${MARKER} rengøring` }, context);
    expect(sorted(idsOf(result))).toEqual(sorted([ids.cleaning, ids.assistant]));
  });

  it('have no public page: a once published one says it is no longer available, a draft is unknown', async () => {
    for (const id of [ids.closed, ids.paused, ids.full]) await expect(getPublicOpening(id)).rejects.toThrow(new GoneError(JOB_NO_LONGER_AVAILABLE));
    await expect(getPublicOpening(ids.draft)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicOpening(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicOpening('not-an-id')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the public page of an opening', () => {
  it('shows the opening with company and city, and the contact details only when asked for', async () => {
    const opening = await getPublicOpening(ids.packing);
    expect(opening).toMatchObject({
      id: ids.packing,
      title: 'Pakkeri og forsendelse',
      kind: 'flexjob',
      flexjobExpectedHours: 12,
      companyName: `Jobsøgning ${MARKER} ApS`,
      city: 'Aarhus N',
      freeSlots: 1,
      demands: ['heavy_lifting', 'prolonged_standing'],
      contact: { name: 'Kontakt Person', role: 'Driftsleder', phone: null, email: null },
    });
    for (const internal of ['status', 'companyId', 'createdBy', 'lat', 'lon', 'slots', 'isJobOrder']) expect(opening).not.toHaveProperty(internal);
    const signedIn = await getPublicOpening(ids.packing, { includeContactDetails: true });
    expect(signedIn.contact).toMatchObject({ phone: '+45 87 65 43 21', email: 'drift@firma.test' });
  });
});

describe('when Meilisearch is down', () => {
  async function closedPort() {
    return new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
  }

  it('answers from the database with the same openings and says so', async () => {
    const cases: JobFilters[] = [
      { ...DEFAULT_JOB_FILTERS, q: MARKER, kinds: ['flexjob', 'sheltered_job'] },
      { ...nearAarhus, q: MARKER, kinds: ['ordinary_hours', 'flexjob'] },
      { ...nearAarhus, q: MARKER, hours: '11to20', avoid: ['noise'] },
      { ...nearAarhus, q: MARKER, offers: ['extra_breaks'], start: 'month' },
      { ...DEFAULT_JOB_FILTERS, q: MARKER, postcode: '8000', radiusKm: 10, sort: 'nearest' },
    ];
    const fromMeilisearch = await Promise.all(cases.map((filters) => searchOpenings(filters, context)));

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    configureSearch({ host: `http://127.0.0.1:${await closedPort()}`, apiKey: 'unused', indexNames: search.indexNames });
    try {
      for (const [index, filters] of cases.entries()) {
        const fromDatabase = await searchOpenings(filters, context);
        const expected = fromMeilisearch[index]!;
        expect(fromDatabase.source).toBe('database');
        expect(fromDatabase.facets).toBeNull();
        expect(fromDatabase.total).toBe(expected.total);
        if (filters.sort === 'nearest') expect(idsOf(fromDatabase)).toEqual(idsOf(expected));
        else expect(sorted(idsOf(fromDatabase))).toEqual(sorted(idsOf(expected)));
      }
      expect(warn).toHaveBeenCalled();
    } finally {
      configureSearch({ host: inject('meiliUrl'), apiKey: inject('meiliKey'), indexNames: search.indexNames });
      warn.mockRestore();
    }
  });

  it('folds Danish letters in the database too', async () => {
    const result = await searchOpeningsInDatabase({ ...DEFAULT_JOB_FILTERS, q: `${MARKER} rengoring` }, context);
    expect(sorted(idsOf(result))).toEqual(sorted([ids.cleaning, ids.assistant]));
    const synonym = await searchOpeningsInDatabase({ ...DEFAULT_JOB_FILTERS, q: `${MARKER} lager`, postcode: '8000', radiusKm: 50 }, context);
    expect(idsOf(synonym)).toEqual([ids.packing]);
  });
});
