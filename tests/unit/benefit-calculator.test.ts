import { describe, expect, it } from 'vitest';
import {
  calculateMonth,
  calculatorInputSchema,
  cashBenefitMonth,
  disabilityPensionMonth,
  flexjobMonth,
  flexjobUnemploymentBenefit,
  jobCalculatorPrefill,
  matchMoney,
  prefilledCalculation,
  resourceProgrammeMonth,
  NOT_COVERED_MESSAGE,
  type CalculatorInput,
} from '../../app/domain/benefit-calculator';
import { proposedOrdinaryHours } from '../../app/domain/agreement-rules';
import { BENEFIT_RATE_TABLE, ratesOn, yearsOf, type BenefitRates, type Rate } from '../../app/domain/benefit-rates';

/** The set of 2024: the worked examples below were checked against it. */
const rates2024 = ratesOn('2024-06-01');
/** The set the calculator uses today. */
const ratesToday = ratesOn('2026-12-07');
const kroner = (amount: number) => Math.round(amount);
const published = (amount: number, year: number): Rate => ({ amount, year, source: 'test' });
/** The shipped rates with some values replaced by the ones a worked example of another year used. */
const withRates = (overrides: Partial<Record<Exclude<keyof BenefitRates, 'effectiveFrom' | 'cashBenefitRules'>, Rate>>): BenefitRates => ({ ...rates2024, ...overrides });

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
  it('is one list by effective date, oldest first, every value with its year and source', () => {
    const days = BENEFIT_RATE_TABLE.map((rates) => rates.effectiveFrom);
    expect([...days].sort()).toEqual(days);
    for (const rates of BENEFIT_RATE_TABLE) {
      for (const value of Object.values(rates)) if (typeof value === 'object') expect(value.source.length).toBeGreaterThan(10);
    }
  });

  it('picks the set in force on the day: 2024, 2025 (bm.dk 21.092 kr.), the kontanthjælp reform of 1 July 2025, 2026 (22.041 kr.)', () => {
    expect(ratesOn('2023-06-01')).toBe(BENEFIT_RATE_TABLE[0]);
    expect(ratesOn('2024-12-31').highestUnemploymentBenefit.amount).toBe(20_359);
    expect(ratesOn('2025-01-01').highestUnemploymentBenefit.amount).toBe(21_092);
    expect(ratesOn('2025-06-30').cashBenefitRules).toBe('disregard-per-hour');
    expect(ratesOn('2025-07-01').cashBenefitRules).toBe('reform-2025');
    expect(ratesOn('2026-12-07')).toBe(BENEFIT_RATE_TABLE[BENEFIT_RATE_TABLE.length - 1]);
    expect(ratesToday.highestUnemploymentBenefit).toMatchObject({ amount: 22_041, year: 2026 });
  });

  it('names the years its values come from, so the page can say which year it uses', () => {
    expect(yearsOf(rates2024)).toEqual([2022, 2023, 2024]);
    expect(yearsOf(ratesToday)).toEqual([2022, 2023, 2024, 2026]);
  });
});

describe('kontanthjælp', () => {
  it('familieadvokaten.dk brevkasse: 20 arbejdstimer × 11,50 kr. = 230 kr. ses der bort fra', () => {
    const month = cashBenefitMonth(withRates({ workDisregardPerHour: published(11.5, 2005) }), 10_000, 0, 20);
    expect(kroner(month.disregarded)).toBe(230);
  });

  it('Beskæftigelsesministeriet, svar på BEU alm. del spm. 409 (2022): 28,66 kr. pr. udført arbejdstime ses der bort fra, for højst 160 timer om måneden', () => {
    // 100 hours a month: 2.866 kr. disregarded; 200 hours: still only 160 × 28,66 = 4.585,60 kr.
    expect(cashBenefitMonth(rates2024, 12_326, 10_000, 100).disregarded).toBeCloseTo(2_866, 6);
    expect(cashBenefitMonth(rates2024, 12_326, 10_000, 200).disregarded).toBeCloseTo(4_585.6, 6);
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

  it('after 1 July 2025 the answer says first that the new rules (fribeløb, 65 %) are not worked out yet; before it, it does not', () => {
    const today = calculateMonth(input({}), ratesToday);
    const before = calculateMonth(input({}), ratesOn('2025-06-30'));
    if (!today.covered || !before.covered) throw new Error('covered');
    expect(today.notes[0]?.da).toContain('Fra 1. juli 2025 gælder nye regler for kontanthjælp');
    expect(before.notes.map((note) => note.da).join(' ')).not.toContain('Fra 1. juli 2025 gælder nye regler');
    // The figure itself is the old rules' figure with the old rates: the cash rates did not change between the sets.
    expect(today.withJob).toEqual(before.withJob);
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
  it('Nyborg Kommune (borger.dk-tekst, 2019): 89 % af højeste dagpengesats = 16.791 kr. — with 2019 dagpenge 18.866 kr. (bm.dk satser 2019)', () => {
    expect(kroner(flexjobUnemploymentBenefit(withRates({ highestUnemploymentBenefit: published(18_866, 2019) })))).toBe(16_791);
  });

  it('Herning Kommune (borger.dk-tekst, 2020): 89 % af højeste dagpengesats = 16.984 kr. — with 2020 dagpenge 19.083 kr. (bm.dk satser 2020, laka.dk)', () => {
    expect(kroner(flexjobUnemploymentBenefit(withRates({ highestUnemploymentBenefit: published(19_083, 2020) })))).toBe(16_984);
  });

  it('built from § 74 a (89 %) and the table, no published figure: 18.120 kr. in 2024, 18.772 kr. in 2025, 19.616 kr. in 2026', () => {
    expect(kroner(flexjobUnemploymentBenefit(rates2024))).toBe(18_120);
    expect(kroner(flexjobUnemploymentBenefit(ratesOn('2025-03-01')))).toBe(18_772);
    expect(kroner(flexjobUnemploymentBenefit(ratesToday))).toBe(19_616);
  });
});

describe('førtidspension', () => {
  it('Seniorhåndbogen 2024, enlig: 100.000 kr. i indtægt − 86.900 kr. = 13.100 kr.; 30 % = 3.930 kr. om året; månedlig førtidspension 20.039 kr.', () => {
    // The example counts with a yearly pension of 244.400 kr.; the same page's monthly rate, 20.370 kr., is 244.440 kr. a year.
    const month = disabilityPensionMonth(withRates({ disabilityPensionSingle: published(244_400 / 12, 2024) }), 100_000, false);
    expect(month.yearlyReduction).toBeCloseTo(3_930, 6);
    expect(kroner(month.pension)).toBe(20_039);
  });

  it('Ældre Sagen, "Beregning af ny førtidspension" eksempel 1 (2020), enlig: 83.400 kr. − fradrag 80.300 kr. = 3.100 kr.; nedsættelse 30 % = 930 kr. af 229.104 kr.', () => {
    const aeldreSagen2020 = withRates({ disabilityPensionSingle: published(19_092, 2020), disabilityThresholdSingle: published(80_300, 2020) });
    const month = disabilityPensionMonth(aeldreSagen2020, 83_400, false);
    expect(month.fullPension * 12).toBe(229_104);
    expect(month.yearlyReduction).toBeCloseTo(930, 6);
    expect(month.pension * 12).toBeCloseTo(229_104 - 930, 6);
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
  it('Mariagerfjord Kommune 2024: løn inkl. pension op til lønindtægtsgrænsen (16.323 kr.) sætter ikke ydelsen ned; 55 % af det, der overstiger', () => {
    expect(resourceProgrammeMonth(rates2024, 12_326, 16_323).benefit).toBe(12_326);
    // 20.000 kr.: 55 % of 3.677 kr. = 2.022,35 kr.
    expect(resourceProgrammeMonth(rates2024, 12_326, 20_000).benefit).toBeCloseTo(12_326 - 2_022.35, 6);
  });

  it('phongnhaexplorer.com (a third-party page, not an authority): løn 20.000 kr., grænse 16.911 kr.; 55 % af 3.089 kr. = 1.698,95 kr.', () => {
    const month = resourceProgrammeMonth(withRates({ resourceProgrammeThreshold: published(16_911, 2025) }), 12_326, 20_000);
    expect(month.reductionAbove).toBeCloseTo(1_698.95, 6);
    expect(month.reductionBelow).toBe(0);
  });

  it('borger.dk via Herning Kommune (2019) described the older rule, 30 % up to 14.686 kr. and 55 % above: the table keeps both shares', () => {
    const herning2019 = withRates({
      resourceProgrammeThreshold: published(14_686, 2019),
      resourceProgrammeReductionBelow: published(0.3, 2019),
    });
    const month = resourceProgrammeMonth(herning2019, 11_423, 15_000);
    expect(month.reductionBelow).toBeCloseTo(4_405.8, 6);
    expect(month.reductionAbove).toBeCloseTo(172.7, 6);
  });

  it('a small job leaves the benefit whole and adds the wage: 10 t × 150 kr. (6.495 kr.) on 12.326 kr.; the pension counts with the wage', () => {
    const result = calculateMonth(input({ benefit: 'resource_programme' }), ratesToday);
    if (!result.covered) throw new Error('covered');
    expect(result.withJob).toEqual({ wage: 6_495, benefit: 12_326, total: 18_821 });
    expect(result.steps.map((step) => step.da).join(' ')).toContain('Løn op til 16.323 kr. om måneden sætter ikke ydelsen ned');
    expect(result.notes.map((note) => note.da).join(' ')).toContain('lov nr. 1750 af 29. december 2025');
    // 37 t × 150 kr. = 24.031,50 kr.; with 10 % pension 26.434,65 kr.: 55 % of 10.111,65 kr. = 5.561,41 kr.
    const fullTime = calculateMonth(input({ benefit: 'resource_programme', hoursPerWeek: 37, pensionPercent: 10 }), ratesToday);
    if (!fullTime.covered) throw new Error('covered');
    expect(fullTime.withJob.benefit).toBe(kroner(12_326 - 0.55 * (26_434.65 - 16_323)));
  });
});

describe('where the calculator starts for a citizen and a job', () => {
  const citizen = { benefitStatus: 'cash_benefit_job_ready' as const, hoursMin: 7, hoursMax: 12 };
  const ordinary = { kind: 'ordinary_hours' as const, hoursMin: 5, hoursMax: 20, flexjobExpectedHours: null, hourlyWage: 152.5 };

  it('starts from the hours a new agreement would propose, not the job\'s most hours, with the citizen\'s benefit and the job\'s wage', () => {
    expect(jobCalculatorPrefill(citizen, ordinary)).toEqual({ benefit: 'cash_benefit_job_ready', hours: '7', wage: '152,5' });
    const flexjob = { ...ordinary, kind: 'flexjob' as const, flexjobExpectedHours: 15 };
    expect(jobCalculatorPrefill(citizen, flexjob).hours).toBe(`${proposedOrdinaryHours(flexjob, citizen)}`);
    expect(jobCalculatorPrefill(citizen, flexjob).hours).toBe('12');
  });

  it('the match rows show the figure of that start, so the agreement form and the proposal page show the same', () => {
    const money = matchMoney(citizen, { ...ordinary, wageAgreement: null }, ratesToday);
    const calculation = prefilledCalculation(jobCalculatorPrefill(citizen, ordinary), ratesToday);
    expect(calculation?.covered && money).toEqual({ kind: 'figure', difference: calculation?.covered ? calculation.difference : NaN });
    expect(matchMoney(citizen, { ...ordinary, hourlyWage: null, wageAgreement: 'HK' }, ratesToday)).toEqual({ kind: 'no_wage', wageAgreement: 'HK' });
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
