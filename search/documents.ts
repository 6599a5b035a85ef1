/**
 * From rows to search documents: pure functions, no I/O. A document holds only what search and matching
 * need. A citizen's document never carries name, contact, address or health notes: the row types below
 * name the columns a document may be built from, and the loaders select only those.
 */
import { eligibleKinds, isMatchableCitizen } from '../app/domain/eligibility';
import { toIsoDate, type CalendarDay } from '../app/domain/format';
import { isOpenWithFreeSlot } from '../app/domain/hard-filters';
import { freeSlotsOf } from '../app/domain/slots';
import type { citizens, companies, openings, WeekSchedule } from '../db/schema';
import type { Accommodation, BenefitStatus, Demand, OpeningKind, OpeningStatus, PathPhase } from '../app/domain/vocabulary';

type OpeningRow = typeof openings.$inferSelect;
type CitizenRow = typeof citizens.$inferSelect;
type CompanyRow = typeof companies.$inferSelect;

export const OPENING_DOCUMENT_COLUMNS = [
  'id',
  'companyId',
  'kind',
  'title',
  'description',
  'tasks',
  'hoursMin',
  'hoursMax',
  'flexjobExpectedHours',
  'schedule',
  'startDate',
  'slots',
  'postcode',
  'city',
  'demands',
  'accommodations',
  'status',
  'isJobOrder',
  'publishedAt',
  'drivingLicenceRequired',
] as const satisfies readonly (keyof OpeningRow)[];

export const CITIZEN_DOCUMENT_COLUMNS = [
  'id',
  'jobcentreId',
  'consultantId',
  'benefitStatus',
  'flexjobVisitationUntil',
  'hoursMin',
  'hoursMax',
  'wishes',
  'competences',
  'languages',
  'restrictions',
  'neededAccommodations',
  'postcode',
  'reachKm',
  'drivingLicence',
  'phase',
  'consentToShare',
  'closedAt',
] as const satisfies readonly (keyof CitizenRow)[];

export type OpeningSearchRow = Pick<OpeningRow, (typeof OPENING_DOCUMENT_COLUMNS)[number]>;
export type CitizenSearchRow = Pick<CitizenRow, (typeof CITIZEN_DOCUMENT_COLUMNS)[number]>;
/** The company of an opening, with the names of the jobcentres whose mark "Socialt ansvarlig virksomhed" it holds. */
export type OpeningCompany = Pick<CompanyRow, 'id' | 'name'> & { socialMarks?: readonly string[] };


export type OpeningDocument = {
  id: string;
  kind: OpeningKind;
  title: string;
  description: string;
  tasks: string[];
  hoursMin: number;
  hoursMax: number;
  flexjobExpectedHours: number | null;
  schedule: WeekSchedule;
  /** yyyymmdd as a number, so that filters can compare dates; see dayNumber(). */
  startDate: number;
  slots: number;
  freeSlots: number;
  /** The place, as its postcode (decisions 008 and 010): no `_geo`. */
  postcode: string;
  city: string;
  demands: Demand[];
  accommodations: Accommodation[];
  companyId: string;
  companyName: string;
  status: OpeningStatus;
  /** Milliseconds since the epoch; null only for an opening that was never published. */
  publishedAt: number | null;
  isJobOrder: boolean;
  /** Matching ranks the hits before it reads rows, and a licence the job requires weighs in (decision 021). */
  drivingLicenceRequired: boolean;
  /**
   * The jobcentres whose mark "Socialt ansvarlig virksomhed" the company holds, by name ("Jobcenter Aarhus"),
   * and whether it holds any: the /jobs filter (decision 033). A jobcentre's name is no personal data.
   */
  socialMarks: string[];
  sociallyResponsible: boolean;
};

export type CitizenDocument = {
  id: string;
  jobcentreId: string;
  consultantId: string | null;
  benefitStatus: BenefitStatus;
  /**
   * 'YYYY-MM-DD' or null. Matching re-checks the hard filters on the hits before it reads any rows
   * (app/services/matching.server.ts), and fleksjob needs a visitation valid on the day of the match.
   */
  flexjobVisitationUntil: string | null;
  eligibleKinds: OpeningKind[];
  hoursMin: number;
  hoursMax: number;
  wishes: string;
  competences: string[];
  languages: string[];
  restrictions: Demand[];
  neededAccommodations: Accommodation[];
  /** The place, as its postcode: matching filters distance by postcodes (decision 010), so no `_geo`. */
  postcode: string;
  reachKm: number;
  drivingLicence: boolean;
  phase: PathPhase;
  excludedCompanyIds: string[];
};

/** A day → yyyymmdd, the number the indexes store dates as (build date filters with the same function). */
export function dayNumber(day: CalendarDay): number {
  return Number(toIsoDate(day).replaceAll('-', ''));
}

function timestampMs(value: Date | string | null): number | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).getTime();
}

export function openingDocument(opening: OpeningSearchRow, company: OpeningCompany, takenSlots: number): OpeningDocument {
  return {
    id: opening.id,
    kind: opening.kind,
    title: opening.title,
    description: opening.description,
    tasks: opening.tasks,
    hoursMin: opening.hoursMin,
    hoursMax: opening.hoursMax,
    flexjobExpectedHours: opening.flexjobExpectedHours,
    schedule: opening.schedule,
    startDate: dayNumber(opening.startDate),
    slots: opening.slots,
    freeSlots: freeSlotsOf(opening.slots, takenSlots),
    postcode: opening.postcode,
    city: opening.city,
    demands: opening.demands,
    accommodations: opening.accommodations,
    companyId: company.id,
    companyName: company.name,
    status: opening.status,
    publishedAt: timestampMs(opening.publishedAt),
    isJobOrder: opening.isJobOrder,
    drivingLicenceRequired: opening.drivingLicenceRequired,
    socialMarks: [...(company.socialMarks ?? [])],
    sociallyResponsible: (company.socialMarks ?? []).length > 0,
  };
}

/**
 * `today` is 'YYYY-MM-DD'. eligibleKinds goes stale when a fleksjob visitation ends without the row
 * changing, so matching re-checks eligibility against the row (app/domain/eligibility.ts).
 */
export function citizenDocument(citizen: CitizenSearchRow, excludedCompanyIds: string[], today: string): CitizenDocument {
  return {
    id: citizen.id,
    jobcentreId: citizen.jobcentreId,
    consultantId: citizen.consultantId,
    benefitStatus: citizen.benefitStatus,
    flexjobVisitationUntil: citizen.flexjobVisitationUntil === null ? null : toIsoDate(citizen.flexjobVisitationUntil),
    eligibleKinds: eligibleKinds(citizen, today),
    hoursMin: citizen.hoursMin,
    hoursMax: citizen.hoursMax,
    wishes: citizen.wishes,
    competences: citizen.competences,
    languages: citizen.languages.map((skill) => skill.language),
    restrictions: citizen.restrictions,
    neededAccommodations: citizen.neededAccommodations,
    postcode: citizen.postcode,
    reachKm: citizen.reachKm,
    drivingLicence: citizen.drivingLicence,
    phase: citizen.phase,
    excludedCompanyIds,
  };
}

/** Open with a free slot (app/domain/hard-filters.ts): only such an opening is in the index. */
export function shouldIndexOpening(opening: Pick<OpeningSearchRow, 'status'>, freeSlots: number): boolean {
  return isOpenWithFreeSlot({ status: opening.status, freeSlots });
}

export function shouldIndexCitizen(citizen: Pick<CitizenSearchRow, 'consentToShare' | 'closedAt' | 'phase'>): boolean {
  return isMatchableCitizen(citizen);
}
