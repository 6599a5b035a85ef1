import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { CITIZEN_LIST_FIELDS, citizenFieldErrors } from '../domain/citizen-rules';
import { formValues } from '../domain/form-values';
import { ACCESS_PURPOSES } from '../services/access-log.server';
import { CitizenInputError, citizenSchemaFor, getCitizenForConsultant, listConsultantsOfJobcentre, updateCitizen } from '../services/citizens.server';
import { companyChoices } from '../services/companies.server';
import { orHttpError } from '../services/errors.server';
import { CitizenForm, citizenToFormValues, companyPickerQuery, isCompanySearch } from '../ui/citizen-form';
import type { FieldErrors } from '../ui/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ret ${data?.name ?? 'borger'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const citizenId = params.citizenId ?? '';
  const citizen = await orHttpError(() => getCitizenForConsultant(user, citizenId, ACCESS_PURPOSES.editProfile));
  if (citizen.closedAt) throw redirect(`/konsulent/borgere/${citizen.id}`);
  const values = citizenToFormValues(citizen);
  const [consultants, companies] = await Promise.all([listConsultantsOfJobcentre(user.jobcentreId!), companyChoices(companyPickerQuery(values))]);
  return { id: citizen.id, name: citizen.name, values, consultants, companies };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const citizenId = params.citizenId ?? '';
  const schema = await orHttpError(() => citizenSchemaFor(user, citizenId));
  const values = formValues(await request.formData(), CITIZEN_LIST_FIELDS);
  const companies = await companyChoices(companyPickerQuery(values));
  if (isCompanySearch(values)) return data({ values, errors: {} as FieldErrors, companies });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return data({ values, errors: citizenFieldErrors(parsed.error) as FieldErrors, companies }, { status: 400 });
  try {
    await orHttpError(() => updateCitizen(user, citizenId, parsed.data));
  } catch (error) {
    if (error instanceof CitizenInputError) return data({ values, errors: { [error.field]: error.message } as FieldErrors, companies }, { status: 400 });
    throw error;
  }
  return redirect(`/konsulent/borgere/${citizenId}?gemt=1`);
}

export default function EditCitizen() {
  const { id, name, values, consultants, companies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <p>
          <Link to={`/konsulent/borgere/${id}`}>Tilbage til {name}</Link>
        </p>
        <h1>Ret {name}</h1>
        <CitizenForm values={result?.values ?? values} errors={result?.errors ?? {}} consultants={consultants} companies={result?.companies ?? companies} submitLabel="Gem ændringer" />
      </div>
    </div>
  );
}
