/**
 * The one way mail leaves the portal. Every message is first written to `mail_outbox`, in the transaction of
 * the change that causes it (an invitation, a reset link), so a rolled-back change sends nothing. With
 * SMTP_URL set, a worker in the app delivers the pending rows through SMTP (nodemailer: a well-kept client that
 * handles TLS, auth and encodings we should not write ourselves) and marks them sent; without it the outbox is
 * the delivery, read by the developer page /dev/mail and the e2e tests.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Executor } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { errorFacts } from '../error-log.server';

export type Mail = { to: string; subject: string; body: string };

export async function sendMail(executor: Executor, mail: Mail) {
  const [row] = await executor.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row;
}

type Transport = Pick<Transporter, 'sendMail'>;

export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * Sends the pending outbox rows, oldest first, and marks each sent. A row that fails stays pending for the
 * next round; the log line names the row, never the address or the text (they may identify a citizen).
 */
export async function deliverPendingMail({ db, transport, from, limit = 50 }: { db: Executor; transport: Transport; from: string; limit?: number }) {
  const pending = await db.select().from(mailOutbox).where(isNull(mailOutbox.sentAt)).orderBy(asc(mailOutbox.id)).limit(limit);
  let sent = 0;
  for (const mail of pending) {
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
    } catch (error) {
      // The SMTP server's answer may quote the address, so the line says the kind of failure only.
      const { names, code } = errorFacts(error);
      console.warn(`Mail ${mail.id} could not be sent (${[names[0], code].filter(Boolean).join(' ')}); it will be tried again.`);
      continue;
    }
    // Only this row, and only if no other instance marked it meanwhile.
    await db
      .update(mailOutbox)
      .set({ sentAt: new Date() })
      .where(and(eq(mailOutbox.id, mail.id), isNull(mailOutbox.sentAt)));
    sent += 1;
  }
  return { sent, pending: pending.length - sent };
}

/** With SMTP_URL set, delivers the outbox every few seconds until stopped; otherwise does nothing. */
export function startMailWorker({ db, env = process.env, intervalMs = 5_000 }: { db: () => Executor; env?: NodeJS.ProcessEnv; intervalMs?: number }) {
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) return { stop: async () => {} };
  const transport = smtpTransport(smtpUrl);
  const from = env.MAIL_FROM ?? 'Jobbro <noreply@jobbro.test>';
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => deliverPendingMail({ db: db(), transport, from })).catch(() => {});
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
