import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { getCompany } from '../services/companies.server';
import { orHttpError } from '../services/errors.server';
import { submitOpeningForm } from '../services/opening-submissions.server';
import { isUuid, shelteredJobWarningFor } from '../services/openings.server';
import { OpeningForm } from '../ui/opening-form';

export const meta: MetaFunction = () => [{ title: 'Ny jobordre · Jobbro' }];

async function companyFor(request: Request, companyId: string) {
  const user = await requireUser(request, 'consultant');
  if (!isUuid(companyId)) throw new Response('Virksomheden findes ikke.', { status: 404 });
  const company = await orHttpError(() => getCompany(user, companyId));
  return { user, company };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await companyFor(request, params.companyId ?? '');
  return { company: { id: company.id, name: company.name }, shelteredWarning: await shelteredJobWarningFor(company.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await companyFor(request, params.companyId ?? '');
  const result = await submitOpeningForm(user, await request.formData(), { companyId: company.id });
  if (!result.ok) return data(result, { status: 400 });
  return redirect(`/konsulent/virksomheder/${company.id}?jobordre=${result.openingId}`);
}

export default function NewJobOrder() {
  const { company, shelteredWarning } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/konsulent/virksomheder/${company.id}`}>Tilbage til {company.name}</Link>
      </p>
      <h1>Ny jobordre for {company.name}</h1>
      <p className="font-lead">Opslaget bliver vist som oprettet af jobcentret på virksomhedens vegne.</p>
      <OpeningForm
        values={problem?.values ?? {}}
        errors={problem?.errors ?? {}}
        warning={shelteredWarning ? `Hvis det er et skånejob: ${shelteredWarning}` : null}
      />
    </>
  );
}
