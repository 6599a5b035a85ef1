import { describe, expect, it } from 'vitest';
import { dashboardCsv, type DashboardSection } from '../../app/domain/dashboard-figures';
import { defaultPeriod, formatShown, goalMet, goalsSchema, median, parsePeriod, shareOf, shownAverage, shownCount } from '../../app/domain/dashboard-rules';

describe('small numbers', () => {
  it('hides 1–4 and shows 0 and 5 and up', () => {
    expect([0, 1, 4, 5, 12].map((n) => formatShown(shownCount(n), 'count'))).toEqual(['0', 'under 5', 'under 5', '5', '12']);
  });

  it('hides a share whose whole is under 5, or whose part or rest is 1–4', () => {
    expect(shareOf(3, 4)).toEqual({ hidden: true });
    expect(shareOf(4, 30)).toEqual({ hidden: true });
    expect(shareOf(27, 30)).toEqual({ hidden: true });
    expect(shareOf(0, 30)).toEqual({ hidden: false, value: 0 });
    expect(shareOf(30, 30)).toEqual({ hidden: false, value: 100 });
    expect(shareOf(6, 16)).toEqual({ hidden: false, value: 37.5 });
    expect(shareOf(0, 0)).toBeNull();
    expect(formatShown(shareOf(6, 16), 'percent')).toBe('37,5 %');
  });

  it('takes the median of odd and even counts, and hides it under five people', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(shownAverage(2.5, 4)).toEqual({ hidden: true });
    expect(shownAverage(2.54, 5)).toEqual({ hidden: false, value: 2.5 });
  });
});

describe('the period', () => {
  it('defaults to the last 12 months with this month, in Copenhagen', () => {
    // 23:30 UTC on 31 January is 1 February in Copenhagen.
    const period = defaultPeriod(new Date('2026-01-31T23:30:00Z'));
    expect(period.to).toBe('2026-02-01');
    expect(period.from).toBe('2025-03-01');
    expect(period.months).toHaveLength(12);
  });

  it('reads ÅÅÅÅ-MM fields and refuses a bad month, a reversed or future period and more than 36 months at the field', () => {
    expect(parsePeriod({ fra: '2026-01', til: '2026-03' }, '2026-06-10')).toMatchObject({ ok: true, period: { months: ['2026-01-01', '2026-02-01', '2026-03-01'] } });
    expect(parsePeriod({ fra: '2026-13', til: '' }, '2026-06-10')).toMatchObject({ ok: false, errors: { fra: 'Skriv den første måned som ÅÅÅÅ-MM, fx 2026-01.' } });
    expect(parsePeriod({ fra: '2026-05', til: '2026-03' }, '2026-06-10')).toMatchObject({ ok: false, errors: { fra: 'Den første måned skal ligge før den sidste.' } });
    expect(parsePeriod({ fra: '', til: '2026-07' }, '2026-06-10')).toMatchObject({ ok: false, errors: { til: 'Den sidste måned kan ikke ligge efter denne måned.' } });
    expect(parsePeriod({ fra: '2020-01', til: '2026-06' }, '2026-06-10')).toMatchObject({ ok: false, errors: { fra: 'Vælg højst 36 måneder.' } });
  });
});

describe('goals', () => {
  it('is met at least or at most, and cannot be judged on a hidden share', () => {
    expect(goalMet({ hidden: false, value: 60 }, 60, 'atLeast')).toBe(true);
    expect(goalMet({ hidden: false, value: 59.9 }, 60, 'atLeast')).toBe(false);
    expect(goalMet({ hidden: false, value: 12 }, 10, 'atMost')).toBe(false);
    expect(goalMet({ hidden: false, value: 10 }, 10, 'atMost')).toBe(true);
    expect(goalMet({ hidden: true }, 10, 'atMost')).toBeNull();
    expect(goalMet({ hidden: false, value: 10 }, null, 'atMost')).toBeNull();
  });

  it('reads 60, "12,5 %" and empty, and refuses -1, 101 and words at the field', () => {
    expect(goalsSchema.parse({ flexjobFirstTime: '60', flexjobUnemployment: '12,5 %', openingsFilled: '' })).toMatchObject({ flexjobFirstTime: 60, flexjobUnemployment: 12.5, openingsFilled: null, followUpsOnTime: null });
    const refused = goalsSchema.safeParse({ flexjobFirstTime: '101', flexjobUnemployment: 'ti', openingsFilled: '-1' });
    expect(refused.success).toBe(false);
    const fields = refused.error!.issues.map((issue) => issue.path[0]).sort();
    expect(fields).toEqual(['flexjobFirstTime', 'flexjobUnemployment', 'openingsFilled']);
    expect(refused.error!.issues[0]!.message).toBe('Skriv et mål i procent fra 0 til 100, fx 60, eller lad feltet stå tomt.');
  });
});

describe('the CSV', () => {
  it('has a line per figure and month and for the period, "under 5" where hidden, and defuses formula-like text', () => {
    const sections: DashboardSection[] = [
      {
        id: 'x',
        title: 'Fleksjob',
        chart: { rowKey: 'a', title: '' },
        rows: [{ key: 'a', label: '=Ledighed', unit: 'percent', months: [{ hidden: true }, { hidden: false, value: 12.5 }], total: { hidden: false, value: 12.5 }, goal: { code: 'flexjobUnemployment', percent: 10, direction: 'atMost', met: false } }],
      },
    ];
    const csv = dashboardCsv(sections, { from: '2026-01-01', to: '2026-02-01', months: ['2026-01-01', '2026-02-01'] });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFAfsnit;Tal;Måned;Værdi;Mål;Mål nået',
      "Fleksjob;'=Ledighed;2026-01;under 5;;",
      "Fleksjob;'=Ledighed;2026-02;12,5;;",
      "Fleksjob;'=Ledighed;2026-01–2026-02;12,5;Mål: højst 10 %;Ikke nået",
      '',
    ]);
  });
});
