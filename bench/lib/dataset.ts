/**
 * A seeded, realistic Danish data set of any size: jobcentres with consultants, companies, openings of the
 * three kinds and citizens with benefit statuses, hours, wishes, restrictions and accommodations. Places are
 * real postcodes with their coordinates, weighted towards Aarhus and Jutland. Pure: no I/O except reading
 * the postcode table; rows come out in batches ready for drizzle inserts.
 *
 * `openings` and `citizens` count what ends up in search (open openings with a free slot; citizens with
 * consent, not closed, in a matched phase). On top come a few rows that are not indexed (drafts, closed
 * openings, citizens without consent…), as a real database has them.
 */
import { findDiscriminatoryWording } from '../../app/domain/fair-wording';
import { makeValidCvr } from '../../app/domain/cvr';
import { distanceKm } from '../../app/domain/geo';
import {
  ACCOMMODATIONS,
  DEMANDS,
  type Accommodation,
  type BenefitStatus,
  type Demand,
  type OpeningKind,
  type OpeningStatus,
  type PathPhase,
  type TransportMode,
} from '../../app/domain/vocabulary';
import { allPostcodes, findPostcode, type Postcode } from '../../app/services/postcodes.server';
import type { citizenExcludedCompanies, citizens, companies, jobcentres, openings, users, agreements, LanguageSkill } from '../../db/schema';
import {
  COMPANY_NAME_PREFIXES,
  COMPANY_SUFFIXES,
  CONTACT_ROLES,
  FIRST_NAMES,
  HEALTH_NOTES,
  JOB_FAMILIES,
  LAST_NAMES,
  ORDINARY_TERMS,
  OTHER_LANGUAGES,
  STREETS,
  type JobFamily,
} from './catalog';
import { addDays, stream, subset, uuid, weighted, type Random } from './random';

export type DatasetOptions = { openings: number; citizens: number; companies: number; seed: number; today: string };

type JobcentreRow = typeof jobcentres.$inferInsert;
type UserRow = typeof users.$inferInsert;
type CompanyRow = typeof companies.$inferInsert;
type OpeningRow = typeof openings.$inferInsert;
type CitizenRow = typeof citizens.$inferInsert;
type ExclusionRow = typeof citizenExcludedCompanies.$inferInsert;
type AgreementRow = typeof agreements.$inferInsert;

/** Share of extra rows that are not indexed, on top of the requested counts. */
const EXTRA_OPENING_SHARE = 0.05;
const EXTRA_CITIZEN_SHARE = 0.06;
const AGREEMENT_SHARE = 0.02;

// ── Places ──────────────────────────────────────────────────────────────────────────────────────────────

const AARHUS = findPostcode('8000')!;
const AARHUS_AREA_KM = 30;

/** Postcode pools with their weights: Aarhus and its surroundings, the rest of Jutland, the rest of Denmark. */
export type PlacePicker = (random: Random) => Postcode;

export function placePicker(): PlacePicker {
  const all = allPostcodes();
  const aarhus = all.filter((place) => distanceKm(place, AARHUS) <= AARHUS_AREA_KM);
  const jutland = all.filter((place) => Number(place.postcode) >= 6000 && distanceKm(place, AARHUS) > AARHUS_AREA_KM);
  const rest = all.filter((place) => Number(place.postcode) < 6000);
  const pools = [
    { places: aarhus, weight: 0.45 },
    { places: jutland, weight: 0.35 },
    { places: rest, weight: 0.2 },
  ];
  return (random) => random.pick(weighted(random, pools, (pool) => pool.weight).places);
}

const JOBCENTRE_SEEDS = [
  { name: 'Jobcenter Aarhus', municipality: 'Aarhus Kommune', postcode: '8000', consultants: 20 },
  { name: 'Jobcenter Randers', municipality: 'Randers Kommune', postcode: '8900', consultants: 5 },
  { name: 'Jobcenter Silkeborg', municipality: 'Silkeborg Kommune', postcode: '8600', consultants: 5 },
  { name: 'Jobcenter Horsens', municipality: 'Horsens Kommune', postcode: '8700', consultants: 5 },
  { name: 'Jobcenter Viborg', municipality: 'Viborg Kommune', postcode: '8800', consultants: 4 },
  { name: 'Jobcenter Aalborg', municipality: 'Aalborg Kommune', postcode: '9000', consultants: 6 },
  { name: 'Jobcenter Odense', municipality: 'Odense Kommune', postcode: '5000', consultants: 6 },
  { name: 'Jobcenter København', municipality: 'Københavns Kommune', postcode: '2300', consultants: 6 },
] as const;

// ── Small helpers ───────────────────────────────────────────────────────────────────────────────────────

function phone(random: Random): string {
  const digits = `${random.pick(['2', '3', '4', '5', '6', '7', '8', '9'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('da') + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

function pickFamily(random: Random): JobFamily {
  return weighted(random, JOB_FAMILIES, (family) => family.weight);
}

function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
}

function timestampOn(random: Random, isoDay: string): Date {
  return new Date(`${isoDay}T${String(random.int(6, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+01:00`);
}

// ── Organisations ───────────────────────────────────────────────────────────────────────────────────────

export type Organisations = {
  jobcentres: (JobcentreRow & { id: string; place: Postcode })[];
  consultants: (UserRow & { id: string; jobcentreId: string })[];
  companies: (CompanyRow & { id: string; family: JobFamily })[];
};

export function organisations({ seed, companies: companyCount }: DatasetOptions, pickPlace: PlacePicker): Organisations {
  const random = stream(seed, 'organisations');
  const centres = JOBCENTRE_SEEDS.map((centre) => ({
    id: uuid(random),
    name: centre.name,
    municipality: centre.municipality,
    phone: phone(random),
    email: `kontakt@${slug(centre.name)}.jobbro.test`,
    place: findPostcode(centre.postcode)!,
  }));
  const consultants = JOBCENTRE_SEEDS.flatMap((centre, index) =>
    Array.from({ length: centre.consultants }, (_, n) => {
      const { first, last } = personName(random);
      return {
        id: uuid(random),
        email: `${slug(first)}.${slug(last)}.${index}-${n}@${slug(centre.name)}.jobbro.test`,
        name: `${first} ${last}`,
        phone: phone(random),
        role: 'consultant' as const,
        jobcentreId: centres[index]!.id,
      };
    }),
  );

  const cvrs = new Set<string>();
  const companyRows = Array.from({ length: companyCount }, () => {
    const family = pickFamily(random);
    const place = pickPlace(random);
    let cvr: string | null = null;
    while (!cvr || cvrs.has(cvr)) cvr = makeValidCvr(String(random.int(1_000_000, 9_999_999)));
    cvrs.add(cvr);
    const suffix = random.pick(COMPANY_SUFFIXES);
    const name = [random.pick(COMPANY_NAME_PREFIXES), random.pick(family.companyWords), suffix].filter(Boolean).join(' ');
    const employees = Math.round(3 + 250 * random.next() ** 3);
    return {
      id: uuid(random),
      family,
      cvr,
      name,
      address: `${random.pick(STREETS)} ${random.int(1, 240)}`,
      postcode: place.postcode,
      city: place.city,
      industry: family.industry,
      ordinaryEmployees: employees,
      phone: phone(random),
      email: `kontakt@${slug(name)}-${cvr.slice(-3)}.test`,
      createdByJobcentreId: random.chance(0.3) ? nearestJobcentre(centres, place).id : null,
    };
  });
  return { jobcentres: centres, consultants, companies: companyRows };
}

/** The name of the generated jobcentre nearest to a place: the one whose consultants match jobs there. */
export function nearestJobcentreName(place: { lat: number; lon: number }): string {
  const centres = JOBCENTRE_SEEDS.map((centre) => ({ name: centre.name, place: findPostcode(centre.postcode)! }));
  return centres.reduce((best, centre) => (distanceKm(centre.place, place) < distanceKm(best.place, place) ? centre : best)).name;
}

function nearestJobcentre<T extends { place: Postcode }>(centres: T[], place: Postcode): T {
  return centres.reduce((best, centre) => (distanceKm(centre.place, place) < distanceKm(best.place, place) ? centre : best));
}

// ── Openings ────────────────────────────────────────────────────────────────────────────────────────────

const ORDINARY_HOURS: [number, number][] = [[3, 5], [5, 8], [5, 10], [8, 12], [10, 15], [12, 20], [15, 25]];
const ORDINARY_HOURS_WEIGHTS = [3, 5, 6, 4, 3, 2, 1];
const FLEXJOB_HOURS: [number, number][] = [[2, 6], [4, 10], [8, 15], [10, 20], [15, 25], [20, 30]];
const SHELTERED_HOURS: [number, number][] = [[8, 12], [10, 15], [10, 20], [15, 25], [20, 30]];
const WEEKDAYS_MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const LANGUAGE_NEEDS = ['', '', '', 'Du skal kunne forstå mundtlige instruktioner på dansk eller engelsk.', 'Dansk i tale.', 'Du skal kunne læse en enkel arbejdsseddel på dansk.'];
const EXTRA_OPENING_STATUSES: OpeningStatus[] = ['draft', 'paused', 'filled', 'closed'];

function kindOf(random: Random): OpeningKind {
  return weighted(random, [['ordinary_hours', 55], ['flexjob', 30], ['sheltered_job', 15]] as const, ([, weight]) => weight)[0];
}

function titleFor(random: Random, family: JobFamily, kind: OpeningKind): string {
  const title = random.pick(family.titles);
  const context = random.chance(0.7) ? ` ${random.pick(family.titleContexts)}` : '';
  switch (kind) {
    case 'ordinary_hours':
      return `${title}${context}${random.chance(0.3) ? ' – småjob' : ''}`;
    case 'flexjob':
      return random.chance(0.5) ? `${title} i fleksjob${context}` : `Fleksjob som ${lowerFirst(title)}${context}`;
    case 'sheltered_job':
      return random.chance(0.5) ? `Skånejob: ${lowerFirst(title)}${context}` : `${title} i skånejob${context}`;
  }
}

function descriptionFor(random: Random, family: JobFamily, kind: OpeningKind, city: string): string {
  const sentences = subset(random, family.descriptions, random.int(2, family.descriptions.length)).map((sentence) =>
    sentence.replaceAll('{city}', city),
  );
  if (kind === 'ordinary_hours') sentences.push(ORDINARY_TERMS);
  if (kind === 'flexjob') sentences.push('Vi aftaler timerne med dig, så de passer til din arbejdsevne.');
  if (kind === 'sheltered_job') sentences.push('Skånejobbet er med løntilskud til førtidspensionister, og vi følger op sammen med jobcentret.');
  return sentences.join(' ');
}

function hoursFor(random: Random, kind: OpeningKind): { hoursMin: number; hoursMax: number; flexjobExpectedHours: number | null } {
  if (kind === 'ordinary_hours') {
    const [hoursMin, hoursMax] = weighted(random, ORDINARY_HOURS, (range) => ORDINARY_HOURS_WEIGHTS[ORDINARY_HOURS.indexOf(range)]!);
    return { hoursMin, hoursMax, flexjobExpectedHours: null };
  }
  if (kind === 'flexjob') {
    const [hoursMin, hoursMax] = random.pick(FLEXJOB_HOURS);
    return { hoursMin, hoursMax, flexjobExpectedHours: Math.round((hoursMin + hoursMax) / 2) };
  }
  const [hoursMin, hoursMax] = random.pick(SHELTERED_HOURS);
  return { hoursMin, hoursMax, flexjobExpectedHours: null };
}

function scheduleFor(random: Random) {
  const weekend = random.chance(0.15);
  const days = weekend ? ['sat', 'sun'] : subset(random, WEEKDAYS_MON_FRI, random.int(1, 5));
  const parts = subset(random, ['morning', 'afternoon', 'evening'] as const, random.int(1, 2));
  return { days, parts };
}

export type OpeningBatchContext = { organisations: Organisations; pickPlace: PlacePicker };

/** What later steps need to remember of an opening (agreements take a slot of some). */
export type OpeningRef = { id: string; companyId: string; slots: number; status: OpeningStatus };

/** The openings in batches; the first `options.openings` are open and indexed, the extras come last. */
export function* openingBatches(options: DatasetOptions, { organisations: orgs, pickPlace }: OpeningBatchContext, batchSize: number) {
  const random = stream(options.seed, 'openings');
  const extras = Math.round(options.openings * EXTRA_OPENING_SHARE);
  const total = options.openings + extras;
  let batch: OpeningRow[] = [];
  for (let n = 0; n < total; n++) {
    // Some companies post many openings, most a few.
    const company = orgs.companies[Math.floor(orgs.companies.length * random.next() ** 1.6)]!;
    const family = random.chance(0.8) ? company.family : pickFamily(random);
    const kind = kindOf(random);
    const place = random.chance(0.75) ? findPostcode(company.postcode)! : pickPlace(random);
    const tasks = subset(random, family.tasks, random.int(2, 5));
    if (random.chance(0.15)) tasks.push(random.pick(pickFamily(random).tasks));
    const demands = new Set<Demand>(subset(random, family.demands, random.int(1, 4)));
    if (random.chance(0.1)) demands.add(random.pick(DEMANDS));
    const accommodations = new Set<Accommodation>(subset(random, family.accommodations, random.int(0, 5)));
    if (random.chance(0.2)) accommodations.add(random.pick(ACCOMMODATIONS));
    const contact = personName(random);
    const status: OpeningStatus = n < options.openings ? 'open' : random.pick(EXTRA_OPENING_STATUSES);
    const publishedDay = addDays(options.today, -random.int(0, 120));
    const opening: OpeningRow = {
      id: uuid(random),
      companyId: company.id,
      kind,
      title: titleFor(random, family, kind),
      description: descriptionFor(random, family, kind, place.city),
      tasks: [...new Set(tasks)],
      ...hoursFor(random, kind),
      schedule: scheduleFor(random),
      startDate: addDays(options.today, random.int(0, 120)),
      slots: weighted(random, [[1, 70], [2, 20], [3, 6], [5, 4]] as const, ([, weight]) => weight)[0],
      postcode: place.postcode,
      city: place.city,
      lat: place.lat,
      lon: place.lon,
      demands: DEMANDS.filter((code) => demands.has(code)),
      accommodations: ACCOMMODATIONS.filter((code) => accommodations.has(code)),
      languageNeeds: random.pick(LANGUAGE_NEEDS),
      drivingLicenceRequired: family.key === 'chauffoer' || random.chance(0.05),
      contactName: `${contact.first} ${contact.last}`,
      contactRole: random.pick(CONTACT_ROLES),
      contactPhone: phone(random),
      contactEmail: `${slug(contact.first)}@${company.email.split('@')[1]}`,
      status,
      isJobOrder: company.createdByJobcentreId !== null && random.chance(0.6),
      createdBy: null,
      publishedAt: status === 'draft' ? null : timestampOn(random, publishedDay),
      createdAt: timestampOn(random, publishedDay),
      updatedAt: timestampOn(random, publishedDay),
    };
    assertFairWording(opening);
    batch.push(opening);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Generated openings must pass the check that guards publishing, as real ones do. */
function assertFairWording(opening: OpeningRow) {
  const text = [opening.title, opening.description, ...(opening.tasks ?? [])].join('\n');
  const hits = findDiscriminatoryWording(text);
  if (hits.length > 0) throw new Error(`Generated opening trips the wording check: "${hits[0]!.text}" in ${text}`);
}

// ── Citizens ────────────────────────────────────────────────────────────────────────────────────────────

const BENEFIT_WEIGHTS: [BenefitStatus, number][] = [
  ['cash_benefit_activity_ready', 25],
  ['cash_benefit_job_ready', 10],
  ['education_benefit', 8],
  ['integration_benefit', 7],
  ['flexjob_unemployment', 18],
  ['disability_pension', 12],
  ['resource_programme', 8],
  ['sickness_benefit', 8],
  ['other', 4],
];

const TRANSPORT: { mode: TransportMode; weight: number; reach: [number, number] }[] = [
  { mode: 'car', weight: 35, reach: [15, 40] },
  { mode: 'public_transport', weight: 40, reach: [8, 25] },
  { mode: 'bike', weight: 20, reach: [3, 12] },
  { mode: 'walk', weight: 5, reach: [1, 4] },
];

/** How often each demand is something a citizen must avoid. */
const RESTRICTION_ODDS: Partial<Record<Demand, number>> = {
  heavy_lifting: 0.35,
  prolonged_standing: 0.22,
  prolonged_sitting: 0.08,
  walking: 0.1,
  repetitive_work: 0.12,
  customer_contact: 0.08,
  noise: 0.12,
  night_work: 0.2,
  early_mornings: 0.15,
  high_pace: 0.22,
  working_alone: 0.06,
  heights: 0.15,
  cold: 0.1,
  driving: 0.05,
  chemicals: 0.1,
  written_danish: 0.12,
};

const ACCOMMODATION_ODDS = 0.2;

const WISH_TEMPLATES = [
  (a: string) => `Jeg vil gerne arbejde med ${a}.`,
  (a: string, b: string) => `Gerne ${a} eller ${b}, helst om formiddagen.`,
  (a: string, b: string) => `Drømmer om ${a}. Kan også tænke mig ${b}.`,
  (a: string) => `${upperFirst(a)} – jeg kan godt lide at have noget at lave med hænderne.`,
  (a: string, b: string) => `Vil gerne prøve ${a}, måske også ${b}, hvis timerne passer.`,
  (a: string) => `Noget med ${a} i nærheden af hvor jeg bor.`,
];

const GENERIC_COMPETENCES = ['Mødestabil', 'God til at samarbejde', 'Har været frivillig i idrætsklubben', 'Hjælper naboerne med indkøb', 'Har taget AMU-kursus i førstehjælp'];
const NEXT_ACTIONS = ['Opfølgende samtale', 'Ring til borgeren', 'Find praktikplads', 'Møde med virksomheden', 'Afklaring af timer'];
const EXTRA_CITIZEN_KINDS = ['no_consent', 'no_consent', 'closed', 'rehabilitation_team', 'self_supporting'] as const;

function hoursForCitizen(random: Random, status: BenefitStatus): { hoursMin: number; hoursMax: number } {
  if (status === 'flexjob_unemployment') {
    const min = random.int(1, 12);
    return { hoursMin: min, hoursMax: min + random.int(2, 12) };
  }
  if (status === 'disability_pension') {
    const min = random.int(4, 12);
    return { hoursMin: min, hoursMax: min + random.int(3, 10) };
  }
  const min = random.int(2, 10);
  return { hoursMin: min, hoursMax: Math.min(37, min + random.int(3, 20)) };
}

function wishesFor(random: Random, families: JobFamily[]): string {
  const first = random.pick(families[0]!.wishes);
  const second = random.pick((families[1] ?? families[0]!).wishes);
  return random.pick(WISH_TEMPLATES)(first, second);
}

function languagesFor(random: Random, danishLevel: LanguageSkill['level']): LanguageSkill[] {
  const skills: LanguageSkill[] = [{ language: 'Dansk', level: danishLevel }];
  if (danishLevel !== 'native' || random.chance(0.4)) {
    for (const language of subset(random, OTHER_LANGUAGES, random.int(1, 2))) {
      skills.push({ language, level: danishLevel === 'native' ? random.pick(['basic', 'good'] as const) : 'native' });
    }
  }
  return skills;
}

export type CitizenBatchContext = { organisations: Organisations; pickPlace: PlacePicker };

/** The citizens in batches; the first `options.citizens` are indexed, the extras come last. */
export function* citizenBatches(options: DatasetOptions, { organisations: orgs, pickPlace }: CitizenBatchContext, batchSize: number) {
  const random = stream(options.seed, 'citizens');
  const extras = Math.round(options.citizens * EXTRA_CITIZEN_SHARE);
  const total = options.citizens + extras;
  const consultantsBy = new Map<string, string[]>();
  for (const consultant of orgs.consultants) {
    consultantsBy.set(consultant.jobcentreId, [...(consultantsBy.get(consultant.jobcentreId) ?? []), consultant.id]);
  }
  let batch: CitizenRow[] = [];
  for (let n = 0; n < total; n++) {
    const place = pickPlace(random);
    const jobcentre = nearestJobcentre(orgs.jobcentres, place);
    const { first, last } = personName(random);
    const transport = weighted(random, TRANSPORT, (entry) => entry.weight);
    const benefitStatus = weighted(random, BENEFIT_WEIGHTS, ([, weight]) => weight)[0];
    const visitation =
      benefitStatus === 'flexjob_unemployment'
        ? random.chance(0.08)
          ? addDays(options.today, -random.int(1, 200))
          : addDays(options.today, random.int(30, 900))
        : null;
    const families = [pickFamily(random)];
    if (random.chance(0.5)) families.push(pickFamily(random));
    const competences = [
      ...new Set([
        ...families.flatMap((family) => subset(random, family.competences, random.int(1, 3))),
        ...(random.chance(0.5) ? [random.pick(GENERIC_COMPETENCES)] : []),
      ]),
    ];
    const danishLevel = weighted(random, [['native', 60], ['fluent', 15], ['good', 15], ['basic', 10]] as const, ([, weight]) => weight)[0];
    const restrictions = DEMANDS.filter((demand) => random.chance(RESTRICTION_ODDS[demand] ?? 0));
    const neededAccommodations = ACCOMMODATIONS.filter(() => random.chance(ACCOMMODATION_ODDS));
    const extraKind = n < options.citizens ? null : random.pick(EXTRA_CITIZEN_KINDS);
    const phase: PathPhase =
      extraKind === 'rehabilitation_team' || extraKind === 'self_supporting'
        ? extraKind
        : weighted(random, [['clarification', 40], ['towards_job', 45], ['at_company', 15]] as const, ([, weight]) => weight)[0];
    const createdDay = addDays(options.today, -random.int(10, 700));
    const [reachMin, reachMax] = transport.reach;
    const citizen: CitizenRow = {
      id: uuid(random),
      jobcentreId: jobcentre.id,
      consultantId: random.pick(consultantsBy.get(jobcentre.id)!),
      name: `${first} ${last}`,
      email: random.chance(0.8) ? `${slug(first)}.${slug(last)}.${n}@borger.jobbro.test` : null,
      phone: random.chance(0.9) ? phone(random) : null,
      postcode: place.postcode,
      city: place.city,
      lat: place.lat,
      lon: place.lon,
      transportMode: transport.mode,
      reachKm: Math.round((reachMin + random.next() * (reachMax - reachMin)) * 10) / 10,
      benefitStatus,
      flexjobVisitationUntil: visitation,
      ...hoursForCitizen(random, benefitStatus),
      wishes: wishesFor(random, families),
      competences,
      languages: languagesFor(random, danishLevel),
      danishLevel,
      drivingLicence: transport.mode === 'car' || random.chance(0.25),
      restrictions,
      neededAccommodations,
      healthNotes: random.pick(HEALTH_NOTES),
      consentToShare: extraKind !== 'no_consent',
      consentUpdatedAt: timestampOn(random, createdDay),
      phase,
      nextAction: random.pick(NEXT_ACTIONS),
      nextActionDate: addDays(options.today, random.int(-5, 40)),
      closedAt: extraKind === 'closed' ? timestampOn(random, addDays(options.today, -random.int(1, 60))) : null,
      createdAt: timestampOn(random, createdDay),
      updatedAt: timestampOn(random, createdDay),
    };
    batch.push(citizen);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// ── Exclusions and agreements ───────────────────────────────────────────────────────────────────────────

/** Skånejob exclusions for citizens on førtidspension: the most recent employer, sometimes a partner's company. */
export function exclusionsFor(options: DatasetOptions, pensioners: readonly string[], companyIds: readonly string[]): ExclusionRow[] {
  const random = stream(options.seed, 'exclusions');
  return pensioners.flatMap((citizenId) => {
    const rows: ExclusionRow[] = [];
    if (random.chance(0.35)) rows.push({ citizenId, companyId: random.pick(companyIds), reason: 'most_recent_employer' });
    if (random.chance(0.05)) rows.push({ citizenId, companyId: random.pick(companyIds), reason: 'owned_by_partner' });
    return rows.filter((row, index) => rows.findIndex((other) => other.companyId === row.companyId) === index);
  });
}

/**
 * Active agreements on a few open openings with more than one slot: each takes one slot, so those openings
 * stay open with a free slot (and indexed), as the counts promise.
 */
export function agreementsFor(options: DatasetOptions, openingsWithSlots: readonly OpeningRef[], citizenIds: readonly string[]): AgreementRow[] {
  const random = stream(options.seed, 'agreements');
  const wanted = Math.round(options.openings * AGREEMENT_SHARE);
  const candidates = openingsWithSlots.filter((opening) => opening.status === 'open' && opening.slots > 1);
  return subset(random, candidates, wanted).map((opening) => ({
    id: uuid(random),
    citizenId: random.pick(citizenIds),
    companyId: opening.companyId,
    openingId: opening.id,
    status: 'active' as const,
    activatedAt: timestampOn(random, addDays(options.today, -random.int(1, 200))),
  }));
}
