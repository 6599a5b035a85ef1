/**
 * The ready-made people of the embedded test identity provider's simulator page (idp/): the try-out's demo
 * users, each with the claims its provider would send. Read when the page is drawn; only demo accounts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, jobcentres, users } from '../../db/schema';
import { CLAIMS, demoSubject, type SignInProviderCode } from '../domain/sign-in-rules';

export type DemoIdentity = { subject: string; label: string; claims: Record<string, unknown> };

const STAFF_CLAIM_VALUE = { consultant: 'jobbro-konsulent', leader: 'jobbro-leder', admin: 'jobbro-administrator' } as const;

export async function demoIdentities(provider: SignInProviderCode, { staffJobcentre }: { staffJobcentre: string | null }): Promise<DemoIdentity[]> {
  if (provider === 'mitid') {
    const rows = await db()
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(and(eq(users.demo, true), eq(users.role, 'citizen')))
      .orderBy(users.email);
    return rows.map((row) => ({ subject: demoSubject(row.email), label: `${row.name} (borger)`, claims: { name: row.name } }));
  }
  if (provider === 'mitid_erhverv') {
    const rows = await db()
      .select({ email: users.email, name: users.name, cvr: companies.cvr, companyName: companies.name })
      .from(users)
      .innerJoin(companies, eq(companies.id, users.companyId))
      .where(and(eq(users.demo, true), eq(users.role, 'company')))
      .orderBy(users.email);
    return rows.map((row) => ({
      subject: demoSubject(row.email),
      label: `${row.name}, ${row.companyName}`,
      claims: { name: row.name, email: row.email, [CLAIMS.cvr]: row.cvr, [CLAIMS.organisationName]: row.companyName },
    }));
  }
  const rows = await db()
    .select({ email: users.email, name: users.name, role: users.role, jobcentre: jobcentres.name })
    .from(users)
    .leftJoin(jobcentres, eq(jobcentres.id, users.jobcentreId))
    .where(and(eq(users.demo, true), inArray(users.role, ['consultant', 'leader', 'admin'])))
    .orderBy(users.role, users.email);
  return rows
    .filter((row) => row.role === 'admin' || row.jobcentre === staffJobcentre)
    .map((row) => ({
      subject: demoSubject(row.email),
      label: `${row.name} (${row.role === 'admin' ? 'administrator' : `${row.role === 'leader' ? 'jobcenterleder' : 'konsulent'}, ${row.jobcentre}`})`,
      claims: { name: row.name, email: row.email, [CLAIMS.staffRoles]: [STAFF_CLAIM_VALUE[row.role as keyof typeof STAFF_CLAIM_VALUE]] },
    }));
}
