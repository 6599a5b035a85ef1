import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getUser, homePathFor } from '../auth/permissions.server';
import { clientIpOf } from '../auth/rate-limit.server';
import { enabledSignInProviders } from '../auth/sign-in-providers.server';
import { COMPANY_SIGNUP_DAYS, companySignupSchema } from '../domain/company-rules';
import { formValues } from '../domain/form-values';
import { requestCompanySignup } from '../services/companies.server';
import { findPostcode } from '../services/postcodes.server';
import { publicOrigin } from '../services/public-origin.server';
import { RateLimitedError } from '../services/rate-limits.server';
import { CompanyFields } from '../ui/company-fields';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';
import { Alert } from '../ui/matching';
import { SignInButton } from '../ui/sign-in';

export const meta: MetaFunction = () => [{ title: 'Opret virksomhed · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return { withMitIdErhverv: enabledSignInProviders().includes('mitid_erhverv') };
}

type ActionResult = { values: Record<string, string>; errors: FieldErrors; sentTo: string | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = companySignupSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).safeParse(values);
  if (!parsed.success) return data<ActionResult>({ values, errors: fieldErrorsOf(parsed.error), sentTo: null }, { status: 400 });
  try {
    const { email } = await requestCompanySignup(parsed.data, { baseUrl: publicOrigin(), clientIp: clientIpOf(context) });
    // The same answer whether the address has a user or not: the mail tells its owner which it is.
    return data<ActionResult>({ values: {}, errors: {}, sentTo: email });
  } catch (error) {
    if (error instanceof RateLimitedError) return data<ActionResult>({ values, errors: { form: error.message }, sentTo: null }, { status: 429 });
    throw error;
  }
}

export default function CompanySignup() {
  const { withMitIdErhverv } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.sentTo) return <SignupSent email={actionData.sentTo} />;
  const values: Record<string, string> = actionData?.values ?? {};
  const errors: FieldErrors = actionData?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>Opret din virksomhed</h1>
        <p className="font-lead">Når virksomheden er oprettet, kan du slå små job op: få timer om ugen, skånejob eller fleksjob.</p>
        {withMitIdErhverv ? (
          <>
            <h2 className="h3">Med MitID Erhverv</h2>
            <p>Log ind med MitID Erhverv, så henter vi CVR-nummer og navn derfra. Er virksomheden allerede i Jobbro, kommer du direkte ind i den.</p>
            <SignInButton provider="mitid_erhverv">Opret med MitID Erhverv</SignInButton>
            <h2 className="h3">Eller med e-mail og adgangskode</h2>
          </>
        ) : null}
        <p>Vi sender en mail til din e-mail. Virksomheden bliver oprettet, når du åbner linket i mailen og vælger en adgangskode.</p>
        <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId: fieldId === 'form' ? undefined : fieldId, message: message ?? '' }))} />
        <Form method="post" noValidate>
          <h2 className="h3">Virksomheden</h2>
          <CompanyFields field={field} ownCompany emailLabel="Virksomhedens e-mail" />
          <h2 className="h3">Din bruger</h2>
          <TextField {...field('userName')} label="Dit navn" autoComplete="name" />
          <TextField {...field('userEmail')} label="Din e-mail" hint="Her sender vi linket, du skal åbne." type="email" autoComplete="email" />
          <SubmitButton pendingText="Sender …">Send mail og opret virksomhed</SubmitButton>
        </Form>
        <p>
          Har du allerede en bruger? <Link to="/login">Log ind</Link>
        </p>
      </div>
    </div>
  );
}

function SignupSent({ email }: { email: string }) {
  return (
    <div className="row">
      <div className="col-12 col-md-10 col-lg-8">
        <h1>Tjek din mail</h1>
        <Alert kind="success">
          <p>
            Vi har sendt en mail til <strong style={{ overflowWrap: 'anywhere' }}>{email}</strong>. Åbn linket i mailen for at bekræfte din e-mail
            og vælge en adgangskode. Først da bliver virksomheden oprettet.
          </p>
        </Alert>
        <p>Linket virker i {COMPANY_SIGNUP_DAYS} dage. Kan du ikke finde mailen, så kig i din spam-mappe, eller udfyld formularen igen.</p>
        <p>
          Har du allerede en bruger? <Link to="/login">Log ind</Link>
        </p>
      </div>
    </div>
  );
}
