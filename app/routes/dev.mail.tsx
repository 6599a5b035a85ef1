import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { outboxView, type OutboxView } from '../domain/mail-outbox-view';
import { formatStepTime } from '../domain/proposal-rules';
import { demoAccountsExist } from '../services/demo.server';
import { outboxMails } from '../services/mail-outbox.server';
import { TextField } from '../ui/form';

const OUTBOX_PAGE_SIZE = 50;

export const meta: MetaFunction = () => [{ title: 'Udbakke for mail · Jobbro' }, { name: 'robots', content: 'noindex' }];

/**
 * The local mail outbox. In production only an administrator may open it, and even they see usable links
 * only in the try-out (app/domain/mail-outbox-view.ts says why); in development anyone may.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const production = process.env.NODE_ENV === 'production';
  if (production) await requireUser(request, 'admin');
  const view = outboxView({ production, smtp: Boolean(process.env.SMTP_URL), demo: await demoAccountsExist() });
  // Only an address: anything else is ignored rather than searched for.
  const to = z.string().trim().email().max(254).safeParse(new URL(request.url).searchParams.get('til') ?? '');
  const recipient = to.success ? to.data : '';
  return { view, recipient, mails: await outboxMails(view, OUTBOX_PAGE_SIZE, { to: recipient || undefined }) };
}

/** Links in a mail body become clickable; the rest stays plain text. */
function BodyWithLinks({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/\S+)/g);
  return (
    <p style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) => (
        <Fragment key={index}>{/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part}</Fragment>
      ))}
    </p>
  );
}

const INTRO: Record<OutboxView, string> = {
  full: `Mail, som Jobbro har sendt, eller ville have sendt, når der ikke er sat en mailserver op. De nyeste ${OUTBOX_PAGE_SIZE} står først.`,
  masked: `Mail, som Jobbro ville have sendt, når der ikke er sat en mailserver op. De nyeste ${OUTBOX_PAGE_SIZE} står først. Linkene er skåret af, fordi de kun må bruges af modtageren. Sæt SMTP_URL, så mailen når frem.`,
  unsent: 'Mailen sendes via mailserveren (SMTP_URL). Her står kun mail, som endnu ikke er sendt: modtager, emne og tidspunkt.',
};

export default function MailOutboxPage() {
  const { view, recipient, mails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Udbakke for mail</h1>
      <p className="font-lead">{INTRO[view]}</p>
      <Form method="get" className="mb-6">
        <TextField name="til" label="Kun mail til" hint="En e-mailadresse" type="email" defaultValue={recipient} />
        <button type="submit" className="button button-secondary">
          Vis mail
        </button>
      </Form>
      {mails.length === 0 ? (
        <p>{view === 'unsent' ? 'Al mail er sendt.' : 'Der er ingen mail i udbakken.'}</p>
      ) : (
        <ol className="nobullet-list">
          {mails.map((mail) => (
            <li key={mail.id} className="mb-6">
              <article aria-labelledby={`mail-${mail.id}`}>
                <h2 className="h4" id={`mail-${mail.id}`}>
                  {mail.subject}
                </h2>
                <p className="mb-2">
                  Til: <strong>{mail.to}</strong> · <time dateTime={new Date(mail.createdAt).toISOString()}>{formatStepTime(new Date(mail.createdAt))}</time>
                </p>
                {mail.body === null ? null : view === 'full' ? (
                  <BodyWithLinks body={mail.body} />
                ) : (
                  <p style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{mail.body}</p>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
