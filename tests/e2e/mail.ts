import { expect, type Browser } from './test';
import { DEMO_USERS, logIn } from './fixtures';

/**
 * A one-time link goes to its recipient's mail only. Without SMTP the mail waits in the local outbox, which
 * an administrator reads at /dev/mail (the e2e server is the demo try-out, which shows whole mails): this
 * opens the newest mail to `to` with the subject and returns its link to `path`.
 */
export async function linkFromMail(browser: Browser, { to, subject, path }: { to: string; subject: string; path: string }): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await admin.goto(`/dev/mail?til=${encodeURIComponent(to)}`);
  const mail = admin.getByRole('article').filter({ hasText: to }).filter({ hasText: subject }).first();
  const link = mail.getByRole('link', { name: new RegExp(`${path.replace(/\//g, '\\/')}[a-z2-7]{32}$`) });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  await admin.context().close();
  return href;
}

/** The newest mail to `to` with the subject, as the outbox shows it (for what a mail says, not its link). */
export async function mailText(browser: Browser, { to, subject }: { to: string; subject: string }): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await admin.goto(`/dev/mail?til=${encodeURIComponent(to)}`);
  const mail = admin.getByRole('article').filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect(mail).toBeVisible();
  const text = (await mail.textContent()) ?? '';
  await admin.context().close();
  return text;
}
