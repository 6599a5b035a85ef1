/**
 * The one way mail leaves the portal. Every message is written to `mail_outbox` (the local outbox that the
 * developer page and the e2e tests read). Sending through SMTP, when SMTP_URL is configured, is left to a
 * later issue; until then the outbox is the delivery.
 */
import type { Executor } from '../../db/client';
import { mailOutbox } from '../../db/schema';

export type Mail = { to: string; subject: string; body: string };

export async function sendMail(executor: Executor, mail: Mail) {
  const [row] = await executor.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row;
}
