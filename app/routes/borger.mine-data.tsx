import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { ACCESS_ACTION_ENTRIES, ROLE_ENTRIES } from '../domain/vocabulary';
import { formatDateIn, formatTimeIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { ownAccessLogByDay } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';
import { InLanguage } from '../ui/citizen';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).data.title : 'Mine data'} · Jobbro` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const days = await orHttpError(() => ownAccessLogByDay(user));
  return { language: languageOf(request), days };
}

/**
 * The download comes first (it is what a citizen comes here for), then the log: one heading per day, one
 * line per organisation, and each time behind the line (<details>, so it opens without JavaScript).
 */
export default function CitizenDataPage() {
  const { language, days } = useLoaderData<typeof loader>();
  const t = textsFor(language).data;
  return (
    <InLanguage language={language}>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>

      <section className="mb-6" aria-labelledby="download-heading">
        <h2 id="download-heading">{t.downloadHeading}</h2>
        <p>{t.downloadText}</p>
        <div className="jobbro-actions">
          <a href="/borger/mine-data/udskrift" className="button button-primary">
            {t.readable}
          </a>
          <a href="/borger/mine-data/download" className="button button-secondary" download>
            {t.download}
          </a>
        </div>
      </section>

      <section className="mb-6" aria-labelledby="log-heading">
        <h2 id="log-heading">{t.logHeading}</h2>
        <p>{t.logIntro}</p>
        {days.length === 0 ? (
          <p>{t.logEmpty}</p>
        ) : (
          <ol className="nobullet-list jobbro-log-days" aria-label={t.logCaption}>
            {days.map((day) => (
              <li key={day.day}>
                <h3 className="h4 mb-2" id={`day-${day.day}`}>
                  <time dateTime={day.day}>{formatDateIn(day.day, language)}</time> · {t.times(day.count)}
                </h3>
                <ul className="nobullet-list jobbro-log-groups">
                  {day.organisations.map((group) => (
                    <li key={group.organisation}>
                      <details className="details jobbro-log-group">
                        <summary className="details-summary">
                          <span>
                            <strong>{group.organisation}</strong> · {t.times(group.entries.length)} ·{' '}
                            {t.between(formatTimeIn(new Date(group.first), language), formatTimeIn(new Date(group.last), language))}
                            <br />
                            <span className="weight-normal">
                              {group.actions.map((tally) => `${labelIn(ACCESS_ACTION_ENTRIES, tally.action, language)}: ${tally.count}`).join(' · ')}
                            </span>
                          </span>
                        </summary>
                        <div className="details-text">
                          <ol className="nobullet-list jobbro-log">
                            {group.entries.map((entry) => (
                              <li key={entry.id}>
                                <dl className="jobbro-log-entry">
                                  <dt>{t.when}</dt>
                                  <dd>
                                    <time dateTime={new Date(entry.at).toISOString()}>{formatTimeIn(new Date(entry.at), language)}</time>
                                  </dd>
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
                        </div>
                      </details>
                    </li>
                  ))}
                </ul>
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

    </InLanguage>
  );
}
