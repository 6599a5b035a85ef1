import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { ACCESS_ACTION_ENTRIES, ROLE_ENTRIES } from '../domain/vocabulary';
import { formatDateTimeIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { ownAccessLog } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';
import { InLanguage } from '../ui/citizen';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).data.title : 'Mine data'} · Jobbro` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const log = await orHttpError(() => ownAccessLog(user));
  return { language: languageOf(request), log };
}

export default function CitizenDataPage() {
  const { language, log } = useLoaderData<typeof loader>();
  const t = textsFor(language).data;
  return (
    <InLanguage language={language}>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>

      <section className="mb-6" aria-labelledby="log-heading">
        <h2 id="log-heading">{t.logHeading}</h2>
        <p>{t.logIntro}</p>
        {log.length === 0 ? (
          <p>{t.logEmpty}</p>
        ) : (
          // A list, not a table: on a phone each entry reads top to bottom without scrolling sideways.
          <ol className="nobullet-list jobbro-log" aria-label={t.logCaption}>
            {log.map((entry) => (
              <li key={entry.id}>
                <p className="mb-1">
                  <strong>
                    <time dateTime={new Date(entry.at).toISOString()}>{formatDateTimeIn(new Date(entry.at), language)}</time>
                  </strong>
                </p>
                <dl className="jobbro-log-entry">
                  <dt>{t.who}</dt>
                  <dd>{entry.organisation}</dd>
                  <dt>{t.role}</dt>
                  <dd>{labelIn(ROLE_ENTRIES, entry.actorRole, language)}</dd>
                  <dt>{t.what}</dt>
                  <dd>{labelIn(ACCESS_ACTION_ENTRIES, entry.action, language)}</dd>
                  <dt>{t.why}</dt>
                  <dd lang="da">{entry.purpose}</dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="mb-6" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t.retentionHeading}</h2>
        {/* A description list, not a table: each kind and its time read top to bottom on a phone. */}
        <dl className="jobbro-retention" aria-label={t.retentionCaption}>
          {t.retention.map((rule) => (
            <div key={rule.kind} className="mb-4">
              <dt>
                <strong>{rule.kind}</strong>
              </dt>
              <dd className="ml-0">{rule.howLong}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link to="/borger/samtykke">{t.consentLink}</Link>
        </p>
      </section>

      <section className="mb-6" aria-labelledby="download-heading">
        <h2 id="download-heading">{t.downloadHeading}</h2>
        <p>{t.downloadText}</p>
        <a href="/borger/mine-data/download" className="button button-secondary" download>
          {t.download}
        </a>
      </section>
    </InLanguage>
  );
}
