import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { readCalculatorForm } from '../domain/benefit-calculator';
import { ratesOn } from '../domain/benefit-rates';
import { toIsoDate } from '../domain/format';
import { addedRowOf, AGREEMENT_LIST_FIELDS, agreementFieldErrors, withAddedRow } from '../domain/agreement-rules';
import { formValues } from '../domain/form-values';
import { OPENING_KIND_LABELS } from '../domain/vocabulary';
import { AgreementRefusedError } from '../services/agreement-access.server';
import { agreementDraft, agreementSchemaFor, createAgreement, openingsForDirectAgreement, type AgreementSource } from '../services/agreements.server';
import { getCitizenForConsultant } from '../services/citizens.server';
import { orHttpError } from '../services/errors.server';
import { shelteredJobWarningForAgreement } from '../services/openings.server';
import { AgreementForm } from '../ui/agreement-form';
import { BenefitCalculator } from '../ui/benefit-calculator';
import type { FieldErrors } from '../ui/form';
import { Alert } from '../ui/matching';
import { submitForm } from '../ui/form-submission.server';

export const meta: MetaFunction = () => [{ title: 'Skriv en aftale · Jobbro' }];

/** ?forslag=… (a proposal both said yes to) or ?borger=…&jobopslag=… (a direct agreement). */
function sourceOf(url: URL): AgreementSource | { citizenId: string } | null {
  const proposalId = url.searchParams.get('forslag');
  if (proposalId) return { proposalId };
  const citizenId = url.searchParams.get('borger');
  const openingId = url.searchParams.get('jobopslag');
  if (citizenId && openingId) return { citizenId, openingId };
  if (citizenId) return { citizenId };
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const source = sourceOf(new URL(request.url));
  if (!source) throw redirect('/konsulent/aftaler');
  if (!('proposalId' in source) && !('openingId' in source)) {
    // A direct agreement: first choose the opening.
    const citizen = await orHttpError(() => getCitizenForConsultant(user, source.citizenId, 'Sagsbehandling: en aftale blev forberedt'));
    return { step: 'opening' as const, citizen: { id: citizen.id, name: citizen.name }, openings: await openingsForDirectAgreement(user), draft: null, refused: null };
  }
  try {
    const draft = await orHttpError(() => agreementDraft(user, source, { logRead: true }));
    const shelteredWarning = await shelteredJobWarningForAgreement({ companyId: draft.companyId, kind: draft.kind });
    const calculator = readCalculatorForm(new URL(request.url).searchParams, draft.economy.prefill, ratesOn(toIsoDate(new Date())));
    return { step: 'form' as const, citizen: null, openings: [], draft, refused: null, shelteredWarning, calculator };
  } catch (error) {
    if (error instanceof AgreementRefusedError) return { step: 'refused' as const, citizen: null, openings: [], draft: null, refused: error.message };
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const source = sourceOf(new URL(request.url));
  if (!source || (!('proposalId' in source) && !('openingId' in source))) throw new Response('Vælg et forslag eller et jobopslag.', { status: 400 });
  const formData = await request.formData();
  const values = formValues(formData, AGREEMENT_LIST_FIELDS);
  // "Tilføj delmål" / "Tilføj opfølgning": the same form again with one more empty row, nothing saved.
  const addedRow = addedRowOf(formData.get('intent'));
  if (addedRow) return data({ values: withAddedRow(values, addedRow), errors: {} as FieldErrors });
  try {
    // A pair the rules refuse (no visitation to fleksjob, a closed case…) is refused here as on the page, also
    // when the form was posted without the page or the citizen changed since it was shown.
    const draft = await orHttpError(() => agreementDraft(user, source));
    const send = formData.get('intent') !== 'draft';
    return await submitForm(values, agreementSchemaFor(draft), async (input) => `/konsulent/aftaler/${(await createAgreement(user, source, input, { send })).id}?gemt=1`, {
      errorsOf: agreementFieldErrors,
    });
  } catch (error) {
    if (error instanceof AgreementRefusedError) return data({ values, errors: { [error.field]: error.message } as FieldErrors }, { status: 400 });
    throw error;
  }
}

export default function NewAgreement() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (loaded.step === 'refused') {
    return (
      <>
        <h1>Skriv en aftale</h1>
        <Alert kind="error">{loaded.refused}</Alert>
        <p>
          <Link to="/konsulent/aftaler">Til aftaler og opfølgning</Link>
        </p>
      </>
    );
  }
  if (loaded.step === 'opening') {
    return (
      <div className="row">
        <div className="col-12 col-lg-8">
          <p>
            <Link to={`/konsulent/borgere/${loaded.citizen.id}`}>Tilbage til {loaded.citizen.name}</Link>
          </p>
          <h1>Skriv en aftale med {loaded.citizen.name}</h1>
          <p>Vælg det job, aftalen handler om. Har virksomheden ikke et jobopslag endnu, så opret det først som jobordre.</p>
          <Form method="get">
            <input type="hidden" name="borger" value={loaded.citizen.id} />
            <div className="form-group">
              <label className="form-label" htmlFor="jobopslag">
                Job
              </label>
              <select className="form-select" id="jobopslag" name="jobopslag">
                {loaded.openings.map((opening) => (
                  <option key={opening.id} value={opening.id}>
                    {opening.companyName}: {opening.title} ({OPENING_KIND_LABELS[opening.kind]})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-primary">
              Videre
            </button>
          </Form>
        </div>
      </div>
    );
  }
  const { draft } = loaded;
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to="/konsulent/aftaler">Til aftaler og opfølgning</Link>
        </p>
        <h1>Aftale mellem {draft.citizen.name} og {draft.companyName}</h1>
        <p className="font-lead">
          {draft.opening.title} · {OPENING_KIND_LABELS[draft.kind]}
        </p>
        <p>Forslaget er udfyldt ud fra jobopslaget. Ret det til, så det passer til det, I har aftalt. Virksomheden og borgeren bekræfter aftalen bagefter.</p>
        {loaded.shelteredWarning ? <Alert kind="warning">{loaded.shelteredWarning}</Alert> : null}
        {/* Beside the form, not in it: a GET of its own. Not live, since every answer is a logged read of the citizen. */}
        <details className="details" open={loaded.calculator.result !== null}>
          <summary className="details-summary">Hvad betyder aftalen for borgerens økonomi?</summary>
          <div className="details-text">
            <BenefitCalculator
              form={loaded.calculator}
              language="da"
              headingLevel="h3"
              live={false}
              keep={'proposalId' in draft.source ? { forslag: draft.source.proposalId } : { borger: draft.citizen.id, jobopslag: draft.opening.id }}
              wageAgreement={draft.economy.wageAgreement}
            />
          </div>
        </details>
        <AgreementForm
          kind={draft.kind}
          values={result?.values ?? draft.values}
          errors={result?.errors ?? {}}
          ranges={{ opening: { min: draft.opening.hoursMin, max: draft.opening.hoursMax }, citizen: { min: draft.citizen.hoursMin, max: draft.citizen.hoursMax } }}
        />
      </div>
    </div>
  );
}
