/**
 * One table of cases for the hard filters that run in three engines (decision 029): each rule's description
 * in app/domain/hard-filters.ts is judged in code, sent to the real Meilisearch (search/filters.ts) and run
 * in the real database (app/services/sql-filters.server.ts), and the domain's own helpers that state the
 * same rule (conflictingDemands, isOpenWithFreeSlot, hoursOverlap) must agree. So must the two Danish
 * foldings: foldDanish in code and foldSql in the database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { foldDanish } from '../../app/domain/danish-words';
import {
  OPEN_WITH_FREE_SLOT,
  SOCIALLY_RESPONSIBLE,
  allOf,
  citizenAvoidsNoneOf,
  holds,
  hoursOverlapWith,
  isOpenWithFreeSlot,
  openingAvoids,
  type CitizenFilterField,
  type Filter,
  type OpeningFilterField,
} from '../../app/domain/hard-filters';
import { conflictingDemands, hoursOverlap } from '../../app/domain/matching';
import type { Demand } from '../../app/domain/vocabulary';
import { foldSql, sqlOf, type SqlField } from '../../app/services/sql-filters.server';
import { waitForSearchTasks } from '../../search/client';
import { meiliFilterOf } from '../../search/filters';
import { openTestDatabase } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

type OpeningCase = { id: string; status: string; freeSlots: number; demands: Demand[]; hoursMin: number; hoursMax: number; sociallyResponsible: boolean };
type CitizenCase = { id: string; restrictions: Demand[]; hoursMin: number; hoursMax: number };

const OPENINGS: OpeningCase[] = [
  { id: 'open_free', status: 'open', freeSlots: 2, demands: [], hoursMin: 5, hoursMax: 10, sociallyResponsible: true },
  { id: 'open_full', status: 'open', freeSlots: 0, demands: ['heavy_lifting'], hoursMin: 1, hoursMax: 3, sociallyResponsible: false },
  { id: 'paused_free', status: 'paused', freeSlots: 1, demands: ['noise', 'cold'], hoursMin: 10, hoursMax: 15, sociallyResponsible: true },
  { id: 'filled', status: 'filled', freeSlots: 0, demands: ['night_work'], hoursMin: 12, hoursMax: 12, sociallyResponsible: false },
  { id: 'lifting', status: 'open', freeSlots: 1, demands: ['heavy_lifting', 'prolonged_standing'], hoursMin: 8, hoursMax: 8, sociallyResponsible: false },
  { id: 'noisy_cold', status: 'open', freeSlots: 3, demands: ['cold', 'noise'], hoursMin: 15, hoursMax: 25, sociallyResponsible: true },
];

const CITIZENS: CitizenCase[] = [
  { id: 'no_limits', restrictions: [], hoursMin: 5, hoursMax: 10 },
  { id: 'no_lifting', restrictions: ['heavy_lifting'], hoursMin: 8, hoursMax: 8 },
  { id: 'no_noise_no_cold', restrictions: ['noise', 'cold'], hoursMin: 12, hoursMax: 20 },
  { id: 'no_driving', restrictions: ['driving'], hoursMin: 1, hoursMax: 4 },
];

const AVOIDED: Demand[][] = [[], ['heavy_lifting'], ['noise'], ['cold', 'night_work'], ['driving'], ['heavy_lifting', 'noise', 'cold']];
const HOURS = [
  { hoursMin: 8, hoursMax: 8 },
  { hoursMin: 1, hoursMax: 4 },
  { hoursMin: 10, hoursMax: 12 },
  { hoursMin: 26, hoursMax: 30 },
];

const OPENING_RULES: { name: string; filter: Filter<OpeningFilterField>; inCode: (opening: OpeningCase) => boolean }[] = [
  { name: 'open with a free slot', filter: OPEN_WITH_FREE_SLOT, inCode: isOpenWithFreeSlot },
  ...AVOIDED.map((avoided) => ({
    name: `avoid ${avoided.join(', ') || 'nothing'}`,
    filter: allOf(openingAvoids(avoided)),
    inCode: (opening: OpeningCase) => conflictingDemands(avoided, opening.demands).length === 0,
  })),
  ...HOURS.map((hours) => ({
    name: `hours overlap ${hours.hoursMin}–${hours.hoursMax}`,
    filter: hoursOverlapWith(hours),
    inCode: (opening: OpeningCase) => hoursOverlap({ min: opening.hoursMin, max: opening.hoursMax }, { min: hours.hoursMin, max: hours.hoursMax }) !== null,
  })),
  {
    name: 'the company holds the mark "Socialt ansvarlig virksomhed"',
    filter: SOCIALLY_RESPONSIBLE,
    inCode: (opening) => opening.sociallyResponsible,
  },
  {
    name: 'open, free, a company with the mark',
    filter: allOf(OPEN_WITH_FREE_SLOT, SOCIALLY_RESPONSIBLE),
    inCode: (opening) => isOpenWithFreeSlot(opening) && opening.sociallyResponsible,
  },
  {
    name: 'open, free, avoiding lifting, overlapping 8–8',
    filter: allOf(OPEN_WITH_FREE_SLOT, openingAvoids(['heavy_lifting']), hoursOverlapWith({ hoursMin: 8, hoursMax: 8 })),
    inCode: (opening) => isOpenWithFreeSlot(opening) && !opening.demands.includes('heavy_lifting') && opening.hoursMin <= 8 && opening.hoursMax >= 8,
  },
];

const CITIZEN_RULES: { name: string; filter: Filter<CitizenFilterField>; inCode: (citizen: CitizenCase) => boolean }[] = AVOIDED.map((demands) => ({
  name: `an opening demanding ${demands.join(', ') || 'nothing'}`,
  filter: allOf(citizenAvoidsNoneOf(demands)),
  inCode: (citizen: CitizenCase) => conflictingDemands(citizen.restrictions, demands).length === 0,
}));

const column = (name: string): SqlField => ({ value: sql.raw(`t.${name}`) });
const listColumn = (name: string): SqlField => ({ value: sql.raw(`t.${name}`), list: true });

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('hard_filters');
  await waitForSearchTasks(search.client, [
    await search.client.index(search.indexNames.openings).addDocuments(OPENINGS, { primaryKey: 'id' }),
    await search.client.index(search.indexNames.citizens).addDocuments(CITIZENS, { primaryKey: 'id' }),
  ]);
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

async function idsInMeilisearch(indexUid: string, filter: Filter): Promise<string[]> {
  const result = await search.client.index(indexUid).search('', { filter: meiliFilterOf(filter), limit: 100, attributesToRetrieve: ['id'] });
  return result.hits.map((hit) => String(hit.id)).sort();
}

async function idsInDatabase(rows: SQL, columns: string, where: SQL): Promise<string[]> {
  const result = await handle.db.execute(sql`select t.id from (values ${rows}) as t(${sql.raw(columns)}) where ${where}`);
  return rowsOf<{ id: string }>(result).map((row) => row.id).sort();
}

type SQL = ReturnType<typeof sql>;

/** postgres.js hands back the rows, PGlite an object holding them. */
function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

const openingRows = sql.join(
  OPENINGS.map(
    (o) =>
      sql`(${o.id}::text, ${o.status}::text, ${o.freeSlots}::int, ${JSON.stringify(o.demands)}::jsonb, ${o.hoursMin}::real, ${o.hoursMax}::real, ${o.sociallyResponsible}::boolean)`,
  ),
  sql`, `,
);
const OPENING_COLUMNS: Record<OpeningFilterField, SqlField> = {
  status: column('status'),
  freeSlots: column('free_slots'),
  demands: listColumn('demands'),
  hoursMin: column('hours_min'),
  hoursMax: column('hours_max'),
  kind: column('kind'),
  companyId: column('company_id'),
  accommodations: listColumn('accommodations'),
  sociallyResponsible: column('socially_responsible'),
};

const citizenRows = sql.join(
  CITIZENS.map((c) => sql`(${c.id}::text, ${JSON.stringify(c.restrictions)}::jsonb, ${c.hoursMin}::real, ${c.hoursMax}::real)`),
  sql`, `,
);
const CITIZEN_COLUMNS: Record<CitizenFilterField, SqlField> = {
  restrictions: listColumn('restrictions'),
  hoursMin: column('hours_min'),
  hoursMax: column('hours_max'),
};

describe('the openings’ hard filters agree in code, Meilisearch and PostgreSQL', () => {
  it.each(OPENING_RULES)('$name', async ({ filter, inCode }) => {
    const expected = OPENINGS.filter(inCode).map((opening) => opening.id).sort();
    expect(OPENINGS.filter((opening) => holds(filter, opening)).map((opening) => opening.id).sort()).toEqual(expected);
    expect(await idsInMeilisearch(search.indexNames.openings, filter)).toEqual(expected);
    expect(await idsInDatabase(openingRows, 'id, status, free_slots, demands, hours_min, hours_max, socially_responsible', sqlOf(filter, OPENING_COLUMNS))).toEqual(expected);
  });
});

describe('the citizens’ hard filters agree in code, Meilisearch and PostgreSQL', () => {
  it.each(CITIZEN_RULES)('$name', async ({ filter, inCode }) => {
    const expected = CITIZENS.filter(inCode).map((citizen) => citizen.id).sort();
    expect(CITIZENS.filter((citizen) => holds(filter, citizen)).map((citizen) => citizen.id).sort()).toEqual(expected);
    expect(await idsInMeilisearch(search.indexNames.citizens, filter)).toEqual(expected);
    expect(await idsInDatabase(citizenRows, 'id, restrictions, hours_min, hours_max', sqlOf(filter, CITIZEN_COLUMNS))).toEqual(expected);
  });
});

describe('Danish folding', () => {
  const words = ['Rengøring', 'Århus', 'Aarhus', 'Æblehave', 'SKÅNEJOB', 'Café', 'Müller', 'Søndergaard', 'lagerhal', 'Åaå'];

  it('folds every word the same in code and in the database', async () => {
    const folded = await handle.db.execute(sql`select ${sql.join(words.map((word, index) => sql`${foldSql(sql`${word}::text`)} as ${sql.identifier(`w${index}`)}`), sql`, `)}`);
    const row = rowsOf<Record<string, string>>(folded)[0]!;
    expect(words.map((_, index) => row[`w${index}`])).toEqual(words.map(foldDanish));
    expect(foldDanish('Århus')).toBe(foldDanish('Aarhus'));
  });
});
