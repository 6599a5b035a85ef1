/**
 * Demo data for the try-out's empty database (demoDataWanted says when): Jobcenter Aarhus with two
 * consultants and a caseload of citizens, a small Jobcenter Randers (to show that a consultant sees only their
 * own jobcentre), companies with openings of all three kinds around Aarhus, and the demo logins. Everything
 * is fictitious: names, phones, addresses and CVR numbers are made up, and every e-mail address is under the
 * reserved `.test` domain.
 *
 * The data is written in one transaction, with one search-outbox row per opening and citizen so the drain
 * indexes them at start. A seeded PRNG makes it the same on every start (only the generated ids differ).
 */
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../app/auth/password.server';
import { addDays, addMonths, endOfWeek, firstGoalMonth, monthOf, proposeFollowUpDates } from '../app/domain/agreement-rules';
import { isWorkingDay } from '../app/domain/danish-holidays';
import { makeValidCvr } from '../app/domain/cvr';
import { explainMatch } from '../app/domain/matching';
import { proposalExplanationText } from '../app/domain/proposal-explanation';
import type {
  Accommodation,
  BenefitStatus,
  DAY_PARTS,
  Demand,
  OpeningKind,
  OpeningStatus,
  PathPhase,
  Role,
  TransportMode,
  WEEKDAYS,
} from '../app/domain/vocabulary';
import { ACCESS_PURPOSES } from '../app/services/access-log.server';
import { MATCH_PURPOSES } from '../app/services/matching.server';
import { findPostcode } from '../app/services/postcodes.server';
import { PROPOSAL_PURPOSES } from '../app/services/proposals.server';
import type { Database, Executor } from './client';
import {
  accessLog,
  agreements,
  agreementVersions,
  followUps,
  monthlyHours,
  monthlyHoursChanges,
  citizenExcludedCompanies,
  citizens,
  companies,
  jobcentres,
  matchProposals,
  openings,
  searchOutbox,
  users,
  type LanguageSkill,
  type WeekSchedule,
} from './schema';
import { createRandom, type Random } from './seed-random';
import { otherLanguages } from '../app/domain/citizen-rules';

export const DEMO_PASSWORD = 'jobbro-demo';

export type DemoLogin = { email: string; role: Role; name: string };
export type SeedResult = { seeded: boolean; logins: DemoLogin[] };

/** Any fixed number: changing it changes the generated phones, CVR numbers and dates. */
const RANDOM_SEED = 0x10b5_2026;
/** Arbitrary key for pg_advisory_xact_lock, so that two instances starting together seed only once. */
const SEED_LOCK_KEY = 7_310_520;
const DAY_MS = 86_400_000;

type Weekday = (typeof WEEKDAYS)[number];
type DayPart = (typeof DAY_PARTS)[number];
type Schedule = WeekSchedule & { days: Weekday[]; parts: DayPart[] };
type JobcentreKey = 'aarhus' | 'randers';
type ConsultantKey = 'mette' | 'rasmus' | 'lone';
type CompanyKey =
  | 'kattegat'
  | 'nordlys'
  | 'cafeAaen'
  | 'brabrandPleje'
  | 'vibyAuto'
  | 'groenHave'
  | 'risskovVaskeri'
  | 'lystrupKantine'
  | 'tranbjergKoebmand'
  | 'skoedstrupGenbrug'
  | 'egaaIdraet';

type Contact = { name: string; role: string; phone: string; email: string };

// ---------------------------------------------------------------------------------------------------------
// Organisations and staff

const JOBCENTRES: Record<JobcentreKey, { name: string; municipality: string; phone: string; email: string }> = {
  aarhus: { name: 'Jobcenter Aarhus', municipality: 'Aarhus Kommune', phone: '87 10 00 00', email: 'jobcenter@aarhus.jobbro.test' },
  randers: { name: 'Jobcenter Randers', municipality: 'Randers Kommune', phone: '89 10 00 00', email: 'jobcenter@randers.jobbro.test' },
};

const CONSULTANTS: Record<ConsultantKey, { email: string; name: string; phone: string; jobcentre: JobcentreKey }> = {
  mette: { email: 'konsulent@jobbro.test', name: 'Mette Sørensen', phone: '87 10 12 34', jobcentre: 'aarhus' },
  rasmus: { email: 'konsulent2@jobbro.test', name: 'Rasmus Bech', phone: '87 10 12 57', jobcentre: 'aarhus' },
  lone: { email: 'konsulent.randers@jobbro.test', name: 'Lone Brandt', phone: '89 10 20 41', jobcentre: 'randers' },
};

const ADMIN = { email: 'admin@jobbro.test', name: 'Anders Holm' };

/** Company logins; the other companies were registered by the jobcentre, which posts their openings. */
const COMPANY_LOGINS: { email: string; company: CompanyKey }[] = [
  { email: 'virksomhed@jobbro.test', company: 'kattegat' },
  { email: 'virksomhed2@jobbro.test', company: 'nordlys' },
];

const CITIZEN_LOGIN_EMAIL = 'borger@jobbro.test';
/** A fleksjob-visitated citizen whom the warehouse fleksjob matches, so the proposal story can be played to the end. */
const FLEXJOB_CITIZEN_LOGIN = { email: 'borger.fleksjob@jobbro.test', citizenName: 'Lars Møller' };

type CompanySeed = {
  key: CompanyKey;
  name: string;
  address: string;
  postcode: string;
  industry: string;
  ordinaryEmployees: number;
  phone: string;
  email: string;
  contact: Contact;
};

/** The first company is the one `virksomhed@jobbro.test` works for. */
const COMPANIES: CompanySeed[] = [
  {
    key: 'kattegat',
    name: 'Kattegat Lager & Logistik A/S',
    address: 'Agerøvej 9',
    postcode: '8381',
    industry: 'Lager og logistik',
    ordinaryEmployees: 120,
    phone: '86 24 51 00',
    email: 'kontakt@kattegat-logistik.test',
    contact: { name: 'Bo Jessen', role: 'Lagerchef', phone: '86 24 51 30', email: 'bo.jessen@kattegat-logistik.test' },
  },
  {
    key: 'nordlys',
    name: 'Nordlys Rengøring ApS',
    address: 'Silkeborgvej 212',
    postcode: '8230',
    industry: 'Rengøring og ejendomsservice',
    ordinaryEmployees: 34,
    phone: '86 15 22 00',
    email: 'kontakt@nordlys-rengoering.test',
    contact: { name: 'Pia Andersen', role: 'Driftsleder', phone: '86 15 22 40', email: 'pia.andersen@nordlys-rengoering.test' },
  },
  {
    key: 'cafeAaen',
    name: 'Café Åen',
    address: 'Åboulevarden 18',
    postcode: '8000',
    industry: 'Café og restaurant',
    ordinaryEmployees: 14,
    phone: '86 12 40 10',
    email: 'hej@cafe-aaen.test',
    contact: { name: 'Sara Lindberg', role: 'Køkkenchef', phone: '86 12 40 18', email: 'sara@cafe-aaen.test' },
  },
  {
    key: 'brabrandPleje',
    name: 'Brabrand Plejecenter',
    address: 'Gudrunsvej 80',
    postcode: '8220',
    industry: 'Ældrepleje (Aarhus Kommune)',
    ordinaryEmployees: 85,
    phone: '87 13 52 00',
    email: 'brabrand-plejecenter@aarhus.jobbro.test',
    contact: { name: 'Birgit Lauesen', role: 'Leder af aktivitetscentret', phone: '87 13 52 60', email: 'birgit.lauesen@aarhus.jobbro.test' },
  },
  {
    key: 'vibyAuto',
    name: 'Viby Auto & Bilvask',
    address: 'Skanderborgvej 190',
    postcode: '8260',
    industry: 'Autoværksted og bilvask',
    ordinaryEmployees: 18,
    phone: '86 14 33 70',
    email: 'info@vibyauto.test',
    contact: { name: 'Kenneth Bøgh', role: 'Værkstedsleder', phone: '86 14 33 72', email: 'kenneth@vibyauto.test' },
  },
  {
    key: 'groenHave',
    name: 'Grøn Have Service ApS',
    address: 'Hasselager Centervej 14',
    postcode: '8361',
    industry: 'Anlægsgartner og havepleje',
    ordinaryEmployees: 9,
    phone: '86 29 14 00',
    email: 'kontakt@groenhave.test',
    contact: { name: 'Jesper Kaae', role: 'Indehaver', phone: '86 29 14 05', email: 'jesper@groenhave.test' },
  },
  {
    key: 'risskovVaskeri',
    name: 'Risskov Vaskeri ApS',
    address: 'Ravnsøvej 12',
    postcode: '8240',
    industry: 'Vaskeri',
    ordinaryEmployees: 22,
    phone: '86 17 90 30',
    email: 'kontakt@risskov-vaskeri.test',
    contact: { name: 'Lotte Brix', role: 'Daglig leder', phone: '86 17 90 31', email: 'lotte@risskov-vaskeri.test' },
  },
  {
    key: 'lystrupKantine',
    name: 'Lystrup Kantine & Catering',
    address: 'Nymarksvej 5',
    postcode: '8520',
    industry: 'Kantine og catering',
    ordinaryEmployees: 26,
    phone: '86 22 71 40',
    email: 'kontakt@lystrup-kantine.test',
    contact: { name: 'Ahmad Karimi', role: 'Køkkenleder', phone: '86 22 71 44', email: 'ahmad@lystrup-kantine.test' },
  },
  {
    key: 'tranbjergKoebmand',
    name: 'Tranbjerg Købmand',
    address: 'Tranbjerg Hovedgade 30',
    postcode: '8310',
    industry: 'Dagligvarehandel',
    ordinaryEmployees: 16,
    phone: '86 29 03 10',
    email: 'butik@tranbjerg-koebmand.test',
    contact: { name: 'Claus Frederiksen', role: 'Købmand', phone: '86 29 03 11', email: 'claus@tranbjerg-koebmand.test' },
  },
  {
    key: 'skoedstrupGenbrug',
    name: 'Skødstrup Genbrug',
    address: 'Grenåvej 740',
    postcode: '8541',
    industry: 'Genbrugsbutik',
    ordinaryEmployees: 6,
    phone: '86 99 12 80',
    email: 'butik@skoedstrup-genbrug.test',
    contact: { name: 'Inge Dalsgaard', role: 'Butiksleder', phone: '86 99 12 81', email: 'inge@skoedstrup-genbrug.test' },
  },
  {
    key: 'egaaIdraet',
    name: 'Egå Idrætscenter',
    address: 'Egå Centervej 3',
    postcode: '8250',
    industry: 'Idræts- og fritidscenter',
    ordinaryEmployees: 12,
    phone: '86 22 45 90',
    email: 'kontakt@egaa-idraet.test',
    contact: { name: 'Niels Ebbesen', role: 'Centerleder', phone: '86 22 45 91', email: 'niels@egaa-idraet.test' },
  },
];

// ---------------------------------------------------------------------------------------------------------
// Openings

type OpeningSeed = {
  company: CompanyKey;
  kind: OpeningKind;
  title: string;
  description: string;
  tasks: string[];
  hours: [min: number, max: number];
  flexjobExpectedHours?: number;
  schedule: Schedule;
  startInDays: number;
  slots: number;
  /** The workplace when it is not the company's address. */
  postcode?: string;
  demands: Demand[];
  accommodations: Accommodation[];
  languageNeeds?: string;
  drivingLicenceRequired?: boolean;
  status?: OpeningStatus;
};

const WEEKDAYS_MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKDAYS_MON_THU: Weekday[] = ['mon', 'tue', 'wed', 'thu'];
const ORDINARY_TERMS = 'Timerne er ordinære og aflønnes efter overenskomst.';

const OPENINGS: OpeningSeed[] = [
  // Kattegat Lager & Logistik: the warehouse fleksjob with heavy lifting that the matching stories use.
  {
    company: 'kattegat',
    kind: 'flexjob',
    title: 'Lagermedarbejder i fleksjob – plukning og pakning',
    description:
      'Vi søger en lagermedarbejder i fleksjob til vores lager i Tilst. Du plukker ordrer til butikker i hele Jylland, pakker paller og hjælper med varemodtagelsen. Der er tunge løft i jobbet, men vi har løftegrej, og du får en fast kollega, som viser dig til rette. Vi aftaler timerne med dig, så de passer til din arbejdsevne.',
    tasks: ['Plukke ordrer efter plukkeliste', 'Pakke og wrappe paller', 'Modtage varer og sætte dem på plads', 'Holde orden i gangene'],
    hours: [10, 20],
    flexjobExpectedHours: 15,
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['morning'], note: 'Mødetid mellem kl. 7 og 9 efter aftale' },
    startInDays: 14,
    slots: 2,
    demands: ['heavy_lifting', 'prolonged_standing', 'repetitive_work', 'walking'],
    accommodations: ['flexible_hours', 'extra_breaks', 'gradual_start', 'buddy_mentor'],
    languageNeeds: 'Du skal kunne forstå mundtlige instruktioner på dansk eller engelsk.',
  },
  {
    company: 'kattegat',
    kind: 'ordinary_hours',
    title: 'Pakkemedhjælper om eftermiddagen – småjob',
    description: `Vil du have nogle timer om ugen på et travlt lager? Du hjælper med at pakke webordrer og gøre dem klar til afhentning. Du kan starte med få timer og tage flere, når du er kommet godt i gang. ${ORDINARY_TERMS}`,
    tasks: ['Pakke webordrer i kasser', 'Printe og sætte labels på', 'Stille pakker klar til fragtmanden'],
    hours: [5, 10],
    schedule: { days: ['tue', 'wed', 'thu'], parts: ['afternoon'] },
    startInDays: 7,
    slots: 3,
    demands: ['repetitive_work', 'prolonged_standing'],
    accommodations: ['fixed_tasks', 'clear_instructions', 'short_shifts'],
  },
  {
    company: 'kattegat',
    kind: 'sheltered_job',
    title: 'Skånejob: etikettering og emballering',
    description:
      'Et roligt skånejob i vores emballageafdeling, hvor du sætter etiketter på varer og pakker mindre forsendelser. Du arbejder ved et hæve-sænkebord og kan selv lægge pauser ind.',
    tasks: ['Sætte etiketter på varer', 'Pakke små forsendelser', 'Folde papkasser'],
    hours: [10, 20],
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: 21,
    slots: 1,
    demands: ['repetitive_work'],
    accommodations: ['quiet_workspace', 'sit_stand_option', 'fixed_tasks', 'extra_breaks', 'adapted_workstation'],
  },
  {
    company: 'kattegat',
    kind: 'ordinary_hours',
    title: 'Truckfører lørdag morgen',
    description: `Vi mangler en truckfører til at flytte paller og læsse biler lørdag morgen. Du skal have truckcertifikat. ${ORDINARY_TERMS}`,
    tasks: ['Flytte paller med gaffeltruck', 'Læsse lastbiler', 'Registrere varer på håndterminal'],
    hours: [6, 8],
    schedule: { days: ['sat'], parts: ['morning'], note: 'Kl. 6–13' },
    startInDays: 28,
    slots: 1,
    demands: ['early_mornings', 'noise', 'cold', 'driving'],
    accommodations: ['clear_instructions'],
    status: 'paused',
  },
  // Nordlys Rengøring
  {
    company: 'nordlys',
    kind: 'ordinary_hours',
    title: 'Rengøringsassistent på kontorer – småjob',
    description: `Vi gør rent hos en række kontorer i Aarhus V og søger en rengøringsassistent til nogle timer om ugen efter kontorernes lukketid. Du får en fast rute og en kollega med de første gange. ${ORDINARY_TERMS}`,
    tasks: ['Støvsuge og vaske gulve', 'Tørre skriveborde og kontaktflader af', 'Gøre køkken og toiletter rent', 'Tømme skraldespande'],
    hours: [5, 10],
    schedule: { days: ['mon', 'wed', 'fri'], parts: ['afternoon'], note: 'Kl. 16–19' },
    startInDays: 10,
    slots: 2,
    postcode: '8210',
    demands: ['walking', 'chemicals', 'working_alone'],
    accommodations: ['fixed_tasks', 'clear_instructions', 'gradual_start', 'buddy_mentor'],
  },
  {
    company: 'nordlys',
    kind: 'flexjob',
    title: 'Fleksjob som rengøringsassistent på en skole',
    description:
      'Vi søger en rengøringsassistent i fleksjob til en folkeskole i Aarhus N. Du gør rent i klasselokaler og på gangene om eftermiddagen, når eleverne er gået hjem. Vi tilpasser ruten til dig og har ergonomiske rengøringsvogne.',
    tasks: ['Rengøre klasselokaler', 'Vaske gulve med gulvvaskemaskine', 'Fylde papir og sæbe op'],
    hours: [8, 15],
    flexjobExpectedHours: 12,
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['afternoon'] },
    startInDays: 21,
    slots: 1,
    postcode: '8200',
    demands: ['walking', 'chemicals', 'repetitive_work'],
    accommodations: ['flexible_hours', 'extra_breaks', 'short_shifts', 'adapted_workstation'],
  },
  {
    company: 'nordlys',
    kind: 'sheltered_job',
    title: 'Skånejob: klargøring af rengøringsvogne og vask af klude',
    description:
      'På vores depot i Åbyhøj gør du rengøringsvognene klar til kollegerne og passer vaskemaskinerne med klude og mopper. Arbejdet er roligt, og opgaverne er de samme hver dag.',
    tasks: ['Fylde rengøringsvogne op', 'Vaske og tørre klude og mopper', 'Holde orden på depotet'],
    hours: [10, 15],
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: 14,
    slots: 1,
    demands: ['repetitive_work', 'chemicals'],
    accommodations: ['fixed_tasks', 'quiet_workspace', 'extra_breaks', 'gradual_start'],
  },
  {
    company: 'nordlys',
    kind: 'ordinary_hours',
    title: 'Morgenrengøring i et fitnesscenter',
    description: `Rengøring af et fitnesscenter i Aarhus C tidligt om morgenen, før centret åbner. ${ORDINARY_TERMS}`,
    tasks: ['Tørre maskiner og måtter af', 'Gøre omklædningsrum rent', 'Vaske gulve'],
    hours: [5, 7],
    schedule: { days: ['mon', 'wed', 'fri'], parts: ['morning'], note: 'Kl. 5.30–7.30' },
    startInDays: 30,
    slots: 1,
    postcode: '8000',
    demands: ['early_mornings', 'working_alone', 'chemicals'],
    accommodations: ['fixed_tasks'],
    status: 'draft',
  },
  // Café Åen
  {
    company: 'cafeAaen',
    kind: 'ordinary_hours',
    title: 'Opvasker i weekenden – småjob',
    description: `Café Åen i midtbyen søger en opvasker til lørdag og søndag. Du tager opvasken, holder køkkenet ryddeligt og hjælper kokkene med enkle opgaver. ${ORDINARY_TERMS}`,
    tasks: ['Tage opvask i opvaskemaskinen', 'Sætte service på plads', 'Rydde op og vaske gulv i køkkenet'],
    hours: [6, 10],
    schedule: { days: ['sat', 'sun'], parts: ['afternoon', 'evening'] },
    startInDays: 7,
    slots: 2,
    demands: ['prolonged_standing', 'high_pace', 'noise'],
    accommodations: ['buddy_mentor', 'clear_instructions'],
  },
  {
    company: 'cafeAaen',
    kind: 'flexjob',
    title: 'Køkkenhjælp i fleksjob – salater og sandwich',
    description:
      'Vi søger en køkkenhjælp i fleksjob til formiddagene, hvor vi gør frokosten klar. Du skærer grønt, laver salater og smører sandwich efter faste opskrifter. Du kan sidde ved arbejdsbordet, når du har brug for det.',
    tasks: ['Skære grønt og frugt', 'Lave salater efter opskrift', 'Smøre sandwich', 'Fylde køledisken op'],
    hours: [8, 14],
    flexjobExpectedHours: 10,
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['morning'] },
    startInDays: 14,
    slots: 1,
    demands: ['prolonged_standing', 'repetitive_work'],
    accommodations: ['flexible_hours', 'extra_breaks', 'sit_stand_option', 'gradual_start'],
  },
  {
    company: 'cafeAaen',
    kind: 'ordinary_hours',
    title: 'Servering og afrydning ved frokost',
    description: `Hjælp os i frokosttravlheden: du tager imod gæster, serverer og rydder borde. ${ORDINARY_TERMS}`,
    tasks: ['Servere mad og drikke', 'Rydde og tørre borde af', 'Tage imod betaling'],
    hours: [5, 8],
    schedule: { days: ['thu', 'fri', 'sat'], parts: ['morning', 'afternoon'], note: 'Kl. 11–14' },
    startInDays: 10,
    slots: 1,
    demands: ['customer_contact', 'walking', 'high_pace'],
    accommodations: ['buddy_mentor', 'short_shifts'],
    languageNeeds: 'Du skal kunne tale med gæsterne på dansk eller engelsk.',
  },
  // Brabrand Plejecenter (municipal)
  {
    company: 'brabrandPleje',
    kind: 'sheltered_job',
    title: 'Skånejob i plejecentrets café og dagligstue',
    description:
      'Vær med til at skabe hygge for beboerne: du hjælper i caféen, dækker borde, laver kaffe og er en del af hverdagen i dagligstuen. Du får en fast kollega og faste opgaver.',
    tasks: ['Dække borde og lave kaffe', 'Hjælpe i caféen', 'Snakke med beboerne og læse avis højt', 'Rydde op efter aktiviteter'],
    hours: [8, 15],
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['morning'] },
    startInDays: 14,
    slots: 2,
    demands: ['customer_contact', 'walking'],
    accommodations: ['fixed_tasks', 'buddy_mentor', 'extra_breaks', 'flexible_hours'],
  },
  {
    company: 'brabrandPleje',
    kind: 'flexjob',
    title: 'Fleksjob i vaskeriet – tøj og linned til beboerne',
    description:
      'I plejecentrets eget vaskeri vasker, tørrer og folder du beboernes tøj og centrets linned. Du kan skifte mellem at sidde og stå ved foldebordet.',
    tasks: ['Sortere og vaske tøj', 'Folde og sortere vasketøj', 'Køre tøj ud til afdelingerne'],
    hours: [6, 12],
    flexjobExpectedHours: 9,
    schedule: { days: ['mon', 'tue', 'thu'], parts: ['morning'] },
    startInDays: 21,
    slots: 1,
    demands: ['repetitive_work', 'prolonged_standing'],
    accommodations: ['sit_stand_option', 'extra_breaks', 'flexible_hours'],
  },
  {
    company: 'brabrandPleje',
    kind: 'ordinary_hours',
    title: 'Hjælper ved middagsmaden – småjob',
    description: `Vi søger en hjælper, der kører middagsmaden ud til afdelingerne, hjælper med at anrette og rydder af bagefter. ${ORDINARY_TERMS}`,
    tasks: ['Køre mad ud til afdelingerne', 'Anrette på tallerkener', 'Rydde af og sætte i opvaskemaskine'],
    hours: [5, 10],
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['morning'], note: 'Kl. 11–13' },
    startInDays: 10,
    slots: 2,
    demands: ['walking', 'customer_contact'],
    accommodations: ['clear_instructions', 'buddy_mentor'],
  },
  {
    company: 'brabrandPleje',
    kind: 'sheltered_job',
    title: 'Skånejob som pedelhjælper og havehjælper',
    description: 'Hjælp pedellen med at holde haven og fællesarealerne pæne for beboerne.',
    tasks: ['Feje og rive', 'Vande blomster', 'Små reparationer sammen med pedellen'],
    hours: [10, 20],
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: -20,
    slots: 1,
    demands: ['walking', 'cold'],
    accommodations: ['fixed_tasks', 'buddy_mentor', 'gradual_start'],
    status: 'closed',
  },
  // Viby Auto & Bilvask
  {
    company: 'vibyAuto',
    kind: 'ordinary_hours',
    title: 'Bilvask og klargøring af biler – småjob',
    description: `Du vasker og klargør biler, før de bliver udleveret til kunderne. Du skal have kørekort, fordi du flytter bilerne rundt på pladsen. ${ORDINARY_TERMS}`,
    tasks: ['Vaske biler i vaskehallen', 'Støvsuge og tørre kabinen af', 'Flytte biler på pladsen'],
    hours: [6, 10],
    schedule: { days: ['mon', 'wed', 'fri'], parts: ['morning'] },
    startInDays: 7,
    slots: 1,
    demands: ['cold', 'chemicals', 'prolonged_standing', 'driving'],
    accommodations: ['clear_instructions', 'fixed_tasks'],
    drivingLicenceRequired: true,
  },
  {
    company: 'vibyAuto',
    kind: 'sheltered_job',
    title: 'Skånejob: indvendig rengøring af biler',
    description:
      'Et skånejob med indvendig rengøring af biler i et opvarmet lokale. Du arbejder i dit eget tempo og bestemmer selv, hvornår du holder pause.',
    tasks: ['Støvsuge sæder og gulve', 'Rense ruder og instrumentbræt', 'Tømme og rengøre bagagerum'],
    hours: [8, 16],
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: 14,
    slots: 1,
    demands: ['repetitive_work', 'chemicals'],
    accommodations: ['flexible_hours', 'extra_breaks', 'fixed_tasks'],
  },
  {
    company: 'vibyAuto',
    kind: 'flexjob',
    title: 'Fleksjob som værkstedshjælper – dæk og oprydning',
    description:
      'I dæksæsonen har vi brug for en værkstedshjælper, der skifter og opbevarer dæk og holder værkstedet ryddeligt. Vi har dækløfter, men der er tunge løft.',
    tasks: ['Skifte dæk med dækløfter', 'Sætte dæk på dækhotel', 'Feje og rydde op i værkstedet'],
    hours: [10, 18],
    flexjobExpectedHours: 14,
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['morning'] },
    startInDays: 21,
    slots: 1,
    demands: ['heavy_lifting', 'noise', 'cold'],
    accommodations: ['gradual_start', 'buddy_mentor', 'adapted_workstation'],
  },
  // Grøn Have Service
  {
    company: 'groenHave',
    kind: 'ordinary_hours',
    title: 'Havemedhjælper – græsslåning og hækklipning',
    description: `Vi passer haver for private og boligforeninger i Højbjerg og omegn. Du kører med i vores bil og slår græs, klipper hæk og luger bede. ${ORDINARY_TERMS}`,
    tasks: ['Slå græs', 'Klippe hæk', 'Luge bede', 'Køre haveaffald på genbrugsstationen'],
    hours: [8, 15],
    schedule: { days: ['tue', 'wed', 'thu'], parts: ['morning', 'afternoon'] },
    startInDays: 14,
    slots: 2,
    postcode: '8270',
    demands: ['walking', 'noise', 'repetitive_work'],
    accommodations: ['buddy_mentor', 'clear_instructions'],
  },
  {
    company: 'groenHave',
    kind: 'flexjob',
    title: 'Fleksjob: pleje af grønne områder',
    description:
      'Vedligehold af grønne områder for en boligforening i Mårslet. Du arbejder mest udendørs i et fast sjak og kan selv tilrettelægge dagene.',
    tasks: ['Luge og rive', 'Plante i plantekasser', 'Samle affald'],
    hours: [10, 20],
    flexjobExpectedHours: 12,
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: 21,
    slots: 1,
    postcode: '8320',
    demands: ['walking', 'cold', 'noise'],
    accommodations: ['flexible_hours', 'short_shifts', 'buddy_mentor'],
  },
  {
    company: 'groenHave',
    kind: 'sheltered_job',
    title: 'Skånejob i drivhuset – potteplanter og stiklinger',
    description:
      'I vores drivhus i Hasselager prikler du planter om, vander og gør krukker klar til salg. Roligt arbejde, og du kan sidde ved bordet.',
    tasks: ['Prikle og potte planter om', 'Vande', 'Gøre krukker klar til salg'],
    hours: [6, 12],
    schedule: { days: ['mon', 'wed', 'thu'], parts: ['morning'] },
    startInDays: 10,
    slots: 1,
    demands: ['repetitive_work'],
    accommodations: ['fixed_tasks', 'quiet_workspace', 'flexible_hours', 'extra_breaks', 'sit_stand_option'],
  },
  // Risskov Vaskeri
  {
    company: 'risskovVaskeri',
    kind: 'ordinary_hours',
    title: 'Vaskerimedarbejder – sortering og foldning',
    description: `Vi vasker for restauranter og frisører i Aarhus. Du sorterer vasketøj, folder håndklæder og pakker til levering. ${ORDINARY_TERMS}`,
    tasks: ['Sortere snavset vasketøj', 'Folde håndklæder og duge', 'Pakke til levering'],
    hours: [5, 10],
    schedule: { days: ['mon', 'tue', 'wed'], parts: ['morning'] },
    startInDays: 7,
    slots: 2,
    demands: ['prolonged_standing', 'repetitive_work', 'noise'],
    accommodations: ['fixed_tasks', 'clear_instructions'],
  },
  {
    company: 'risskovVaskeri',
    kind: 'flexjob',
    title: 'Fleksjob i vaskeriet – få timer om ugen',
    description:
      'Et fleksjob med få timer, hvor du folder og pakker rent vasketøj. Du kan sidde ned, og timerne kan lægges, når det passer dig bedst.',
    tasks: ['Folde håndklæder og duge', 'Pakke rent vasketøj i poser', 'Mærke poserne til kunderne'],
    hours: [2, 6],
    flexjobExpectedHours: 4,
    schedule: { days: ['mon', 'wed', 'fri'], parts: ['morning'] },
    startInDays: 10,
    slots: 2,
    demands: ['repetitive_work'],
    accommodations: ['flexible_hours', 'short_shifts', 'sit_stand_option', 'quiet_workspace'],
  },
  {
    company: 'risskovVaskeri',
    kind: 'sheltered_job',
    title: 'Skånejob: foldning og emballering',
    description: 'Skånejob i et roligt hjørne af vaskeriet, hvor du folder, tæller og pakker rent linned.',
    tasks: ['Folde linned', 'Tælle og pakke i kasser', 'Sætte labels på'],
    hours: [5, 12],
    schedule: { days: ['tue', 'thu'], parts: ['morning'] },
    startInDays: 14,
    slots: 1,
    demands: ['repetitive_work', 'prolonged_sitting'],
    accommodations: ['quiet_workspace', 'sit_stand_option', 'extra_breaks', 'fixed_tasks', 'gradual_start'],
  },
  // Lystrup Kantine & Catering
  {
    company: 'lystrupKantine',
    kind: 'ordinary_hours',
    title: 'Kantinemedhjælper – anretning og opvask',
    description: `Vi laver frokost til virksomheder i Lystrup og Aarhus N. Du anretter buffeten, tager opvask og gør klar til næste dag. ${ORDINARY_TERMS}`,
    tasks: ['Anrette buffet', 'Tage opvask', 'Gøre klar til næste dag'],
    hours: [8, 12],
    schedule: { days: WEEKDAYS_MON_FRI, parts: ['morning'], note: 'Kl. 7–10' },
    startInDays: 7,
    slots: 2,
    demands: ['early_mornings', 'prolonged_standing', 'high_pace'],
    accommodations: ['buddy_mentor', 'clear_instructions'],
  },
  {
    company: 'lystrupKantine',
    kind: 'flexjob',
    title: 'Fleksjob i kantinen – salatbar og kaffe',
    description: 'Du holder salatbaren fyldt og sørger for kaffe og frugt til gæsterne i en travl kantine.',
    tasks: ['Fylde salatbaren op', 'Lave kaffe og te', 'Tørre borde af'],
    hours: [6, 12],
    flexjobExpectedHours: 8,
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: 30,
    slots: 1,
    demands: ['prolonged_standing', 'customer_contact'],
    accommodations: ['flexible_hours', 'extra_breaks', 'buddy_mentor'],
    status: 'draft',
  },
  {
    company: 'lystrupKantine',
    kind: 'sheltered_job',
    title: 'Skånejob: pakning af madkasser',
    description: 'Du pakker madkasser til levering efter faste lister. Du får faste opgaver og en kollega, du kan spørge.',
    tasks: ['Pakke madkasser efter liste', 'Sætte låg og labels på', 'Stable kasser klar til chaufføren'],
    hours: [8, 15],
    schedule: { days: WEEKDAYS_MON_THU, parts: ['morning'] },
    startInDays: 21,
    slots: 1,
    demands: ['repetitive_work', 'cold'],
    accommodations: ['fixed_tasks', 'buddy_mentor', 'extra_breaks'],
  },
  // Tranbjerg Købmand
  {
    company: 'tranbjergKoebmand',
    kind: 'ordinary_hours',
    title: 'Butiksmedhjælper – varepåfyldning om morgenen',
    description: `Hjælp os med at fylde hylderne op, før kunderne kommer. Du kan starte med få timer. ${ORDINARY_TERMS}`,
    tasks: ['Fylde varer på hylderne', 'Tjekke datoer', 'Fjerne emballage og pap'],
    hours: [5, 9],
    schedule: { days: ['mon', 'wed', 'fri'], parts: ['morning'], note: 'Kl. 6–9' },
    startInDays: 7,
    slots: 1,
    demands: ['early_mornings', 'repetitive_work', 'walking'],
    accommodations: ['clear_instructions', 'fixed_tasks'],
  },
  {
    company: 'tranbjergKoebmand',
    kind: 'sheltered_job',
    title: 'Skånejob: flaskeretur og orden på lageret',
    description: 'Du tømmer flaskeautomaten, sorterer returflasker og holder orden på baglageret i dit eget tempo.',
    tasks: ['Tømme flaskeautomaten', 'Sortere flasker og kasser', 'Feje og holde orden på lageret'],
    hours: [6, 12],
    schedule: { days: ['tue', 'thu', 'fri'], parts: ['morning'] },
    startInDays: 14,
    slots: 1,
    demands: ['repetitive_work', 'cold'],
    accommodations: ['fixed_tasks', 'buddy_mentor', 'flexible_hours'],
  },
  // Skødstrup Genbrug
  {
    company: 'skoedstrupGenbrug',
    kind: 'flexjob',
    title: 'Fleksjob i genbrugsbutikken – sortering og prismærkning',
    description:
      'Du tager imod og sorterer de ting, folk giver til butikken, sætter priser på og gør dem klar til salg. Der er ro i baglokalet, og vi starter stille op.',
    tasks: ['Sortere indleverede ting', 'Sætte priser på', 'Sætte varer frem i butikken'],
    hours: [5, 12],
    flexjobExpectedHours: 8,
    schedule: { days: ['tue', 'wed', 'thu'], parts: ['morning', 'afternoon'] },
    startInDays: 10,
    slots: 1,
    demands: ['repetitive_work', 'customer_contact'],
    accommodations: ['flexible_hours', 'quiet_workspace', 'gradual_start'],
  },
  {
    company: 'skoedstrupGenbrug',
    kind: 'ordinary_hours',
    title: 'Butiksassistent i genbrugsbutik – lørdage',
    description: `Stå i butikken om lørdagen: betjene kunder, tage imod betaling og holde butikken pæn. ${ORDINARY_TERMS}`,
    tasks: ['Betjene kunder', 'Tage imod betaling', 'Holde orden i butikken'],
    hours: [5, 7],
    schedule: { days: ['sat'], parts: ['morning', 'afternoon'], note: 'Kl. 10–15' },
    startInDays: 7,
    slots: 1,
    demands: ['customer_contact', 'prolonged_standing'],
    accommodations: ['buddy_mentor'],
  },
  // Egå Idrætscenter
  {
    company: 'egaaIdraet',
    kind: 'ordinary_hours',
    title: 'Pedelmedhjælper – opstilling og små reparationer',
    description: `Du hjælper vores pedel med at stille op til kampe og arrangementer og laver små reparationer. ${ORDINARY_TERMS}`,
    tasks: ['Stille borde, stole og mål op', 'Skifte pærer og små reparationer', 'Holde udearealerne pæne'],
    hours: [8, 12],
    schedule: { days: ['thu', 'fri'], parts: ['afternoon'] },
    startInDays: 10,
    slots: 1,
    demands: ['walking', 'heavy_lifting', 'heights'],
    accommodations: ['buddy_mentor', 'clear_instructions'],
  },
  {
    company: 'egaaIdraet',
    kind: 'flexjob',
    title: 'Fleksjob i cafeteriaet',
    description: 'Du står i cafeteriaet, sælger kaffe, sandwich og is til gæsterne og holder orden ved bordene.',
    tasks: ['Betjene gæster', 'Smøre sandwich', 'Tørre borde af'],
    hours: [5, 10],
    flexjobExpectedHours: 7,
    schedule: { days: ['mon', 'wed', 'sat'], parts: ['afternoon'] },
    startInDays: 14,
    slots: 1,
    demands: ['customer_contact', 'prolonged_standing'],
    accommodations: ['flexible_hours', 'short_shifts', 'extra_breaks'],
  },
  {
    company: 'egaaIdraet',
    kind: 'sheltered_job',
    title: 'Skånejob: opsyn og oprydning i omklædningsrum',
    description: 'Du holder øje med omklædningsrummene, rydder op og sørger for, at der er papir og sæbe.',
    tasks: ['Rydde op i omklædningsrum', 'Fylde papir og sæbe op', 'Melde fejl til pedellen'],
    hours: [8, 12],
    schedule: { days: WEEKDAYS_MON_THU, parts: ['afternoon'] },
    startInDays: 21,
    slots: 1,
    demands: ['walking', 'chemicals'],
    accommodations: ['fixed_tasks', 'flexible_hours'],
    status: 'paused',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Citizens

type CitizenSeed = {
  name: string;
  postcode: string;
  benefit: BenefitStatus;
  /** Days from today to the last day of the fleksjob visitation; negative when it has run out. */
  visitationInDays?: number;
  hours: [min: number, max: number];
  wishes: string;
  competences: string[];
  /** Danish native when left out. */
  languages?: LanguageSkill[];
  restrictions?: Demand[];
  needs?: Accommodation[];
  /** Sensitive: kept for the consultant, never indexed or shown to a company. */
  health?: string;
  phase: PathPhase;
  transport: TransportMode;
  reachKm: number;
  /** Defaults to having one when travelling by car. */
  drivingLicence?: boolean;
  consent?: boolean;
  consultant?: ConsultantKey;
  excluded?: { company: CompanyKey; reason: 'most_recent_employer' | 'owned_by_partner' };
  /** The citizen behind borger@jobbro.test. */
  demoLogin?: boolean;
};

const DANISH_NATIVE: LanguageSkill[] = [{ language: 'Dansk', level: 'native' }];

const AARHUS_CITIZENS: CitizenSeed[] = [
  {
    name: 'Jonas Kristensen',
    postcode: '8210',
    benefit: 'cash_benefit_activity_ready',
    hours: [5, 12],
    wishes:
      'Jeg vil gerne have et job med rengøring eller i et køkken, helst om formiddagen eller i weekenden. Jeg vil starte med få timer og så tage flere, når jeg er kommet godt i gang.',
    competences: ['Gør rent derhjemme og i opgangen', 'Madlavning derhjemme', 'Frivillig i køkkenet på en festival', 'Opvask i praktik på et plejehjem'],
    languages: [...DANISH_NATIVE, { language: 'Engelsk', level: 'good' }],
    restrictions: ['night_work'],
    needs: ['gradual_start', 'clear_instructions'],
    health: 'Angst i perioder. Har det bedst med faste opgaver og en fast kontaktperson.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
    consultant: 'mette',
    demoLogin: true,
  },
  // Visitated to fleksjob: the warehouse fleksjob in Tilst should find Lars, Michael, Peter and Mohammad only.
  {
    name: 'Lars Møller',
    postcode: '8210',
    benefit: 'flexjob_unemployment',
    visitationInDays: 400,
    hours: [10, 15],
    wishes: 'Lager eller pakkeri. Jeg har været lagermand i mange år og kan godt lide at have travlt, bare jeg kan holde pauser.',
    competences: ['Lagerarbejde i 12 år', 'Truckcertifikat', 'Plukning med håndscanner'],
    restrictions: ['night_work'],
    needs: ['extra_breaks', 'flexible_hours'],
    health: 'Træthed efter en blodprop i hjertet; har brug for pauser.',
    phase: 'towards_job',
    transport: 'car',
    reachKm: 15,
  },
  {
    name: 'Hanne Bak',
    postcode: '8200',
    benefit: 'flexjob_unemployment',
    visitationInDays: 180,
    hours: [8, 15],
    wishes: 'Rengøring eller kontorarbejde, noget hvor jeg ikke skal løfte.',
    competences: ['Rengøringsassistent på hospital', 'Holder styr på foreningens regnskab'],
    restrictions: ['heavy_lifting'],
    needs: ['adapted_workstation', 'extra_breaks'],
    health: 'Slidgigt i skuldrene; må ikke løfte over 5 kg.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 15,
  },
  {
    name: 'Michael Thomsen',
    postcode: '8381',
    benefit: 'flexjob_unemployment',
    visitationInDays: 30,
    hours: [12, 20],
    wishes: 'Gerne lager tæt på, hvor jeg bor. Jeg kan godt lide fysisk arbejde, bare tempoet ikke er for højt hele tiden.',
    competences: ['Flyttemand i 8 år', 'Hjælper naboer med havearbejde', 'Kørekort til lastbil (C)'],
    needs: ['extra_breaks', 'gradual_start'],
    health: 'Hovedpine og træthed efter hjernerystelse.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Susanne Friis',
    postcode: '8330',
    benefit: 'flexjob_unemployment',
    visitationInDays: 700,
    hours: [8, 12],
    wishes: 'Noget med planter eller dyr, helst tæt på Beder.',
    competences: ['Passer en stor køkkenhave', 'Har haft heste i mange år'],
    restrictions: ['high_pace'],
    needs: ['flexible_hours'],
    phase: 'clarification',
    transport: 'bike',
    reachKm: 8,
  },
  {
    name: 'Jens Overgaard',
    postcode: '8462',
    benefit: 'flexjob_unemployment',
    visitationInDays: 365,
    hours: [1, 4],
    wishes: 'Bare et par timer om ugen, gerne med at sortere eller pakke, hvor jeg kan sidde ned.',
    competences: ['Samler på frimærker og sorterer dem', 'Pakker julegaver til hele familien'],
    restrictions: ['prolonged_standing', 'walking'],
    needs: ['sit_stand_option', 'short_shifts'],
    health: 'Kroniske smerter i ryg og ben; kan arbejde i korte perioder.',
    phase: 'towards_job',
    transport: 'car',
    reachKm: 25,
  },
  {
    name: 'Kirsten Lauridsen',
    postcode: '8220',
    benefit: 'flexjob_unemployment',
    visitationInDays: 250,
    hours: [6, 10],
    wishes: 'Køkken eller café. Jeg elsker at bage og lave mad til mange.',
    competences: ['Bager til sportsklubbens arrangementer', 'Madlavning til store familiefester'],
    restrictions: ['repetitive_work'],
    needs: ['extra_breaks', 'sit_stand_option'],
    health: 'Seneskedehindebetændelse i begge hænder.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 12,
  },
  {
    name: 'Peter Dam',
    postcode: '8541',
    benefit: 'flexjob_unemployment',
    visitationInDays: 120,
    hours: [10, 20],
    wishes: 'Lager, pakkeri eller værksted. Jeg vil gerne have faste kolleger.',
    competences: ['Lagerarbejde på et byggemarked', 'Reparerer cykler for venner'],
    needs: ['flexible_hours', 'buddy_mentor'],
    health: 'Depression, nu stabil med behandling.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 20,
  },
  {
    name: 'Anette Vestergaard',
    postcode: '8260',
    benefit: 'flexjob_unemployment',
    visitationInDays: -30,
    hours: [10, 15],
    wishes: 'Lager eller vaskeri. Jeg er vant til fysisk arbejde.',
    competences: ['Vaskeriassistent i 6 år', 'Pakker varer til loppemarked'],
    needs: ['extra_breaks'],
    phase: 'clarification',
    transport: 'car',
    reachKm: 20,
    consultant: 'rasmus',
  },
  {
    name: 'Tina Holm',
    postcode: '8240',
    benefit: 'flexjob_unemployment',
    visitationInDays: 500,
    hours: [2, 6],
    wishes: 'Noget roligt med få timer, fx at folde tøj eller sortere ting.',
    competences: ['Syr og reparerer tøj', 'Passer børnebørn'],
    restrictions: ['heavy_lifting', 'prolonged_standing'],
    needs: ['sit_stand_option', 'short_shifts', 'quiet_workspace'],
    health: 'Fibromyalgi; svingende smerter.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 10,
  },
  {
    name: 'Mohammad Rahimi',
    postcode: '8220',
    benefit: 'flexjob_unemployment',
    visitationInDays: 300,
    hours: [15, 25],
    wishes: 'Lager eller bilværksted. Jeg kan godt lide at arbejde med hænderne.',
    competences: ['Mekaniker i Afghanistan', 'Lagerarbejde i en dagligvarekæde', 'Hjælper i moskéens køkken'],
    languages: [
      { language: 'Dari', level: 'native' },
      { language: 'Dansk', level: 'good' },
      { language: 'Engelsk', level: 'basic' },
    ],
    needs: ['clear_instructions', 'gradual_start'],
    health: 'Søvnproblemer; har det bedst med dagarbejde.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Bodil Svendsen',
    postcode: '8520',
    benefit: 'flexjob_unemployment',
    visitationInDays: 90,
    hours: [5, 10],
    wishes: 'Kantine eller café, gerne om formiddagen.',
    competences: ['Kantinedame i 15 år', 'Bager til børnebørnenes fødselsdage'],
    restrictions: ['cold'],
    needs: ['extra_breaks'],
    phase: 'at_company',
    transport: 'bike',
    reachKm: 8,
  },
  // On førtidspension: skånejob, never at the excluded companies.
  {
    name: 'Bent Kjeldsen',
    postcode: '8260',
    benefit: 'disability_pension',
    hours: [8, 15],
    wishes: 'Noget med biler eller et værksted, men uden tunge løft.',
    competences: ['Autolakerer i 20 år', 'Skruer på veteranknallerter'],
    restrictions: ['heavy_lifting'],
    needs: ['extra_breaks', 'flexible_hours'],
    health: 'Diskusprolaps i lænden.',
    phase: 'towards_job',
    transport: 'car',
    reachKm: 20,
    excluded: { company: 'vibyAuto', reason: 'most_recent_employer' },
  },
  {
    name: 'Karin Mikkelsen',
    postcode: '8220',
    benefit: 'disability_pension',
    hours: [6, 10],
    wishes: 'Jeg vil gerne være sammen med ældre mennesker, fx i en café på et plejehjem.',
    competences: ['Social- og sundhedshjælper i mange år', 'Synger i kor'],
    restrictions: ['prolonged_standing'],
    needs: ['sit_stand_option', 'extra_breaks'],
    health: 'Gigt i knæ og hofter.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 8,
    excluded: { company: 'brabrandPleje', reason: 'most_recent_employer' },
  },
  {
    name: 'Ole Frandsen',
    postcode: '8240',
    benefit: 'disability_pension',
    hours: [10, 15],
    wishes: 'Et stille sted, hvor jeg kan lave det samme hver dag, fx pakning eller sortering.',
    competences: ['Lagerarbejde', 'Bygger modeltog'],
    restrictions: ['noise', 'high_pace'],
    needs: ['quiet_workspace', 'fixed_tasks'],
    health: 'Bliver hurtigt træt af støj og mange indtryk.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 15,
  },
  {
    name: 'Birthe Nygaard',
    postcode: '8270',
    benefit: 'disability_pension',
    hours: [5, 10],
    wishes: 'Planter, drivhus eller en genbrugsbutik.',
    competences: ['Passer kolonihave', 'Frivillig i en genbrugsbutik'],
    restrictions: ['walking'],
    needs: ['sit_stand_option', 'flexible_hours'],
    health: 'Nedsat gangfunktion; bruger rollator på længere ture.',
    phase: 'clarification',
    transport: 'car',
    reachKm: 15,
    drivingLicence: true,
  },
  {
    name: 'Jan Poulsen',
    postcode: '8520',
    benefit: 'disability_pension',
    hours: [10, 20],
    wishes: 'Køkken eller pakning af mad. Jeg har været kok.',
    competences: ['Kok i 15 år', 'Laver mad til foreningens fester'],
    restrictions: ['high_pace'],
    needs: ['extra_breaks', 'buddy_mentor'],
    health: 'Stress og hukommelsesproblemer efter en ulykke.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 12,
    excluded: { company: 'lystrupKantine', reason: 'most_recent_employer' },
  },
  {
    name: 'Lene Skov',
    postcode: '8361',
    benefit: 'disability_pension',
    hours: [6, 12],
    wishes: 'Gerne noget med planter eller at folde og pakke.',
    competences: ['Binder buketter', 'Strikker og syr'],
    restrictions: ['heavy_lifting'],
    needs: ['flexible_hours', 'quiet_workspace'],
    phase: 'towards_job',
    transport: 'car',
    reachKm: 15,
    excluded: { company: 'groenHave', reason: 'owned_by_partner' },
  },
  {
    name: 'Erik Vinther',
    postcode: '8310',
    benefit: 'disability_pension',
    hours: [3, 8],
    wishes: 'Et par timer i en butik eller på et lager, gerne indendørs.',
    competences: ['Ekspedient i en isenkræmmer', 'Holder orden i sit eget værksted'],
    restrictions: ['heavy_lifting', 'cold'],
    needs: ['short_shifts', 'fixed_tasks'],
    health: 'KOL; tåler ikke kulde og tunge løft.',
    phase: 'towards_job',
    transport: 'walk',
    reachKm: 5,
  },
  // Kontanthjælp
  {
    name: 'Camilla Jensen',
    postcode: '8200',
    benefit: 'cash_benefit_activity_ready',
    hours: [1, 4],
    wishes: 'Jeg vil gerne prøve at være et sted et par timer om ugen, gerne med dyr eller planter.',
    competences: ['Passer min mors have', 'Lufter naboens hund'],
    restrictions: ['high_pace', 'customer_contact'],
    needs: ['quiet_workspace', 'short_shifts', 'buddy_mentor'],
    health: 'Social angst; har brug for en rolig opstart.',
    phase: 'clarification',
    transport: 'public_transport',
    reachKm: 8,
  },
  {
    name: 'Ahmed Yusuf',
    postcode: '8220',
    benefit: 'cash_benefit_activity_ready',
    hours: [5, 10],
    wishes: 'Lager eller pakkeri. Jeg kan godt lide fysisk arbejde.',
    competences: ['Pakkede varer i familiens butik', 'Reparerer cykler'],
    languages: [
      { language: 'Somali', level: 'native' },
      { language: 'Dansk', level: 'basic' },
      { language: 'Engelsk', level: 'good' },
    ],
    needs: ['clear_instructions'],
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Maria Pedersen',
    postcode: '8260',
    benefit: 'cash_benefit_activity_ready',
    hours: [3, 8],
    wishes: 'Butik eller café – noget med mennesker.',
    competences: ['Bager til børnenes fødselsdage', 'Frivillig i kirkens genbrugsbutik'],
    restrictions: ['prolonged_standing'],
    needs: ['sit_stand_option', 'extra_breaks'],
    health: 'Dårlige knæ; kan ikke stå stille længe ad gangen.',
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 10,
  },
  {
    name: 'Nikolaj Berg',
    postcode: '8000',
    benefit: 'cash_benefit_activity_ready',
    hours: [5, 10],
    wishes: 'Jeg vil gerne arbejde i et køkken eller med opvask, gerne om eftermiddagen eller aftenen.',
    competences: ['Laver mad til mine søskende', 'Opvask i praktik på et plejehjem'],
    restrictions: ['early_mornings'],
    needs: ['buddy_mentor'],
    phase: 'towards_job',
    transport: 'walk',
    reachKm: 5,
  },
  {
    name: 'Sofie Laursen',
    postcode: '8270',
    benefit: 'cash_benefit_activity_ready',
    hours: [4, 8],
    wishes: 'Rengøring, gerne alene og i roligt tempo.',
    competences: ['Gør rent for min bedstemor', 'Sorterer og ordner ting'],
    restrictions: ['customer_contact', 'high_pace'],
    needs: ['fixed_tasks', 'quiet_workspace', 'clear_instructions'],
    health: 'ADHD; har brug for tydelige opgaver.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 8,
  },
  {
    name: 'Kim Rasmussen',
    postcode: '8300',
    benefit: 'cash_benefit_activity_ready',
    hours: [8, 15],
    wishes: 'Havearbejde eller pedel – bare jeg kan være udenfor.',
    competences: ['Passer kolonihave', 'Reparerer cykler og knallerter', 'Kørekort (B)'],
    restrictions: ['written_danish'],
    needs: ['clear_instructions'],
    phase: 'at_company',
    transport: 'car',
    reachKm: 30,
  },
  {
    name: 'Jette Christiansen',
    postcode: '8240',
    benefit: 'cash_benefit_activity_ready',
    hours: [1, 4],
    wishes: 'Måske noget med at folde tøj eller sortere i en genbrugsbutik.',
    competences: ['Strikker og syr', 'Passer børnebørn'],
    restrictions: ['heavy_lifting', 'walking'],
    needs: ['short_shifts', 'sit_stand_option'],
    health: 'Kroniske rygsmerter.',
    phase: 'clarification',
    transport: 'public_transport',
    reachKm: 6,
    consent: false,
  },
  {
    name: 'Mads Eriksen',
    postcode: '8381',
    benefit: 'cash_benefit_activity_ready',
    hours: [10, 20],
    wishes: 'Lager eller truck, gerne tidligt om morgenen.',
    competences: ['Truckcertifikat fra tidligere job', 'Hjælper venner med at flytte'],
    phase: 'towards_job',
    transport: 'car',
    reachKm: 25,
  },
  {
    name: 'Emil Hansen',
    postcode: '8000',
    benefit: 'cash_benefit_job_ready',
    hours: [15, 30],
    wishes: 'Servering, café eller butik. Jeg vil gerne have så mange timer som muligt.',
    competences: ['Barista på en festival', 'Frivillig i fodboldklubbens kiosk'],
    languages: [...DANISH_NATIVE, { language: 'Engelsk', level: 'fluent' }],
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Louise Mortensen',
    postcode: '8230',
    benefit: 'cash_benefit_job_ready',
    hours: [10, 20],
    wishes: 'Kontorrengøring eller vaskeri.',
    competences: ['Rengøringsassistent på hotel', 'Vasker og stryger for familien'],
    phase: 'self_supporting',
    transport: 'bike',
    reachKm: 12,
  },
  {
    name: 'Jakob Lind',
    postcode: '8310',
    benefit: 'cash_benefit_job_ready',
    hours: [10, 25],
    wishes: 'Butik, varepåfyldning eller lager.',
    competences: ['Varepåfylder i et supermarked', 'Træner et børnehold i håndbold'],
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 15,
  },
  {
    name: 'Fatima Al-Sayed',
    postcode: '8220',
    benefit: 'cash_benefit_job_ready',
    hours: [8, 15],
    wishes: 'Køkken eller kantine, gerne om formiddagen.',
    competences: ['Laver mad til store familiesammenkomster', 'Køkkenhjælp i en børnehave'],
    languages: [
      { language: 'Arabisk', level: 'native' },
      { language: 'Dansk', level: 'good' },
      { language: 'Engelsk', level: 'basic' },
    ],
    phase: 'at_company',
    transport: 'public_transport',
    reachKm: 15,
  },
  {
    name: 'Thomas Winther',
    postcode: '8362',
    benefit: 'cash_benefit_job_ready',
    hours: [10, 20],
    wishes: 'Bilvask, værksted eller kørsel.',
    competences: ['Kørekort (B og C)', 'Skruer på sin egen bil', 'Bilvask på en tankstation'],
    phase: 'towards_job',
    transport: 'car',
    reachKm: 35,
  },
  // Uddannelseshjælp
  {
    name: 'Oliver Nielsen',
    postcode: '8210',
    benefit: 'education_benefit',
    hours: [5, 10],
    wishes: 'Jeg vil gerne prøve lager eller pakkeri, før jeg starter på en uddannelse.',
    competences: ['God til computere', 'Hjælper på fodboldklubbens baner'],
    restrictions: ['written_danish'],
    needs: ['clear_instructions'],
    health: 'Ordblind.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Freja Johansen',
    postcode: '8200',
    benefit: 'education_benefit',
    hours: [3, 8],
    wishes: 'Café eller bageri, noget med mad.',
    competences: ['Bager kager til venner', 'Babysitter'],
    restrictions: ['high_pace'],
    needs: ['gradual_start'],
    health: 'Stress efter gymnasiet; sover dårligt.',
    phase: 'clarification',
    transport: 'public_transport',
    reachKm: 10,
  },
  {
    name: 'Malthe Dahl',
    postcode: '8240',
    benefit: 'education_benefit',
    hours: [6, 12],
    wishes: 'Havearbejde eller noget udendørs.',
    competences: ['Slår græs for naboerne', 'Spejder'],
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 12,
  },
  // Integrationsydelse
  {
    name: 'Amina Mohamed',
    postcode: '8220',
    benefit: 'integration_benefit',
    hours: [5, 12],
    wishes: 'Rengøring eller køkken. Jeg har gjort rent på et hotel i Kenya.',
    competences: ['Rengøring på hotel i Nairobi', 'Madlavning til store familier'],
    languages: [
      { language: 'Somali', level: 'native' },
      { language: 'Dansk', level: 'basic' },
      { language: 'Engelsk', level: 'basic' },
    ],
    needs: ['clear_instructions', 'buddy_mentor'],
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 12,
  },
  {
    name: 'Olena Kovalenko',
    postcode: '8260',
    benefit: 'integration_benefit',
    hours: [10, 20],
    wishes: 'Plejehjem eller køkken. Jeg var kok i et skolekøkken i Kharkiv.',
    competences: ['Kok i et skolekøkken', 'Passer børnebørn'],
    languages: [
      { language: 'Ukrainsk', level: 'native' },
      { language: 'Russisk', level: 'fluent' },
      { language: 'Engelsk', level: 'good' },
      { language: 'Dansk', level: 'basic' },
    ],
    needs: ['clear_instructions'],
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 15,
  },
  {
    name: 'Yonas Tesfaye',
    postcode: '8200',
    benefit: 'integration_benefit',
    hours: [8, 15],
    wishes: 'Lager eller bilvask.',
    competences: ['Vasker biler for venner', 'Byggearbejde i Eritrea'],
    languages: [
      { language: 'Tigrinya', level: 'native' },
      { language: 'Engelsk', level: 'good' },
      { language: 'Dansk', level: 'basic' },
    ],
    needs: ['buddy_mentor'],
    phase: 'clarification',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Farid Nazari',
    postcode: '8381',
    benefit: 'integration_benefit',
    hours: [10, 20],
    wishes: 'Værksted eller bilvask. Jeg var mekaniker i Afghanistan.',
    competences: ['Mekaniker', 'Kørekort (B)'],
    languages: [
      { language: 'Dari', level: 'native' },
      { language: 'Dansk', level: 'good' },
    ],
    phase: 'towards_job',
    transport: 'car',
    reachKm: 20,
  },
  // Ressourceforløb
  {
    name: 'Helle Kirkegaard',
    postcode: '8330',
    benefit: 'resource_programme',
    hours: [1, 3],
    wishes: 'Jeg vil gerne ud blandt andre mennesker et par timer, måske i en genbrugsbutik.',
    competences: ['Strikker', 'Hjælper i menighedshuset'],
    restrictions: ['high_pace', 'noise', 'heavy_lifting'],
    needs: ['quiet_workspace', 'short_shifts', 'gradual_start'],
    health: 'Depression; svinger i energi fra uge til uge.',
    phase: 'clarification',
    transport: 'car',
    reachKm: 15,
  },
  {
    name: 'Steffen Juul',
    postcode: '8270',
    benefit: 'resource_programme',
    hours: [2, 6],
    wishes: 'Noget med hænderne, fx i et drivhus eller et værksted.',
    competences: ['Snedker', 'Passer egen have'],
    restrictions: ['customer_contact', 'noise'],
    needs: ['quiet_workspace', 'fixed_tasks'],
    health: 'PTSD; undgår larm og mange mennesker.',
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Dorte Andreasen',
    postcode: '8250',
    benefit: 'resource_programme',
    hours: [1, 4],
    wishes: 'Ved ikke endnu – gerne noget roligt.',
    competences: ['Passer børnebørn', 'Madlavning derhjemme'],
    restrictions: ['high_pace'],
    health: 'Afventer rehabiliteringsteamet; mulig visitation til fleksjob.',
    phase: 'rehabilitation_team',
    transport: 'public_transport',
    reachKm: 8,
    consent: false,
  },
  // Sygedagpenge / jobafklaring
  {
    name: 'Morten Schmidt',
    postcode: '8340',
    benefit: 'sickness_benefit',
    hours: [5, 15],
    wishes: 'Tilbage til lagerarbejde, men uden tunge løft.',
    competences: ['Lagermedarbejder i 10 år', 'Truckcertifikat'],
    restrictions: ['heavy_lifting'],
    needs: ['gradual_start', 'adapted_workstation'],
    health: 'Diskusprolaps; gradvis tilbagevenden.',
    phase: 'towards_job',
    transport: 'car',
    reachKm: 30,
  },
  {
    name: 'Pernille Bach',
    postcode: '8320',
    benefit: 'sickness_benefit',
    hours: [4, 10],
    wishes: 'Kontor eller reception – noget siddende.',
    competences: ['Kontorassistent', 'Kasserer i grundejerforeningen'],
    restrictions: ['prolonged_standing', 'walking'],
    needs: ['adapted_workstation', 'gradual_start'],
    health: 'Genoptræning efter knæoperation.',
    phase: 'clarification',
    transport: 'car',
    reachKm: 20,
  },
  {
    name: 'Rikke Clausen',
    postcode: '8355',
    benefit: 'sickness_benefit',
    hours: [6, 12],
    wishes: 'Køkken eller kantine, men ikke tidligt om morgenen.',
    competences: ['Køkkenassistent i en kantine', 'Laver mad til spejdernes lejre'],
    restrictions: ['early_mornings'],
    needs: ['gradual_start'],
    health: 'Stress; sover dårligt.',
    phase: 'towards_job',
    transport: 'car',
    reachKm: 25,
  },
  // Andet
  {
    name: 'Gitte Holst',
    postcode: '8230',
    benefit: 'other',
    hours: [5, 10],
    wishes: 'Rengøring eller vaskeri.',
    competences: ['Gør rent i opgangen', 'Vasker og stryger'],
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 8,
    consent: false,
  },
  {
    name: 'Søren Klausen',
    postcode: '8380',
    benefit: 'other',
    hours: [8, 20],
    wishes: 'Havearbejde eller pedelopgaver.',
    competences: ['Vicevært i en boligforening', 'Kørekort (B)'],
    phase: 'self_supporting',
    transport: 'car',
    reachKm: 30,
  },
  {
    name: 'Henrik Storm',
    postcode: '8530',
    benefit: 'cash_benefit_activity_ready',
    hours: [5, 10],
    wishes: 'Pedel eller vicevært, gerne med forskellige opgaver.',
    competences: ['Maler og tapetserer derhjemme', 'Hjælper i idrætsforeningen'],
    restrictions: ['heights'],
    phase: 'towards_job',
    transport: 'car',
    reachKm: 25,
  },
];

const RANDERS_CITIZENS: CitizenSeed[] = [
  {
    name: 'Lasse Kjær',
    postcode: '8900',
    benefit: 'cash_benefit_activity_ready',
    hours: [5, 10],
    wishes: 'Lager eller pakkeri i Randers.',
    competences: ['Pakker varer på et webshop-lager', 'Hjælper på fodboldklubbens baner'],
    phase: 'towards_job',
    transport: 'bike',
    reachKm: 10,
  },
  {
    name: 'Marianne Holt',
    postcode: '8920',
    benefit: 'flexjob_unemployment',
    visitationInDays: 200,
    hours: [6, 12],
    wishes: 'Rengøring eller kantine.',
    competences: ['Rengøringsassistent', 'Madlavning derhjemme'],
    restrictions: ['heavy_lifting'],
    needs: ['extra_breaks'],
    phase: 'towards_job',
    transport: 'car',
    reachKm: 20,
  },
  {
    name: 'Brian Iversen',
    postcode: '8930',
    benefit: 'disability_pension',
    hours: [8, 12],
    wishes: 'Noget på et værksted.',
    competences: ['Smed', 'Skruer på traktorer'],
    restrictions: ['noise'],
    needs: ['quiet_workspace'],
    phase: 'clarification',
    transport: 'car',
    reachKm: 15,
  },
  {
    name: 'Nadia Hussein',
    postcode: '8940',
    benefit: 'integration_benefit',
    hours: [10, 20],
    wishes: 'Plejehjem eller børnehave.',
    competences: ['Passer sine søskendes børn', 'Madlavning til store familier'],
    languages: [
      { language: 'Arabisk', level: 'native' },
      { language: 'Dansk', level: 'good' },
    ],
    phase: 'towards_job',
    transport: 'public_transport',
    reachKm: 12,
  },
  {
    name: 'Connie Madsen',
    postcode: '8960',
    benefit: 'sickness_benefit',
    hours: [4, 8],
    wishes: 'Butik, gerne om formiddagen.',
    competences: ['Ekspedient i tøjbutik'],
    restrictions: ['prolonged_standing'],
    needs: ['gradual_start'],
    phase: 'clarification',
    transport: 'bike',
    reachKm: 8,
  },
];

const NEXT_ACTION_BY_PHASE: Record<PathPhase, string | null> = {
  clarification: 'Samtale om ønsker og ressourcer',
  towards_job: 'Find virksomhed og aftal opstart',
  at_company: 'Opfølgning hos virksomheden',
  self_supporting: null,
  rehabilitation_team: 'Forbered sagen til rehabiliteringsteamet',
};

// ---------------------------------------------------------------------------------------------------------
// Building the rows

type Place = { postcode: string; city: string; lat: number; lon: number };

function placeOf(postcode: string): Place {
  const place = findPostcode(postcode);
  if (!place) throw new Error(`Demo data uses postcode ${postcode}, which is not in db/data/dk-postcodes.csv`);
  return { postcode, city: place.city, lat: place.lat, lon: place.lon };
}

function daysFrom(today: Date, days: number): Date {
  return new Date(today.getTime() + days * DAY_MS);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A made-up address for a person: first name, last name and the reserved `.test` domain. */
function emailFor(name: string): string {
  const local = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .split(/[\s-]+/)
    .join('.');
  return `${local}@mail.test`;
}

function mobileNumber(random: Random): string {
  const pairs = [random.int(20, 31), random.int(10, 99), random.int(10, 99), random.int(10, 99)];
  return pairs.join(' ');
}

/** Valid under the modulus-11 check and in the 9xxxxxxx range the register has not reached: no real company. */
function fictitiousCvr(random: Random, taken: Set<string>): string {
  for (;;) {
    const cvr = makeValidCvr(String(random.int(9_000_000, 9_999_999)));
    if (cvr && !taken.has(cvr)) {
      taken.add(cvr);
      return cvr;
    }
  }
}

type Ids = {
  jobcentres: Record<JobcentreKey, string>;
  consultants: Record<ConsultantKey, string>;
  companies: Record<CompanyKey, string>;
  companyUsers: Partial<Record<CompanyKey, string>>;
};

function newIds(): Ids {
  const companyIds = Object.fromEntries(COMPANIES.map((company) => [company.key, randomUUID()])) as Record<CompanyKey, string>;
  const companyUsers = Object.fromEntries(COMPANY_LOGINS.map((login) => [login.company, randomUUID()]));
  return {
    jobcentres: { aarhus: randomUUID(), randers: randomUUID() },
    consultants: { mette: randomUUID(), rasmus: randomUUID(), lone: randomUUID() },
    companies: companyIds,
    companyUsers,
  };
}

function companyRows(ids: Ids, random: Random, today: Date) {
  const cvrs = new Set<string>();
  return COMPANIES.map((company) => {
    const place = placeOf(company.postcode);
    const hasOwnLogin = ids.companyUsers[company.key] !== undefined;
    const createdAt = daysFrom(today, -random.int(60, 400));
    return {
      id: ids.companies[company.key],
      cvr: fictitiousCvr(random, cvrs),
      name: company.name,
      address: company.address,
      postcode: place.postcode,
      city: place.city,
      industry: company.industry,
      ordinaryEmployees: company.ordinaryEmployees,
      phone: company.phone,
      email: company.email,
      // A company without its own login was registered by the jobcentre, which posts for it (jobordre).
      createdByJobcentreId: hasOwnLogin ? null : ids.jobcentres.aarhus,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function staffRows(ids: Ids, passwordHash: string) {
  const consultants = (Object.keys(CONSULTANTS) as ConsultantKey[]).map((key) => {
    const consultant = CONSULTANTS[key];
    return {
      id: ids.consultants[key],
      email: consultant.email,
      name: consultant.name,
      phone: consultant.phone,
      passwordHash,
      role: 'consultant' as const,
      jobcentreId: ids.jobcentres[consultant.jobcentre],
      demo: true,
    };
  });
  const admin = { id: randomUUID(), email: ADMIN.email, name: ADMIN.name, passwordHash, role: 'admin' as const, demo: true };
  return [admin, ...consultants];
}

function companyUserRows(ids: Ids, passwordHash: string) {
  return COMPANY_LOGINS.map((login) => {
    const company = companyOf(login.company);
    return {
      id: ids.companyUsers[login.company] ?? randomUUID(),
      email: login.email,
      name: company.contact.name,
      phone: company.contact.phone,
      passwordHash,
      role: 'company' as const,
      companyId: ids.companies[login.company],
      demo: true,
    };
  });
}

function companyOf(key: CompanyKey): CompanySeed {
  const company = COMPANIES.find((candidate) => candidate.key === key);
  if (!company) throw new Error(`Demo data names an unknown company ${key}`);
  return company;
}

type CitizenRow = typeof citizens.$inferInsert & { id: string };

function citizenRow(
  seed: CitizenSeed,
  context: { ids: Ids; random: Random; today: Date; jobcentre: JobcentreKey; consultant: ConsultantKey },
): CitizenRow {
  const { ids, random, today } = context;
  const place = placeOf(seed.postcode);
  const languages = seed.languages ?? DANISH_NATIVE;
  const danish = languages.find((language) => language.language === 'Dansk');
  const consent = seed.consent ?? true;
  const createdAt = daysFrom(today, -random.int(20, 300));
  const nextAction = NEXT_ACTION_BY_PHASE[seed.phase];
  return {
    id: randomUUID(),
    jobcentreId: ids.jobcentres[context.jobcentre],
    consultantId: ids.consultants[context.consultant],
    name: seed.name,
    email: seed.demoLogin ? CITIZEN_LOGIN_EMAIL : emailFor(seed.name),
    phone: mobileNumber(random),
    ...place,
    transportMode: seed.transport,
    reachKm: seed.reachKm,
    benefitStatus: seed.benefit,
    flexjobVisitationUntil: seed.visitationInDays === undefined ? null : isoDate(daysFrom(today, seed.visitationInDays)),
    hoursMin: seed.hours[0],
    hoursMax: seed.hours[1],
    wishes: seed.wishes,
    competences: seed.competences,
    // Danish has its own field; "Sprog" holds the others (a "Dansk" line there listed it twice).
    languages: otherLanguages(languages),
    danishLevel: danish?.level ?? 'basic',
    drivingLicence: seed.drivingLicence ?? seed.transport === 'car',
    restrictions: seed.restrictions ?? [],
    neededAccommodations: seed.needs ?? [],
    healthNotes: seed.health ?? '',
    consentToShare: consent,
    consentUpdatedAt: consent ? daysFrom(createdAt, random.int(0, 14)) : null,
    phase: seed.phase,
    nextAction,
    nextActionDate: nextAction ? isoDate(daysFrom(today, random.int(-3, 21))) : null,
    createdAt,
    updatedAt: daysFrom(createdAt, random.int(0, 15)),
  };
}

function citizenRows(ids: Ids, random: Random, today: Date) {
  const aarhusConsultants: ConsultantKey[] = ['mette', 'rasmus'];
  const aarhus = AARHUS_CITIZENS.map((seed, index) =>
    citizenRow(seed, {
      ids,
      random,
      today,
      jobcentre: 'aarhus',
      consultant: seed.consultant ?? aarhusConsultants[index % aarhusConsultants.length] ?? 'mette',
    }),
  );
  const randers = RANDERS_CITIZENS.map((seed) => citizenRow(seed, { ids, random, today, jobcentre: 'randers', consultant: 'lone' }));
  return { aarhus, randers };
}

function openingRows(ids: Ids, random: Random, today: Date) {
  const jobOrderConsultants: ConsultantKey[] = ['mette', 'rasmus'];
  return OPENINGS.map((seed, index) => {
    const company = companyOf(seed.company);
    const place = placeOf(seed.postcode ?? company.postcode);
    const status = seed.status ?? 'open';
    const companyUser = ids.companyUsers[seed.company];
    const publishedAt = status === 'draft' ? null : daysFrom(today, -random.int(1, 40));
    const createdAt = daysFrom(publishedAt ?? today, -random.int(1, 5));
    return {
      id: randomUUID(),
      companyId: ids.companies[seed.company],
      kind: seed.kind,
      title: seed.title,
      description: seed.description,
      tasks: seed.tasks,
      hoursMin: seed.hours[0],
      hoursMax: seed.hours[1],
      flexjobExpectedHours: seed.flexjobExpectedHours ?? null,
      schedule: seed.schedule,
      startDate: isoDate(daysFrom(today, seed.startInDays)),
      slots: seed.slots,
      ...place,
      demands: seed.demands,
      accommodations: seed.accommodations,
      languageNeeds: seed.languageNeeds ?? '',
      drivingLicenceRequired: seed.drivingLicenceRequired ?? false,
      contactName: company.contact.name,
      contactRole: company.contact.role,
      contactPhone: company.contact.phone,
      contactEmail: company.contact.email,
      status,
      isJobOrder: companyUser === undefined,
      createdBy: companyUser ?? ids.consultants[jobOrderConsultants[index % jobOrderConsultants.length] ?? 'mette'],
      publishedAt,
      createdAt,
      updatedAt: status === 'open' ? (publishedAt ?? createdAt) : daysFrom(today, -1),
    };
  });
}

type OpeningRow = ReturnType<typeof openingRows>[number];

function excludedCompanyRows(ids: Ids, rows: CitizenRow[]) {
  return AARHUS_CITIZENS.flatMap((seed, index) => {
    const citizen = rows[index];
    if (!seed.excluded || !citizen) return [];
    return [{ citizenId: citizen.id, companyId: ids.companies[seed.excluded.company], reason: seed.excluded.reason }];
  });
}

/**
 * What proposing the citizen would have stored (app/domain/proposal-explanation.ts), so the consultant's lists
 * show no "Ved forslaget" for a change that never happened.
 */
function storedExplanation(citizen: CitizenRow, opening: OpeningRow): string {
  const matchCitizen = {
    benefitStatus: citizen.benefitStatus,
    flexjobVisitationUntil: citizen.flexjobVisitationUntil ?? null,
    excludedCompanyIds: [],
    phase: citizen.phase ?? 'towards_job',
    hoursMin: citizen.hoursMin,
    hoursMax: citizen.hoursMax,
    restrictions: citizen.restrictions ?? [],
    neededAccommodations: citizen.neededAccommodations ?? [],
    lat: citizen.lat,
    lon: citizen.lon,
    reachKm: citizen.reachKm,
    wishes: citizen.wishes ?? '',
    competences: citizen.competences ?? [],
    drivingLicence: citizen.drivingLicence ?? false,
  };
  return proposalExplanationText(explainMatch(matchCitizen, { ...opening, freeSlots: opening.slots }));
}

/** Two proposals waiting for the demo citizen, so the citizen's pages have something to answer at first login. */
function demoProposalRows(ids: Ids, today: Date, citizen: CitizenRow, allOpenings: OpeningRow[]) {
  const wanted: { company: CompanyKey; kind: OpeningKind }[] = [
    { company: 'cafeAaen', kind: 'ordinary_hours' },
    { company: 'nordlys', kind: 'ordinary_hours' },
  ];
  return wanted.map((want, index) => {
    const opening = allOpenings.find(
      (candidate) => candidate.companyId === ids.companies[want.company] && candidate.kind === want.kind && candidate.status === 'open',
    );
    if (!opening) throw new Error(`Demo data lacks an open ${want.kind} opening at ${want.company}`);
    const explanation = storedExplanation(citizen, opening);
    const createdAt = daysFrom(today, -(3 + index * 3));
    const base = {
      id: randomUUID(),
      openingId: opening.id,
      citizenId: citizen.id,
      proposedBy: ids.consultants.mette,
      explanation,
      createdAt,
      updatedAt: createdAt,
    };
    // The first waits for both parties; the second began with the citizen's interest and the company said yes.
    return index === 0
      ? { ...base, origin: 'consultant' as const, status: 'proposed' as const }
      : {
          ...base,
          origin: 'citizen_interest' as const,
          status: 'company_accepted' as const,
          companyAcceptedAt: daysFrom(today, -1),
          updatedAt: daysFrom(today, -1),
        };
  });
}

/**
 * What "Hvem har set mine oplysninger" shows the demo citizen at first login: the consultant who made and
 * opened the profile and matched it, and the company that read the summary of a proposal.
 */
function demoAccessLogRows(ids: Ids, today: Date, citizen: CitizenRow, proposals: ReturnType<typeof demoProposalRows>, allOpenings: OpeningRow[]) {
  const mette = { actorUserId: ids.consultants.mette, actorRole: 'consultant' as const, organisation: JOBCENTRES.aarhus.name };
  const titleOf = (openingId: string) => allOpenings.find((opening) => opening.id === openingId)?.title ?? '';
  const [proposed, companyAnswered] = proposals;
  if (!proposed || !companyAnswered) throw new Error('Demo data lacks the demo citizen\'s proposals');
  return [
    { ...mette, action: 'change' as const, purpose: ACCESS_PURPOSES.createProfile, at: daysFrom(today, -30) },
    { ...mette, action: 'read' as const, purpose: ACCESS_PURPOSES.viewProfile, at: daysFrom(today, -12) },
    { ...mette, action: 'read' as const, purpose: MATCH_PURPOSES.openingsForCitizen, at: daysFrom(today, -7) },
    {
      ...mette,
      action: 'change' as const,
      purpose: PROPOSAL_PURPOSES.proposed(titleOf(proposed.openingId), companyOf('cafeAaen').name),
      at: proposed.createdAt,
    },
    {
      actorUserId: ids.companyUsers.nordlys ?? null,
      actorRole: 'company' as const,
      organisation: companyOf('nordlys').name,
      action: 'read' as const,
      purpose: PROPOSAL_PURPOSES.companyRead(titleOf(companyAnswered.openingId)),
      at: daysFrom(today, -1),
    },
  ].map((entry) => ({ ...entry, citizenId: citizen.id }));
}

/** The demo logins in the order the start-up lists them. */
export function demoLogins(): DemoLogin[] {
  const demoCitizen = AARHUS_CITIZENS.find((citizen) => citizen.demoLogin);
  return [
    { email: ADMIN.email, role: 'admin', name: ADMIN.name },
    ...(Object.keys(CONSULTANTS) as ConsultantKey[]).map((key) => ({
      email: CONSULTANTS[key].email,
      role: 'consultant' as const,
      name: CONSULTANTS[key].name,
    })),
    ...COMPANY_LOGINS.map((login) => ({ email: login.email, role: 'company' as const, name: companyOf(login.company).contact.name })),
    { email: CITIZEN_LOGIN_EMAIL, role: 'citizen', name: demoCitizen?.name ?? '' },
    { email: FLEXJOB_CITIZEN_LOGIN.email, role: 'citizen', name: FLEXJOB_CITIZEN_LOGIN.citizenName },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Agreements in every state (issue 5): a draft, active ones with a follow-up due this week and one overdue,
// one that reached 30 ordinary hours, one ended with a reason, and the demo citizen's own active agreement
// whose next follow-up lies ahead. Each opening keeps a free slot, so the openings stay open.

type AgreementSeed = {
  citizen: string;
  company: CompanyKey;
  title: string;
  hours: number;
  internship?: number;
  state: 'draft' | 'active' | 'ended';
  /** The start, and which planned dates were held (logged as contacts): those before `heldBefore`. */
  plan: (today: string) => { start: string; heldBefore: string; alsoPlanned?: string };
  /** Ordinary hours of the months before this one, oldest first. */
  months?: number[];
  subGoal?: string;
  health?: string;
  endReason?: string;
};

const sundayOrNextDay = (today: string) => (endOfWeek(today) === today ? today : addDays(today, 1));

const DEMO_AGREEMENT_SEEDS: (Omit<AgreementSeed, 'state'> & Partial<Pick<AgreementSeed, 'state'>>)[] = [
  {
    // borger@jobbro.test: active, with the next follow-up ahead of today.
    citizen: 'Jonas Kristensen',
    company: 'lystrupKantine',
    title: 'Kantinemedhjælper – anretning og opvask',
    hours: 8,
    plan: (today) => ({ start: addDays(today, -40), heldBefore: today }),
    months: [14],
    subGoal: '10 ordinære timer om ugen',
    health: 'Har det bedst med faste opgaver og en fast kontaktperson.',
  },
  {
    // Active, the next planned follow-up this week.
    citizen: 'Kim Rasmussen',
    company: 'groenHave',
    title: 'Havemedhjælper – græsslåning og hækklipning',
    hours: 10,
    plan: (today) => {
      const due = sundayOrNextDay(today);
      // The plan proposes working days only; on a weekend the consultant has planned a visit on the day itself.
      return { start: addDays(due, -21), heldBefore: addDays(due, -1), alsoPlanned: isWorkingDay(due) ? undefined : due };
    },
    months: [24],
  },
  {
    // Active, the last planned follow-up five days ago was not held.
    citizen: 'Hanne Bak',
    company: 'kattegat',
    title: 'Pakkemedhjælper om eftermiddagen – småjob',
    hours: 8,
    internship: 2,
    plan: (today) => {
      const missed = addDays(today, -5);
      return { start: addDays(missed, -21), heldBefore: missed };
    },
    months: [18],
  },
  {
    // Reached 30 ordinary hours last month: 12, 22, 31.
    citizen: 'Fatima Al-Sayed',
    company: 'risskovVaskeri',
    title: 'Vaskerimedarbejder – sortering og foldning',
    hours: 8,
    plan: (today) => ({ start: addMonths(monthOf(today), -3), heldBefore: today }),
    months: [12, 22, 31],
  },
  {
    citizen: 'Ahmed Yusuf',
    company: 'cafeAaen',
    title: 'Opvasker i weekenden – småjob',
    hours: 6,
    state: 'draft',
    plan: (today) => ({ start: addDays(today, 14), heldBefore: today }),
  },
  {
    citizen: 'Nikolaj Berg',
    company: 'brabrandPleje',
    title: 'Hjælper ved middagsmaden – småjob',
    hours: 6,
    state: 'ended',
    plan: (today) => ({ start: addDays(today, -90), heldBefore: addDays(today, -60) }),
    endReason: 'Borgeren ønskede andre opgaver end servering. Vi leder efter et nyt job sammen.',
  },
];

const DEMO_AGREEMENTS: AgreementSeed[] = DEMO_AGREEMENT_SEEDS.map((seed) => ({ state: 'active', ...seed }));

const CONTACT_SUMMARIES = [
  { withWhom: 'both' as const, channel: 'meeting' as const, summary: 'Opstartsmøde på arbejdspladsen. Opgaverne er på plads, og kontaktpersonen viste rundt.', nextStep: 'Tal om pauserne næste gang' },
  { withWhom: 'citizen' as const, channel: 'phone' as const, summary: 'Borgeren er glad for kollegerne og kommer til tiden.', nextStep: 'Følg op på timerne' },
  { withWhom: 'company' as const, channel: 'phone' as const, summary: 'Kontaktpersonen er tilfreds og vil gerne give flere timer på sigt.', nextStep: 'Aftal flere timer ved genforhandlingen' },
  { withWhom: 'both' as const, channel: 'video' as const, summary: 'Kort status: det går godt, og opgaverne passer.', nextStep: '' },
];

function atNine(day: string): Date {
  return new Date(`${day}T08:00:00Z`);
}

async function insertDemoAgreements(tx: Executor, ids: Ids, today: Date, allCitizens: CitizenRow[], allOpenings: OpeningRow[]) {
  const day = isoDate(today);
  const onCompany: string[] = [];
  for (const seed of DEMO_AGREEMENTS) {
    const citizen = allCitizens.find((row) => row.name === seed.citizen);
    const opening = allOpenings.find((row) => row.title === seed.title && row.companyId === ids.companies[seed.company]);
    if (!citizen || !opening) throw new Error(`Demo agreement lacks ${seed.citizen} or ${seed.title}`);
    const { start, heldBefore, alsoPlanned } = seed.plan(day);
    const planned = [...new Set([...proposeFollowUpDates(start, opening.kind), ...(alsoPlanned ? [alsoPlanned] : [])])].sort();
    const held = seed.state === 'draft' ? [] : planned.filter((date) => date < heldBefore && date < day);
    const months = (seed.months ?? []).map((ordinaryHours, index, all) => ({
      month: addMonths(monthOf(day), index - all.length),
      ordinaryHours,
    }));
    const activatedAt = seed.state === 'draft' ? null : atNine(addDays(start, -3));
    const companyUser = ids.companyUsers[seed.company] ?? null;
    const agreementId = randomUUID();
    const contact = companyOf(seed.company).contact;
    await tx.insert(agreements).values({
      id: agreementId,
      citizenId: citizen.id,
      companyId: opening.companyId,
      openingId: opening.id,
      status: seed.state,
      currentVersion: 1,
      activatedAt,
      goalReachedMonth: firstGoalMonth(months),
      endedAt: seed.state === 'ended' ? atNine(heldBefore) : null,
      endReason: seed.endReason ?? null,
      createdBy: citizen.consultantId,
      createdAt: atNine(addDays(start, -7)),
      updatedAt: atNine(seed.state === 'ended' ? heldBefore : addDays(start, -3)),
    });
    await tx.insert(agreementVersions).values({
      agreementId,
      version: 1,
      ordinaryHoursPerWeek: seed.hours,
      internshipHoursPerWeek: seed.internship ?? 0,
      schedule: opening.schedule,
      startDate: start,
      renegotiationDate: addMonths(start, 3),
      tasks: opening.tasks,
      contactName: contact.name,
      contactRole: contact.role,
      contactPhone: contact.phone,
      contactEmail: contact.email,
      subGoals: seed.subGoal ? [{ description: seed.subGoal, dueDate: addMonths(start, 2) }] : [],
      sharedHealthConsiderations: seed.health ?? '',
      followUpDates: planned,
      companyConfirmedAt: activatedAt ? atNine(addDays(start, -4)) : null,
      companyConfirmedBy: activatedAt ? companyUser : null,
      citizenConfirmedAt: activatedAt,
      createdBy: citizen.consultantId,
      createdAt: atNine(addDays(start, -7)),
    });
    if (held.length > 0) {
      await tx.insert(followUps).values(
        held.map((date, index) => ({
          agreementId,
          contactDate: date,
          plannedDate: date,
          ...CONTACT_SUMMARIES[index % CONTACT_SUMMARIES.length]!,
          createdBy: citizen.consultantId,
          createdAt: atNine(date),
        })),
      );
    }
    if (months.length > 0) {
      const rows = months.map((month, index) => ({
        agreementId,
        month: month.month,
        ordinaryHours: month.ordinaryHours,
        internshipHours: seed.internship ? seed.internship * 4 : 0,
        flexjobHours: 0,
        wageSubsidyHours: 0,
        reportedBy: index % 2 === 0 ? ('company' as const) : ('citizen' as const),
        recordedBy: citizen.consultantId,
      }));
      await tx.insert(monthlyHours).values(rows);
      // Each month's history starts with its first entry, as a month saved through the forms does.
      await tx.insert(monthlyHoursChanges).values(
        rows.map(({ agreementId: id, month, recordedBy, ...after }) => ({ agreementId: id, month, before: null, after, changedBy: recordedBy, changedAt: atNine(addDays(month, 34) < day ? addDays(month, 34) : day) })),
      );
    }
    if (seed.state === 'active') onCompany.push(citizen.id);
  }
  await tx.update(citizens).set({ phase: 'at_company', nextAction: NEXT_ACTION_BY_PHASE.at_company }).where(inArray(citizens.id, onCompany));
}

async function hasAnyUser(executor: Executor): Promise<boolean> {
  const rows = await executor.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

async function insertDemoData(tx: Executor, today: Date, passwordHash: string) {
  const random = createRandom(RANDOM_SEED);
  const ids = newIds();

  await tx.insert(jobcentres).values(
    (Object.keys(JOBCENTRES) as JobcentreKey[]).map((key) => ({ id: ids.jobcentres[key], ...JOBCENTRES[key] })),
  );
  await tx.insert(companies).values(companyRows(ids, random, today));
  await tx.insert(users).values(staffRows(ids, passwordHash));

  const citizenGroups = citizenRows(ids, random, today);
  const allCitizens = [...citizenGroups.aarhus, ...citizenGroups.randers];
  await tx.insert(citizens).values(allCitizens);

  const demoCitizen = citizenGroups.aarhus[AARHUS_CITIZENS.findIndex((citizen) => citizen.demoLogin)];
  if (!demoCitizen) throw new Error('Demo data lacks the citizen behind borger@jobbro.test');
  const flexjobCitizen = citizenGroups.aarhus.find((citizen) => citizen.name === FLEXJOB_CITIZEN_LOGIN.citizenName);
  if (!flexjobCitizen) throw new Error(`Demo data lacks the citizen behind ${FLEXJOB_CITIZEN_LOGIN.email}`);
  await tx.insert(users).values([
    ...companyUserRows(ids, passwordHash),
    {
      email: CITIZEN_LOGIN_EMAIL,
      name: demoCitizen.name,
      phone: demoCitizen.phone,
      passwordHash,
      role: 'citizen',
      citizenId: demoCitizen.id,
      demo: true,
    },
    {
      email: FLEXJOB_CITIZEN_LOGIN.email,
      name: flexjobCitizen.name,
      phone: flexjobCitizen.phone,
      passwordHash,
      role: 'citizen',
      citizenId: flexjobCitizen.id,
      demo: true,
    },
  ]);

  const allOpenings = openingRows(ids, random, today);
  await tx.insert(openings).values(allOpenings);
  await tx.insert(citizenExcludedCompanies).values(excludedCompanyRows(ids, citizenGroups.aarhus));
  const demoProposals = demoProposalRows(ids, today, demoCitizen, allOpenings);
  await tx.insert(matchProposals).values(demoProposals);
  await tx.insert(accessLog).values(demoAccessLogRows(ids, today, demoCitizen, demoProposals, allOpenings));
  await insertDemoAgreements(tx, ids, today, allCitizens, allOpenings);

  await tx.insert(searchOutbox).values([
    ...allOpenings.map((opening) => ({ entity: 'opening' as const, entityId: opening.id })),
    ...allCitizens.map((citizen) => ({ entity: 'citizen' as const, entityId: citizen.id })),
  ]);
}

/**
 * Whether this start may seed the demo data: the try-out only. `JOBBRO_DEMO=1` asks for it on any database
 * (the e2e tests on PostgreSQL), `JOBBRO_DEMO=0` refuses it also on the embedded PGlite; unset, it is seeded
 * only on the embedded PGlite (no DATABASE_URL), so a real deployment never gets accounts with a public
 * password. Any other value stops the start rather than guess.
 */
export function demoDataWanted(env: Partial<NodeJS.ProcessEnv> = process.env): boolean {
  const asked = env.JOBBRO_DEMO?.trim() ?? '';
  if (asked === '1') return true;
  if (asked === '0') return false;
  if (asked !== '') throw new Error(`JOBBRO_DEMO must be 1 (demo data) or 0 (none), not "${asked}".`);
  return !env.DATABASE_URL;
}

/**
 * Fills an empty database with the demo data, every account marked `demo` (the pages show a "Demo" banner
 * while any exists); a database with any user is left alone. The logins are returned either way.
 */
export async function seedDemoData(database: Database, options: { today: Date }): Promise<SeedResult> {
  const logins = demoLogins();
  if (await hasAnyUser(database)) return { seeded: false, logins };
  // Hashed once, outside the transaction: argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await hasAnyUser(tx)) return false;
    await insertDemoData(tx, options.today, passwordHash);
    return true;
  });
  return { seeded, logins };
}
