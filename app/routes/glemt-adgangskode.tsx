import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { requestPasswordReset } from '../services/password-reset.server';
import { publicOrigin } from '../services/public-origin.server';
import { InLanguage, LanguageLine } from '../ui/citizen';
import { ErrorSummary, SubmitButton, TextField } from '../ui/form';
import { Alert } from '../ui/matching';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).forgot.title : 'Glemt adgangskode'} · Jobbro` }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { language: languageOf(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const t = textsFor(languageOf(request)).forgot;
  const email = (await request.formData()).get('email');
  const value = typeof email === 'string' ? email.trim() : '';
  if (value === '') return data({ email: value, error: t.emailMissing, sent: false }, { status: 400 });
  if (value.length > 254 || !z.email().safeParse(value).success) return data({ email: value, error: t.emailInvalid, sent: false }, { status: 400 });
  // The same answer whether the email has a user or not, so the form tells nobody who uses Jobbro.
  await requestPasswordReset(value, { baseUrl: publicOrigin() });
  return { email: value, error: null, sent: true };
}

export default function ForgotPasswordPage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = textsFor(language).forgot;
  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6 jobbro-citizen">
          <h1>{t.title}</h1>
          {result?.sent ? (
            <Alert kind="success">{t.sent}</Alert>
          ) : (
            <>
              <p className="font-lead">{t.intro}</p>
              <ErrorSummary errors={result?.error ? [{ fieldId: 'email', message: result.error }] : []} heading={textsFor(language).errors.summaryHeading} />
              <Form method="post" noValidate>
                <TextField name="email" label={t.emailLabel} type="email" autoComplete="email" spellCheck={false} defaultValue={result?.email} error={result?.error ?? undefined} />
                <SubmitButton>{t.submit}</SubmitButton>
              </Form>
            </>
          )}
          <p>
            <Link to="/login">{t.backToLogin}</Link>
          </p>
        </div>
      </div>
    </InLanguage>
  );
}
