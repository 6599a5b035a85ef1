import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { getUser, homePathFor } from '../auth/permissions.server';
import { startSession } from '../auth/session.server';
import { companySignupSchema } from '../domain/company-rules';
import { PASSWORD_HINT } from '../domain/password-rules';
import { formValues } from '../domain/form-values';
import { DuplicateError, registerCompany } from '../services/companies.server';
import { findPostcode } from '../services/postcodes.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'Opret virksomhed · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = companySignupSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).safeParse(values);
  // The password is never sent back to the browser.
  const keep = { ...values, password: '' };
  if (!parsed.success) return data({ values: keep, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    const { userId } = await registerCompany(parsed.data);
    const { setCookie } = await startSession(userId, new Date(), request.headers.get('User-Agent'));
    return redirect('/virksomhed', { headers: { 'Set-Cookie': setCookie } });
  } catch (error) {
    if (error instanceof DuplicateError) return data({ values: keep, errors: { [error.field]: error.message } as FieldErrors }, { status: 400 });
    throw error;
  }
}

export default function CompanySignup() {
  const actionData = useActionData<typeof action>();
  const values: Record<string, string> = actionData?.values ?? {};
  const errors: FieldErrors = actionData?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>Opret din virksomhed</h1>
        <p className="font-lead">Når virksomheden er oprettet, kan du slå små job op: få timer om ugen, skånejob eller fleksjob.</p>
        <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
        <Form method="post" noValidate>
          <h2 className="h3">Virksomheden</h2>
          <TextField {...field('cvr')} label="CVR-nummer" hint="8 cifre" inputMode="numeric" />
          <TextField {...field('name')} label="Virksomhedens navn" autoComplete="organization" />
          <TextField {...field('address')} label="Adresse" autoComplete="street-address" />
          <TextField {...field('postcode')} label="Postnummer" inputMode="numeric" autoComplete="postal-code" />
          <TextField {...field('industry')} label="Branche" hint="Fx rengøring, detailhandel eller lager" />
          <TextField {...field('ordinaryEmployees')} label="Antal ordinært ansatte" inputMode="numeric" />
          <TextField {...field('phone')} label="Telefon" type="tel" autoComplete="tel" />
          <TextField {...field('email')} label="Virksomhedens e-mail" type="email" autoComplete="email" />
          <h2 className="h3">Din bruger</h2>
          <TextField {...field('userName')} label="Dit navn" autoComplete="name" />
          <TextField {...field('userEmail')} label="Din e-mail" type="email" autoComplete="email" />
          <TextField name="password" label="Vælg en adgangskode" type="password" hint={PASSWORD_HINT} autoComplete="new-password" error={errors.password} />
          <SubmitButton pendingText="Opretter …">Opret virksomhed</SubmitButton>
        </Form>
        <p>
          Har du allerede en bruger? <Link to="/login">Log ind</Link>
        </p>
      </div>
    </div>
  );
}
