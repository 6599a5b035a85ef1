import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatHours } from '../domain/format';
import { formValues } from '../domain/form-values';
import { proposalAnswerSchema, proposalStatusForCompany } from '../domain/proposal-rules';
import { OPENING_KIND_LABELS } from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { companyProposal, ProposalStateError, respondAsCompany } from '../services/proposals.server';
import { ErrorSummary, type FieldErrors } from '../ui/form';
import { submitForm } from '../ui/form-submission.server';
import { Alert, ProposalStepList } from '../ui/matching';
import { TextArea } from '../ui/text-area';
import { CompanyCandidateView } from '../ui/company-candidate';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Foreslået kandidat: ${data?.proposal.opening.title ?? ''} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const proposal = await orHttpError(() => companyProposal(user, params.proposalId ?? ''));
  return { proposal };
}

type ActionProblem = { values: Record<string, string | string[]>; errors: FieldErrors; stateError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const proposalId = params.proposalId ?? '';
  const values = formValues(await request.formData());
  try {
    return await submitForm(
      values,
      proposalAnswerSchema('company'),
      async (answer) => {
        await respondAsCompany(user, proposalId, answer);
        return `/virksomhed/forslag/${proposalId}?svar=${answer.accept ? 'ja' : 'nej'}`;
      },
      { also: { stateError: null } },
    );
  } catch (error) {
    // Answered by a colleague meanwhile: said above the form, not at a field.
    if (error instanceof ProposalStateError) return data<ActionProblem>({ values, errors: {}, stateError: error.message }, { status: 409 });
    throw error;
  }
}

export default function CompanyProposalPage() {
  const { proposal } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { opening } = proposal;
  const reason = typeof problem?.values.reason === 'string' ? problem.values.reason : '';
  return (
    <>
      <p>
        <Link to="/virksomhed/forslag">Tilbage til foreslåede kandidater</Link>
      </p>
      <h1>Foreslået kandidat til {opening.title}</h1>
      <p className="font-lead">
        {OPENING_KIND_LABELS[opening.kind]} · {formatHours({ min: opening.hoursMin, max: opening.hoursMax })} · {proposalStatusForCompany(proposal.status)}
      </p>
      {searchParams.get('svar') === 'ja' ? <Alert kind="success">Tak for jeres ja. Jobcentret kontakter jer om det videre forløb.</Alert> : null}
      {searchParams.get('svar') === 'nej' ? <Alert kind="success">Jeres svar er sendt til jobcentret. Tak for begrundelsen.</Alert> : null}
      {problem?.stateError ? <Alert kind="error">{problem.stateError}</Alert> : null}

      <CompanyCandidateView proposal={proposal} />

      <h2>Forløb</h2>
      <ProposalStepList steps={proposal.steps} />

      {proposal.mayRespond ? (
        <section className="mt-6" aria-labelledby="answer-heading">
          <h2 id="answer-heading">Jeres svar</h2>
          <ErrorSummary errors={Object.entries(problem?.errors ?? {}).map(([field, message]) => ({ message: message ?? '', fieldId: field }))} />
          <Form method="post">
            <p>Siger I ja, aftaler jobcentret det videre med jer og kandidaten. Siger I nej, så skriv kort hvorfor, så jobcentret kan finde en bedre kandidat.</p>
            <TextArea
              name="reason"
              label="Hvis I siger nej: hvorfor?"
              hint="Skal udfyldes, hvis I siger nej. Skriv ikke noget om kandidatens helbred."
              defaultValue={reason}
              error={problem?.errors.reason}
              rows={3}
            />
            <div className="jobbro-actions">
              <button type="submit" name="answer" value="accept" className="button button-primary">
                Ja, vi vil gerne møde kandidaten
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
