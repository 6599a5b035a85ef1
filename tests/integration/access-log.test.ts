/**
 * The access log's conditional insert, which matching uses to log the hits it expects to show while it
 * reads their rows, on both engines the app runs on: PostgreSQL and the embedded PGlite.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { accessLog, citizens, users } from '../../db/schema';
import { logCitizenAccessWhere } from '../../app/services/access-log.server';
import { insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';

async function embedded(): Promise<DatabaseHandle> {
  const handle = await createDatabase({});
  await migrateDatabase(handle);
  return handle;
}

const opened: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of opened) await handle.close();
});

describe.each([
  ['PostgreSQL', openTestDatabase],
  ['PGlite', embedded],
])('logCitizenAccessWhere on %s', (_engine, open) => {
  it('logs only the citizens whose row meets the condition as it runs, and says which', async () => {
    const handle = await open();
    opened.push(handle);
    const jobcentre = await insertTestJobcentre(handle.db);
    const [consultant] = await handle.db
      .insert(users)
      .values({ email: `konsulent-${crypto.randomUUID()}@jobbro.test`, name: 'Log Konsulent', role: 'consultant', jobcentreId: jobcentre.id })
      .returning();
    const [stays, withdrew] = await handle.db
      .insert(citizens)
      .values([testCitizen(jobcentre.id, { name: 'Bliver' }), testCitizen(jobcentre.id, { name: 'Trak samtykke', consentToShare: false })])
      .returning({ id: citizens.id });

    const logged = await logCitizenAccessWhere(
      handle.db,
      {
        citizenIds: [stays!.id, withdrew!.id],
        actor: { id: consultant!.id, role: 'consultant', jobcentreId: jobcentre.id, companyId: null, citizenId: null },
        action: 'search',
        purpose: 'Match til jobopslag: Test',
        organisation: jobcentre.name,
      },
      eq(citizens.consentToShare, true),
    );

    expect([...logged]).toEqual([stays!.id]);
    const rows = await handle.db.select().from(accessLog).where(eq(accessLog.actorUserId, consultant!.id));
    expect(rows.map((row) => [row.citizenId, row.action, row.purpose, row.organisation])).toEqual([[stays!.id, 'search', 'Match til jobopslag: Test', jobcentre.name]]);
  });
});
