/**
 * The access log of citizens' data: every read, search hit, change and export by someone other than the
 * citizen, with when, the actor's role and organisation, and the purpose. The citizen reads it on "Hvem har
 * set mine oplysninger". Entries hold no data from the profile itself.
 */
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { accessLog, citizens } from '../../db/schema';
import { ROLE_LABELS, type AccessAction } from '../domain/vocabulary';
import type { Actor } from './actor';
import { isUuid } from './object-access.server';
import { organisationNameFor } from './organisations.server';

/** The purposes the portal writes, in the words the citizen reads. */
export const ACCESS_PURPOSES = {
  viewProfile: 'Sagsbehandling: din profil blev åbnet',
  editProfile: 'Sagsbehandling: din profil blev åbnet for at rette den',
  createProfile: 'Sagsbehandling: din profil blev oprettet',
  changeProfile: 'Sagsbehandling: din profil blev rettet',
  closeCase: 'Sagsbehandling: din sag blev lukket',
} as const;

export type AccessEntry = {
  citizenIds: readonly string[];
  actor: Pick<Actor, 'id' | 'role' | 'jobcentreId' | 'companyId' | 'citizenId'>;
  action: AccessAction;
  purpose: string;
  /**
   * The actor's organisation as the log shows it. Pass it (from `accessLogOrganisation`, resolved before
   * the transaction) when logging inside a transaction: looking it up uses the process-wide database, and
   * PGlite's one connection is held by the transaction.
   */
  organisation?: string;
};

/** The organisation an actor is logged under: their company or jobcentre, else their role. */
export async function accessLogOrganisation(actor: AccessEntry['actor']): Promise<string> {
  return (await organisationNameFor(actor)) ?? ROLE_LABELS[actor.role];
}

/**
 * Writes one row per citizen in one insert. The citizen's own use of their data is not logged. The ids go
 * as one array, so the statement's text is the same for 1 or 30 citizens and PostgreSQL reuses its plan: a
 * match page logs 30 rows on every search.
 */
export async function logCitizenAccess(executor: Executor, entry: AccessEntry): Promise<number> {
  const { actor } = entry;
  const citizenIds = [...new Set(entry.citizenIds)].filter((citizenId) => !(actor.role === 'citizen' && actor.citizenId === citizenId));
  if (citizenIds.length === 0) return 0;
  const organisation = entry.organisation ?? (await accessLogOrganisation(actor));
  await executor.execute(sql`
    insert into ${accessLog} (citizen_id, actor_user_id, actor_role, organisation, action, purpose)
    select citizen_id, ${actor.id}::uuid, ${actor.role}::role, ${organisation}, ${entry.action}::access_action, ${entry.purpose}
    from unnest(${uuidArray(citizenIds)}::uuid[]) as citizen_id`);
  return citizenIds.length;
}

/**
 * As logCitizenAccess, for those of the citizens whose row meets `condition` (on `citizens`) as the insert
 * runs; returns their ids. Matching logs the hits it expects to show while it reads their rows, and the
 * condition keeps out anyone who, say, withdrew consent a moment ago and will not be shown.
 */
export async function logCitizenAccessWhere(executor: Executor, entry: AccessEntry, condition: SQL): Promise<Set<string>> {
  const { actor } = entry;
  if (entry.citizenIds.length === 0) return new Set();
  const organisation = entry.organisation ?? (await accessLogOrganisation(actor));
  const rows = await executor.execute<{ citizen_id: string }>(sql`
    insert into ${accessLog} (citizen_id, actor_user_id, actor_role, organisation, action, purpose)
    select ${citizens.id}, ${actor.id}::uuid, ${actor.role}::role, ${organisation}, ${entry.action}::access_action, ${entry.purpose}
    from ${citizens}
    where ${citizens.id} = any(${uuidArray([...new Set(entry.citizenIds)])}::uuid[]) and ${condition}
    returning citizen_id`);
  // postgres.js answers with the rows, PGlite with { rows }.
  const inserted = Array.isArray(rows) ? rows : (rows as unknown as { rows: { citizen_id: string }[] }).rows;
  return new Set(inserted.map((row) => row.citizen_id));
}

/** A uuid[] literal as one text parameter: both drivers (postgres and PGlite) take it the same way. */
export function uuidArray(ids: readonly string[]): string {
  const notUuid = ids.find((id) => !isUuid(id));
  if (notUuid !== undefined) throw new Error(`Not a uuid: ${JSON.stringify(notUuid)}`);
  return `{${ids.join(',')}}`;
}

export type AccessLogRow = Pick<typeof accessLog.$inferSelect, 'id' | 'at' | 'actorRole' | 'organisation' | 'action' | 'purpose'>;

/** The citizen's access log, newest first. The caller decides who may read it. */
export async function accessLogForCitizen(citizenId: string, { limit = 200, executor = db() }: { limit?: number; executor?: Executor } = {}): Promise<AccessLogRow[]> {
  return executor
    .select({
      id: accessLog.id,
      at: accessLog.at,
      actorRole: accessLog.actorRole,
      organisation: accessLog.organisation,
      action: accessLog.action,
      purpose: accessLog.purpose,
    })
    .from(accessLog)
    .where(eq(accessLog.citizenId, citizenId))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(limit);
}
