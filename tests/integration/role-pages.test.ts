/**
 * The role × page matrix: each role's start page lets its own role in and answers every other role with 403,
 * through the routes' own loaders and a real session. A new role or a new area of pages gets a row here.
 */
import { randomUUID } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireLeader } from '../../app/auth/permissions.server';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import type { Role } from '../../app/domain/vocabulary';
import { loader as adminLoader } from '../../app/routes/admin._index';
import { loader as citizenLoader } from '../../app/routes/borger._index';
import { loader as consultantLoader } from '../../app/routes/konsulent._index';
import { loader as consultantCitizensLoader } from '../../app/routes/konsulent.borgere._index';
import { loader as leaderLoader } from '../../app/routes/leder._index';
import { loader as leaderMarkLoader } from '../../app/routes/leder.maerke._index';
import { loader as companyLoader } from '../../app/routes/virksomhed._index';
import type { DatabaseHandle } from '../../db/client';
import { citizens, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

/** Each area's pages, the roles they are for, and a loader that stands for the area. */
const PAGES: { path: string; loader: Loader; roles: Role[] }[] = [
  { path: '/konsulent', loader: consultantLoader, roles: ['consultant'] },
  { path: '/konsulent/borgere', loader: consultantCitizensLoader, roles: ['consultant'] },
  { path: '/virksomhed', loader: companyLoader, roles: ['company'] },
  { path: '/borger', loader: citizenLoader, roles: ['citizen'] },
  { path: '/admin', loader: adminLoader, roles: ['admin'] },
  { path: '/leder', loader: leaderLoader, roles: ['leader'] },
  { path: '/leder/maerke', loader: leaderMarkLoader, roles: ['leader'] },
];
const ALL_ROLES: Role[] = ['admin', 'consultant', 'leader', 'company', 'citizen'];

let handle: DatabaseHandle;
const cookies = new Map<Role, string>();
let jobcentreId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreId = jobcentre.id;
  const company = await insertTestCompany(handle.db);
  const [citizen] = await handle.db.insert(citizens).values(testCitizen(jobcentre.id, { consentToShare: true })).returning({ id: citizens.id });
  const links: Record<Role, Partial<typeof users.$inferInsert>> = {
    admin: {},
    consultant: { jobcentreId: jobcentre.id },
    leader: { jobcentreId: jobcentre.id },
    company: { companyId: company.id },
    citizen: { citizenId: citizen!.id },
  };
  for (const role of ALL_ROLES) {
    const [user] = await handle.db
      .insert(users)
      .values({ email: `matrix-${role}-${randomUUID()}@jobbro.test`, name: `Matrix ${role}`, role, ...links[role] })
      .returning({ id: users.id });
    const token = generateSessionToken();
    await createSession(token, user!.id);
    cookies.set(role, `jobbro_session=${token}`);
  }
});

afterAll(async () => {
  await handle?.close();
});

/** The HTTP status a loader answers with: 200 when it returns, else the status of what it throws. */
async function statusOf(loader: Loader, path: string, role: Role): Promise<number> {
  const request = new Request(`http://localhost:3000${path}`, { headers: { Cookie: cookies.get(role)! } });
  try {
    await loader({ request, params: {}, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return init.status;
    throw thrown;
  }
}

describe('who may open which pages', () => {
  for (const page of PAGES) {
    for (const role of ALL_ROLES) {
      const allowed = page.roles.includes(role);
      it(`${page.path}: ${role} ${allowed ? 'is let in' : 'gets 403'}`, async () => {
        const status = await statusOf(page.loader, page.path, role);
        if (allowed) expect(status).toBe(200);
        else expect(status).toBe(403);
      });
    }
  }
});

describe('requireLeader', () => {
  it('gives the leader and the jobcentre they lead', async () => {
    const request = new Request('http://localhost:3000/leder', { headers: { Cookie: cookies.get('leader')! } });
    const { user, jobcentreId: led } = await requireLeader(request);
    expect(user.role).toBe('leader');
    expect(led).toBe(jobcentreId);
  });
});
