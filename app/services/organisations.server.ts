import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, jobcentres } from '../../db/schema';
import type { Role } from '../domain/vocabulary';

type UserLinks = { role: Role; jobcentreId: string | null; companyId: string | null };

/** The organisation a user acts for, as shown in the header and written in the access log. */
export async function organisationNameFor(user: UserLinks): Promise<string | null> {
  if (user.companyId) {
    const [company] = await db().select({ name: companies.name }).from(companies).where(eq(companies.id, user.companyId));
    return company?.name ?? null;
  }
  if (user.jobcentreId) {
    const [jobcentre] = await db()
      .select({ name: jobcentres.name })
      .from(jobcentres)
      .where(eq(jobcentres.id, user.jobcentreId));
    return jobcentre?.name ?? null;
  }
  return null;
}
