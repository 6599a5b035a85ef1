import { describe, expect, it } from 'vitest';
import { labelIn } from '../../app/i18n/language';
import {
  DEFAULT_JOB_FILTERS,
  HOURS_BAND_ENTRIES,
  JOB_SORT_ENTRIES,
  JOB_MAX_PAGE,
  MAX_QUERY_LENGTH,
  addDays,
  effectiveSort,
  hasActiveFilters,
  jobFiltersToSearchParams,
  jobSearchHref,
  meetsHoursBand,
  meetsStartBand,
  parseJobFilters,
  START_BAND_ENTRIES,
  startBandWindow,
  type JobFilters,
} from '../../app/domain/job-filters';

const parse = (query: string) => parseJobFilters(new URLSearchParams(query));

describe('parseJobFilters', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_JOB_FILTERS);
  });

  it('reads every filter as the GET form sends it', () => {
    expect(
      parse(
        'q=rengøring&kind=flexjob&kind=sheltered_job&hours=6to10&postcode=8000&radius=25' +
          '&avoid=heavy_lifting&avoid=noise&offers=extra_breaks&start=now&mark=on&sort=nearest&page=3',
      ),
    ).toEqual({
      q: 'rengøring',
      kinds: ['flexjob', 'sheltered_job'],
      hours: '6to10',
      postcode: '8000',
      radiusKm: 25,
      avoid: ['heavy_lifting', 'noise'],
      offers: ['extra_breaks'],
      start: 'now',
      marked: true,
      sort: 'nearest',
      page: 3,
    } satisfies JobFilters);
  });

  it('drops unknown codes, keeps known ones once and in the vocabulary order', () => {
    const filters = parse('kind=pirate&kind=sheltered_job&kind=ordinary_hours&kind=sheltered_job&avoid=x&avoid=noise&offers=');
    expect(filters.kinds).toEqual(['ordinary_hours', 'sheltered_job']);
    expect(filters.avoid).toEqual(['noise']);
    expect(filters.offers).toEqual([]);
  });

  it('accepts comma-separated codes in a hand-written link', () => {
    expect(parse('avoid=heavy_lifting,cold').avoid).toEqual(['heavy_lifting', 'cold']);
  });

  it('falls back to defaults for bad single values', () => {
    const filters = parse('hours=lots&start=yesterday&sort=random&radius=7&page=-2');
    expect(filters.hours).toBeNull();
    expect(filters.start).toBeNull();
    expect(filters.sort).toBe('relevance');
    expect(filters.radiusKm).toBe(10);
    expect(filters.page).toBe(1);
  });

  it.each([
    ['0', 1],
    ['1', 1],
    ['2', 2],
    ['2.5', 1],
    ['1e3', 1],
    ['abc', 1],
    ['', 1],
    ['999999', JOB_MAX_PAGE],
  ])('reads page=%s as %d', (page, expected) => {
    expect(parse(`page=${page}`).page).toBe(expected);
  });

  it.each([
    ['8000', '8000'],
    [' 8900 ', '8900'],
    // Kept as typed, so the form shows it again with a message (the service finds no such postcode).
    ['800', '800'],
    ['80000', '80000'],
    ['8OOO', '8OOO'],
    ['8000 Aarhus C', '8000'],
    ['800 Aarhus', '800 Aarhus'],
    ['', null],
    ['   ', null],
  ])('reads postcode=%s as %s', (postcode, expected) => {
    expect(parse(`postcode=${encodeURIComponent(postcode)}`).postcode).toBe(expected);
  });

  it.each([5, 10, 25, 50])('accepts a radius of %d km', (radius) => {
    expect(parse(`radius=${radius}`).radiusKm).toBe(radius);
  });

  it('tidies the search text and caps its length', () => {
    expect(parse('q=%20%20lager%20%0A%20%20pakkeri%20').q).toBe('lager pakkeri');
    expect(parse(`q=${'a'.repeat(5000)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('jobFiltersToSearchParams', () => {
  it('leaves the defaults out', () => {
    expect(jobFiltersToSearchParams(DEFAULT_JOB_FILTERS).toString()).toBe('');
    expect(jobSearchHref(DEFAULT_JOB_FILTERS)).toBe('/jobs');
  });

  it('leaves the radius out without a postcode', () => {
    expect(jobFiltersToSearchParams({ ...DEFAULT_JOB_FILTERS, radiusKm: 50 }).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const filters: JobFilters = {
      q: 'køkken & opvask',
      kinds: ['ordinary_hours', 'flexjob'],
      hours: '21plus',
      postcode: '8900',
      radiusKm: 5,
      avoid: ['heavy_lifting', 'night_work'],
      offers: ['extra_breaks', 'gradual_start'],
      start: 'later',
      marked: true,
      sort: 'newest',
      page: 4,
    };
    expect(parseJobFilters(jobFiltersToSearchParams(filters))).toEqual(filters);
  });

  it('builds a link to another page of the same search', () => {
    const filters = parse('q=lager&kind=flexjob&page=2');
    expect(jobSearchHref(filters, { page: 3 })).toBe('/jobs?q=lager&kind=flexjob&page=3');
    expect(jobSearchHref(filters, { page: 1 })).toBe('/jobs?q=lager&kind=flexjob');
  });
});

describe('effectiveSort', () => {
  it('sorts by distance only from a postcode', () => {
    expect(effectiveSort({ q: '', postcode: '8000', sort: 'nearest' })).toBe('nearest');
    expect(effectiveSort({ q: 'lager', postcode: null, sort: 'nearest' })).toBe('relevance');
    expect(effectiveSort({ q: '', postcode: null, sort: 'nearest' })).toBe('newest');
  });

  it('shows the newest first when there are no words to match', () => {
    expect(effectiveSort({ q: '', postcode: null, sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: 'lager', postcode: null, sort: 'relevance' })).toBe('relevance');
    expect(effectiveSort({ q: 'lager', postcode: '8000', sort: 'newest' })).toBe('newest');
  });
});

describe('hasActiveFilters', () => {
  it('ignores the order and the page', () => {
    expect(hasActiveFilters({ ...DEFAULT_JOB_FILTERS, sort: 'newest', page: 3 })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_JOB_FILTERS, offers: ['extra_breaks'] })).toBe(true);
  });
});

describe('meetsHoursBand', () => {
  it.each([
    ['upto5', 0.5, 2, true],
    ['upto5', 5, 10, true],
    ['upto5', 5.5, 10, false],
    ['6to10', 1, 5, false],
    ['6to10', 1, 5.5, true],
    ['6to10', 10, 15, true],
    ['6to10', 10.5, 15, false],
    ['11to20', 15, 15, true],
    ['11to20', 20, 37, true],
    ['11to20', 1, 10, false],
    ['21plus', 1, 20, false],
    ['21plus', 1, 20.5, true],
    ['21plus', 37, 37, true],
  ] as const)('%s with %d–%d hours: %s', (band, hoursMin, hoursMax, expected) => {
    expect(meetsHoursBand(band, { hoursMin, hoursMax })).toBe(expected);
  });

  it('puts a wide range in every band it meets', () => {
    expect((['upto5', '6to10', '11to20', '21plus'] as const).filter((band) => meetsHoursBand(band, { hoursMin: 4, hoursMax: 12 }))).toEqual([
      'upto5',
      '6to10',
      '11to20',
    ]);
  });
});

describe('start bands', () => {
  const today = '2026-01-20';

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-01-20', 14)).toBe('2026-02-03');
    expect(addDays('2025-12-25', 14)).toBe('2026-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('gives date windows', () => {
    expect(startBandWindow('now', today)).toEqual({ until: '2026-02-03' });
    expect(startBandWindow('month', today)).toEqual({ until: '2026-02-20' });
    expect(startBandWindow('later', today)).toEqual({ after: '2026-02-20' });
  });

  it.each([
    ['now', '2026-01-01', true],
    ['now', '2026-02-03', true],
    ['now', '2026-02-04', false],
    ['month', '2026-02-04', true],
    ['month', '2026-02-20', true],
    ['month', '2026-02-21', false],
    ['later', '2026-02-20', false],
    ['later', '2026-02-21', true],
  ] as const)('%s includes a start on %s: %s', (band, startDate, expected) => {
    expect(meetsStartBand(band, startDate, today)).toBe(expected);
  });
});

describe('the filters\' labels', () => {
  it('say every band and order in Danish and English', () => {
    for (const entries of [HOURS_BAND_ENTRIES, START_BAND_ENTRIES, JOB_SORT_ENTRIES]) {
      for (const entry of entries) {
        expect(entry.da).toMatch(/\S/);
        expect(entry.en).toMatch(/\S/);
      }
    }
    expect(labelIn(HOURS_BAND_ENTRIES, '21plus', 'da')).toBe('21 timer eller flere');
    expect(labelIn(HOURS_BAND_ENTRIES, '21plus', 'en')).toBe('21 hours or more');
    expect(labelIn(JOB_SORT_ENTRIES, 'nearest', 'en')).toBe('Nearest first');
  });
});
