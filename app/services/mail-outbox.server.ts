/** Reading the local mail outbox for the page /dev/mail, the newest first, as much as its view allows. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { maskLinks, type OutboxView } from '../domain/mail-outbox-view';

export type OutboxMail = { id: number; to: string; subject: string; createdAt: Date; body: string | null };

/** The newest mails, or the newest to one address (`to`, compared without case): a busy outbox pushes one person's mail off the first page. */
export async function outboxMails(view: OutboxView, limit: number, { to }: { to?: string } = {}): Promise<OutboxMail[]> {
  const rows = await db()
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, body: mailOutbox.body, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(and(view === 'unsent' ? isNull(mailOutbox.sentAt) : undefined, to ? eq(sql`lower(${mailOutbox.to})`, to.toLowerCase()) : undefined))
    .orderBy(desc(mailOutbox.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, body: view === 'full' ? row.body : view === 'masked' ? maskLinks(row.body) : null }));
}
