/**
 * "What do these hours mean for my money?": for one month, what a citizen has before tax now and with a job, by
 * the rules of their benefit. Vejledende only — never a decision: the municipality or Udbetaling Danmark decides.
 * Rates come from app/domain/benefit-rates.ts; each rule below is one function per benefit, and the result
 * carries one line per step in Danish and English so a person can follow the sum.
 */
import { z } from 'zod';
import { formatKroner } from './format';
import { BENEFIT_STATUSES, type BenefitStatus } from './vocabulary';
import { yearsOf, type BenefitRates } from './benefit-rates';
import { proposedOrdinaryHours } from './agreement-rules';
import type { OpeningKind } from './vocabulary';

/** Weeks per month: a weekly wage times this is the monthly wage (52 / 12, as the jobcentres round it). */
export const WEEKS_PER_MONTH = 4.33;
export const MAX_HOURS_PER_WEEK = 37;
export const MAX_HOURLY_WAGE = 1000;
export const MAX_PENSION_PERCENT = 30;

export type Line = { readonly da: string; readonly en: string };

export type CalculatorInput = {
  benefit: BenefitStatus;
  hoursPerWeek: number;
  hourlyWage: number;
  /** The employer's pension contribution in per cent of the wage. */
  pensionPercent: number;
  /** Provides for children (forsørger): the higher kontanthjælp and ressourceforløbsydelse rates. */
  provider: boolean;
  /** Married or cohabiting: the couple's førtidspension rate and threshold. */
  couple: boolean;
};

/** One column of the comparison: wage and benefit before tax for one month. */
export type MonthSide = { wage: number; benefit: number; total: number };

export type Calculation =
  | { covered: false; benefit: BenefitStatus; message: Line; reason: Line }
  | {
      covered: true;
      benefit: BenefitStatus;
      now: MonthSide;
      withJob: MonthSide;
      /** withJob.total − now.total */
      difference: number;
      /** What the benefit is called in each column ("Ledighedsydelse" now, "Fleksløntilskud" with the job). */
      benefitNow: Line;
      benefitWithJob: Line;
      steps: Line[];
      /** What the figure leaves out: shown under the steps so nobody mistakes it for a decision. */
      notes: Line[];
      years: number[];
    };

export const NOT_COVERED_MESSAGE: Line = {
  da: 'Beregneren dækker ikke din ydelse endnu – spørg din jobkonsulent.',
  en: 'The calculator does not cover your benefit yet – ask your job consultant.',
};

const kr = (amount: number): Line => ({ da: formatKroner(amount, 'da'), en: formatKroner(amount, 'en') });
const whole = (amount: number) => Math.sign(amount) * Math.round(Math.abs(amount));
const percent = (share: number) => `${Math.round(share * 1000) / 10}`.replace('.', ',');
const percentEn = (share: number) => `${Math.round(share * 1000) / 10}`;

/** The monthly wage from the weekly hours and the hourly wage, without pension. */
export function monthlyWage(hoursPerWeek: number, hourlyWage: number): number {
  return hoursPerWeek * hourlyWage * WEEKS_PER_MONTH;
}

// ---------------------------------------------------------------- kontanthjælp / uddannelseshjælp

export type CashBenefitMonth = { benefit: number; countedEarnings: number; disregarded: number; deduction: number };

/**
 * Kontanthjælp and uddannelseshjælp: earnings after arbejdsmarkedsbidrag are deducted krone for krone, after the
 * amount the law disregards per hour worked (at most a number of hours a month).
 */
export function cashBenefitMonth(rates: BenefitRates, base: number, wage: number, hoursPerMonth: number): CashBenefitMonth {
  const countedEarnings = wage * (1 - rates.labourMarketContribution.amount);
  const disregarded = rates.workDisregardPerHour.amount * Math.min(hoursPerMonth, rates.workDisregardMaxHoursPerMonth.amount);
  const deduction = Math.max(0, countedEarnings - disregarded);
  return { benefit: Math.max(0, base - deduction), countedEarnings, disregarded, deduction };
}

// ---------------------------------------------------------------- fleksjob and ledighedsydelse

export type FlexjobMonth = {
  maxSubsidy: number;
  reductionLow: number;
  reductionHigh: number;
  /** The subsidy before the lønloft. */
  beforeCeiling: number;
  /** The lønloft: what the job pays at full time, pension included. */
  ceiling: number;
  cappedByCeiling: boolean;
  subsidy: number;
  atp: number;
  /** The subsidy paid out: after the extra ATP contribution. */
  paidSubsidy: number;
};

/**
 * Fleksløntilskud: at most a share of the highest dagpenge rate, reduced by the low rate of the wage incl. pension
 * up to the threshold and the high rate above it; wage plus subsidy never above the lønloft; the citizen pays an
 * extra ATP contribution of the subsidy, capped per month.
 */
export function flexjobMonth(rates: BenefitRates, wageWithPension: number, fullTimeWageWithPension: number): FlexjobMonth {
  const maxSubsidy = rates.highestUnemploymentBenefit.amount * rates.flexSubsidyShareOfHighest.amount;
  const threshold = rates.flexThreshold.amount;
  const reductionLow = Math.min(wageWithPension, threshold) * rates.flexReductionLow.amount;
  const reductionHigh = Math.max(0, wageWithPension - threshold) * rates.flexReductionHigh.amount;
  const beforeCeiling = Math.max(0, maxSubsidy - reductionLow - reductionHigh);
  const room = Math.max(0, fullTimeWageWithPension - wageWithPension);
  const cappedByCeiling = beforeCeiling > room;
  const subsidy = Math.min(beforeCeiling, room);
  const atp = Math.min(subsidy * rates.flexAtpShare.amount, rates.flexAtpCap.amount);
  return { maxSubsidy, reductionLow, reductionHigh, beforeCeiling, ceiling: fullTimeWageWithPension, cappedByCeiling, subsidy, atp, paidSubsidy: subsidy - atp };
}

/** Ledighedsydelse at the high rate: a share of the highest dagpenge rate. */
export function flexjobUnemploymentBenefit(rates: BenefitRates): number {
  return rates.highestUnemploymentBenefit.amount * rates.flexjobUnemploymentShare.amount;
}

// ---------------------------------------------------------------- førtidspension (skånejob)

export type DisabilityPensionMonth = { yearlyIncome: number; threshold: number; yearlyReduction: number; pension: number; fullPension: number };

/** Førtidspension: reduced by a share of the yearly income (wage after arbejdsmarkedsbidrag) above the threshold. */
export function disabilityPensionMonth(rates: BenefitRates, yearlyIncome: number, couple: boolean): DisabilityPensionMonth {
  const fullPension = (couple ? rates.disabilityPensionCouple : rates.disabilityPensionSingle).amount;
  const threshold = (couple ? rates.disabilityThresholdCouple : rates.disabilityThresholdSingle).amount;
  const yearlyReduction = Math.max(0, yearlyIncome - threshold) * rates.disabilityReduction.amount;
  return { yearlyIncome, threshold, yearlyReduction, fullPension, pension: Math.max(0, fullPension - yearlyReduction / 12) };
}

// ---------------------------------------------------------------- ressourceforløbsydelse

export type ResourceProgrammeMonth = { reductionBelow: number; reductionAbove: number; benefit: number };

/**
 * Ressourceforløbsydelse: reduced by a share of the wage incl. pension up to the lønindtægtsgrænse (none in the rules
 * in force) and a share of the part above it (§ 68 a, stk. 2).
 */
export function resourceProgrammeMonth(rates: BenefitRates, base: number, wageWithPension: number): ResourceProgrammeMonth {
  const threshold = rates.resourceProgrammeThreshold.amount;
  const reductionBelow = Math.min(wageWithPension, threshold) * rates.resourceProgrammeReductionBelow.amount;
  const reductionAbove = Math.max(0, wageWithPension - threshold) * rates.resourceProgrammeReductionAbove.amount;
  return { reductionBelow, reductionAbove, benefit: Math.max(0, base - reductionBelow - reductionAbove) };
}

// ---------------------------------------------------------------- the whole comparison

const VEJLEDENDE: Line = {
  da: 'Beregningen er vejledende og ikke en afgørelse. Det er kommunen eller Udbetaling Danmark, der beregner din ydelse.',
  en: 'This is a guide, not a decision. Your municipality or Udbetaling Danmark works out your benefit.',
};
const BEFORE_TAX: Line = {
  da: 'Alle beløb er pr. måned før skat. Boligstøtte, børneydelser og skat er ikke regnet med.',
  en: 'All amounts are per month before tax. Housing benefit, child benefits and tax are not included.',
};

function side(wage: number, benefit: number): MonthSide {
  const roundedWage = whole(wage);
  const roundedBenefit = whole(benefit);
  return { wage: roundedWage, benefit: roundedBenefit, total: roundedWage + roundedBenefit };
}

function wageLine(input: CalculatorInput, wage: number): Line {
  const hours = `${input.hoursPerWeek}`.replace('.', ',');
  const hourly = `${input.hourlyWage}`.replace('.', ',');
  return {
    da: `Løn: ${hours} timer om ugen × ${hourly} kr. i timen × ${`${WEEKS_PER_MONTH}`.replace('.', ',')} uger = ${kr(wage).da} om måneden.`,
    en: `Wage: ${input.hoursPerWeek} hours a week × DKK ${input.hourlyWage} an hour × ${WEEKS_PER_MONTH} weeks = ${kr(wage).en} a month.`,
  };
}

/** A sentence that ends on an amount ends on "kr." once, not "kr..". */
const oneFullStop = (text: Line): Line => ({ da: text.da.replace(/kr\.\./g, 'kr.'), en: text.en });

function calculated(
  input: CalculatorInput,
  rates: BenefitRates,
  parts: { now: MonthSide; withJob: MonthSide; benefitNow: Line; benefitWithJob: Line; steps: Line[]; notes?: Line[] },
): Calculation {
  return {
    covered: true,
    benefit: input.benefit,
    now: parts.now,
    withJob: parts.withJob,
    difference: parts.withJob.total - parts.now.total,
    benefitNow: parts.benefitNow,
    benefitWithJob: parts.benefitWithJob,
    steps: parts.steps.map(oneFullStop),
    notes: [...(parts.notes ?? []), BEFORE_TAX, VEJLEDENDE].map(oneFullStop),
    years: yearsOf(rates),
  };
}

function calculateCashBenefit(input: CalculatorInput, rates: BenefitRates): Calculation {
  const education = input.benefit === 'education_benefit';
  const baseRate = education
    ? input.provider
      ? rates.educationBenefitSingleProvider
      : rates.educationBenefitAwayFromHome
    : input.provider
      ? rates.cashBenefitProvider
      : rates.cashBenefitOther;
  const name: Line = education ? { da: 'Uddannelseshjælp', en: 'Education benefit' } : { da: 'Kontanthjælp', en: 'Cash benefit' };
  const wage = monthlyWage(input.hoursPerWeek, input.hourlyWage);
  const hoursPerMonth = input.hoursPerWeek * WEEKS_PER_MONTH;
  const month = cashBenefitMonth(rates, baseRate.amount, wage, hoursPerMonth);
  const am = rates.labourMarketContribution.amount;
  const steps: Line[] = [
    {
      da: `${name.da} i dag: ${kr(baseRate.amount).da} om måneden (sats ${baseRate.year}${input.provider ? ', forsørger' : ''}).`,
      en: `${name.en} today: ${kr(baseRate.amount).en} a month (${baseRate.year} rate${input.provider ? ', with children' : ''}).`,
    },
    wageLine(input, wage),
    {
      da: `Af lønnen tæller ${kr(month.countedEarnings).da} (efter ${percent(am)} % arbejdsmarkedsbidrag).`,
      en: `${kr(month.countedEarnings).en} of the wage counts (after the ${percentEn(am)} % labour market contribution).`,
    },
    {
      da: `Kommunen ser bort fra ${`${rates.workDisregardPerHour.amount}`.replace('.', ',')} kr. pr. arbejdstime: ${kr(month.disregarded).da}.`,
      en: `The municipality disregards DKK ${rates.workDisregardPerHour.amount} per hour worked: ${kr(month.disregarded).en}.`,
    },
    {
      da: `${name.da} bliver sat ned med resten, ${kr(month.deduction).da}, til ${kr(month.benefit).da}.`,
      en: `Your ${name.en.toLowerCase()} goes down by the rest, ${kr(month.deduction).en}, to ${kr(month.benefit).en}.`,
    },
  ];
  const reform: Line[] =
    rates.cashBenefitRules === 'reform-2025'
      ? [
          {
            da: 'Fra 1. juli 2025 gælder nye regler for kontanthjælp: et fribeløb om måneden, og af lønnen derover trækkes 65 %. De nye satser og fribeløb har beregneren ikke fået endnu, så den regner med reglerne fra før. Med de nye regler beholder du som regel mere af lønnen. Spørg din jobkonsulent om dit tal.',
            en: 'Since 1 July 2025 new rules apply to cash benefit: a monthly amount you may earn freely, and 65 % of the wage above it is deducted. The calculator does not have the new rates yet, so it uses the rules from before. Under the new rules you usually keep more of your wage. Ask your job consultant for your figure.',
          },
        ]
      : [];
  const notes: Line[] = [
    ...reform,
    {
      da: 'Satserne er fra før kontanthjælpsreformen 1. juli 2025 (hvor integrationsydelse, selvforsørgelses- og hjemrejseydelse og overgangsydelse blev til kontanthjælp); de nye satser og tillæg er ikke regnet med.',
      en: 'The rates are from before the cash benefit reform of 1 July 2025 (which turned integration, self-support and transition benefits into cash benefit); the new rates and supplements are not included.',
    },
    {
      da: 'En ægtefælles indtægt, boligstøtte og kontanthjælpsloftet er ikke regnet med.',
      en: "A spouse's income, housing benefit and the benefit cap are not included.",
    },
  ];
  return calculated(input, rates, {
    now: side(0, baseRate.amount),
    withJob: side(wage, month.benefit),
    benefitNow: name,
    benefitWithJob: name,
    steps,
    notes,
  });
}

function calculateFlexjob(input: CalculatorInput, rates: BenefitRates): Calculation {
  const unemployment = flexjobUnemploymentBenefit(rates);
  const wage = monthlyWage(input.hoursPerWeek, input.hourlyWage);
  const pensionShare = input.pensionPercent / 100;
  const wageWithPension = wage * (1 + pensionShare);
  const ceiling = monthlyWage(MAX_HOURS_PER_WEEK, input.hourlyWage) * (1 + pensionShare);
  const month = flexjobMonth(rates, wageWithPension, ceiling);
  const share = rates.flexjobUnemploymentShare.amount;
  const unemploymentLine: Line = {
      da: `Ledighedsydelse i dag: ${percent(share)} % af højeste dagpengesats (${kr(rates.highestUnemploymentBenefit.amount).da}) = ${kr(unemployment).da} om måneden.`,
      en: `Flexjob unemployment benefit today: ${percentEn(share)} % of the highest unemployment benefit (${kr(rates.highestUnemploymentBenefit.amount).en}) = ${kr(unemployment).en} a month.`,
  };
  const now = side(0, unemployment);
  const benefitNow: Line = { da: 'Ledighedsydelse', en: 'Flexjob unemployment benefit' };
  // The subsidy is only paid on top of a wage: without hours there is no fleksjob, and the ledighedsydelse stays.
  if (wage === 0) {
    const steps = [unemploymentLine, { da: 'Uden timer er der intet fleksjob, så du beholder ledighedsydelsen.', en: 'Without hours there is no flexjob, so you keep the flexjob unemployment benefit.' }];
    return calculated(input, rates, { now, withJob: now, benefitNow, benefitWithJob: benefitNow, steps });
  }
  const steps: Line[] = [unemploymentLine, wageLine(input, wage)];
  if (input.pensionPercent > 0) {
    steps.push({
      da: `Med ${`${input.pensionPercent}`.replace('.', ',')} % pension fra arbejdsgiveren tæller lønnen som ${kr(wageWithPension).da}. Pensionen går til din pensionsopsparing.`,
      en: `With ${input.pensionPercent} % pension from the employer the wage counts as ${kr(wageWithPension).en}. The pension goes to your pension savings.`,
    });
  }
  steps.push(
    {
      da: `Fleksløntilskuddet er højst ${kr(month.maxSubsidy).da} (${percent(rates.flexSubsidyShareOfHighest.amount)} % af højeste dagpengesats).`,
      en: `The flexjob subsidy is at most ${kr(month.maxSubsidy).en} (${percentEn(rates.flexSubsidyShareOfHighest.amount)} % of the highest unemployment benefit).`,
    },
    {
      da: `Det sættes ned med ${percent(rates.flexReductionLow.amount)} % af lønnen op til ${kr(rates.flexThreshold.amount).da} (${kr(month.reductionLow).da}) og ${percent(rates.flexReductionHigh.amount)} % af lønnen derover (${kr(month.reductionHigh).da}): ${kr(month.beforeCeiling).da}.`,
      en: `It goes down by ${percentEn(rates.flexReductionLow.amount)} % of the wage up to ${kr(rates.flexThreshold.amount).en} (${kr(month.reductionLow).en}) and ${percentEn(rates.flexReductionHigh.amount)} % above it (${kr(month.reductionHigh).en}): ${kr(month.beforeCeiling).en}.`,
    },
    month.cappedByCeiling
      ? {
          da: `Løn og tilskud må tilsammen ikke overstige lønnen for jobbet på fuld tid (lønloftet, ${kr(month.ceiling).da}), så tilskuddet bliver ${kr(month.subsidy).da}.`,
          en: `Wage and subsidy together may not exceed the full-time wage for the job (the wage ceiling, ${kr(month.ceiling).en}), so the subsidy is ${kr(month.subsidy).en}.`,
        }
      : {
          da: `Løn og tilskud er under lønnen for jobbet på fuld tid (lønloftet, ${kr(month.ceiling).da}).`,
          en: `Wage and subsidy stay below the full-time wage for the job (the wage ceiling, ${kr(month.ceiling).en}).`,
        },
    {
      da: `Af tilskuddet betaler du ${percent(rates.flexAtpShare.amount)} % ekstra ATP-bidrag, højst ${kr(rates.flexAtpCap.amount).da}: ${kr(month.atp).da}. Udbetalt tilskud: ${kr(month.paidSubsidy).da}.`,
      en: `You pay an extra ${percentEn(rates.flexAtpShare.amount)} % ATP contribution of the subsidy, at most ${kr(rates.flexAtpCap.amount).en}: ${kr(month.atp).en}. Subsidy paid out: ${kr(month.paidSubsidy).en}.`,
    },
  );
  const notes: Line[] = [
    {
      da: 'Lønloftet er regnet som timelønnen i 37 timer om ugen med samme pension. Ledighedsydelsen er den høje sats; nogle får en lavere sats på kontanthjælpsniveau.',
      en: 'The wage ceiling is taken as the hourly wage for 37 hours a week with the same pension. The flexjob unemployment benefit is the high rate; some receive a lower rate at the cash benefit level.',
    },
  ];
  return calculated(input, rates, {
    now,
    withJob: side(wage, month.paidSubsidy),
    benefitNow,
    benefitWithJob: { da: 'Fleksløntilskud', en: 'Flexjob subsidy' },
    steps,
    notes,
  });
}

function calculateDisabilityPension(input: CalculatorInput, rates: BenefitRates): Calculation {
  const wage = monthlyWage(input.hoursPerWeek, input.hourlyWage);
  const yearlyIncome = wage * 12 * (1 - rates.labourMarketContribution.amount);
  const month = disabilityPensionMonth(rates, yearlyIncome, input.couple);
  const name: Line = { da: 'Førtidspension', en: 'Disability pension' };
  const who: Line = input.couple ? { da: 'gift/samlevende', en: 'married/cohabiting' } : { da: 'enlig', en: 'single' };
  const steps: Line[] = [
    {
      da: `Førtidspension i dag: ${kr(month.fullPension).da} om måneden (${who.da}).`,
      en: `Disability pension today: ${kr(month.fullPension).en} a month (${who.en}).`,
    },
    wageLine(input, wage),
    {
      da: `Om året tæller lønnen efter arbejdsmarkedsbidrag: ${kr(month.yearlyIncome).da}. Pensionen sættes ikke ned for de første ${kr(month.threshold).da} om året.`,
      en: `Per year the wage after the labour market contribution counts: ${kr(month.yearlyIncome).en}. The pension is not reduced for the first ${kr(month.threshold).en} a year.`,
    },
    {
      da: `Pensionen sættes ned med ${percent(rates.disabilityReduction.amount)} % af resten: ${kr(month.yearlyReduction).da} om året, ${kr(month.yearlyReduction / 12).da} om måneden. Førtidspension med jobbet: ${kr(month.pension).da}.`,
      en: `The pension goes down by ${percentEn(rates.disabilityReduction.amount)} % of the rest: ${kr(month.yearlyReduction).en} a year, ${kr(month.yearlyReduction / 12).en} a month. Disability pension with the job: ${kr(month.pension).en}.`,
    },
  ];
  const notes: Line[] = [
    {
      da: 'Regnet for førtidspension tilkendt efter 2003 og en samlever, der ikke selv får pension. Andre indtægter (fx pension eller renter) tæller også med og er ikke regnet med her.',
      en: 'Worked out for a disability pension granted after 2003 and a partner who does not receive a pension. Other income (such as pensions or interest) also counts and is not included here.',
    },
  ];
  return calculated(input, rates, { now: side(0, month.fullPension), withJob: side(wage, month.pension), benefitNow: name, benefitWithJob: name, steps, notes });
}

function calculateResourceProgramme(input: CalculatorInput, rates: BenefitRates): Calculation {
  const base = (input.provider ? rates.resourceProgrammeProvider : rates.resourceProgrammeOther).amount;
  const wage = monthlyWage(input.hoursPerWeek, input.hourlyWage);
  const wageWithPension = wage * (1 + input.pensionPercent / 100);
  const month = resourceProgrammeMonth(rates, base, wageWithPension);
  const threshold = kr(rates.resourceProgrammeThreshold.amount);
  const above = rates.resourceProgrammeReductionAbove.amount;
  const below = rates.resourceProgrammeReductionBelow.amount;
  const name: Line = { da: 'Ressourceforløbsydelse', en: 'Resource programme benefit' };
  const steps: Line[] = [
    {
      da: `Ressourceforløbsydelse i dag: ${kr(base).da} om måneden (på kontanthjælpsniveau${input.provider ? ', forsørger' : ''}).`,
      en: `Resource programme benefit today: ${kr(base).en} a month (at the cash benefit level${input.provider ? ', with children' : ''}).`,
    },
    wageLine(input, wage),
  ];
  if (input.pensionPercent > 0) {
    steps.push({
      da: `Med pension fra arbejdsgiveren tæller lønnen som ${kr(wageWithPension).da}.`,
      en: `With the employer's pension the wage counts as ${kr(wageWithPension).en}.`,
    });
  }
  steps.push(
    below > 0
      ? {
          da: `Ydelsen sættes ned med ${percent(below)} % af lønnen op til ${threshold.da} (${kr(month.reductionBelow).da}) og ${percent(above)} % derover (${kr(month.reductionAbove).da}): ${kr(month.benefit).da}.`,
          en: `The benefit goes down by ${percentEn(below)} % of the wage up to ${threshold.en} (${kr(month.reductionBelow).en}) and ${percentEn(above)} % above it (${kr(month.reductionAbove).en}): ${kr(month.benefit).en}.`,
        }
      : {
          da: `Løn op til ${threshold.da} om måneden sætter ikke ydelsen ned. Af lønnen derover trækkes ${percent(above)} % (${kr(month.reductionAbove).da}): ${kr(month.benefit).da}.`,
          en: `A wage up to ${threshold.en} a month does not reduce the benefit. ${percentEn(above)} % of the wage above it is deducted (${kr(month.reductionAbove).en}): ${kr(month.benefit).en}.`,
        },
  );
  const notes: Line[] = [
    {
      da: 'Regnet for ressourceforløbsydelse på kontanthjælpsniveau. Får du ydelsen på sygedagpengeniveau, dækker beregneren det ikke endnu.',
      en: 'Worked out for the resource programme benefit at the cash benefit level. If yours is at the sickness benefit level, the calculator does not cover it yet.',
    },
    {
      da: 'Ressourceforløb afskaffes for nye borgere med beskæftigelsesreformen (lov nr. 1750 af 29. december 2025, i kraft i 2026). Et forløb, der allerede er i gang, fortsætter.',
      en: 'Resource programmes are abolished for new citizens by the employment reform (Act no. 1750 of 29 December 2025, in force in 2026). A programme already under way continues.',
    },
  ];
  return calculated(input, rates, { now: side(0, base), withJob: side(wage, month.benefit), benefitNow: name, benefitWithJob: name, steps, notes });
}

const NOT_COVERED_REASONS: Partial<Record<BenefitStatus, Line>> = {
  sickness_benefit: {
    da: 'Sygedagpenge afhænger af din tidligere løn og af, hvor mange timer du er raskmeldt til. Det kan beregneren ikke vide.',
    en: 'Sickness benefit depends on your earlier wage and on how many hours you are declared fit for. The calculator cannot know that.',
  },
  other: {
    da: 'Vi ved ikke, hvilken ydelse du får.',
    en: 'We do not know which benefit you receive.',
  },
};

/** The month now and with the job, by the citizen's benefit; an honest "not covered" instead of a guess. */
export function calculateMonth(input: CalculatorInput, rates: BenefitRates): Calculation {
  switch (input.benefit) {
    case 'cash_benefit_activity_ready':
    case 'cash_benefit_job_ready':
    case 'education_benefit':
    case 'integration_benefit':
      return calculateCashBenefit(input, rates);
    case 'flexjob_unemployment':
      return calculateFlexjob(input, rates);
    case 'disability_pension':
      return calculateDisabilityPension(input, rates);
    case 'resource_programme':
      return calculateResourceProgramme(input, rates);
    default:
      return { covered: false, benefit: input.benefit, message: NOT_COVERED_MESSAGE, reason: NOT_COVERED_REASONS[input.benefit] ?? NOT_COVERED_REASONS.other! };
  }
}

// ---------------------------------------------------------------- the form's input

type Language = 'da' | 'en';

const MESSAGES = {
  da: {
    benefit: 'Vælg din forsørgelse.',
    hours: `Skriv et antal timer om ugen mellem 0 og ${MAX_HOURS_PER_WEEK}.`,
    wage: `Skriv en timeløn mellem 0 og ${MAX_HOURLY_WAGE} kr.`,
    pension: `Skriv en pension mellem 0 og ${MAX_PENSION_PERCENT} %.`,
  },
  en: {
    benefit: 'Choose your benefit.',
    hours: `Enter a number of hours a week between 0 and ${MAX_HOURS_PER_WEEK}.`,
    wage: `Enter an hourly wage between 0 and DKK ${MAX_HOURLY_WAGE}.`,
    pension: `Enter a pension between 0 and ${MAX_PENSION_PERCENT} %.`,
  },
} as const;

/** A number as people type it: "7,5", "150", " 12 ". Empty is not a number. */
function typedNumber(message: string, min: number, max: number) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .transform((value) => Number(value.replace(/\s/g, '').replace(',', '.')))
    .pipe(z.number({ error: message }).finite(message).min(min, message).max(max, message));
}

/** The calculator's fields as the GET form sends them; messages at the field in the reader's language. */
export function calculatorInputSchema(language: Language = 'da') {
  const m = MESSAGES[language];
  return z.object({
    benefit: z.enum(BENEFIT_STATUSES, { error: m.benefit }),
    hours: typedNumber(m.hours, 0, MAX_HOURS_PER_WEEK),
    wage: typedNumber(m.wage, 0, MAX_HOURLY_WAGE),
    pension: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === '' ? '0' : value))
      .pipe(typedNumber(m.pension, 0, MAX_PENSION_PERCENT)),
    children: z.enum(['yes', 'no']).optional().default('no'),
    household: z.enum(['single', 'couple']).optional().default('single'),
  });
}

/** The parsed form as the calculator's input. */
export function toCalculatorInput(parsed: z.infer<ReturnType<typeof calculatorInputSchema>>): CalculatorInput {
  return {
    benefit: parsed.benefit,
    hoursPerWeek: parsed.hours,
    hourlyWage: parsed.wage,
    pensionPercent: parsed.pension,
    provider: parsed.children === 'yes',
    couple: parsed.household === 'couple',
  };
}

// ---------------------------------------------------------------- reading the GET form

export const CALCULATOR_FIELDS = ['benefit', 'hours', 'wage', 'pension', 'children', 'household'] as const;
export type CalculatorField = (typeof CALCULATOR_FIELDS)[number];
export type CalculatorValues = Partial<Record<CalculatorField, string>>;

export type CalculatorForm = {
  /** What the form shows: the prefill overwritten by what the person sent. */
  values: CalculatorValues;
  errors: Partial<Record<CalculatorField, string>>;
  result: Calculation | null;
};

/**
 * The calculator as a GET form reads it: the page's prefill (the citizen's benefit, the job's hours and wage)
 * overwritten by the fields in the address. Nothing sent and an incomplete prefill: the empty form, no messages.
 */
export function readCalculatorForm(query: URLSearchParams, prefill: CalculatorValues, rates: BenefitRates, language: Language = 'da'): CalculatorForm {
  const values: CalculatorValues = { ...prefill };
  let sent = false;
  for (const field of CALCULATOR_FIELDS) {
    const value = query.get(field);
    if (value !== null) {
      values[field] = value.slice(0, 40);
      sent = true;
    }
  }
  if (!sent && !(values.benefit && values.hours && values.wage)) return { values, errors: {}, result: null };
  const parsed = calculatorInputSchema(language).safeParse(values);
  if (!parsed.success) {
    const errors: CalculatorForm['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CalculatorField;
      errors[field] ??= issue.message;
    }
    return { values, errors, result: null };
  }
  return { values, errors: {}, result: calculateMonth(toCalculatorInput(parsed.data), rates) };
}

/** A weekly number of hours as the form shows it: "7,5". */
export function hoursValue(hours: number | null | undefined): string | undefined {
  return hours === null || hours === undefined ? undefined : `${hours}`.replace('.', ',');
}

/** What the calculator needs to know of the citizen it starts from. */
export type CalculatorCitizen = { benefitStatus: BenefitStatus; hoursMin: number; hoursMax: number };
/** What the calculator needs to know of the job it starts from. */
export type CalculatorOpening = {
  kind: OpeningKind;
  hoursMin: number;
  hoursMax: number;
  flexjobExpectedHours: number | null;
  hourlyWage: number | null;
};

/**
 * The calculator's starting point for one citizen and one job, wherever it is shown — the citizen's proposal page,
 * "Job til mig", the consultant's match rows and the agreement form — so they all show one figure for a pair: the
 * citizen's benefit, the job's hourly wage, and the ordinary hours a new agreement would propose
 * (proposedOrdinaryHours: a fleksjob's expected hours up to what the citizen can work, otherwise the citizen's
 * minimum inside the job's range). Not the job's most hours: they may be more than the citizen can work, and the
 * agreement that follows a yes would not propose them (decision 031).
 */
export function jobCalculatorPrefill(citizen: CalculatorCitizen, opening: CalculatorOpening): CalculatorValues {
  return { benefit: citizen.benefitStatus, hours: hoursValue(proposedOrdinaryHours(opening, citizen)), wage: hoursValue(opening.hourlyWage) };
}

/** The figure for a prefill alone, as the calculator shows it before anyone types: null without a wage. */
export function prefilledCalculation(prefill: CalculatorValues, rates: BenefitRates): Calculation | null {
  return readCalculatorForm(new URLSearchParams(), prefill, rates).result;
}

/** The calculator's answer in one line of a match list. */
export type MatchMoney = { kind: 'figure'; difference: number } | { kind: 'not_covered' } | { kind: 'no_wage'; wageAgreement: string | null };

/**
 * The figure for a citizen and a job on the consultant's match pages: the same start as the agreement form's
 * (jobCalculatorPrefill), so it is the number the form shows for the pair. Pure and cheap (one list row).
 */
export function matchMoney(citizen: CalculatorCitizen, opening: CalculatorOpening & { wageAgreement: string | null }, rates: BenefitRates): MatchMoney {
  const result = prefilledCalculation(jobCalculatorPrefill(citizen, opening), rates);
  if (!result) return { kind: 'no_wage', wageAgreement: opening.wageAgreement };
  return result.covered ? { kind: 'figure', difference: result.difference } : { kind: 'not_covered' };
}
