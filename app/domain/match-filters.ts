/**
 * The search box and filters on the match pages, read from the URL. An invalid value is reported at its field
 * and left out of the search, so the page still shows the matches without it.
 */
import { z } from 'zod';
import { MAX_REACH_KM } from './citizen-rules';
import { controlCharacterMessage, hasControlCharacters, HTML_MESSAGE } from './text-rules';
import { OPENING_KINDS, type OpeningKind } from './vocabulary';

export const MAX_MATCH_QUERY_LENGTH = 200;

export type MatchFilterValues = { q: string; maxKm: string; mine: boolean; kinds: string[] };
export type MatchFilters = { q: string; maxKm: number | undefined; onlyMine: boolean; kinds: OpeningKind[] };
export type MatchFilterErrors = Partial<Record<'q' | 'maxKm' | 'kind', string>>;

const isOpeningKind = (code: string): code is OpeningKind => (OPENING_KINDS as readonly string[]).includes(code);

const queryText = z
  .string()
  .trim()
  .max(MAX_MATCH_QUERY_LENGTH, `Søgningen må højst være ${MAX_MATCH_QUERY_LENGTH} tegn.`)
  .refine((value) => !hasControlCharacters(value), controlCharacterMessage('Søgningen'))
  .refine((value) => !/[<>]/.test(value), HTML_MESSAGE);

const distance = z.coerce
  .number({ error: 'Skriv afstanden som et tal, fx 10.' })
  .int('Skriv afstanden som et helt antal km, fx 10.')
  .min(1, 'Afstanden skal være mindst 1 km.')
  .max(MAX_REACH_KM, `Afstanden må højst være ${MAX_REACH_KM} km.`);

export function parseMatchFilters(params: URLSearchParams): { values: MatchFilterValues; filters: MatchFilters; errors: MatchFilterErrors } {
  const values: MatchFilterValues = {
    q: params.get('q') ?? '',
    maxKm: (params.get('maxKm') ?? '').trim(),
    mine: params.get('mine') === '1',
    kinds: params.getAll('kind'),
  };
  const errors: MatchFilterErrors = {};
  const kinds = values.kinds.filter(isOpeningKind);
  if (kinds.length < values.kinds.length) errors.kind = 'Vælg en af jobtyperne på listen.';
  const q = queryText.safeParse(values.q);
  if (!q.success) errors.q = q.error.issues[0]?.message;
  let maxKm: number | undefined;
  if (values.maxKm !== '') {
    const parsed = distance.safeParse(values.maxKm.replace(',', '.'));
    if (parsed.success) maxKm = parsed.data;
    else errors.maxKm = parsed.error.issues[0]?.message;
  }
  return { values, filters: { q: q.success ? q.data : '', maxKm, onlyMine: values.mine, kinds }, errors };
}

/** A match page shows this many at first; "Vis flere" adds as many again. */
export const MATCHES_PER_PAGE = 30;
/** What the search hands the ranking (100 text hits and 50 nearest) bounds how far "Vis flere" can go. */
export const MAX_MATCHES_SHOWN = 150;

/** How many matches the page shows: `vis` from the URL, between a page and the most; anything else is a page. */
export function shownMatches(params: URLSearchParams): number {
  const asked = Number(params.get('vis'));
  if (!Number.isInteger(asked) || asked <= MATCHES_PER_PAGE) return MATCHES_PER_PAGE;
  return Math.min(asked, MAX_MATCHES_SHOWN);
}

/** How many "Vis flere" should show, or null when the list was shorter than asked (there are no more) or at the most. */
export function nextShown(count: number, shown: number): number | null {
  if (count < shown || shown >= MAX_MATCHES_SHOWN) return null;
  return Math.min(shown + MATCHES_PER_PAGE, MAX_MATCHES_SHOWN);
}
