/**
 * The one vocabulary of the trade: every code the portal stores, filters or indexes, with its Danish and
 * English label. Forms, zod enums, index settings, seed data and tests all read from here.
 */

type Entry = { readonly code: string; readonly da: string; readonly en: string };

function codesOf<const T extends readonly Entry[]>(entries: T) {
  return entries.map((entry) => entry.code) as unknown as readonly [T[number]['code'], ...T[number]['code'][]];
}

function labelsOf<const T extends readonly Entry[]>(entries: T) {
  return Object.fromEntries(entries.map((entry) => [entry.code, entry.da])) as Record<T[number]['code'], string>;
}

export const ROLE_ENTRIES = [
  { code: 'admin', da: 'Administrator', en: 'Administrator' },
  { code: 'consultant', da: 'Virksomhedskonsulent', en: 'Company consultant' },
  /** A jobcentre's leader (jobcenterleder): sees the jobcentre's figures, never a citizen's name or notes. */
  { code: 'leader', da: 'Jobcenterleder', en: 'Jobcentre leader' },
  { code: 'company', da: 'Virksomhed', en: 'Company' },
  { code: 'citizen', da: 'Borger', en: 'Citizen' },
] as const;
export const ROLES = codesOf(ROLE_ENTRIES);
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS = labelsOf(ROLE_ENTRIES);

export const OPENING_KIND_ENTRIES = [
  { code: 'ordinary_hours', da: 'Ordinære timer (småjob)', en: 'Ordinary hours (small job)' },
  { code: 'flexjob', da: 'Fleksjob', en: 'Flexjob' },
  { code: 'sheltered_job', da: 'Skånejob', en: 'Sheltered job' },
] as const;
export const OPENING_KINDS = codesOf(OPENING_KIND_ENTRIES);
export type OpeningKind = (typeof OPENING_KINDS)[number];
export const OPENING_KIND_LABELS = labelsOf(OPENING_KIND_ENTRIES);

export const OPENING_STATUS_ENTRIES = [
  { code: 'draft', da: 'Kladde', en: 'Draft' },
  { code: 'open', da: 'Åben', en: 'Open' },
  { code: 'paused', da: 'Sat på pause', en: 'Paused' },
  { code: 'filled', da: 'Besat', en: 'Filled' },
  { code: 'closed', da: 'Lukket', en: 'Closed' },
] as const;
export const OPENING_STATUSES = codesOf(OPENING_STATUS_ENTRIES);
export type OpeningStatus = (typeof OPENING_STATUSES)[number];
export const OPENING_STATUS_LABELS = labelsOf(OPENING_STATUS_ENTRIES);

/** Demands of the work and restrictions of a citizen share this list: a restriction is a demand to avoid. */
export const DEMAND_ENTRIES = [
  { code: 'heavy_lifting', da: 'Tunge løft', en: 'Heavy lifting' },
  { code: 'prolonged_standing', da: 'Længerevarende stående arbejde', en: 'Prolonged standing' },
  { code: 'prolonged_sitting', da: 'Længerevarende siddende arbejde', en: 'Prolonged sitting' },
  { code: 'walking', da: 'Meget gang', en: 'A lot of walking' },
  { code: 'repetitive_work', da: 'Gentagne bevægelser', en: 'Repetitive work' },
  { code: 'customer_contact', da: 'Kundekontakt', en: 'Customer contact' },
  { code: 'noise', da: 'Støj', en: 'Noise' },
  { code: 'night_work', da: 'Natarbejde', en: 'Night work' },
  { code: 'early_mornings', da: 'Tidlige morgener', en: 'Early mornings' },
  { code: 'high_pace', da: 'Højt tempo / tidspres', en: 'High pace / time pressure' },
  { code: 'working_alone', da: 'Alenearbejde', en: 'Working alone' },
  { code: 'heights', da: 'Arbejde i højden', en: 'Working at heights' },
  { code: 'cold', da: 'Kulde', en: 'Cold' },
  { code: 'driving', da: 'Kørsel', en: 'Driving' },
  { code: 'chemicals', da: 'Kemikalier', en: 'Chemicals' },
  { code: 'written_danish', da: 'Skriftligt dansk', en: 'Written Danish' },
] as const;
export const DEMANDS = codesOf(DEMAND_ENTRIES);
export type Demand = (typeof DEMANDS)[number];
export const DEMAND_LABELS = labelsOf(DEMAND_ENTRIES);

export const ACCOMMODATION_ENTRIES = [
  { code: 'flexible_hours', da: 'Fleksible arbejdstider', en: 'Flexible hours' },
  { code: 'extra_breaks', da: 'Ekstra pauser', en: 'Extra breaks' },
  { code: 'quiet_workspace', da: 'Roligt arbejdssted', en: 'Quiet workspace' },
  { code: 'fixed_tasks', da: 'Faste opgaver', en: 'Fixed tasks' },
  { code: 'buddy_mentor', da: 'Fast kollega / mentor', en: 'Buddy or mentor' },
  { code: 'gradual_start', da: 'Gradvis opstart', en: 'Gradual start' },
  { code: 'adapted_workstation', da: 'Tilpasset arbejdsplads', en: 'Adapted workstation' },
  { code: 'short_shifts', da: 'Korte vagter', en: 'Short shifts' },
  { code: 'clear_instructions', da: 'Tydelige instruktioner', en: 'Clear instructions' },
  { code: 'sit_stand_option', da: 'Mulighed for at skifte mellem at sidde og stå', en: 'Option to sit or stand' },
] as const;
export const ACCOMMODATIONS = codesOf(ACCOMMODATION_ENTRIES);
export type Accommodation = (typeof ACCOMMODATIONS)[number];
export const ACCOMMODATION_LABELS = labelsOf(ACCOMMODATION_ENTRIES);

export const BENEFIT_STATUS_ENTRIES = [
  { code: 'cash_benefit_activity_ready', da: 'Kontanthjælp, aktivitetsparat', en: 'Cash benefit, activity-ready' },
  { code: 'cash_benefit_job_ready', da: 'Kontanthjælp, jobparat', en: 'Cash benefit, job-ready' },
  { code: 'education_benefit', da: 'Uddannelseshjælp', en: 'Education benefit' },
  { code: 'integration_benefit', da: 'Integrationsydelse', en: 'Integration benefit' },
  { code: 'flexjob_unemployment', da: 'Ledighedsydelse (visiteret til fleksjob)', en: 'Flexjob unemployment benefit' },
  { code: 'disability_pension', da: 'Førtidspension', en: 'Disability pension' },
  { code: 'resource_programme', da: 'Ressourceforløb', en: 'Resource programme' },
  { code: 'sickness_benefit', da: 'Sygedagpenge / jobafklaring', en: 'Sickness benefit / job clarification' },
  { code: 'other', da: 'Andet', en: 'Other' },
] as const;
export const BENEFIT_STATUSES = codesOf(BENEFIT_STATUS_ENTRIES);
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
export const BENEFIT_STATUS_LABELS = labelsOf(BENEFIT_STATUS_ENTRIES);

export const PATH_PHASE_ENTRIES = [
  { code: 'clarification', da: 'Afklaring', en: 'Clarification' },
  { code: 'towards_job', da: 'På vej mod job', en: 'Towards a job' },
  { code: 'at_company', da: 'I virksomhedsforløb', en: 'At a company' },
  { code: 'self_supporting', da: 'Selvforsørgende', en: 'Self-supporting' },
  { code: 'rehabilitation_team', da: 'Henvist til rehabiliteringsteamet', en: 'Referred to the rehabilitation team' },
] as const;
export const PATH_PHASES = codesOf(PATH_PHASE_ENTRIES);
export type PathPhase = (typeof PATH_PHASES)[number];
export const PATH_PHASE_LABELS = labelsOf(PATH_PHASE_ENTRIES);

export const TRANSPORT_MODE_ENTRIES = [
  { code: 'car', da: 'Bil', en: 'Car' },
  { code: 'public_transport', da: 'Offentlig transport', en: 'Public transport' },
  { code: 'bike', da: 'Cykel', en: 'Bike' },
  { code: 'walk', da: 'Til fods', en: 'On foot' },
] as const;
export const TRANSPORT_MODES = codesOf(TRANSPORT_MODE_ENTRIES);
export type TransportMode = (typeof TRANSPORT_MODES)[number];
export const TRANSPORT_MODE_LABELS = labelsOf(TRANSPORT_MODE_ENTRIES);

export const PROPOSAL_STATUS_ENTRIES = [
  { code: 'proposed', da: 'Foreslået', en: 'Proposed' },
  { code: 'company_accepted', da: 'Virksomheden har sagt ja', en: 'Company accepted' },
  { code: 'company_declined', da: 'Virksomheden har sagt nej', en: 'Company declined' },
  { code: 'citizen_accepted', da: 'Borgeren har sagt ja', en: 'Citizen accepted' },
  { code: 'citizen_declined', da: 'Borgeren har sagt nej', en: 'Citizen declined' },
  { code: 'accepted', da: 'Begge har sagt ja', en: 'Both accepted' },
  { code: 'withdrawn', da: 'Trukket tilbage', en: 'Withdrawn' },
] as const;
export const PROPOSAL_STATUSES = codesOf(PROPOSAL_STATUS_ENTRIES);
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const AGREEMENT_STATUS_ENTRIES = [
  { code: 'draft', da: 'Kladde', en: 'Draft' },
  { code: 'awaiting_confirmation', da: 'Afventer bekræftelse', en: 'Awaiting confirmation' },
  { code: 'active', da: 'Aktiv', en: 'Active' },
  { code: 'ended', da: 'Afsluttet', en: 'Ended' },
] as const;
export const AGREEMENT_STATUSES = codesOf(AGREEMENT_STATUS_ENTRIES);
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const FOLLOW_UP_CHANNEL_ENTRIES = [
  { code: 'meeting', da: 'Møde', en: 'Meeting' },
  { code: 'phone', da: 'Telefon', en: 'Phone' },
  { code: 'video', da: 'Video', en: 'Video' },
  { code: 'message', da: 'Besked', en: 'Message' },
] as const;
export const FOLLOW_UP_CHANNELS = codesOf(FOLLOW_UP_CHANNEL_ENTRIES);

export const ACCESS_ACTION_ENTRIES = [
  { code: 'read', da: 'Læst', en: 'Read' },
  { code: 'search', da: 'Fundet i en søgning', en: 'Found in a search' },
  { code: 'change', da: 'Ændret', en: 'Changed' },
  { code: 'export', da: 'Eksporteret', en: 'Exported' },
] as const;
export const ACCESS_ACTIONS = codesOf(ACCESS_ACTION_ENTRIES);
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const WEEKDAY_ENTRIES = [
  { code: 'mon', da: 'Mandag', en: 'Monday' },
  { code: 'tue', da: 'Tirsdag', en: 'Tuesday' },
  { code: 'wed', da: 'Onsdag', en: 'Wednesday' },
  { code: 'thu', da: 'Torsdag', en: 'Thursday' },
  { code: 'fri', da: 'Fredag', en: 'Friday' },
  { code: 'sat', da: 'Lørdag', en: 'Saturday' },
  { code: 'sun', da: 'Søndag', en: 'Sunday' },
] as const;
export const WEEKDAYS = codesOf(WEEKDAY_ENTRIES);
export const WEEKDAY_LABELS = labelsOf(WEEKDAY_ENTRIES);

export const DAY_PART_ENTRIES = [
  { code: 'morning', da: 'Formiddag', en: 'Morning' },
  { code: 'afternoon', da: 'Eftermiddag', en: 'Afternoon' },
  { code: 'evening', da: 'Aften', en: 'Evening' },
  { code: 'night', da: 'Nat', en: 'Night' },
] as const;
export const DAY_PARTS = codesOf(DAY_PART_ENTRIES);
export const DAY_PART_LABELS = labelsOf(DAY_PART_ENTRIES);

/** The most weekly hours an opening or a citizen's range may hold (a full-time week). */
export const MAX_WEEKLY_HOURS = 37;

/** How well a citizen speaks a language; the codes the `languages` column stores. */
export const LANGUAGE_LEVEL_ENTRIES = [
  { code: 'basic', da: 'Grundlæggende', en: 'Basic' },
  { code: 'good', da: 'Godt', en: 'Good' },
  { code: 'fluent', da: 'Flydende', en: 'Fluent' },
  { code: 'native', da: 'Modersmål', en: 'Native' },
] as const;
export const LANGUAGE_LEVELS = codesOf(LANGUAGE_LEVEL_ENTRIES);
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
/** A language the citizen speaks, and how well (a citizen's `languages`). */
export type LanguageSkill = { language: string; level: LanguageLevel };
export const LANGUAGE_LEVEL_LABELS = labelsOf(LANGUAGE_LEVEL_ENTRIES);

/** Why a citizen may not have a skånejob at a company (the reasons the exclusion table stores). */
export const EXCLUSION_REASON_ENTRIES = [
  { code: 'most_recent_employer', da: 'Seneste arbejdsgiver', en: 'Most recent employer' },
  { code: 'owned_by_partner', da: 'Ejet af ægtefælle eller partner', en: 'Owned by spouse or partner' },
] as const;
export const EXCLUSION_REASONS = codesOf(EXCLUSION_REASON_ENTRIES);
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_REASON_LABELS = labelsOf(EXCLUSION_REASON_ENTRIES);
