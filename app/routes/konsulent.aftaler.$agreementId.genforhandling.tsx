import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { addedRowOf, AGREEMENT_LIST_FIELDS, agreementFieldErrors, withAddedRow, agreementInputSchema } from '../domain/agreement-rules';
import { formValues } from '../domain/form-values';
import { AgreementRefusedError } from '../services/agreement-access.server';
import { renegotiateAgreement, renegotiationDraft } from '../services/agreements.server';
import { orHttpError } from '../services/errors.server';
import { AgreementForm } from '../ui/agreement-form';
import type { FieldErrors } from '../ui/form';
import { submitForm } from '../ui/form-submission.server';

export const meta: MetaFunction = () => [{ title: 'Genforhandl aftalen · Jobbro' }];

/** The page logs its read of the citizen's agreement; the action logs the change it saves. */
async function draftFor(request: Request, agreementId: string, { logRead }: { logRead: boolean }) {
  const user = await requireUser(request, 'consultant');
  try {
    return { user, draft: await orHttpError(() => renegotiationDraft(user, agreementId, { logRead })) };
  } catch (error) {
    if (error instanceof AgreementRefusedError) throw redirect(`/konsulent/aftaler/${agreementId}`);
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await draftFor(request, params.agreementId ?? '', { logRead: true });
  return { draft };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const agreementId = params.agreementId ?? '';
  const { user, draft } = await draftFor(request, agreementId, { logRead: false });
  const formData = await request.formData();
  const values = formValues(formData, AGREEMENT_LIST_FIELDS);
  // "Tilføj delmål" / "Tilføj opfølgning": the same form again with one more empty row, nothing saved.
  const addedRow = addedRowOf(formData.get('intent'));
  if (addedRow) return data({ values: withAddedRow(values, addedRow), errors: {} as FieldErrors });
  const schema = agreementInputSchema(draft.context, { renegotiation: !draft.isDraft });
  return submitForm(
    values,
    schema,
    async (input) => {
      await renegotiateAgreement(user, agreementId, input);
      return `/konsulent/aftaler/${agreementId}?gemt=1`;
    },
    { errorsOf: agreementFieldErrors },
  );
}

export default function RenegotiateAgreement() {
  const { draft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to={`/konsulent/aftaler/${draft.id}`}>Tilbage til aftalen</Link>
        </p>
        <h1>
          {draft.isDraft ? 'Ret kladden til aftalen' : 'Genforhandl aftalen'} mellem {draft.citizenName} og {draft.companyName}
        </h1>
        {draft.isDraft ? (
          <p>Kladden er ikke sendt endnu, så du retter den direkte.</p>
        ) : (
          <p>
            Ændringerne bliver version {draft.version + 1}. Den gældende version {draft.version} kan stadig læses, og virksomheden og borgeren skal bekræfte den nye.
          </p>
        )}
        <AgreementForm
          kind={draft.kind}
          values={result?.values ?? draft.values}
          errors={result?.errors ?? {}}
          ranges={{ opening: { min: draft.context.opening.hoursMin, max: draft.context.opening.hoursMax }, citizen: { min: draft.context.citizen.hoursMin, max: draft.context.citizen.hoursMax } }}
          renegotiation={!draft.isDraft}
          submitLabel={draft.isDraft ? 'Gem kladden' : undefined}
        />
      </div>
    </div>
  );
}
