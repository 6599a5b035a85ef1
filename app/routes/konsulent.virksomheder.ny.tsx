import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { companyProfileSchema } from '../domain/company-rules';
import { formValues } from '../domain/form-values';
import { createCompanyForJobOrder, DuplicateError } from '../services/companies.server';
import { findPostcode } from '../services/postcodes.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'Opret virksomhed · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'consultant');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = companyProfileSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    const company = await createCompanyForJobOrder(user, parsed.data);
    return redirect(`/konsulent/virksomheder/${company.id}?oprettet=1`);
  } catch (error) {
    if (error instanceof DuplicateError) return data({ values, errors: { [error.field]: error.message } as FieldErrors }, { status: 400 });
    throw error;
  }
}

export default function ConsultantNewCompany() {
  const result = useActionData<typeof action>();
  const values: Record<string, string> = result?.values ?? {};
  const errors: FieldErrors = result?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>Opret virksomhed</h1>
        <p>Opret en virksomhed, der ikke selv er i Jobbro endnu, så du kan lægge en jobordre ind for den.</p>
        <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
        <Form method="post" noValidate>
          <TextField {...field('cvr')} label="CVR-nummer" inputMode="numeric" />
          <TextField {...field('name')} label="Virksomhedens navn" />
          <TextField {...field('address')} label="Adresse" />
          <TextField {...field('postcode')} label="Postnummer" inputMode="numeric" />
          <TextField {...field('industry')} label="Branche" />
          <TextField {...field('ordinaryEmployees')} label="Antal ordinært ansatte" inputMode="numeric" />
          <TextField {...field('phone')} label="Telefon" type="tel" />
          <TextField {...field('email')} label="E-mail" type="email" />
          <SubmitButton>Opret virksomhed</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
