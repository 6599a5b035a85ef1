/**
 * Whether this installation is the try-out: any demo account (users.demo, set by the seed) means invented
 * people and a public password, which every page says in its "Demo" banner and /dev/mail takes into account.
 *
 * Every page asks, so the answer is kept per process (on globalThis, shared by server.ts and the Remix bundle
 * like the database handle) and read again at most once a minute: a page pays one query a minute, not one
 * per request (bench/RESULTS.md measures /jobs). Demo accounts only appear at start (server.ts asks right
 * after seeding), so the minute only matters to someone who removes them by hand.
 */
import { eq } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { users } from '../../db/schema';

const REFRESH_MS = 60_000;

type CachedAnswer = { value: Promise<boolean>; checkedAt: number };
const globalStore = globalThis as typeof globalThis & { __jobbroDemoAccounts?: CachedAnswer };

/**
 * Reads the answer from the database now and keeps it for the next minute. When the read fails and an answer
 * was known, that answer stands (a page that needs no other data, /jobs, keeps working while the database
 * restarts) and the next page asks again.
 */
export function refreshDemoAccounts(executor: Executor = db(), now = Date.now()): Promise<boolean> {
  const known = globalStore.__jobbroDemoAccounts?.value;
  const read = executor
    .select({ id: users.id })
    .from(users)
    .where(eq(users.demo, true))
    .limit(1)
    .then((rows) => rows.length > 0);
  const value = known ? read.catch(() => known) : read;
  const answer = { value, checkedAt: now };
  globalStore.__jobbroDemoAccounts = answer;
  // A failed read is not kept: the next page asks again.
  read.catch(() => {
    if (globalStore.__jobbroDemoAccounts === answer) globalStore.__jobbroDemoAccounts = known ? { value: known, checkedAt: 0 } : undefined;
  });
  return value;
}

/** Whether demo accounts exist, as known at most a minute ago. */
export function demoAccountsExist(now = Date.now()): Promise<boolean> {
  const cached = globalStore.__jobbroDemoAccounts;
  if (cached && now - cached.checkedAt < REFRESH_MS) return cached.value;
  return refreshDemoAccounts(db(), now);
}
