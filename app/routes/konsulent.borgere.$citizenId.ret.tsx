import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { CITIZEN_LIST_FIELDS, citizenFieldErrors } from '../domain/citizen-rules';
import { formValues } from '../domain/form-values';
import { ACCESS_PURPOSES } from '../services/access-log.server';
import { citizenSchemaFor, getCitizenForConsultant, listConsultantsOfJobcentre, updateCitizen } from '../services/citizens.server';
import { companyChoices } from '../services/companies.server';
import { orHttpError } from '../services/errors.server';
import { CitizenForm, citizenToFormValues, companyPickerQuery, isCompanySearch } from '../ui/citizen-form';
import type { FieldErrors } from '../ui/form';
import { submitForm } from '../ui/form-submission.server';

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
  return submitForm(
    values,
    schema,
    async (input) => {
      await updateCitizen(user, citizenId, input);
      return `/konsulent/borgere/${citizenId}?gemt=1`;
    },
    { errorsOf: citizenFieldErrors, also: { companies } },
  );
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
