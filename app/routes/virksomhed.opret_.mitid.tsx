import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getUser, homePathFor } from '../auth/permissions.server';
import { blankMitIdSignUpCookie, readMitIdSignUpToken, startProviderSession } from '../auth/sign-in-providers.server';
import { companyProfileSchema } from '../domain/company-rules';
import { formValues } from '../domain/form-values';
import { findPostcode } from '../services/postcodes.server';
import { completeMitIdSignUp, pendingMitIdSignUp } from '../services/sign-ins.server';
import { CompanyFields } from '../ui/company-fields';
import { ErrorSummary, fieldErrorsOf, SubmitButton, type FieldErrors } from '../ui/form';
import { Alert } from '../ui/matching';
import { SignInButton } from '../ui/sign-in';

export const meta: MetaFunction = () => [{ title: 'Opret virksomhed med MitID Erhverv · Jobbro' }];

/** CVR and name are MitID Erhverv's; the rest the company tells. */
const restOfProfile = companyProfileSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).omit({ cvr: true, name: true });

const EXPIRED = 'Oprettelsen er udløbet eller allerede gennemført. Log ind med MitID Erhverv igen for at starte forfra.';
const REFUSALS = {
  expired: EXPIRED,
  cvr_exists: 'Virksomheden er netop blevet oprettet i Jobbro af en anden. Log ind med MitID Erhverv igen, så kommer du ind i virksomheden.',
  email_has_user: 'Din e-mail fra MitID Erhverv hører allerede til en anden bruger i Jobbro. Kontakt jobcentret, så hjælper de dig.',
} as const;

/** The sign-up MitID Erhverv began; its token lives in a short HttpOnly cookie on this path only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  const token = readMitIdSignUpToken(request);
  const signUp = token ? await pendingMitIdSignUp(token) : null;
  if (!signUp) return data({ signUp: null }, { status: 410 });
  const { cvr, organisationName, name, email } = signUp;
  return { signUp: { cvr, organisationName, name, email } };
}

type ActionResult = { values: Record<string, string>; errors: FieldErrors };

export async function action({ request }: ActionFunctionArgs) {
  const token = readMitIdSignUpToken(request);
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = restOfProfile.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const done = token ? await completeMitIdSignUp(token, parsed.data) : ({ ok: false, reason: 'expired' } as const);
  if (!done.ok) return data<ActionResult>({ values, errors: { form: REFUSALS[done.reason] } }, { status: 409 });
  const response = await startProviderSession(request, done.userId, { provider: 'mitid_erhverv', idToken: done.idToken }, '/virksomhed?velkommen=1');
  response.headers.append('Set-Cookie', blankMitIdSignUpCookie());
  return response;
}

export default function MitIdCompanySignUp() {
  const { signUp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values: Record<string, string> = actionData?.values ?? { email: signUp?.email ?? '' };
  const errors: FieldErrors = actionData?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
  if (!signUp) {
    return (
      <div className="row">
        <div className="col-12 col-md-10 col-lg-8">
          <h1>Opret din virksomhed</h1>
          <Alert kind="warning">
            <p>{EXPIRED}</p>
          </Alert>
          <SignInButton provider="mitid_erhverv">Log ind med MitID Erhverv</SignInButton>
        </div>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>Opret din virksomhed</h1>
        <p className="font-lead">MitID Erhverv har fortalt os, hvem I er. Udfyld resten, så er virksomheden oprettet, og du er logget ind.</p>
        <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId: fieldId === 'form' ? undefined : fieldId, message: message ?? '' }))} />
        <h2 className="h3">Fra MitID Erhverv</h2>
        <dl className="jobbro-summary">
          <dt>CVR-nummer</dt>
          <dd>{signUp.cvr}</dd>
          <dt>Virksomhedens navn</dt>
          <dd>{signUp.organisationName}</dd>
          <dt>Dit navn</dt>
          <dd>{signUp.name}</dd>
          <dt>Din e-mail</dt>
          <dd style={{ overflowWrap: 'anywhere' }}>{signUp.email}</dd>
        </dl>
        <Form method="post" noValidate>
          <h2 className="h3">Virksomheden</h2>
          <CompanyFields field={field} withCvrAndName={false} ownCompany emailLabel="Virksomhedens e-mail" />
          <SubmitButton pendingText="Opretter …">Opret virksomhed</SubmitButton>
        </Form>
        <p>
          Er det ikke jeres virksomhed? <Link to="/login">Tilbage til Log ind</Link>
        </p>
      </div>
    </div>
  );
}
