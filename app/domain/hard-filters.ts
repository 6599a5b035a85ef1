/**
 * The hard filters that run in three engines, described once as data (decision 029): in code on rows and
 * documents (`holds`, here), as a Meilisearch filter on the indexes (search/filters.ts) and as SQL in the
 * database fallbacks and the loaders (app/services/sql-filters.server.ts). Each engine translates the same
 * description, and tests/integration/hard-filters.test.ts runs every engine on one table of cases, so the
 * public job list, matching and the fallbacks cannot drift apart.
 *
 * A field is named as the search documents name it (search/documents.ts); the SQL translation is handed
 * the column or expression for each field.
 */
import type { Demand } from './vocabulary';

export type FilterValue = string | number | boolean;

export type Filter<Field extends string = string> =
  | { all: readonly Filter<Field>[] }
  | { any: readonly Filter<Field>[] }
  | { not: Filter<Field> }
  /** A single value compared with a constant. */
  | { field: Field; is: Comparison; value: FilterValue }
  /** A single value is one of the values. */
  | { field: Field; oneOf: readonly string[] }
  /** A list holds at least one of the values. */
  | { field: Field; holdsAnyOf: readonly string[] };

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A row or document as `holds` reads it: each field a value or a list of values. */
export type FilterRecord<Field extends string> = Record<Field, FilterValue | readonly string[] | null>;

/** All of the filters (none left: everything passes); null entries are left out. */
export function allOf<Field extends string>(...filters: (Filter<Field> | null)[]): Filter<Field> {
  return { all: filters.filter((filter): filter is Filter<Field> => filter !== null) };
}

/** The list field holds none of the values; null (no filter) when there are no values. */
export function holdsNoneOf<Field extends string>(field: Field, values: readonly string[]): Filter<Field> | null {
  return values.length === 0 ? null : { not: { field, holdsAnyOf: values } };
}

function compare(left: FilterValue, is: Comparison, right: FilterValue): boolean {
  switch (is) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

/** Whether the record passes the filter: the rule in code. */
export function holds<Field extends string>(filter: Filter<Field>, record: Partial<FilterRecord<Field>>): boolean {
  if ('all' in filter) return filter.all.every((part) => holds(part, record));
  if ('any' in filter) return filter.any.some((part) => holds(part, record));
  if ('not' in filter) return !holds(filter.not, record);
  const value = record[filter.field] ?? null;
  if ('holdsAnyOf' in filter) return Array.isArray(value) && filter.holdsAnyOf.some((wanted) => (value as readonly string[]).includes(wanted));
  if (value === null || Array.isArray(value)) return false;
  if ('oneOf' in filter) return filter.oneOf.includes(value as string);
  return compare(value as FilterValue, filter.is, filter.value);
}

// ── The rules ───────────────────────────────────────────────────────────────────────────────────────────

/** The fields of an opening (its search document) that the opening's rules read. */
export type OpeningFilterField = 'status' | 'freeSlots' | 'kind' | 'hoursMin' | 'hoursMax' | 'demands' | 'companyId' | 'accommodations' | 'sociallyResponsible';
/** The fields of a citizen (their search document) that the citizen's rules read. */
export type CitizenFilterField = 'restrictions' | 'hoursMin' | 'hoursMax';

/**
 * Open with a free slot: what is indexed and listed publicly, what can be matched or proposed, what the
 * public page of a job shows.
 */
export const OPEN_WITH_FREE_SLOT: Filter<OpeningFilterField> = allOf<OpeningFilterField>(
  { field: 'status', is: '=', value: 'open' },
  { field: 'freeSlots', is: '>', value: 0 },
);

export function isOpenWithFreeSlot(opening: { status: string; freeSlots: number }): boolean {
  return holds(OPEN_WITH_FREE_SLOT, { status: opening.status, freeSlots: opening.freeSlots });
}

/**
 * "Avoid this demand", from the opening's side: the opening demands none of `avoided` (what a citizen must
 * avoid, their restrictions, or what a visitor of /jobs ticked). Null when nothing is avoided.
 */
export function openingAvoids(avoided: readonly Demand[]): Filter<OpeningFilterField> | null {
  return holdsNoneOf<OpeningFilterField>('demands', avoided);
}

/** "Avoid this demand", from the citizen's side: the citizen must avoid none of the opening's `demands`. */
export function citizenAvoidsNoneOf(demands: readonly Demand[]): Filter<CitizenFilterField> | null {
  return holdsNoneOf<CitizenFilterField>('restrictions', demands);
}

/** The record's hours a week overlap `hours` (both ends included). */
export function hoursOverlapWith(hours: { hoursMin: number; hoursMax: number }): Filter<'hoursMin' | 'hoursMax'> {
  return allOf<'hoursMin' | 'hoursMax'>({ field: 'hoursMin', is: '<=', value: hours.hoursMax }, { field: 'hoursMax', is: '>=', value: hours.hoursMin });
}

/**
 * The company holds the mark "Socialt ansvarlig virksomhed" of at least one jobcentre (app/domain/social-mark.ts,
 * decision 033): /jobs' filter "Kun socialt ansvarlige virksomheder".
 */
export const SOCIALLY_RESPONSIBLE: Filter<OpeningFilterField> = { field: 'sociallyResponsible', is: '=', value: true };
