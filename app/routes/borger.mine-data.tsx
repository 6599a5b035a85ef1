import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
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
          // Scrolls sideways on a phone; focusable so keyboard users can scroll it too (WCAG 2.1.1).
          <div className="jobbro-scroll" tabIndex={0} role="region" aria-labelledby="log-caption">
            <table className="table table--compact">
              <caption className="sr-only" id="log-caption">{t.logCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.who}</th>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.what}</th>
                  <th scope="col">{t.why}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={new Date(entry.at).toISOString()}>{formatDateTimeIn(new Date(entry.at), language)}</time>
                    </td>
                    <td>{entry.organisation}</td>
                    <td>{labelIn(ROLE_ENTRIES, entry.actorRole, language)}</td>
                    <td>{labelIn(ACCESS_ACTION_ENTRIES, entry.action, language)}</td>
                    <td lang="da">{entry.purpose}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
