/**
 * Mail through a real SMTP peer (smtp-server on loopback): what the outbox holds is delivered once and marked
 * sent; a refused recipient stays pending for the next round.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { deliverPendingMail, sendMail, smtpTransport } from '../../app/services/mail.server';
import { openPrivateTestDatabase } from '../helpers/database';

let handle: DatabaseHandle;
let server: SMTPServer;
let port: number;
const received: { to: string[]; raw: string }[] = [];
const REFUSED = `afvist-${randomUUID()}@jobbro.test`;

beforeAll(async () => {
  // Its own database: the rounds below take the oldest pending mails, and the shared one holds everyone's.
  handle = await openPrivateTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      // As real servers do, the refusal quotes the address.
      callback(address.address === REFUSED ? new Error(`<${address.address}>: Recipient address rejected`) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await handle?.close();
});

async function deliverUntilDone(done: () => boolean) {
  const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
  try {
    // Deliver rounds until ours have been tried.
    for (let round = 0; round < 200; round++) {
      // A round takes the oldest 50 pending rows; one that sent nothing found only rows that keep failing.
      const { sent } = await deliverPendingMail({ db: handle.db, transport, from: 'Jobbro <noreply@jobbro.test>' });
      if (done() || sent === 0) break;
    }
  } finally {
    transport.close();
  }
}

describe('mail through SMTP', () => {
  it('delivers an outbox row once and marks it sent; a refused recipient stays pending', async () => {
    const to = `borger-${randomUUID()}@jobbro.test`;
    const delivered = await sendMail(handle.db, { to, subject: 'Jobbro test: dit link', body: 'Åbn linket for at vælge en adgangskode.' });
    const refused = await sendMail(handle.db, { to: REFUSED, subject: 'Jobbro test: afvist', body: 'Denne kommer ikke frem.' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let warnings = '';
    try {
      // Done when ours arrived and the refused one was tried (the order among other files' rows is not ours).
      const refusedTried = () => warn.mock.calls.flat().join('\n').includes(`Mail ${refused!.id} could not be sent`);
      await deliverUntilDone(() => received.some((mail) => mail.to.includes(to)) && refusedTried());
      warnings = warn.mock.calls.flat().join('\n');
    } finally {
      warn.mockRestore();
    }
    // The log names the row and the kind of failure; the SMTP server's answer, which quotes the address, stays out.
    expect(warnings).toContain(`Mail ${refused!.id} could not be sent`);
    expect(warnings).not.toContain(REFUSED);

    const ours = received.filter((mail) => mail.to.includes(to));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.raw).toContain('Jobbro test: dit link');
    const [deliveredRow] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, delivered!.id));
    expect(deliveredRow!.sentAt).not.toBeNull();
    const [refusedRow] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.id, refused!.id));
    expect(refusedRow!.sentAt).toBeNull();
    expect(received.some((mail) => mail.to.includes(REFUSED))).toBe(false);

    // A second round does not send the delivered row again.
    await handle.db.delete(mailOutbox).where(eq(mailOutbox.id, refused!.id));
    await deliverUntilDone(() => true);
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
  });
});
