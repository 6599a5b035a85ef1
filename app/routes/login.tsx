import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { getUserWithHeaders, homePathFor, safeRedirectPath } from '../auth/permissions.server';
import { clientIpOf, tooManyAttemptsMessage } from '../auth/rate-limit.server';
import { switchSessionTo } from '../auth/session.server';
import { enabledSignInProviders } from '../auth/sign-in-providers.server';
import type { Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { authenticate } from '../services/accounts.server';
import { InLanguage, LanguageLine } from '../ui/citizen';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors, type SummaryError } from '../ui/form';
import { SignInButton } from '../ui/sign-in';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').login.title} · Jobbro` }];

/** Without this, Remix passes only the action's cookies on to the page, and a 429 would lose its Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

/** 254 is the longest address SMTP can deliver to; 200 leaves room for any passphrase. */
function loginSchemaIn(language: Language) {
  const t = textsFor(language).login;
  return z.object({
    email: z.string({ error: t.emailMissing }).trim().min(1, t.emailMissing).max(254, t.emailTooLong).pipe(z.email(t.emailInvalid)),
    password: z.string({ error: t.passwordMissing }).min(1, t.passwordMissing).max(200, t.passwordTooLong),
  });
}

type LoginActionData = { values: { email: string }; fieldErrors: FieldErrors; formError: string | null };

/** The first page a citizen sees, so it speaks the language the reader chose (the cookie); Danish until then. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, headers } = await getUserWithHeaders(request);
  if (user) throw redirect(homePathFor(user.role), { headers });
  return data({ language: languageOf(request), providers: enabledSignInProviders() }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const language = languageOf(request);
  const form = await request.formData();
  const email = form.get('email');
  // The password is never sent back to the browser, not even after a failed attempt.
  const values = { email: typeof email === 'string' ? email : '' };

  const parsed = loginSchemaIn(language).safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) {
    return data<LoginActionData>({ values, fieldErrors: fieldErrorsOf(parsed.error), formError: null }, { status: 400 });
  }

  const result = await authenticate({ ...parsed.data, ip: clientIpOf(context) });
  if (!result.ok && result.reason === 'rate_limited') {
    return data<LoginActionData>(
      { values, fieldErrors: {}, formError: tooManyAttemptsMessage(result.retryAfterSeconds, language, result.refusal) },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) {
    return data<LoginActionData>({ values, fieldErrors: {}, formError: textsFor(language).login.invalid }, { status: 400 });
  }

  return switchSessionTo(request, result.user.id, safeRedirectPath(form.get('redirectTo')) ?? homePathFor(result.user.role));
}

export default function LoginPage() {
  const { language, providers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = textsFor(language).login;
  const fieldErrors = actionData?.fieldErrors ?? {};
  // A wrong login is not one field's fault; it is told at the email field, where the summary's link leads.
  const emailError = actionData?.formError ?? fieldErrors.email;
  const summary: SummaryError[] = [];
  if (emailError) summary.push({ message: emailError, fieldId: 'email' });
  if (fieldErrors.password) summary.push({ message: fieldErrors.password, fieldId: 'password' });
  // Checked on the server when the login starts (safeRedirectPath), as the password form's is.
  const redirectTo = searchParams.get('redirectTo');
  const withMitId = providers.includes('mitid') || providers.includes('mitid_erhverv');

  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <h1>{t.title}</h1>
          {withMitId ? (
            <div className="jobbro-sign-in-choices">
              {providers.includes('mitid') ? (
                <div>
                  <p className="jobbro-sign-in-for">{t.mitidHint}</p>
                  <SignInButton provider="mitid" redirectTo={redirectTo}>
                    {t.mitidButton}
                  </SignInButton>
                </div>
              ) : null}
              {providers.includes('mitid_erhverv') ? (
                <div>
                  <p className="jobbro-sign-in-for">{t.mitidErhvervHint}</p>
                  <SignInButton provider="mitid_erhverv" redirectTo={redirectTo}>
                    {t.mitidErhvervButton}
                  </SignInButton>
                </div>
              ) : null}
            </div>
          ) : null}
          {withMitId ? <h2 className="h3">{t.passwordHeading}</h2> : null}
          <p>{t.intro}</p>
          <ErrorSummary errors={summary} heading={textsFor(language).errors.summaryHeading} />
          <Form method="post" noValidate>
            <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
            <TextField
              name="email"
              label={t.emailLabel}
              type="email"
              autoComplete="username"
              spellCheck={false}
              defaultValue={actionData?.values.email}
              error={emailError}
            />
            <TextField name="password" label={t.passwordLabel} type="password" autoComplete="current-password" error={fieldErrors.password} />
            <SubmitButton pendingText={t.submitting}>{t.submit}</SubmitButton>
          </Form>
          <p>
            <Link to="/glemt-adgangskode">{t.forgot}</Link>
          </p>
          {providers.includes('staff_sso') ? (
            <div className="jobbro-sign-in-staff">
              <p className="mb-2">{t.staffQuestion}</p>
              <SignInButton provider="staff_sso" redirectTo={redirectTo} secondary>
                {t.staffButton}
              </SignInButton>
            </div>
          ) : null}
          <p>
            {t.companyQuestion} <Link to="/virksomhed/opret">{t.companySignUp}</Link>
          </p>
          <p>
            {t.jobsBefore} <Link to="/jobs">{t.jobsLink}</Link> {t.jobsAfter}
          </p>
        </div>
      </div>
    </InLanguage>
  );
}
