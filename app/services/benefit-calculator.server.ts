/**
 * What the benefit calculator needs from the database: the citizen's own benefit status, to start from. The
 * citizen reading their own status is not an access to log (see citizen-portal.server.ts).
 */
import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { citizens } from '../../db/schema';
import type { BenefitStatus } from '../domain/vocabulary';
import type { Actor } from './actor';

export async function ownBenefitStatus(actor: Actor): Promise<BenefitStatus | undefined> {
  if (actor.role !== 'citizen' || !actor.citizenId) return undefined;
  const [row] = await db().select({ benefitStatus: citizens.benefitStatus }).from(citizens).where(eq(citizens.id, actor.citizenId));
  return row?.benefitStatus;
}
