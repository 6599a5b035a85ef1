import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate, formatHours } from '../domain/format';
import { formValues } from '../domain/form-values';
import { proposalAnswerSchema, proposalStatusText } from '../domain/proposal-rules';
import { ACCOMMODATION_LABELS, DEMAND_LABELS, OPENING_KIND_LABELS } from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { citizenProposal, ProposalStateError, respondAsCitizen } from '../services/proposals.server';
import { ErrorSummary, fieldErrorsOf, type FieldErrors } from '../ui/form';
import { Alert, ProposalStepList } from '../ui/matching';
import { TextArea } from '../ui/text-area';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Forslag: ${data?.proposal.opening.title ?? 'job'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const proposal = await orHttpError(() => citizenProposal(user, params.proposalId ?? ''));
  return { proposal };
}

type ActionProblem = { values: Record<string, string | string[]>; errors: FieldErrors; stateError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const proposalId = params.proposalId ?? '';
  const values = formValues(await request.formData());
  const answer = proposalAnswerSchema('citizen').safeParse(values);
  if (!answer.success) return data<ActionProblem>({ values, errors: fieldErrorsOf(answer.error), stateError: null }, { status: 400 });
  try {
    await orHttpError(() => respondAsCitizen(user, proposalId, answer.data));
  } catch (error) {
    if (error instanceof ProposalStateError) return data<ActionProblem>({ values, errors: {}, stateError: error.message }, { status: 409 });
    throw error;
  }
  return redirect(`/borger/forslag/${proposalId}?svar=${answer.data.accept ? 'ja' : 'nej'}`);
}

export default function CitizenProposalPage() {
  const { proposal } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { opening } = proposal;
  const reason = typeof problem?.values.reason === 'string' ? problem.values.reason : '';
  return (
    <>
      <p>
        <Link to="/borger">Tilbage til Min side</Link>
      </p>
      <h1>Forslag: {opening.title}</h1>
      <p className="font-lead">
        Jobcentret har foreslået dig til et job hos <strong>{proposal.companyName}</strong>.
      </p>
      <p>Status: {proposalStatusText(proposal.status)}</p>
      {searchParams.get('svar') === 'ja' ? (
        <Alert kind="success">Tak for dit ja. {proposal.companyName} kan nu se dit navn og dine kontaktoplysninger, og jobcentret hjælper jer videre.</Alert>
      ) : null}
      {searchParams.get('svar') === 'nej' ? <Alert kind="success">Tak for dit svar. Virksomheden får ikke at vide, hvem du er.</Alert> : null}
      {problem?.stateError ? <Alert kind="error">{problem.stateError}</Alert> : null}

      {proposal.explanation ? (
        <section className="mb-6" aria-labelledby="why-heading">
          <h2 id="why-heading">Derfor passer jobbet til dig</h2>
          <p>{proposal.explanation}</p>
        </section>
      ) : null}

      <section className="mb-6" aria-labelledby="job-heading">
        <h2 id="job-heading">Om jobbet</h2>
        <table className="table table--compact">
          <tbody>
            <tr>
              <th scope="row">Virksomhed</th>
              <td>{proposal.companyName}</td>
            </tr>
            <tr>
              <th scope="row">Slags job</th>
              <td>{OPENING_KIND_LABELS[opening.kind]}</td>
            </tr>
            <tr>
              <th scope="row">Timer om ugen</th>
              <td>{formatHours({ min: opening.hoursMin, max: opening.hoursMax })}</td>
            </tr>
            <tr>
              <th scope="row">Sted</th>
              <td>
                {opening.postcode} {opening.city}
              </td>
            </tr>
            <tr>
              <th scope="row">Start</th>
              <td>{formatDate(opening.startDate)}</td>
            </tr>
            <tr>
              <th scope="row">Opgaver</th>
              <td>
                <ul className="m-0">
                  {opening.tasks.map((task) => (
                    <li key={task}>{task}</li>
                  ))}
                </ul>
              </td>
            </tr>
            <tr>
              <th scope="row">Arbejdet indebærer</th>
              <td>{opening.demands.length > 0 ? opening.demands.map((code) => DEMAND_LABELS[code]).join(' · ') : 'Intet særligt'}</td>
            </tr>
            <tr>
              <th scope="row">Virksomheden tilbyder</th>
              <td>{opening.accommodations.length > 0 ? opening.accommodations.map((code) => ACCOMMODATION_LABELS[code]).join(' · ') : 'Ingen særlige hensyn'}</td>
            </tr>
          </tbody>
        </table>
        <p style={{ whiteSpace: 'pre-line' }}>{opening.description}</p>
      </section>

      <h2>Forløb</h2>
      <ProposalStepList steps={proposal.steps} />

      {proposal.mayRespond ? (
        <section className="mt-6" aria-labelledby="answer-heading">
          <h2 id="answer-heading">Dit svar</h2>
          <h3 className="h4">Hvad betyder det?</h3>
          <ul>
            <li>Indtil nu har virksomheden kun set et resumé af dine ønsker, din erfaring, dine timer og de hensyn, du har brug for — ikke dit navn.</li>
            <li>
              Siger du ja, får {proposal.companyName} dit navn, dit telefonnummer og din e-mail, så I kan aftale at mødes. Jobcentret hjælper med
              resten.
            </li>
            <li>Siger du nej, får virksomheden ikke at vide, hvem du er. Det har ingen betydning for din ydelse.</li>
          </ul>
          <ErrorSummary errors={Object.entries(problem?.errors ?? {}).map(([field, message]) => ({ message: message ?? '', fieldId: field }))} />
          <Form method="post">
            <TextArea
              name="reason"
              label="Vil du fortælle, hvorfor du siger nej?"
              hint="Det hjælper jobcentret med at finde et job, der passer bedre."
              defaultValue={reason}
              error={problem?.errors.reason}
              rows={3}
              optional
            />
            <div className="jobbro-actions">
              <button type="submit" name="answer" value="accept" className="button button-primary">
                Ja, det vil jeg gerne
              </button>
              <button type="submit" name="answer" value="decline" className="button button-secondary">
                Nej tak
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
