import { describe, expect, it } from 'vitest';
import { parseMatchFilters } from '../../app/domain/match-filters';

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
