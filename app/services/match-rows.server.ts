/**
 * A citizen and an opening as the matching rules (app/domain/matching.ts) need them, read from PostgreSQL:
 * for matching (matching.server.ts) and for every service that re-checks the rules on one pair (proposals,
 * interests, the citizen's "Job til mig").
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { citizenExcludedCompanies, citizens, companies, openings } from '../../db/schema';
import { freeSlotsOf } from '../domain/slots';
import { isUuid } from './object-access.server';
import { takenSlots } from './sql-filters.server';

/** A citizen's columns as the rules need them; also read by the proposal lists (proposals.server.ts). */
export const matchCitizenColumns = {
  id: citizens.id,
  name: citizens.name,
  jobcentreId: citizens.jobcentreId,
  benefitStatus: citizens.benefitStatus,
  flexjobVisitationUntil: citizens.flexjobVisitationUntil,
  phase: citizens.phase,
  hoursMin: citizens.hoursMin,
  hoursMax: citizens.hoursMax,
  restrictions: citizens.restrictions,
  neededAccommodations: citizens.neededAccommodations,
  lat: citizens.lat,
  lon: citizens.lon,
  reachKm: citizens.reachKm,
  wishes: citizens.wishes,
  competences: citizens.competences,
  drivingLicence: citizens.drivingLicence,
  consentToShare: citizens.consentToShare,
  closedAt: citizens.closedAt,
  // The companies the citizen may not hold a skånejob at, in the same round trip (text: both drivers parse text[]).
  excludedCompanyIds: sql<string[]>`array(select ${citizenExcludedCompanies.companyId}::text from ${citizenExcludedCompanies} where ${citizenExcludedCompanies.citizenId} = ${citizens.id} order by 1)`,
};

/** Citizens as the rules see them, with the companies each may not hold a skånejob at. */
export function loadMatchCitizens(executor: Executor, where: SQL) {
  return executor.select(matchCitizenColumns).from(citizens).where(where).orderBy(asc(citizens.id));
}

export type MatchCitizenRow = Awaited<ReturnType<typeof loadMatchCitizens>>[number];

/** One citizen as the rules see them, any jobcentre, or null. */
export async function loadMatchCitizen(executor: Executor, citizenId: string): Promise<MatchCitizenRow | null> {
  if (!isUuid(citizenId)) return null;
  const [row] = await loadMatchCitizens(executor, eq(citizens.id, citizenId));
  return row ?? null;
}

const openingColumns = {
  id: openings.id,
  companyId: openings.companyId,
  companyName: companies.name,
  kind: openings.kind,
  title: openings.title,
  tasks: openings.tasks,
  hoursMin: openings.hoursMin,
  hoursMax: openings.hoursMax,
  flexjobExpectedHours: openings.flexjobExpectedHours,
  // For the benefit calculator's figure on the consultant's match pages (no query of its own).
  hourlyWage: openings.hourlyWage,
  wageAgreement: openings.wageAgreement,
  demands: openings.demands,
  accommodations: openings.accommodations,
  lat: openings.lat,
  lon: openings.lon,
  postcode: openings.postcode,
  city: openings.city,
  startDate: openings.startDate,
  status: openings.status,
  slots: openings.slots,
  drivingLicenceRequired: openings.drivingLicenceRequired,
  takenSlots,
};

function selectOpenings(executor: Executor, where: SQL) {
  return executor.select(openingColumns).from(openings).innerJoin(companies, eq(companies.id, openings.companyId)).where(where).orderBy(asc(openings.id));
}

export type MatchOpeningRow = Omit<Awaited<ReturnType<typeof selectOpenings>>[number], 'takenSlots'> & { freeSlots: number };

export async function loadMatchOpenings(executor: Executor, where: SQL): Promise<MatchOpeningRow[]> {
  const rows = await selectOpenings(executor, where);
  return rows.map(({ takenSlots: taken, ...row }) => ({ ...row, freeSlots: freeSlotsOf(row.slots, Number(taken)) }));
}

/** One opening as the rules see it, any company's, or null. */
export async function loadMatchOpening(executor: Executor, openingId: string): Promise<MatchOpeningRow | null> {
  if (!isUuid(openingId)) return null;
  const [row] = await loadMatchOpenings(executor, eq(openings.id, openingId));
  return row ?? null;
}
