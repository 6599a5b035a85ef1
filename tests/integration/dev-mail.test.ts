/**
 * /dev/mail, the local mail outbox: in a real deployment an administrator sees who got which mail and when,
 * never a link that works; the whole mail only in development and in the try-out; with SMTP_URL no sent
 * mail at all. On an in-memory PGlite of its own, so no other file's mail or demo account is in the way.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { loader as outboxLoader } from '../../app/routes/dev.mail';
import { refreshDemoAccounts } from '../../app/services/demo.server';
import { sendMail } from '../../app/services/mail.server';
import { createDatabase, installDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { mailOutbox, users } from '../../db/schema';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';
const RESET_LINK = `http://localhost:3000/ny-adgangskode/${TOKEN}`;
const SENT_TOKEN = 'sentsentsentsentsentsentsentsent';

let handle: DatabaseHandle;
let adminCookie: string;
const savedEnv = { NODE_ENV: process.env.NODE_ENV, SMTP_URL: process.env.SMTP_URL };

beforeAll(async () => {
  handle = await createDatabase({});
  await migrateDatabase(handle);
  installDatabase(handle);
  const [admin] = await handle.db.insert(users).values({ email: 'admin@kommune.test', name: 'Rigtig Admin', role: 'admin' }).returning();
  const token = generateSessionToken();
  await createSession(token, admin!.id);
  adminCookie = `jobbro_session=${token}`;
  await sendMail(handle.db, { to: 'sendt@borger.test', subject: 'Velkommen til Jobbro', body: `Åbn linket:\nhttp://localhost:3000/velkommen/${SENT_TOKEN}` });
  await handle.db.update(mailOutbox).set({ sentAt: new Date() });
  await sendMail(handle.db, { to: 'frida@borger.test', subject: 'Ny adgangskode til Jobbro', body: `Hej Frida\n\nÅbn linket:\n${RESET_LINK}` });
  await refreshDemoAccounts();
});

afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

afterAll(async () => {
  await handle?.close();
});

async function openOutbox(env: { production: boolean; smtp?: string }, query = '') {
  process.env.NODE_ENV = env.production ? 'production' : 'development';
  if (env.smtp) process.env.SMTP_URL = env.smtp;
  else delete process.env.SMTP_URL;
  const request = new Request(`http://localhost:3000/dev/mail${query}`, { headers: { Cookie: adminCookie } });
  return outboxLoader({ request, params: {}, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
}

describe('/dev/mail', () => {
  it('in a real deployment shows an administrator recipient, subject and time, with every link cut before its token', async () => {
    const page = await openOutbox({ production: true });
    expect(page.view).toBe('masked');
    expect(page.mails.map((mail) => ({ to: mail.to, subject: mail.subject }))).toEqual([
      { to: 'frida@borger.test', subject: 'Ny adgangskode til Jobbro' },
      { to: 'sendt@borger.test', subject: 'Velkommen til Jobbro' },
    ]);
    expect(page.mails[0]!.body).toBe('Hej Frida\n\nÅbn linket:\nhttp://localhost:3000/ny-adgangskode/…');
    expect(page.mails[0]!.createdAt).toBeInstanceOf(Date);
    // Nothing of a token reaches the browser, anywhere in the page's data.
    expect(JSON.stringify(page)).not.toContain(TOKEN);
    expect(JSON.stringify(page)).not.toContain(SENT_TOKEN);
  });

  it('with SMTP_URL shows no sent mail at all, and unsent mail only as recipient, subject and time', async () => {
    const page = await openOutbox({ production: true, smtp: 'smtp://127.0.0.1:2525' });
    expect(page.view).toBe('unsent');
    expect(page.mails).toEqual([{ id: expect.any(Number), to: 'frida@borger.test', subject: 'Ny adgangskode til Jobbro', createdAt: expect.any(Date), body: null }]);
    expect(JSON.stringify(page)).not.toContain('ny-adgangskode');
  });

  it('finds the mails to one address however many others came after them, and ignores what is not an address', async () => {
    for (let index = 0; index < 60; index += 1) {
      await sendMail(handle.db, { to: `andre${index}@borger.test`, subject: 'En anden mail', body: 'Hej' });
    }
    const page = await openOutbox({ production: true }, '?til=FRIDA@borger.test');
    expect(page.recipient).toBe('FRIDA@borger.test');
    expect(page.mails.map((mail) => mail.to)).toEqual(['frida@borger.test']);
    const notAnAddress = await openOutbox({ production: true }, `?til=${encodeURIComponent("' or 1=1 --")}`);
    expect(notAnAddress.recipient).toBe('');
    expect(notAnAddress.mails).toHaveLength(50);
    await handle.db.delete(mailOutbox).where(eq(mailOutbox.subject, 'En anden mail'));
  });

  it('shows the whole mail in development', async () => {
    const page = await openOutbox({ production: false });
    expect(page.view).toBe('full');
    expect(page.mails[0]!.body).toContain(RESET_LINK);
  });

  it('shows the whole mail in the try-out, where demo accounts (with their public password) exist', async () => {
    await handle.db.insert(users).values({ email: 'admin@jobbro.test', name: 'Anders Holm', role: 'admin', demo: true });
    await refreshDemoAccounts();
    try {
      const page = await openOutbox({ production: true });
      expect(page.view).toBe('full');
      expect(page.mails[0]!.body).toContain(RESET_LINK);
    } finally {
      await handle.db.delete(users).where(eq(users.demo, true));
      await refreshDemoAccounts();
    }
  });
});
