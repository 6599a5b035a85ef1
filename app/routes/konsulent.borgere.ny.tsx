import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { CITIZEN_LIST_FIELDS, citizenFieldErrors } from '../domain/citizen-rules';
import { formValues } from '../domain/form-values';
import { citizenSchemaFor, createCitizen, listConsultantsOfJobcentre } from '../services/citizens.server';
import { companyChoices } from '../services/companies.server';
import { CitizenForm, companyPickerQuery, isCompanySearch, newCitizenFormValues } from '../ui/citizen-form';
import type { FieldErrors } from '../ui/form';
import { submitForm } from '../ui/form-submission.server';

export const meta: MetaFunction = () => [{ title: 'Opret borger · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const [consultants, companies] = await Promise.all([listConsultantsOfJobcentre(user.jobcentreId!), companyChoices({})]);
  return { consultants, companies, userId: user.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const values = formValues(await request.formData(), CITIZEN_LIST_FIELDS);
  const companies = await companyChoices(companyPickerQuery(values));
  if (isCompanySearch(values)) return data({ values, errors: {} as FieldErrors, companies });
  const schema = await citizenSchemaFor(user);
  return submitForm(values, schema, async (input) => `/konsulent/borgere/${(await createCitizen(user, input)).id}?oprettet=1`, {
    errorsOf: citizenFieldErrors,
    also: { companies },
  });
}

export default function NewCitizen() {
  const { consultants, companies, userId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <p>
          <Link to="/konsulent/borgere">Tilbage til Mine borgere</Link>
        </p>
        <h1>Opret borger</h1>
        <p>Skriv det, du ved nu. Du kan altid rette profilen senere.</p>
        <CitizenForm
          values={result?.values ?? newCitizenFormValues(userId)}
          errors={result?.errors ?? {}}
          consultants={consultants}
          companies={result?.companies ?? companies}
          submitLabel="Opret borger"
        />
      </div>
    </div>
  );
}
