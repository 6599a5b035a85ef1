import { describe, expect, it } from 'vitest';
import { MATCHES_PER_PAGE, MAX_MATCHES_SHOWN, nextShown, parseMatchFilters, shownMatches } from '../../app/domain/match-filters';

const parse = (query: string) => parseMatchFilters(new URLSearchParams(query));

describe('parseMatchFilters', () => {
  it('reads the search, the distance and "only mine", keeping what was typed', () => {
    expect(parse('q=+truck+&maxKm=12&mine=1')).toEqual({
      values: { q: ' truck ', maxKm: '12', mine: true, kinds: [] },
      filters: { q: 'truck', maxKm: 12, onlyMine: true, kinds: [] },
      errors: {},
    });
    expect(parse('').filters).toEqual({ q: '', maxKm: undefined, onlyMine: false, kinds: [] });
  });

  it('reports a bad distance at its field and searches without it', () => {
    expect(parse('maxKm=tolv')).toMatchObject({ filters: { maxKm: undefined }, errors: { maxKm: 'Skriv afstanden som et tal, fx 10.' } });
    expect(parse('maxKm=2,5').errors.maxKm).toBe('Skriv afstanden som et helt antal km, fx 10.');
    expect(parse('maxKm=0').errors.maxKm).toBe('Afstanden skal være mindst 1 km.');
    expect(parse('maxKm=101').errors.maxKm).toBe('Afstanden må højst være 100 km.');
    expect(parse('maxKm=100').filters.maxKm).toBe(100);
  });

  it('reads the kinds of job, and reports an unknown one while keeping the known', () => {
    expect(parse('kind=flexjob&kind=ordinary_hours').filters.kinds).toEqual(['flexjob', 'ordinary_hours']);
    expect(parse('kind=flexjob&kind=nattevagt')).toMatchObject({ filters: { kinds: ['flexjob'] }, errors: { kind: 'Vælg en af jobtyperne på listen.' } });
  });

  it('refuses HTML and overlong searches', () => {
    expect(parse('q=<script>').errors.q).toContain('HTML');
    expect(parse(`q=${'a'.repeat(201)}`)).toMatchObject({ filters: { q: '' }, errors: { q: 'Søgningen må højst være 200 tegn.' } });
  });
});

describe('"Vis flere" on the match pages', () => {
  const shown = (query: string) => shownMatches(new URLSearchParams(query));

  it('shows a page at first, more when asked, and never more than the search hands over', () => {
    expect(shown('')).toBe(MATCHES_PER_PAGE);
    expect(shown('vis=60')).toBe(60);
    expect(shown('vis=10')).toBe(MATCHES_PER_PAGE);
    expect(shown('vis=tres')).toBe(MATCHES_PER_PAGE);
    expect(shown('vis=45.5')).toBe(MATCHES_PER_PAGE);
    expect(shown('vis=100000')).toBe(MAX_MATCHES_SHOWN);
  });

  it('offers more only under a full list, a page at a time, up to the most', () => {
    expect(nextShown(29, 30)).toBeNull();
    expect(nextShown(30, 30)).toBe(60);
    expect(nextShown(60, 60)).toBe(90);
    expect(nextShown(140, 140)).toBe(MAX_MATCHES_SHOWN);
    expect(nextShown(MAX_MATCHES_SHOWN, MAX_MATCHES_SHOWN)).toBeNull();
  });
});
