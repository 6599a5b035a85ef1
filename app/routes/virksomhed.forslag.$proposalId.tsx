import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatHours } from '../domain/format';
import { formValues } from '../domain/form-values';
import { proposalAnswerSchema, proposalStatusForCompany } from '../domain/proposal-rules';
import { ACCOMMODATION_LABELS, LANGUAGE_LEVEL_LABELS, OPENING_KIND_LABELS, type LanguageLevel } from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { companyProposal, ProposalStateError, respondAsCompany } from '../services/proposals.server';
import { ErrorSummary, fieldErrorsOf, type FieldErrors } from '../ui/form';
import { Alert, ProposalStepList } from '../ui/matching';
import { TextArea } from '../ui/text-area';
import { EmailLink, PhoneLink } from '../ui/contact-links';
import { otherLanguages } from '../domain/citizen-rules';

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
  const answer = proposalAnswerSchema('company').safeParse(values);
  if (!answer.success) return data<ActionProblem>({ values, errors: fieldErrorsOf(answer.error), stateError: null }, { status: 400 });
  try {
    await orHttpError(() => respondAsCompany(user, proposalId, answer.data));
  } catch (error) {
    if (error instanceof ProposalStateError) return data<ActionProblem>({ values, errors: {}, stateError: error.message }, { status: 409 });
    throw error;
  }
  return redirect(`/virksomhed/forslag/${proposalId}?svar=${answer.data.accept ? 'ja' : 'nej'}`);
}

export default function CompanyProposalPage() {
  const { proposal } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { candidate, identity, opening } = proposal;
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

      {identity ? (
        <section className="mb-6" aria-labelledby="identity-heading">
          <h2 id="identity-heading">Navn og kontakt</h2>
          <p>
            {candidate
              ? 'Kandidaten har sagt ja til, at I må få navn og kontaktoplysninger.'
              : 'I ser kun det, aftalen med kandidaten kræver: navn og kontaktoplysninger. Resuméet af profilen vises ikke længere.'}
          </p>
          <table className="table table--compact table--responsive-headers">
            <tbody>
              <tr>
                <th scope="row">Navn</th>
                <td>{identity.name}</td>
              </tr>
              <tr>
                <th scope="row">Telefon</th>
                <td>{identity.phone ? <PhoneLink phone={identity.phone} /> : 'Ikke oplyst'}</td>
              </tr>
              <tr>
                <th scope="row">E-mail</th>
                <td>{identity.email ? <EmailLink email={identity.email} /> : 'Ikke oplyst'}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : candidate ? (
        <Alert kind="info">Navn og kontaktoplysninger vises her, når kandidaten har sagt ja til forslaget.</Alert>
      ) : null}

      {candidate ? (
        <>
          <section className="mb-6" aria-labelledby="candidate-heading">
            <h2 id="candidate-heading">Om kandidaten</h2>
            <table className="table table--compact table--responsive-headers">
              <tbody>
                <tr>
                  <th scope="row">Ønsker</th>
                  <td>{candidate.wishes || 'Ikke skrevet'}</td>
                </tr>
                <tr>
                  <th scope="row">Kompetencer og erfaring</th>
                  <td>
                    {candidate.competences.length === 0 ? (
                      'Ikke skrevet'
                    ) : (
                      <ul className="m-0">
                        {candidate.competences.map((competence) => (
                          <li key={competence}>{competence}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Kan arbejde</th>
                  <td>{formatHours({ min: candidate.hoursMin, max: candidate.hoursMax })}</td>
                </tr>
                <tr>
                  <th scope="row">Sprog</th>
                  <td>
                    {[
                      `Dansk: ${(LANGUAGE_LEVEL_LABELS[candidate.danishLevel as LanguageLevel] ?? candidate.danishLevel).toLowerCase()}`,
                      ...otherLanguages(candidate.languages).map((skill) => `${skill.language}: ${LANGUAGE_LEVEL_LABELS[skill.level].toLowerCase()}`),
                    ].join(' · ')}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Kørekort</th>
                  <td>{candidate.drivingLicence ? 'Ja' : 'Nej'}</td>
                </tr>
              </tbody>
            </table>
          </section>
          <section className="mb-6" aria-labelledby="accommodations-heading">
            <h2 id="accommodations-heading">Det skal I kunne tilbyde</h2>
            {candidate.accommodations.length === 0 ? (
              <p>Kandidaten har ikke brug for særlige hensyn.</p>
            ) : (
              <ul>
                {candidate.accommodations.map((entry) => (
                  <li key={entry.code}>
                    {ACCOMMODATION_LABELS[entry.code]}
                    {entry.offered ? ' (det tilbyder I allerede i opslaget)' : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        identity ? null : proposal.status === 'withdrawn' ? (
          <Alert kind="info" heading="Forslaget er trukket tilbage">
            I skal ikke svare på det, og I kan ikke længere se oplysninger om kandidaten. Jobcentret kontakter jer, hvis der er en anden kandidat.
          </Alert>
        ) : (
          <p>Forslaget er afsluttet, så I kan ikke længere se oplysninger om kandidaten.</p>
        )
      )}

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
