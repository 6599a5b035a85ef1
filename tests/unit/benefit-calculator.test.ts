import { describe, expect, it } from 'vitest';
import {
  calculateMonth,
  calculatorInputSchema,
  cashBenefitMonth,
  disabilityPensionMonth,
  flexjobMonth,
  flexjobUnemploymentBenefit,
  resourceProgrammeMonth,
  NOT_COVERED_MESSAGE,
  type CalculatorInput,
} from '../../app/domain/benefit-calculator';
import { BENEFIT_RATE_TABLE, ratesOn, yearsOf, type BenefitRates, type Rate } from '../../app/domain/benefit-rates';

const rates2024 = ratesOn('2026-12-07');
const kroner = (amount: number) => Math.round(amount);
const published = (amount: number, year: number): Rate => ({ amount, year, source: 'test' });
/** The shipped rates with some values replaced by the ones a worked example of another year used. */
const withRates = (overrides: Partial<Record<Exclude<keyof BenefitRates, 'effectiveFrom'>, Rate>>): BenefitRates => ({ ...rates2024, ...overrides });

const input = (overrides: Partial<CalculatorInput>): CalculatorInput => ({
  benefit: 'cash_benefit_job_ready',
  hoursPerWeek: 10,
  hourlyWage: 150,
  pensionPercent: 0,
  provider: false,
  couple: false,
  ...overrides,
});

describe('the rate table', () => {
  it('has the newest set in force today and names the years its values come from', () => {
    expect(ratesOn('2026-12-07')).toBe(BENEFIT_RATE_TABLE[BENEFIT_RATE_TABLE.length - 1]);
    expect(yearsOf(rates2024)).toEqual([2022, 2023, 2024]);
    for (const value of Object.values(rates2024)) if (typeof value === 'object') expect(value.source.length).toBeGreaterThan(10);
  });
});

describe('kontanthjælp', () => {
  it('familieadvokaten.dk brevkasse: 20 arbejdstimer × 11,50 kr. = 230 kr. ses der bort fra', () => {
    const month = cashBenefitMonth(withRates({ workDisregardPerHour: published(11.5, 2005) }), 10_000, 0, 20);
    expect(kroner(month.disregarded)).toBe(230);
  });

  it('built from bm.dk satser 2024 (12.326 kr.) and the disregard 28,66 kr./time (Odense 2022), no published example: 10 t × 150 kr. gives 7.592 kr. kontanthjælp, 1.761 kr. more a month', () => {
    const result = calculateMonth(input({}), rates2024);
    if (!result.covered) throw new Error('covered');
    expect(result.now).toEqual({ wage: 0, benefit: 12_326, total: 12_326 });
    expect(result.withJob).toEqual({ wage: 6_495, benefit: 7_592, total: 14_087 });
    expect(result.difference).toBe(1_761);
    expect(result.steps.map((step) => step.da).join(' ')).toContain('28,66 kr. pr. arbejdstime');
  });

  it('built from bm.dk satser 2024, forsørger (16.382 kr.), and uddannelseshjælp 2023 (6.545 kr.): the rate follows the benefit', () => {
    const provider = calculateMonth(input({ provider: true, hoursPerWeek: 5, hourlyWage: 140 }), rates2024);
    const education = calculateMonth(input({ benefit: 'education_benefit', hoursPerWeek: 5, hourlyWage: 140 }), rates2024);
    if (!provider.covered || !education.covered) throw new Error('covered');
    // 5 × 140 × 4,33 = 3.031 kr.; counted 2.788,52; disregarded 28,66 × 21,65 = 620,49; deducted 2.168,03
    expect(provider.withJob.benefit).toBe(kroner(16_382 - 2_168.03));
    expect(education.now.benefit).toBe(6_545);
    expect(education.withJob.benefit).toBe(kroner(6_545 - 2_168.03));
  });

  it('zero hours change nothing, the disregard counts 160 hours a month at most, and the benefit never goes below 0', () => {
    const zero = calculateMonth(input({ hoursPerWeek: 0 }), rates2024);
    if (!zero.covered) throw new Error('covered');
    expect(zero.withJob).toEqual(zero.now);
    expect(cashBenefitMonth(rates2024, 12_326, 0, 37 * 4.33).disregarded).toBeCloseTo(28.66 * 160, 6);
    expect(cashBenefitMonth(rates2024, 12_326, 30_000, 160).benefit).toBe(0);
  });

  it('integrationsydelse is worked out as kontanthjælp and says the 2025 reform is not included', () => {
    const result = calculateMonth(input({ benefit: 'integration_benefit' }), rates2024);
    if (!result.covered) throw new Error('covered');
    expect(result.withJob.total).toBe(14_087);
    expect(result.notes.map((note) => note.da).join(' ')).toContain('1. juli 2025');
  });
});

describe('fleksjob', () => {
  const billund2015 = withRates({
    highestUnemploymentBenefit: published(17_312, 2015),
    flexSubsidyShareOfHighest: published(1, 2015),
    flexThreshold: published(13_446, 2015),
  });

  it('Billund Kommune, eksempel 1 (satser 2015): løn 14.000 kr. — 30 % af 13.446 = 4.034 kr., 55 % af resten = 305 kr., lønloft 23.545 kr. gives 9.545 kr.', () => {
    const month = flexjobMonth(billund2015, 14_000, 23_545);
    expect(kroner(month.reductionLow)).toBe(4_034);
    expect(kroner(month.reductionHigh)).toBe(305);
    expect(month.cappedByCeiling).toBe(true);
    expect(kroner(month.subsidy)).toBe(9_545);
  });

  it('Det Faglige Hus 2024: the subsidy is at most 19.952 kr. (98 % of 20.359 kr.); Slagelse Kommune 2022: 18.964 kr. (98 % of 19.351 kr.)', () => {
    expect(kroner(flexjobMonth(rates2024, 0, 50_000).maxSubsidy)).toBe(19_952);
    const slagelse2022 = withRates({ highestUnemploymentBenefit: published(19_351, 2022) });
    expect(kroner(flexjobMonth(slagelse2022, 0, 50_000).maxSubsidy)).toBe(18_964);
  });

  it('at the threshold (16.323 kr., 2024) only 30 % is deducted; one krone above, 55 % of that krone', () => {
    const at = flexjobMonth(rates2024, 16_323, 60_000);
    expect(at.reductionHigh).toBe(0);
    expect(at.reductionLow).toBeCloseTo(4_896.9, 6);
    const above = flexjobMonth(rates2024, 16_324, 60_000);
    expect(above.reductionHigh).toBeCloseTo(0.55, 6);
  });

  it('the extra ATP contribution is 5 % of the subsidy, at most 500 kr. a month', () => {
    expect(flexjobMonth(rates2024, 1_000, 60_000).atp).toBe(500);
    const small = flexjobMonth(rates2024, 40_000, 60_000);
    expect(small.atp).toBeCloseTo(small.subsidy * 0.05, 6);
    expect(small.atp).toBeLessThan(500);
  });

  it('built from the 2024 rates, no published example: 15 t × 160 kr. with 10 % pension, from ledighedsydelse 18.120 kr. to 10.392 + 11.163 kr.', () => {
    const result = calculateMonth(input({ benefit: 'flexjob_unemployment', hoursPerWeek: 15, hourlyWage: 160, pensionPercent: 10 }), rates2024);
    if (!result.covered) throw new Error('covered');
    // wage 10.392; incl. pension 11.431,2; 19.951,82 − 3.429,36 = 16.522,46 (below the ceiling 28.197, 37 t) − ATP 500
    expect(result.now.benefit).toBe(18_120);
    expect(result.withJob).toEqual({ wage: 10_392, benefit: 16_022, total: 26_414 });
    expect(result.difference).toBe(8_294);
  });

  it('the lønloft caps wage plus subsidy at the full-time wage for the job, and without hours there is no fleksjob', () => {
    const capped = calculateMonth(input({ benefit: 'flexjob_unemployment', hoursPerWeek: 30, hourlyWage: 200 }), rates2024);
    if (!capped.covered) throw new Error('covered');
    // 30 t: 25.980 kr.; full time 37 t: 32.042 kr.; room 6.062 kr.; ATP 303,10
    expect(capped.withJob.benefit).toBe(kroner(6_062 - 303.1));
    expect(capped.steps.map((step) => step.da).join(' ')).toContain('lønloftet');
    const none = calculateMonth(input({ benefit: 'flexjob_unemployment', hoursPerWeek: 0 }), rates2024);
    if (!none.covered) throw new Error('covered');
    expect(none.withJob).toEqual(none.now);
  });
});

describe('ledighedsydelse', () => {
  it('built from lov om aktiv socialpolitik § 74 a (89 %) and DI 2024 (20.359 kr.): 18.120 kr.; with 2022 dagpenge (19.351 kr., Serviceforbundet): 17.222 kr.', () => {
    expect(kroner(flexjobUnemploymentBenefit(rates2024))).toBe(18_120);
    expect(kroner(flexjobUnemploymentBenefit(withRates({ highestUnemploymentBenefit: published(19_351, 2022) })))).toBe(17_222);
  });
});

describe('førtidspension', () => {
  it('Seniorhåndbogen 2024, enlig: 100.000 kr. i indtægt − 86.900 kr. = 13.100 kr.; 30 % = 3.930 kr. om året', () => {
    expect(disabilityPensionMonth(rates2024, 100_000, false).yearlyReduction).toBeCloseTo(3_930, 6);
  });

  it('built from borger.dk 2022 (fradrag 131.100 kr. for gifte/samlevende), no published example: 200.000 kr. reduces the pension by 20.670 kr. a year', () => {
    const borger2022 = withRates({ disabilityThresholdCouple: published(131_100, 2022) });
    expect(disabilityPensionMonth(borger2022, 200_000, true).yearlyReduction).toBeCloseTo(20_670, 6);
  });

  it('at the threshold nothing is deducted; a skånejob of 10 t × 130 kr. (single, 2024) costs 226 kr. of the pension a month', () => {
    expect(disabilityPensionMonth(rates2024, 86_900, false).pension).toBe(20_370);
    const result = calculateMonth(input({ benefit: 'disability_pension', hoursPerWeek: 10, hourlyWage: 130 }), rates2024);
    if (!result.covered) throw new Error('covered');
    // 5.629 kr./md.; × 12 × 0,92 = 62.144,16 kr./år: under 86.900 kr., no reduction
    expect(result.withJob).toEqual({ wage: 5_629, benefit: 20_370, total: 25_999 });
    const more = calculateMonth(input({ benefit: 'disability_pension', hoursPerWeek: 15, hourlyWage: 130 }), rates2024);
    if (!more.covered) throw new Error('covered');
    // 8.443,5 × 12 × 0,92 = 93.216,24; − 86.900 = 6.316,24; × 30 % = 1.894,87 a year = 157,91 a month
    expect(more.withJob.benefit).toBe(kroner(20_370 - 157.906));
  });
});

describe('ressourceforløb', () => {
  it('built from bm.dk satser 2024 (12.326 kr., lønindtægtsgrænse 16.323 kr.), no published example: 5.000 kr. in wages leaves 10.826 kr.; 20.000 kr. leaves 5.405 kr.', () => {
    expect(kroner(resourceProgrammeMonth(rates2024, 12_326, 5_000).benefit)).toBe(10_826);
    // 30 % of 16.323 = 4.896,9; 55 % of 3.677 = 2.022,35
    expect(kroner(resourceProgrammeMonth(rates2024, 12_326, 20_000).benefit)).toBe(kroner(12_326 - 4_896.9 - 2_022.35));
  });
});

describe('what the calculator does not cover', () => {
  it('sygedagpenge and "andet" get the honest message and no number', () => {
    for (const benefit of ['sickness_benefit', 'other'] as const) {
      const result = calculateMonth(input({ benefit }), rates2024);
      expect(result.covered).toBe(false);
      if (result.covered) continue;
      expect(result.message.da).toBe('Beregneren dækker ikke din ydelse endnu – spørg din jobkonsulent.');
      expect(result.message).toBe(NOT_COVERED_MESSAGE);
      expect(JSON.stringify(result)).not.toMatch(/\d/);
    }
  });
});

describe('the form', () => {
  const parse = (values: Record<string, string>) => calculatorInputSchema().safeParse(values);
  it('reads Danish numbers and refuses hours outside 0–37, negative or absurd wages and a missing benefit, in Danish', () => {
    const ok = parse({ benefit: 'cash_benefit_job_ready', hours: '7,5', wage: '150' });
    expect(ok.success && ok.data.hours).toBe(7.5);
    const bad = parse({ hours: '38', wage: '1001' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      benefit: 'Vælg din forsørgelse.',
      hours: 'Skriv et antal timer om ugen mellem 0 og 37.',
      wage: 'Skriv en timeløn mellem 0 og 1000 kr.',
    });
    expect(parse({ benefit: 'other', hours: '-1', wage: '-5' }).error?.issues.map((issue) => issue.path[0])).toEqual(['hours', 'wage']);
    expect(parse({ benefit: 'other', hours: '', wage: 'abc' }).success).toBe(false);
  });
});
