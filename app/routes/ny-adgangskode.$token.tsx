import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { switchSessionTo } from '../auth/session.server';
import { passwordProblem } from '../domain/password-rules';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { passwordResetFor, resetPassword } from '../services/password-reset.server';
import { InLanguage, LanguageSwitch } from '../ui/citizen';
import { ErrorSummary, SubmitButton, TextField } from '../ui/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = data ? textsFor(data.language).reset : null;
  return [{ title: `${t ? (data?.reset?.firstPassword ? t.firstTitle : t.title) : 'Adgangskode'} · Jobbro` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reset = await passwordResetFor(params.token ?? '');
  return data({ language: languageOf(request), reset }, { status: reset ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = textsFor(languageOf(request));
  const form = await request.formData();
  const password = form.get('password');
  const problem = passwordProblem(password);
  if (problem) return data({ error: t.password[problem], linkBroken: false }, { status: 400 });
  const done = await resetPassword(params.token ?? '', password as string);
  if (!done) return data({ error: t.reset.brokenText, linkBroken: true }, { status: 410 });
  // The front door sends each role to its own page.
  return switchSessionTo(request, done.userId, '/');
}

export default function ResetPasswordPage() {
  const { language, reset } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = textsFor(language).reset;
  if (!reset || result?.linkBroken) {
    return (
      <InLanguage language={language}>
        <LanguageSwitch language={language} />
        <h1>{t.brokenTitle}</h1>
        <p className="font-lead">{t.brokenText}</p>
        <p>
          <Link to="/glemt-adgangskode">{t.newLink}</Link>
        </p>
      </InLanguage>
    );
  }
  return (
    <InLanguage language={language}>
      <LanguageSwitch language={language} />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6 jobbro-citizen">
          <h1>{reset.firstPassword ? t.firstTitle : t.title}</h1>
          <p className="font-lead">{reset.firstPassword ? t.firstIntro(reset.email) : t.intro(reset.email)}</p>
          <ErrorSummary errors={result?.error ? [{ fieldId: 'password', message: result.error }] : []} heading={textsFor(language).errors.summaryHeading} />
          <Form method="post" noValidate>
            <input type="email" name="username" autoComplete="username" value={reset.email} readOnly hidden />
            <TextField name="password" label={reset.firstPassword ? t.firstPasswordLabel : t.passwordLabel} type="password" hint={textsFor(language).invitation.passwordHint} autoComplete="new-password" error={result?.error} />
            <SubmitButton>{reset.firstPassword ? t.firstSubmit : t.submit}</SubmitButton>
          </Form>
        </div>
      </div>
    </InLanguage>
  );
}
