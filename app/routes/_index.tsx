import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { getUser, homePathFor } from '../auth/permissions.server';
import { toIsoDate } from '../domain/format';
import { DEFAULT_JOB_FILTERS, jobSearchHref } from '../domain/job-filters';
import { OPENING_KIND_ENTRIES } from '../domain/vocabulary';
import { formatHoursIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { searchOpenings } from '../services/job-search.server';
import { InLanguage, LanguageLine } from '../ui/citizen';

/** A handful: the front page shows that there are jobs and leads on to the search, it is not the search. */
const LATEST_JOBS = 5;

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = textsFor(data?.language ?? 'da').front;
  return [{ title: t.title }, { name: 'description', content: t.metaDescription }];
};

/**
 * The front door. A visitor reads what Jobbro is, picks a door and sees the newest jobs, in the language they
 * chose. A logged-in user has a door already: the "Jobbro" link in the header takes them to their own start page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  const result = await searchOpenings({ ...DEFAULT_JOB_FILTERS, sort: 'newest' }, { today: toIsoDate(new Date()) });
  return { language: languageOf(request), latest: result.hits.slice(0, LATEST_JOBS) };
}

export default function FrontPage() {
  const { language, latest } = useLoaderData<typeof loader>();
  const t = textsFor(language).front;
  const jobSearch = textsFor(language).jobSearch;
  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <h1>{t.heading}</h1>
      <p className="font-lead">{t.lead}</p>

      <h2>{t.whatHeading}</h2>
      <ul>
        {t.what.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>

      <h2>{t.doorsHeading}</h2>
      <ul className="nobullet-list no-max-width jobbro-doors">
        <li>
          <Door heading={t.citizenHeading} text={t.citizenText}>
            <Link to="/login" className="button button-primary">
              {t.citizenLogIn}
            </Link>
            <Link to="/jobs">{t.citizenJobs}</Link>
          </Door>
        </li>
        <li>
          <Door heading={t.companyHeading} text={t.companyText}>
            <Link to="/virksomhed/opret" className="button button-primary">
              {t.companySignUp}
            </Link>
            <Link to="/login">{t.companyLogIn}</Link>
          </Door>
        </li>
        <li>
          <Door heading={t.staffHeading} text={t.staffText}>
            <Link to="/login" className="button button-secondary">
              {t.staffLogIn}
            </Link>
          </Door>
        </li>
      </ul>

      <section aria-labelledby="latest-jobs">
        <h2 id="latest-jobs">{t.latestHeading}</h2>
        {latest.length > 0 ? (
          <ul className="nobullet-list jobbro-latest-jobs">
            {latest.map((hit) => (
              <li key={hit.id}>
                <Link to={`/jobs/${hit.id}`} lang="da">
                  {hit.title}
                </Link>
                <br />
                <span lang="da">{hit.companyName}</span>
                {` · ${labelIn(OPENING_KIND_ENTRIES, hit.kind, language)} · `}
                {jobSearch.weeklyHours(formatHoursIn({ min: hit.hoursMin, max: hit.hoursMax }, language, { unit: false }))}
                {' · '}
                <span lang="da">{hit.city}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.latestNone}</p>
        )}
        <p>
          <Link to={jobSearchHref({ ...DEFAULT_JOB_FILTERS, sort: 'newest' })}>{t.allJobs}</Link>
        </p>
      </section>
    </InLanguage>
  );
}

function Door({ heading, text, children }: { heading: string; text: string; children: ReactNode }) {
  return (
    <div className="card jobbro-door">
      <div className="card-content">
        <h3 className="card-heading h4">{heading}</h3>
        <p>{text}</p>
        <div className="jobbro-door-actions">{children}</div>
      </div>
    </div>
  );
}
