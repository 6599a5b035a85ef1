/**
 * The rates the benefit calculator reads, one set per effective date, every value with its year and its source.
 * Pure data: app/domain/benefit-calculator.ts holds the rules, this file only the numbers. To add next year's
 * rates, add a new set at the end with its `effectiveFrom` and the sources you read them from (see decision 031).
 */

/** One published number: the year it belongs to and where it was read. */
export type Rate = { readonly amount: number; readonly year: number; readonly source: string };

/**
 * Which rules for kontanthjælp are in force: the disregard per hour worked, or the reform of 1 July 2025 (grundsats,
 * forhøjet sats, tillæg and a monthly fribeløb). The calculator has no rates for the reform yet: with 'reform-2025'
 * it still works out the old rules and says so at the top of the notes (decision 031).
 */
export type CashBenefitRules = 'disregard-per-hour' | 'reform-2025';

export type BenefitRates = {
  /** The first day these rates are used (YYYY-MM-DD). */
  readonly effectiveFrom: string;
  readonly cashBenefitRules: CashBenefitRules;
  /** Kontanthjælp, fyldt 30 år (before the reform of 1 July 2025). */
  readonly cashBenefitProvider: Rate;
  readonly cashBenefitOther: Rate;
  /** Uddannelseshjælp. */
  readonly educationBenefitSingleProvider: Rate;
  readonly educationBenefitAwayFromHome: Rate;
  /** Kontanthjælp: the part of earnings the municipality disregards per hour worked, and the hours it counts at most. */
  readonly workDisregardPerHour: Rate;
  readonly workDisregardMaxHoursPerMonth: Rate;
  /** Arbejdsmarkedsbidrag: earnings count after it, for kontanthjælp and førtidspension. */
  readonly labourMarketContribution: Rate;
  /** Highest unemployment benefit (dagpenge) per month: the base of fleksløntilskud and ledighedsydelse. */
  readonly highestUnemploymentBenefit: Rate;
  readonly flexSubsidyShareOfHighest: Rate;
  /** Fleksløntilskud is reduced by the low rate of the wage incl. pension up to the threshold and the high rate above. */
  readonly flexThreshold: Rate;
  readonly flexReductionLow: Rate;
  readonly flexReductionHigh: Rate;
  /** The extra ATP contribution the citizen pays of the subsidy, and its monthly cap. */
  readonly flexAtpShare: Rate;
  readonly flexAtpCap: Rate;
  /** Ledighedsydelse, the high rate: a share of the highest unemployment benefit. */
  readonly flexjobUnemploymentShare: Rate;
  /** Førtidspension (granted after 2003) per month, and the yearly income it is not reduced for. */
  readonly disabilityPensionSingle: Rate;
  readonly disabilityPensionCouple: Rate;
  readonly disabilityThresholdSingle: Rate;
  readonly disabilityThresholdCouple: Rate;
  readonly disabilityReduction: Rate;
  /**
   * Ressourceforløbsydelse at the kontanthjælp level, the lønindtægtsgrænse, and the shares of the wage incl. pension
   * it is reduced by below and above that threshold (borger.dk 2019: 30 % / 55 %; municipalities 2022–2024: none / 55 %).
   */
  readonly resourceProgrammeProvider: Rate;
  readonly resourceProgrammeOther: Rate;
  readonly resourceProgrammeThreshold: Rate;
  readonly resourceProgrammeReductionBelow: Rate;
  readonly resourceProgrammeReductionAbove: Rate;
};

const BM_2024_KONTANTHJAELPSLOFT = 'Beskæftigelsesministeriet, satser for 2024 (bm.dk/satser/satser-for-2024/kontanthjaelpsloft), § 25 b, stk. 1';
const BM_2024_RESSOURCEFORLOEB = 'Beskæftigelsesministeriet, satser for 2024 (bm.dk/satser/satser-for-2024/ressourceforloebsydelse), § 68 og § 68 a';
const BM_2023_UDDANNELSESHJAELP = 'Beskæftigelsesministeriet, satser for 2023 (bm.dk/satser/satser-for-2023/uddannelseshjaelp), § 23, stk. 2';
const ODENSE_DISREGARD = 'Odense Kommune, "Regler for kontanthjælp" (odense.dk): 28,66 kr. pr. arbejdstime i 2022, højst 160 timer pr. måned (lov om aktiv socialpolitik § 30, stk. 2)';
const DI_2024_DAGPENGE = 'Dansk Industri, "Satser for sygedagpenge, G-dage m.m. 2024" (danskindustri.dk, 20.11.2023): arbejdsløshedsdagpenge, fuldtidsforsikrede';
const DFH_2024_FLEX = 'Det Faglige Hus, "Fleksløntilskud" (detfagligehus.dk): 98 % af højeste dagpengesats, 30 % / 55 % over 16.323 kr. (2024)';
const KK_FLEX_ATP = 'Københavns Kommune, "Beregning af fleksløntilskud" (kk.dk) og Billund Kommune (billund.dk): 5 % ATP af fleksløntilskuddet, dog højst 500 kr. om måneden';
const LAS_74A = 'Lov om aktiv socialpolitik § 74 a, stk. 2 (elov.dk/aktivloven/kapitel/7): 89 pct. af arbejdsløshedsdagpengenes højeste beløb';
const FTP_2024_AMOUNTS = 'Serviceforbundet, satser 2024 (serviceforbundet.dk/raad-og-svar/satser) og Seniorhåndbogen (seniorhaandbogen.dk/pension/foertidspension): førtidspension 2024';
const FTP_2024_THRESHOLDS = 'Seniorhåndbogen, "Må jeg arbejde som førtidspensionist?" (seniorhaandbogen.dk): 86.900 kr. for enlige, 138.000 kr. for samlevende (2024), 30 %';
const FTP_LAW = 'Lov om social pension § 32 c, stk. 1 (bm.dk/satser/satser-for-2020/foertidspension): nedsættelse 30 pct. af indtægtsgrundlaget';
const STAR_FTP_INCOME = 'STAR, "Beregning og udbetaling af førtidspension" (star.dk): løn indgår fratrukket arbejdsmarkedsbidrag';
const AM_CONTRIBUTION = 'Arbejdsmarkedsbidragsloven: 8 pct. af lønnen';
const RESOURCE_REDUCTION =
  'Mariagerfjord Kommune, "Ressourceforløb" (mariagerfjord.dk, 2024): lønindtægt inkl. pension over lønindtægtsgrænsen (16.323 kr., 2024) nedsætter ydelsen med 55 pct. af det overskydende; ' +
  'ligeså behandlosordentligt.dk, "Ressourceforløb" (2022-niveau, LBK nr. 241 af 12/02/2021)';
const BM_2025_DAGPENGE = 'Beskæftigelsesministeriet, satser for 2025 (bm.dk/satser/satser-for-2025/dagpenge): fuldtidsforsikrede, § 47, 21.092 kr. pr. md.';
const DAGPENGE_2026 =
  'Ikke fundet hos bm.dk i de gemte kilder; tredjepart: beraknare.se/dagpenge ("Max dagpenningsats 22 041 kr/md", med kilden bm.dk/satser/satser-for-2026) ' +
  'og github.com/mahope/beregner-dk src/lib/dagpenge-satser.test.ts ("de seks ministerietsatser": 22.041 kr.)';
const CASH_REFORM_2025 =
  'Lov nr. 1655 af 30. december 2024 (L 13, reform af kontanthjælpssystemet), i kraft 1. juli 2025: borger.dk, "Integrationsindsats og arbejdspligt"; Aalborg Kommune, "Det skal du vide om det nye kontanthjælpssystem"';

const rate = (amount: number, year: number, source: string): Rate => ({ amount, year, source });

/** The set of 2024: the values of three years, each with its own year (decision 031). */
const RATES_2024: BenefitRates = {
  effectiveFrom: '2024-01-01',
  cashBenefitRules: 'disregard-per-hour',
  cashBenefitProvider: rate(16_382, 2024, BM_2024_KONTANTHJAELPSLOFT),
  cashBenefitOther: rate(12_326, 2024, BM_2024_KONTANTHJAELPSLOFT),
  educationBenefitSingleProvider: rate(13_090, 2023, BM_2023_UDDANNELSESHJAELP),
  educationBenefitAwayFromHome: rate(6_545, 2023, BM_2023_UDDANNELSESHJAELP),
  workDisregardPerHour: rate(28.66, 2022, ODENSE_DISREGARD),
  workDisregardMaxHoursPerMonth: rate(160, 2022, ODENSE_DISREGARD),
  labourMarketContribution: rate(0.08, 2024, AM_CONTRIBUTION),
  highestUnemploymentBenefit: rate(20_359, 2024, DI_2024_DAGPENGE),
  flexSubsidyShareOfHighest: rate(0.98, 2024, DFH_2024_FLEX),
  flexThreshold: rate(16_323, 2024, `${DFH_2024_FLEX}; ${BM_2024_RESSOURCEFORLOEB} (lønindtægtsgrænse)`),
  flexReductionLow: rate(0.3, 2024, DFH_2024_FLEX),
  flexReductionHigh: rate(0.55, 2024, DFH_2024_FLEX),
  flexAtpShare: rate(0.05, 2024, KK_FLEX_ATP),
  flexAtpCap: rate(500, 2024, KK_FLEX_ATP),
  flexjobUnemploymentShare: rate(0.89, 2024, LAS_74A),
  disabilityPensionSingle: rate(20_370, 2024, FTP_2024_AMOUNTS),
  disabilityPensionCouple: rate(17_315, 2024, FTP_2024_AMOUNTS),
  disabilityThresholdSingle: rate(86_900, 2024, FTP_2024_THRESHOLDS),
  disabilityThresholdCouple: rate(138_000, 2024, FTP_2024_THRESHOLDS),
  disabilityReduction: rate(0.3, 2024, `${FTP_LAW}; ${STAR_FTP_INCOME}`),
  resourceProgrammeProvider: rate(16_382, 2024, BM_2024_RESSOURCEFORLOEB),
  resourceProgrammeOther: rate(12_326, 2024, BM_2024_RESSOURCEFORLOEB),
  resourceProgrammeThreshold: rate(16_323, 2024, BM_2024_RESSOURCEFORLOEB),
  resourceProgrammeReductionBelow: rate(0, 2024, RESOURCE_REDUCTION),
  resourceProgrammeReductionAbove: rate(0.55, 2024, RESOURCE_REDUCTION),
};

/**
 * Oldest first. The calculator uses the newest set whose effectiveFrom is on or before the day it is asked about.
 * A newer set repeats the older values it found no newer source for: each value keeps its own year, and the UI
 * prints the years (see yearsOf). Searched and not found for 2025–2026: see decision 031.
 */
export const BENEFIT_RATE_TABLE: readonly BenefitRates[] = [
  RATES_2024,
  {
    ...RATES_2024,
    effectiveFrom: '2025-01-01',
    highestUnemploymentBenefit: rate(21_092, 2025, BM_2025_DAGPENGE),
  },
  {
    ...RATES_2024,
    effectiveFrom: '2025-07-01',
    cashBenefitRules: 'reform-2025',
    highestUnemploymentBenefit: rate(21_092, 2025, `${BM_2025_DAGPENGE}; reglerne for kontanthjælp: ${CASH_REFORM_2025}`),
  },
  {
    ...RATES_2024,
    effectiveFrom: '2026-01-01',
    cashBenefitRules: 'reform-2025',
    highestUnemploymentBenefit: rate(22_041, 2026, DAGPENGE_2026),
  },
];

/** The rates in force on a day (YYYY-MM-DD); before the first set, the first set. */
export function ratesOn(day: string): BenefitRates {
  const inForce = BENEFIT_RATE_TABLE.filter((rates) => rates.effectiveFrom <= day);
  return inForce[inForce.length - 1] ?? (BENEFIT_RATE_TABLE[0] as BenefitRates);
}

function isRate(value: unknown): value is Rate {
  return typeof value === 'object' && value !== null && 'year' in value;
}

/** The years the values of a set come from, oldest first, e.g. [2022, 2023, 2024]: shown beside every result. */
export function yearsOf(rates: BenefitRates): number[] {
  const years = new Set<number>();
  for (const value of Object.values(rates) as unknown[]) if (isRate(value)) years.add(value.year);
  return [...years].sort((a, b) => a - b);
}
