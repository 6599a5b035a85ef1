import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { OPENING_KIND_ENTRIES } from '../domain/vocabulary';
import { formatDateIn, formatHoursIn, formatMonthIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import type { WaitingKind } from '../domain/waiting';
import { citizenAgreements } from '../services/agreement-lists.server';
import { citizenPath } from '../services/citizen-portal.server';
import { waitingForCitizen } from '../services/waiting.server';
import { AgreementStatusTag } from '../ui/agreement';
import { InLanguage } from '../ui/citizen';
import { WaitingForYou, type WaitingWords } from '../ui/waiting';
import { HoursChart } from '../ui/hours-chart';
import { Alert } from '../ui/matching';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).path.title : 'Min side'} · Jobbro` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const [path, waiting, agreements] = await Promise.all([citizenPath(user), waitingForCitizen(user), citizenAgreements(user)]);
  return { language: languageOf(request), path, waiting, agreements };
}

/** "Venter på dig" in the citizen's language; "og N mere" leads to the full list further down the page. */
function waitingWords(t: ReturnType<typeof textsFor>): WaitingWords {
  const headings: Partial<Record<WaitingKind, string>> = { answerProposal: t.waiting.proposalsHeading, confirmAgreement: t.waiting.agreementsHeading };
  return {
    heading: t.waiting.heading,
    empty: t.waiting.empty,
    groupHeading: (kind) => headings[kind] ?? kind,
    more: t.waiting.more,
    moreHref: (kind) => (kind === 'answerProposal' ? '#proposals-heading' : '#agreements-heading'),
    item: (item) => (
      <>
        <Link to={item.href}>
          <strong lang="da">{item.title}</strong>
        </Link>{' '}
        {t.path.at} {item.companyName}
        <br />
        {item.kind === 'answerProposal'
          ? item.note === 'companySaidYes'
            ? `${t.waiting.companySaidYes} · ${t.waiting.answer}`
            : t.waiting.answer
          : item.version && item.version > 1
            ? t.waiting.newVersion(item.version)
            : t.waiting.confirm}
      </>
    ),
  };
}

export default function CitizenPathPage() {
  const { language, path, waiting, agreements } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = textsFor(language);
  const unanswered = path.proposals.filter((proposal) => proposal.waitingForCitizen).length;
  const { agreement } = path;
  return (
    <InLanguage language={language}>
      <h1>{t.path.title}</h1>
      <p className="font-lead">{t.path.hello(path.name)}</p>
      {searchParams.get('velkommen') ? <Alert kind="success">{t.path.welcome}</Alert> : null}
      <WaitingForYou groups={waiting} words={waitingWords(t)} />

      {path.gettingStarted ? (
        <section className="jobbro-getting-started" aria-labelledby="start-heading">
          <h2 id="start-heading">{t.gettingStarted.heading}</h2>
          <p>{t.gettingStarted.intro}</p>
          <ol>
            {path.gettingStarted.map(({ step, done }) => (
              <li key={step}>
                <Link to={step === 'wishes' ? '/borger/oensker' : '/borger/job'}>
                  <strong>{step === 'wishes' ? t.gettingStarted.wishesLink : t.gettingStarted.jobsLink}</strong>
                </Link>
                {done ? <strong> · {t.gettingStarted.done}</strong> : null}
                <br />
                {step === 'wishes' ? t.gettingStarted.wishesText : t.gettingStarted.jobsText}
              </li>
            ))}
            <li>
              <a href="#contact-heading">
                <strong>{t.gettingStarted.contactLink}</strong>
              </a>
              , {t.gettingStarted.contactText}
            </li>
          </ol>
        </section>
      ) : null}

      <section className="mb-6" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t.path.proposalsHeading}</h2>
        {path.proposals.length === 0 ? (
          <p>{t.path.noProposals}</p>
        ) : (
          <>
            <p>{t.path.waiting(unanswered)}</p>
            <ul className="nobullet-list">
              {path.proposals.map((proposal) => (
                <li key={proposal.id} className="mb-4">
                  <Link to={`/borger/forslag/${proposal.id}`}>
                    <strong lang="da">{proposal.title}</strong>
                  </Link>{' '}
                  {t.path.at} {proposal.companyName}
                  <br />
                  {labelIn(OPENING_KIND_ENTRIES, proposal.kind, language)} · {formatHoursIn({ min: proposal.hoursMin, max: proposal.hoursMax }, language)} · {proposal.city} ·{' '}
                  {proposal.waitingForCitizen ? <strong>{t.proposalStatus[proposal.state]}</strong> : t.proposalStatus[proposal.state]}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="mb-6" aria-labelledby="agreement-heading">
        <h2 id="agreement-heading">{t.path.agreementHeading}</h2>
        {agreement ? (
          <>
            {agreement.status === 'awaiting_confirmation' ? <Alert kind="info">{t.path.agreementAwaiting}</Alert> : null}
            <table className="table table--compact table--responsive-headers">
              <tbody>
                <tr>
                  <th scope="row">{t.path.agreementCompany}</th>
                  <td>{agreement.companyName}</td>
                </tr>
                <tr>
                  <th scope="row">{t.path.agreementHours}</th>
                  <td>
                    {t.path.ordinaryHours(formatHoursIn(agreement.ordinaryHoursPerWeek, language, { unit: false }))}
                    {agreement.internshipHoursPerWeek > 0 ? ` + ${t.path.internshipHours(formatHoursIn(agreement.internshipHoursPerWeek, language, { unit: false }))}` : null}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t.path.agreementTasks}</th>
                  <td>
                    <ul className="m-0" lang="da">
                      {agreement.tasks.map((task) => (
                        <li key={task}>{task}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t.path.agreementContact}</th>
                  <td>
                    {agreement.contact.name}, {agreement.contact.role}
                    {agreement.contact.phone ? (
                      <>
                        <br />
                        {t.path.phone}: <a href={`tel:${agreement.contact.phone.replace(/\s/g, '')}`}>{agreement.contact.phone}</a>
                      </>
                    ) : null}
                    {agreement.contact.email ? (
                      <>
                        <br />
                        {t.path.email}: <a href={`mailto:${agreement.contact.email}`}>{agreement.contact.email}</a>
                      </>
                    ) : null}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t.path.nextFollowUp}</th>
                  <td>{agreement.nextFollowUp ? <strong>{formatDateIn(agreement.nextFollowUp, language)}</strong> : t.path.noFollowUp}</td>
                </tr>
              </tbody>
            </table>
            <p>
              <Link to={`/borger/aftaler/${agreement.id}`}>{t.path.seeAgreement}</Link>
            </p>
          </>
        ) : (
          <p>{t.path.noAgreement}</p>
        )}
      </section>

      {agreements.length > 0 ? (
        <section className="mb-6" aria-labelledby="agreements-heading">
          <h2 id="agreements-heading">{t.path.agreementsHeading}</h2>
          <p>{t.path.agreementsIntro}</p>
          <ul className="nobullet-list">
            {agreements.map((item) => (
              <li key={item.id} className="mb-2">
                <Link to={`/borger/aftaler/${item.id}`}>
                  <strong lang="da">{item.openingTitle ?? item.companyName}</strong>
                </Link>{' '}
                {t.path.at} {item.companyName} · <AgreementStatusTag status={item.status} language={language} />
                {item.awaitingCitizen ? <> · {t.waiting.confirm}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {agreement ? (
        <section className="mb-6" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t.path.progressHeading}</h2>
          <p>{t.path.progressIntro}</p>
          {path.progress.length === 0 ? (
            <p>{t.path.noHours}</p>
          ) : (
            <>
              <HoursChart rows={path.months} idPrefix="citizen-hours" language={language} />
              <table className="table table--compact table--responsive-headers">
                <caption className="sr-only">{t.path.progressCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.path.progressMonth}</th>
                    <th scope="col">{t.path.progressHours}</th>
                    <th scope="col">{t.path.progressGoal}</th>
                  </tr>
                </thead>
                <tbody>
                  {path.progress.map((row) => (
                    <tr key={row.month}>
                      <th scope="row">{formatMonthIn(row.month, language)}</th>
                      <td data-title={t.path.progressHours}>{formatHoursIn(row.ordinaryHours, language, { unit: false })}</td>
                      <td data-title={t.path.progressGoal}>
                        <span className="jobbro-bar" aria-hidden="true">
                          <span style={{ width: `${row.percentOfGoal}%` }} />
                        </span>
                        {row.goalReached ? <strong>{t.path.progressGoalReached}</strong> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ) : null}

      <section className="mb-6" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t.path.contactHeading}</h2>
        {path.consultant ? (
          <p>
            <strong>{path.consultant.name}</strong>, {path.jobcentre.name}
            {path.consultant.phone ? (
              <>
                <br />
                {t.path.phone}: <a href={`tel:${path.consultant.phone.replace(/\s/g, '')}`}>{path.consultant.phone}</a>
              </>
            ) : null}
            <br />
            {t.path.email}: <a href={`mailto:${path.consultant.email}`}>{path.consultant.email}</a>
          </p>
        ) : (
          <p>{t.path.noConsultant}</p>
        )}
        <p>
          {t.path.jobcentre}: {path.jobcentre.name}
          {path.jobcentre.phone ? (
            <>
                {' · '}
                {t.path.phone}: <a href={`tel:${path.jobcentre.phone.replace(/\s/g, '')}`}>{path.jobcentre.phone}</a>
            </>
          ) : null}
        </p>
      </section>
    </InLanguage>
  );
}
