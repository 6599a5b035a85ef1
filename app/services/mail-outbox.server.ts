/** Reading the local mail outbox for the page /dev/mail, the newest first, as much as its view allows. */
import { desc, isNull } from 'drizzle-orm';
import { db } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { maskLinks, type OutboxView } from '../domain/mail-outbox-view';

export type OutboxMail = { id: number; to: string; subject: string; createdAt: Date; body: string | null };

export async function outboxMails(view: OutboxView, limit: number): Promise<OutboxMail[]> {
  const rows = await db()
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, body: mailOutbox.body, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(view === 'unsent' ? isNull(mailOutbox.sentAt) : undefined)
    .orderBy(desc(mailOutbox.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, body: view === 'full' ? row.body : view === 'masked' ? maskLinks(row.body) : null }));
}
