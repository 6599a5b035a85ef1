/**
 * A company's openings are read a page at a time, however many it has: the start page and the consultant's
 * company page never show more than a page, and the API hands out at most `limit` per answer with a cursor
 * that walks through every opening once.
 */
import { randomUUID } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { openings, users } from '../../db/schema';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { API_DEFAULT_PAGE_SIZE, API_MAX_PAGE_SIZE, LIST_PAGE_SIZE } from '../../app/domain/pagination';
import { loader as companyStartPage } from '../../app/routes/virksomhed._index';
import { listApiOpenings } from '../../app/services/api-openings.server';
import type { Actor } from '../../app/services/actor';
import { listCompanyOpenings } from '../../app/services/openings.server';
import { insertTestCompany, openTestDatabase, testOpening } from '../helpers/database';

let handle: DatabaseHandle;
let companyId: string;
let owner: Actor;
let ownerCookie: string;
/** Two pages and a bit, many of them written in the same instant, as a bulk import does. */
const OPENING_COUNT = 2 * LIST_PAGE_SIZE + 7;

beforeAll(async () => {
  handle = await openTestDatabase();
  companyId = (await insertTestCompany(handle.db)).id;
  const sameInstant = new Date('2027-01-15T09:00:00Z');
  await handle.db.insert(openings).values(
    Array.from({ length: OPENING_COUNT }, (_, index) =>
      testOpening(companyId, {
        title: `Opslag nummer ${index + 1}`,
        status: index % 10 === 0 ? 'draft' : 'open',
        ...(index % 3 === 0 ? { createdAt: sameInstant } : {}),
      }),
    ),
  );
  const [user] = await handle.db
    .insert(users)
    .values({ email: `paging-${randomUUID()}@firma.test`, name: 'Ejer Ejersen', role: 'company', companyId })
    .returning();
  owner = { id: user!.id, name: user!.name, role: 'company', jobcentreId: null, companyId, citizenId: null };
  const token = generateSessionToken();
  await createSession(token, user!.id);
  ownerCookie = `jobbro_session=${token}`;
});

afterAll(async () => {
  await handle?.close();
});

describe("the company's start page", () => {
  const open = async (search: string) =>
    (await companyStartPage({
      request: new Request(`http://localhost/virksomhed${search}`, { headers: { Cookie: ownerCookie } }),
      params: {},
      context: { clientIp: '203.0.113.9', cspNonce: 'test' },
    } as LoaderFunctionArgs)) as Awaited<ReturnType<typeof companyStartPage>>;

  it('shows one page of openings at a time, with where it is among them', async () => {
    const first = await open('');
    expect(first.openings).toHaveLength(LIST_PAGE_SIZE);
    expect(first.page).toMatchObject({ page: 1, pageCount: 3, total: OPENING_COUNT });
    const last = await open('?side=3');
    expect(last.openings).toHaveLength(OPENING_COUNT - 2 * LIST_PAGE_SIZE);
    // A page past the last shows the last; junk shows the first.
    expect((await open('?side=40')).page.page).toBe(3);
    expect((await open('?side=-2')).page.page).toBe(1);
  });

  it('shows every opening on exactly one page', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listCompanyOpenings(owner, companyId, { page })));
    const ids = pages.flatMap((page) => page.openings.map((opening) => opening.id));
    expect(new Set(ids).size).toBe(OPENING_COUNT);
  });
});

describe('GET /api/v1/openings', () => {
  const list = async (query: string) => listApiOpenings(owner, new URL(`http://localhost/api/v1/openings${query}`));

  it('answers at most `limit` openings, and the cursor walks through every one of them once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let answers = 0;
    do {
      const answer = await list(`?limit=40${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { openings: { id: string }[]; total: number; nextCursor: string | null };
      expect(body.openings.length).toBeLessThanOrEqual(40);
      expect(body.total).toBe(OPENING_COUNT);
      seen.push(...body.openings.map((opening) => opening.id));
      cursor = body.nextCursor;
      answers += 1;
    } while (cursor && answers < 10);
    expect(answers).toBe(3);
    expect(seen).toHaveLength(OPENING_COUNT);
    expect(new Set(seen).size).toBe(OPENING_COUNT);
  });

  it('gives the default page without `limit`, filters in the query, and refuses a limit over the maximum at the field', async () => {
    const plain = await (await list('')).json();
    expect(plain.openings).toHaveLength(API_DEFAULT_PAGE_SIZE);
    const drafts = await (await list('?status=draft')).json();
    expect(drafts.total).toBe(Math.ceil(OPENING_COUNT / 10));
    expect(drafts.openings.every((opening: { status: string }) => opening.status === 'draft')).toBe(true);
    expect(drafts.nextCursor).toBeNull();

    const tooMany = await list(`?limit=${API_MAX_PAGE_SIZE + 1}`);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).fields.limit).toContain(String(API_MAX_PAGE_SIZE));
    const forged = await list('?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect((await forged.json()).fields.cursor).toContain('Ukendt cursor');
  });
});
