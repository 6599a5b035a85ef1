/**
 * The first administrator of a real deployment: `npm run admin:create` makes one without a password and
 * prints a one-time link on the public origin; the link sets the password, and the administrator logs in.
 */
import { execFile } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administratorSchema } from '../../app/domain/administrator-rules';
import { authenticate } from '../../app/services/accounts.server';
import { AdministratorNotCreatedError, createAdministrator } from '../../app/services/administrators.server';
import { passwordResetFor, resetPassword } from '../../app/services/password-reset.server';
import { createDatabase, db, type DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { insertTestJobcentre, openTestDatabase } from '../helpers/database';

const ORIGIN = 'https://jobbro.kommune.example';
const PASSWORD = 'lang-og-hemmelig-adgangskode-9';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

const newEmail = () => `admin-${randomUUID()}@kommune.test`;
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const tokenOf = (link: string) => link.split('/').pop()!;

describe('createAdministrator (npm run admin:create)', () => {
  it('creates an administrator without a password whose link, on the public origin, sets it; then the administrator logs in', async () => {
    const email = newEmail();
    const created = await createAdministrator({ name: 'Ada Admin', email: email.toUpperCase() }, { baseUrl: ORIGIN });
    expect(created).toMatchObject({ outcome: 'created', email });
    expect(created.link).toMatch(/^https:\/\/jobbro\.kommune\.example\/ny-adgangskode\/[a-z2-7]{32}$/);

    const [user] = await db().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ role: 'admin', name: 'Ada Admin', passwordHash: null, demo: false, jobcentreId: null, companyId: null, citizenId: null });
    expect(await authenticate({ email, password: PASSWORD, ip: randomIp() })).toMatchObject({ ok: false });

    // The same first-password page a new consultant gets: it welcomes rather than speaks of a new password.
    expect(await passwordResetFor(tokenOf(created.link))).toEqual({ email, firstPassword: true });
    expect(await resetPassword(tokenOf(created.link), PASSWORD)).toEqual({ userId: created.userId });
    const login = await authenticate({ email, password: PASSWORD, ip: randomIp() });
    expect(login.ok && login.user).toMatchObject({ id: created.userId, role: 'admin' });
    expect(await passwordResetFor(tokenOf(created.link))).toBeNull();
  });

  it('gives an administrator who never chose a password a new link, and the old one stops working', async () => {
    const email = newEmail();
    const first = await createAdministrator({ name: 'Bo Admin', email }, { baseUrl: ORIGIN });
    const again = await createAdministrator({ name: 'Bo Admin', email }, { baseUrl: ORIGIN });
    expect(again).toMatchObject({ outcome: 'new_link', userId: first.userId });
    expect(await passwordResetFor(tokenOf(first.link))).toBeNull();
    expect(await passwordResetFor(tokenOf(again.link))).toEqual({ email, firstPassword: true });
    expect(await db().select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('never touches an account someone can log in to, nor another role: a clear Danish refusal and no link', async () => {
    const email = newEmail();
    const created = await createAdministrator({ name: 'Cai Admin', email }, { baseUrl: ORIGIN });
    await resetPassword(tokenOf(created.link), PASSWORD);
    await expect(createAdministrator({ name: 'Cai Admin', email }, { baseUrl: ORIGIN })).rejects.toThrow(
      new AdministratorNotCreatedError(`Administratoren ${email} har allerede en adgangskode. Er den glemt, kan administratoren selv bruge "Glemt adgangskode" på loginsiden.`),
    );

    const jobcentre = await insertTestJobcentre(db());
    const consultantEmail = newEmail();
    await db().insert(users).values({ email: consultantEmail, name: 'Konsulent', role: 'consultant', jobcentreId: jobcentre.id });
    await expect(createAdministrator({ name: 'Snyd', email: consultantEmail }, { baseUrl: ORIGIN })).rejects.toBeInstanceOf(AdministratorNotCreatedError);
    const [consultant] = await db().select().from(users).where(eq(users.email, consultantEmail));
    expect(consultant).toMatchObject({ role: 'consultant', name: 'Konsulent' });
  });

  it('says in Danish what is wrong with the arguments', () => {
    const parsed = administratorSchema.safeParse({ name: 'Administrator', email: 'ikke-en-mail' });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['Skriv en gyldig e-mailadresse, fx navn@firma.dk.']);
  });
});

describe('the command itself', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-admin-create-'));
  // The database the server would use: DATABASE_URL when the tests have one, else PGlite in a DATA_DIR of its own.
  const run = (args: string[]) =>
    promisify(execFile)('npx', ['tsx', 'scripts/admin-create.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, APP_ORIGIN: `${ORIGIN},http://localhost:3000`, JOBBRO_DEMO: '' },
    });

  async function usersWith(email: string) {
    const columns = { email: users.email, role: users.role, passwordHash: users.passwordHash, demo: users.demo };
    if (process.env.DATABASE_URL) return db().select(columns).from(users).where(eq(users.email, email));
    const database = await createDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      return await database.db.select(columns).from(users).where(eq(users.email, email));
    } finally {
      await database.close();
    }
  }

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the configured database, creates the administrator and prints the link on APP_ORIGIN', async () => {
    const email = `forste.admin-${randomUUID()}@kommune.test`;
    const { stdout } = await run(['--email', email, '--name', 'Første Admin']);
    expect(stdout).toContain(`Administratoren ${email} er oprettet uden adgangskode.`);
    expect(stdout).toMatch(/https:\/\/jobbro\.kommune\.example\/ny-adgangskode\/[a-z2-7]{32}\n/);
    expect(await usersWith(email)).toEqual([{ email, role: 'admin', passwordHash: null, demo: false }]);
  }, 180_000);

  it('refuses a bad address with a Danish message and a failing exit code', async () => {
    const failed = await run(['--email', 'ikke-en-mail']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('Skriv en gyldig e-mailadresse, fx navn@firma.dk.');
    expect(failed?.stderr).toContain('npm run admin:create -- --email');
  }, 120_000);
});
