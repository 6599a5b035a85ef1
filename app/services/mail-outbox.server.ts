/** Reading the local mail outbox, for the developer page: the newest mails first. */
import { desc } from 'drizzle-orm';
import { db } from '../../db/client';
import { mailOutbox } from '../../db/schema';

export async function latestMails(limit: number) {
  return db()
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, body: mailOutbox.body, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(limit);
}
