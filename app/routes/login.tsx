import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { getUserWithHeaders, homePathFor, safeRedirectPath } from '../auth/permissions.server';
import { clientIpOf, tooManyAttemptsMessage } from '../auth/rate-limit.server';
import { switchSessionTo } from '../auth/session.server';
import { authenticate, INVALID_LOGIN_MESSAGE } from '../services/accounts.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors, type SummaryError } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'Log ind · Jobbro' }];

/** Without this, Remix passes only the action's cookies on to the page, and a 429 would lose its Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

/** 254 is the longest address SMTP can deliver to; 200 leaves room for any passphrase. */
const LoginSchema = z.object({
  email: z
    .string({ error: 'Skriv din e-mail.' })
    .trim()
    .min(1, 'Skriv din e-mail.')
    .max(254, 'E-mailen er for lang. Den må højst have 254 tegn.')
    .pipe(z.email('Skriv e-mailen i formatet navn@eksempel.dk.')),
  password: z
    .string({ error: 'Skriv din adgangskode.' })
    .min(1, 'Skriv din adgangskode.')
    .max(200, 'Adgangskoden er for lang. Den må højst have 200 tegn.'),
});

type LoginActionData = { values: { email: string }; fieldErrors: FieldErrors; formError: string | null };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getUserWithHeaders(request);
  if (user) throw redirect(homePathFor(user.role), { headers });
  return data({}, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = form.get('email');
  // The password is never sent back to the browser, not even after a failed attempt.
  const values = { email: typeof email === 'string' ? email : '' };

  const parsed = LoginSchema.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) {
    return data<LoginActionData>({ values, fieldErrors: fieldErrorsOf(parsed.error), formError: null }, { status: 400 });
  }

  const result = await authenticate({ ...parsed.data, ip: clientIpOf(request, context) });
  if (!result.ok && result.reason === 'rate_limited') {
    return data<LoginActionData>(
      { values, fieldErrors: {}, formError: tooManyAttemptsMessage(result.retryAfterMinutes) },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterMinutes * 60) } },
    );
  }
  if (!result.ok) {
    return data<LoginActionData>({ values, fieldErrors: {}, formError: INVALID_LOGIN_MESSAGE }, { status: 400 });
  }

  return switchSessionTo(request, result.user.id, safeRedirectPath(form.get('redirectTo')) ?? homePathFor(result.user.role));
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const fieldErrors = actionData?.fieldErrors ?? {};
  const summary: SummaryError[] = [];
  if (actionData?.formError) summary.push({ message: actionData.formError, fieldId: 'email' });
  if (fieldErrors.email) summary.push({ message: fieldErrors.email, fieldId: 'email' });
  if (fieldErrors.password) summary.push({ message: fieldErrors.password, fieldId: 'password' });

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Log ind</h1>
        <p>Log ind med den e-mail og adgangskode, du har fået til Jobbro.</p>
        <ErrorSummary errors={summary} />
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <TextField
            name="email"
            label="E-mail"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={actionData?.values.email}
            error={fieldErrors.email}
          />
          <TextField
            name="password"
            label="Adgangskode"
            type="password"
            autoComplete="current-password"
            error={fieldErrors.password}
          />
          <SubmitButton pendingText="Logger ind …">Log ind</SubmitButton>
        </Form>
        <p>
          <Link to="/glemt-adgangskode">Har du glemt din adgangskode?</Link>
        </p>
        <p>
          Er du virksomhed og ny i Jobbro? <Link to="/virksomhed/opret">Opret din virksomhed</Link>
        </p>
        <p>
          Du kan også <Link to="/jobs">se ledige job</Link> uden at logge ind.
        </p>
      </div>
    </div>
  );
}
