import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { requireUser } from '../auth/permissions.server';
import { formatStepTime } from '../domain/proposal-rules';
import { latestMails } from '../services/mail-outbox.server';

const OUTBOX_PAGE_SIZE = 50;

export const meta: MetaFunction = () => [{ title: 'Udbakke for mail · Jobbro' }, { name: 'robots', content: 'noindex' }];

/**
 * The local mail outbox, where mail lands when no SMTP server is configured. It holds live one-time links,
 * so in production only an administrator may read it; in development anyone may.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (process.env.NODE_ENV === 'production') await requireUser(request, 'admin');
  return { mails: await latestMails(OUTBOX_PAGE_SIZE) };
}

/** Links in a mail body become clickable; the rest stays plain text. */
function BodyWithLinks({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/\S+)/g);
  return (
    <p style={{ whiteSpace: 'pre-line' }}>
      {parts.map((part, index) => (
        <Fragment key={index}>{/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part}</Fragment>
      ))}
    </p>
  );
}

export default function MailOutboxPage() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Udbakke for mail</h1>
      <p className="font-lead">
        Mail, som Jobbro har sendt, eller ville have sendt, når der ikke er sat en mailserver op. De nyeste {OUTBOX_PAGE_SIZE} står først.
      </p>
      {mails.length === 0 ? (
        <p>Der er ingen mail i udbakken.</p>
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
                <BodyWithLinks body={mail.body} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
