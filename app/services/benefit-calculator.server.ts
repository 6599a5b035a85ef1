/**
 * What the benefit calculator needs from the database: the citizen's own benefit status and the hours they can
 * work, to start from. The citizen reading their own data is not an access to log (see citizen-portal.server.ts).
 */
import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { citizens } from '../../db/schema';
import type { CalculatorCitizen } from '../domain/benefit-calculator';
import type { BenefitStatus } from '../domain/vocabulary';
import type { Actor } from './actor';

export async function ownCalculatorCitizen(actor: Actor): Promise<CalculatorCitizen | undefined> {
  if (actor.role !== 'citizen' || !actor.citizenId) return undefined;
  const [row] = await db()
    .select({ benefitStatus: citizens.benefitStatus, hoursMin: citizens.hoursMin, hoursMax: citizens.hoursMax })
    .from(citizens)
    .where(eq(citizens.id, actor.citizenId));
  return row;
}

export async function ownBenefitStatus(actor: Actor): Promise<BenefitStatus | undefined> {
  return (await ownCalculatorCitizen(actor))?.benefitStatus;
}
