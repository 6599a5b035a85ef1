import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { companyProfileSchema } from '../domain/company-rules';
import { formValues } from '../domain/form-values';
import { createCompanyForJobOrder } from '../services/companies.server';
import { findPostcode } from '../services/postcodes.server';
import { ErrorSummary, SubmitButton, type FieldErrors } from '../ui/form';
import { CompanyFields } from '../ui/company-fields';
import { submitForm } from '../ui/form-submission.server';

export const meta: MetaFunction = () => [{ title: 'Opret virksomhed · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'consultant');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const values = formValues(await request.formData());
  const schema = companyProfileSchema({ postcodeExists: (code) => findPostcode(code) !== undefined });
  return submitForm(values, schema, async (input) => `/konsulent/virksomheder/${(await createCompanyForJobOrder(user, input)).id}?oprettet=1`);
}

export default function ConsultantNewCompany() {
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  const errors: FieldErrors = result?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: String(values[name] ?? ''), error: errors[name] });
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>Opret virksomhed</h1>
        <p>Opret en virksomhed, der ikke selv er i Jobbro endnu, så du kan lægge en jobordre ind for den.</p>
        <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
        <Form method="post" noValidate>
          <CompanyFields field={field} ownCompany={false} />
          <SubmitButton>Opret virksomhed</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
