import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import type { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { jobCalculatorPrefill, readCalculatorForm } from '../domain/benefit-calculator';
import { ratesOn } from '../domain/benefit-rates';
import { toIsoDate } from '../domain/format';
import { formValues } from '../domain/form-values';
import { CONSENT_WITHDRAWN_REASON, proposalAnswerSchema } from '../domain/proposal-rules';
import { ACCOMMODATION_ENTRIES, DEMAND_ENTRIES, OPENING_KIND_ENTRIES } from '../domain/vocabulary';
import { formatDateIn, formatDateTimeIn, formatHoursIn, formatWageIn } from '../i18n/format';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { ownCalculatorCitizen } from '../services/benefit-calculator.server';
import { ownProposalState } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';
import { citizenProposal, mayTakeBackOwnYes, ProposalStateError, respondAsCitizen, takeBackOwnYes } from '../services/proposals.server';
import { BenefitCalculator } from '../ui/benefit-calculator';
import { InLanguage } from '../ui/citizen';
import { ErrorSummary, fieldErrorsOf, type FieldErrors } from '../ui/form';
import { submitForm } from '../ui/form-submission.server';
import { Alert } from '../ui/matching';
import { TextArea } from '../ui/text-area';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? textsFor(data.language).proposal.title(data.proposal.opening.title) : 'Forslag'} · Jobbro` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const proposalId = params.proposalId ?? '';
  const language = languageOf(request);
  const [proposal, standing, mayTakeBack, calculatorCitizen] = await Promise.all([
    orHttpError(() => citizenProposal(user, proposalId)),
    orHttpError(() => ownProposalState(user, proposalId, { language })),
    mayTakeBackOwnYes(user, proposalId),
    ownCalculatorCitizen(user),
  ]);
  const { opening } = proposal;
  // The calculator starts where the agreement form would (jobCalculatorPrefill); the citizen adjusts the numbers.
  const calculator = readCalculatorForm(
    new URL(request.url).searchParams,
    calculatorCitizen ? jobCalculatorPrefill(calculatorCitizen, opening) : {},
    ratesOn(toIsoDate(new Date())),
    language,
  );
  return { language, proposal, ...standing, mayTakeBack, calculator };
}

type ActionProblem = { values: Record<string, string | string[]>; errors: FieldErrors; stateError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const t = textsFor(languageOf(request)).proposal;
  const english = languageOf(request) === 'en';
  const proposalId = params.proposalId ?? '';
  const values = formValues(await request.formData());
  if (values.intent === 'takeBack') {
    try {
      await orHttpError(() => takeBackOwnYes(user, proposalId));
    } catch (error) {
      if (error instanceof ProposalStateError) return data<ActionProblem>({ values, errors: {}, stateError: english ? t.alreadyAnswered : error.message }, { status: 409 });
      throw error;
    }
    return redirect(`/borger/forslag/${proposalId}?svar=fortrudt`);
  }
  // The schema's one message (a reason for a no) in the reader's language.
  const errorsOf = (error: z.ZodError) => {
    const errors = fieldErrorsOf(error);
    if (english && errors.reason) errors.reason = t.reasonError;
    return errors;
  };
  try {
    return await submitForm(
      values,
      proposalAnswerSchema('citizen'),
      async (answer) => {
        await respondAsCitizen(user, proposalId, answer);
        return `/borger/forslag/${proposalId}?svar=${answer.accept ? 'ja' : 'nej'}`;
      },
      { errorsOf, also: { stateError: null } },
    );
  } catch (error) {
    if (error instanceof ProposalStateError) return data<ActionProblem>({ values, errors: {}, stateError: english ? t.alreadyAnswered : error.message }, { status: 409 });
    throw error;
  }
}

export default function CitizenProposalPage() {
  const { language, proposal, state, fromInterest, why, mayTakeBack, calculator } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const texts = textsFor(language);
  const t = texts.proposal;
  const { opening } = proposal;
  const reason = typeof problem?.values.reason === 'string' ? problem.values.reason : '';
  const reasonError = problem?.errors.reason;
  const endedByConsent = proposal.status === 'withdrawn' && proposal.withdrawnReason === CONSENT_WITHDRAWN_REASON;
  return (
    <InLanguage language={language}>
      {/* The short version first, then the answer, then the details: on a phone the answer is on the first screen. */}
      <h1>{t.title(opening.title)}</h1>
      <p className="jobbro-summary-line">
        {fromInterest ? t.leadInterest : t.lead} <strong>{proposal.companyName}</strong>:{' '}
        {labelIn(OPENING_KIND_ENTRIES, opening.kind, language)} · {formatHoursIn({ min: opening.hoursMin, max: opening.hoursMax }, language)} · {opening.city} ·{' '}
        {t.startsOn(formatDateIn(opening.startDate, language))}
        <br />
        {t.status}: <strong>{endedByConsent ? t.consentEndedHeading : texts.proposalStatus[state]}</strong>
      </p>
      {searchParams.get('svar') === 'ja' ? <Alert kind="success">{t.saidYes(proposal.companyName)}</Alert> : null}
      {searchParams.get('svar') === 'nej' ? <Alert kind="success">{t.saidNo}</Alert> : null}
      {searchParams.get('svar') === 'fortrudt' ? <Alert kind="success">{t.tookBack}</Alert> : null}
      {problem?.stateError ? <Alert kind="error">{problem.stateError}</Alert> : null}
      {endedByConsent ? (
        <Alert kind="info" heading={t.consentEndedHeading}>
          <p className="mt-0 mb-0">
            {t.consentEndedText} <Link to="/borger/samtykke">{texts.consent.title}</Link>
          </p>
        </Alert>
      ) : proposal.status === 'withdrawn' ? (
        <Alert kind="info" heading={state === 'interestDeclined' ? t.interestDeclinedHeading : t.withdrawnHeading}>
          {proposal.withdrawnReason ? (
            <p className="mt-0">
              {t.withdrawnReason} <span lang="da">“{proposal.withdrawnReason}”</span>
            </p>
          ) : null}
          <p className="mb-0">{t.withdrawnContact}</p>
        </Alert>
      ) : null}

      {proposal.mayRespond ? (
        <section className="mb-6" aria-labelledby="answer-heading">
          <h2 id="answer-heading" className="h5 mt-4 mb-1">
            {t.meaningHeading}
          </h2>
          <ErrorSummary errors={reasonError ? [{ message: reasonError, fieldId: 'reason' }] : []} heading={texts.errors.summaryHeading} />
          {/* What each answer means stands above the buttons that give it; the longer words follow them. */}
          <p className="mt-0">{t.meaningShort(proposal.companyName)}</p>
          <Form method="post" className="mb-6">
            <div className="jobbro-answer">
              <button type="submit" name="answer" value="accept" className="button button-primary">
                {t.yes}
              </button>
              <button type="submit" name="answer" value="decline" className="button button-secondary">
                {t.no}
              </button>
            </div>
            <details className="details mt-4" open={Boolean(reasonError) || reason !== ''}>
              <summary className="details-summary">{t.reasonSummary}</summary>
              <div className="details-text">
                <TextArea name="reason" label={t.reasonLabel} hint={t.reasonHint} defaultValue={reason} error={reasonError} rows={3} optional={language === 'da'} />
                <button type="submit" name="answer" value="decline" className="button button-secondary">
                  {t.noWithReason}
                </button>
              </div>
            </details>
          </Form>
          <ul>
            <li>{t.meaningYes(proposal.companyName)}</li>
            <li>{t.meaningNo}</li>
            <li>{t.meaningSummary}</li>
          </ul>
        </section>
      ) : null}

      {why ? (
        <section className="mb-6" aria-labelledby="why-heading">
          <h2 id="why-heading">{t.why}</h2>
          <ul>
            {why.reasons.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          {why.mind.length > 0 ? (
            <>
              <h3 className="h5 mb-1">{texts.jobs.mindThis}</h3>
              <ul className="mt-0">
                {why.mind.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="mb-6" aria-labelledby="job-heading">
        <h2 id="job-heading">{t.about}</h2>
        <table className="table table--compact table--responsive-headers">
          <tbody>
            <tr>
              <th scope="row">{t.company}</th>
              <td>{proposal.companyName}</td>
            </tr>
            <tr>
              <th scope="row">{t.kind}</th>
              <td>{labelIn(OPENING_KIND_ENTRIES, opening.kind, language)}</td>
            </tr>
            <tr>
              <th scope="row">{t.hours}</th>
              <td>{formatHoursIn({ min: opening.hoursMin, max: opening.hoursMax }, language)}</td>
            </tr>
            {formatWageIn(opening, language) ? (
              <tr>
                <th scope="row">{texts.job.wage}</th>
                <td>{formatWageIn(opening, language)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t.place}</th>
              <td>
                {opening.postcode} {opening.city}
              </td>
            </tr>
            <tr>
              <th scope="row">{t.start}</th>
              <td>{formatDateIn(opening.startDate, language)}</td>
            </tr>
            <tr>
              <th scope="row">{t.tasks}</th>
              <td>
                <ul className="m-0" lang="da">
                  {opening.tasks.map((task) => (
                    <li key={task}>{task}</li>
                  ))}
                </ul>
              </td>
            </tr>
            <tr>
              <th scope="row">{t.demands}</th>
              <td>{opening.demands.length > 0 ? opening.demands.map((code) => labelIn(DEMAND_ENTRIES, code, language)).join(' · ') : t.nothingSpecial}</td>
            </tr>
            <tr>
              <th scope="row">{t.offers}</th>
              <td>{opening.accommodations.length > 0 ? opening.accommodations.map((code) => labelIn(ACCOMMODATION_ENTRIES, code, language)).join(' · ') : t.noAccommodations}</td>
            </tr>
          </tbody>
        </table>
        <p style={{ whiteSpace: 'pre-line' }} lang="da">
          {opening.description}
        </p>
      </section>

      <BenefitCalculator form={calculator} language={language} wageAgreement={opening.wageAgreement} />

      <h2>{t.steps}</h2>
      <ol className="mt-2 mb-0">
        {proposal.steps.map((step) => (
          <li key={`${step.label}-${new Date(step.at).getTime()}`}>
            {t.stepLabels[step.label] ?? step.label}: <time dateTime={new Date(step.at).toISOString()}>{formatDateTimeIn(new Date(step.at), language)}</time>
            {step.reason ? ` — “${step.reason}”` : null}
          </li>
        ))}
      </ol>

      {mayTakeBack ? (
        <section className="mt-6" aria-labelledby="take-back-heading">
          <h2 id="take-back-heading">{t.takeBackHeading}</h2>
          <p>{t.takeBackText}</p>
          <Form method="post">
            <button type="submit" name="intent" value="takeBack" className="button button-secondary">
              {t.takeBack}
            </button>
          </Form>
        </section>
      ) : null}
    </InLanguage>
  );
}
