import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { toIsoDate } from '../domain/format';
import { parseMatchFilters, type MatchFilterErrors } from '../domain/match-filters';
import { OPENING_KIND_ENTRIES } from '../domain/vocabulary';
import { formatHoursIn, formatKmIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { expressInterest, jobsForCitizen } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';
import { CalculatorLink } from '../ui/benefit-calculator';
import { CheckboxGroup } from '../ui/choice-fields';
import { InLanguage } from '../ui/citizen';
import { TextField } from '../ui/form';
import { Alert } from '../ui/matching';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).jobs.title : 'Job til mig'} · Jobbro` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const language = languageOf(request);
  const { values, filters, errors } = parseMatchFilters(new URL(request.url).searchParams);
  const jobs = await orHttpError(() => jobsForCitizen(user, { filters: { q: filters.q, kinds: filters.kinds, maxKm: filters.maxKm }, today: toIsoDate(new Date()), language }));
  const english = textsFor('en').jobs.filterErrors;
  const shownErrors: MatchFilterErrors =
    language === 'da' ? errors : Object.fromEntries(Object.keys(errors).map((key) => [key, english[key as keyof typeof english]]));
  return { language, jobs, values, errors: shownErrors };
}

const InterestInput = z.object({ intent: z.literal('interest'), openingId: z.string().min(1).max(100) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const input = InterestInput.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) throw new Response('Ukendt handling.', { status: 400 });
  await orHttpError(() => expressInterest(user, input.data.openingId));
  const url = new URL(request.url);
  url.searchParams.set('interesse', input.data.openingId);
  return redirect(`${url.pathname}?${url.searchParams}`);
}

export default function CitizenJobsPage() {
  const { language, jobs, values, errors } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const texts = textsFor(language);
  const t = texts.jobs;
  const interestedIn = jobs.results.find((job) => job.openingId === searchParams.get('interesse'));
  return (
    <InLanguage language={language}>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>
      {interestedIn ? <Alert kind="success">{t.interestSent(interestedIn.title)}</Alert> : null}

      <Form method="get" role="search" className="mb-6">
        <TextField name="q" type="search" label={t.searchLabel} hint={t.searchHint} defaultValue={values.q} error={errors.q} optional optionalText={texts.optional} />
        {jobs.kinds.length > 1 ? (
          <CheckboxGroup
            name="kind"
            legend={t.kindLabel}
            options={jobs.kinds.map((kind) => ({ code: kind, label: labelIn(OPENING_KIND_ENTRIES, kind, language) }))}
            checked={values.kinds}
            error={errors.kind}
          />
        ) : null}
        <TextField name="maxKm" label={t.maxKmLabel} inputMode="numeric" defaultValue={values.maxKm} error={errors.maxKm} optional optionalText={texts.optional} />
        <div className="jobbro-actions">
          <button type="submit" className="button button-primary">
            {t.search}
          </button>
          <Link to="/borger/job" className="button button-secondary">
            {t.clear}
          </Link>
        </div>
      </Form>

      {jobs.source === 'database' ? <Alert kind="warning">{t.simpleSearch}</Alert> : null}
      {jobs.blocked ? (
        <p>{t.blocked}</p>
      ) : jobs.results.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p role="status">{t.count(jobs.results.length)}</p>
          <ul className="nobullet-list jobbro-jobs" aria-label={t.listLabel}>
            {jobs.results.map((job) => (
              <li key={job.openingId} id={`job-${job.openingId}`}>
                <h2 className="h3" lang="da">
                  {job.title}
                </h2>
                <p className="mb-2">
                  {t.at} <strong>{job.companyName}</strong>
                  <br />
                  {labelIn(OPENING_KIND_ENTRIES, job.kind, language)} · {formatHoursIn({ min: job.hoursMin, max: job.hoursMax }, language)} · {job.postcode} {job.city} ·{' '}
                  {formatKmIn(job.distanceKm, language)}
                </p>
                <h3 className="h5 mb-1">{t.why}</h3>
                <ul className="mt-0">
                  {job.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
                {job.mind.length > 0 ? (
                  <>
                    <h3 className="h5 mb-1">{t.mindThis}</h3>
                    <ul className="mt-0">
                      {job.mind.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <p>
                  <Link to={`/jobs/${job.openingId}`}>{t.readMore(job.title)}</Link>
                  <br />
                  <CalculatorLink hours={job.calculatorPrefill.hours} wage={job.calculatorPrefill.wage} wageAgreement={job.wageAgreement} language={language} />
                </p>
                {job.interest === 'none' ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="interest" />
                    <input type="hidden" name="openingId" value={job.openingId} />
                    <p className="form-hint" id={`interest-hint-${job.openingId}`}>
                      {t.interestHint}
                    </p>
                    <button type="submit" className="button button-primary" aria-label={t.interestedLabel(job.title)} aria-describedby={`interest-hint-${job.openingId}`}>
                      {t.interested}
                    </button>
                  </Form>
                ) : (
                  <p>
                    <strong>{job.interest === 'interested' ? t.alreadyInterested : t.alreadyProposed}</strong>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </InLanguage>
  );
}
