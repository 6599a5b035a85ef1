import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { ROLE_ENTRIES } from '../domain/vocabulary';
import { formatDateTimeIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { ownConsent, setOwnConsent } from '../services/consent.server';
import { orHttpError } from '../services/errors.server';
import { InLanguage } from '../ui/citizen';
import { Alert } from '../ui/matching';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').consent.title} · Jobbro` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  return { language: languageOf(request), consent: await orHttpError(() => ownConsent(user)) };
}

/** The two buttons: give or withdraw. Anything else is not a form this page sent. */
const consentChoice = z.object({ consent: z.enum(['give', 'withdraw']) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const parsed = consentChoice.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Vælg at give eller trække samtykket tilbage.', { status: 400 });
  const give = parsed.data.consent === 'give';
  const { endedProposals } = await orHttpError(() => setOwnConsent(user, give));
  return redirect(give ? '/borger/samtykke?gemt=givet' : `/borger/samtykke?gemt=trukket&afsluttet=${endedProposals}`);
}

export default function CitizenConsentPage() {
  const { language, consent } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = textsFor(language).consent;
  const saved = searchParams.get('gemt');
  const ended = Number.parseInt(searchParams.get('afsluttet') ?? '0', 10) || 0;
  return (
    <InLanguage language={language}>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>
      {saved === 'givet' && consent.consentToShare ? <Alert kind="success">{t.savedGiven}</Alert> : null}
      {saved === 'trukket' && !consent.consentToShare ? <Alert kind="success">{t.savedWithdrawn(ended)}</Alert> : null}

      <section className="mb-6" aria-labelledby="now-heading">
        <h2 id="now-heading" className="h3">
          {consent.consentToShare ? t.given : t.notGiven}
        </h2>
        {consent.consentUpdatedAt ? <p>{t.changedAt(formatDateTimeIn(new Date(consent.consentUpdatedAt), language))}</p> : null}
        <Form method="post">
          {consent.consentToShare ? (
            <button type="submit" name="consent" value="withdraw" className="button button-secondary">
              {t.withdraw}
            </button>
          ) : (
            <button type="submit" name="consent" value="give" className="button button-primary">
              {t.give}
            </button>
          )}
        </Form>
      </section>

      <section className="mb-6" aria-labelledby="what-heading">
        <h2 id="what-heading">{t.whatHeading}</h2>
        <ul>
          {t.what.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h2 id="who-heading">{t.whoHeading}</h2>
        <p>{t.who}</p>
        <h2 id="no-heading">{t.noHeading}</h2>
        <ul>
          {t.no.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <section className="mb-6" aria-labelledby="history-heading">
        <h2 id="history-heading">{t.historyHeading}</h2>
        {consent.history.length === 0 ? (
          <p>{t.historyEmpty}</p>
        ) : (
          // A list, not a table: on a phone each change reads top to bottom without scrolling sideways.
          <ol className="nobullet-list jobbro-log" aria-label={t.historyCaption}>
            {consent.history.map((entry) => (
              <li key={entry.id}>
                <p className="mb-1">
                  <strong>{entry.given ? t.historyGiven : t.historyWithdrawn}</strong> ·{' '}
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDateTimeIn(new Date(entry.at), language)}</time>
                </p>
                <p className="mt-0">
                  {t.by}: {entry.byCitizen ? t.byYou : `${entry.organisation} (${labelIn(ROLE_ENTRIES, entry.role, language).toLowerCase()})`}
                </p>
              </li>
            ))}
          </ol>
        )}
        <p>{t.historyNote}</p>
      </section>
    </InLanguage>
  );
}
