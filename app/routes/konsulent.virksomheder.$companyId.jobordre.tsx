import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { getCompany } from '../services/companies.server';
import { httpError, orHttpError } from '../services/errors.server';
import { submitOpeningStep } from '../services/opening-submissions.server';
import { isUuid, newOpeningFormValues, shelteredJobWarningFor } from '../services/openings.server';
import { SteppedOpeningForm } from '../ui/opening-form';

export const meta: MetaFunction = () => [{ title: 'Ny jobordre · Jobbro' }];

async function companyFor(request: Request, companyId: string) {
  const user = await requireUser(request, 'consultant');
  if (!isUuid(companyId)) throw httpError(404, 'Virksomheden findes ikke.');
  const company = await orHttpError(() => getCompany(user, companyId));
  return { user, company };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, company } = await companyFor(request, params.companyId ?? '');
  const [shelteredWarning, defaults] = await Promise.all([shelteredJobWarningFor(company.id), newOpeningFormValues(user, company.id)]);
  return { company: { id: company.id, name: company.name }, shelteredWarning, defaults };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await companyFor(request, params.companyId ?? '');
  const result = await submitOpeningStep(user, await request.formData(), { companyId: company.id });
  // A step with problems answers 400; moving between steps is an ordinary answer with the values.
  if (!result.ok) return data(result, { status: Object.keys(result.errors).length > 0 ? 400 : 200 });
  return redirect(`/konsulent/virksomheder/${company.id}?jobordre=${result.openingId}`);
}

export default function NewJobOrder() {
  const { company, shelteredWarning, defaults } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/konsulent/virksomheder/${company.id}`}>Tilbage til {company.name}</Link>
      </p>
      <h1>Ny jobordre for {company.name}</h1>
      <p className="font-lead">Opslaget bliver vist som oprettet af jobcentret på virksomhedens vegne.</p>
      <SteppedOpeningForm
        values={problem?.values ?? defaults}
        errors={problem?.errors ?? {}}
        step={problem?.step ?? 0}
        warning={shelteredWarning ? `Hvis det er et skånejob: ${shelteredWarning}` : null}
      />
    </>
  );
}
