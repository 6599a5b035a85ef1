import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useParams } from '@remix-run/react';
import { switchSessionTo } from '../auth/session.server';
import { enabledSignInProviders } from '../auth/sign-in-providers.server';
import { passwordProblem } from '../domain/password-rules';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { acceptCitizenInvitation, citizenInvitation } from '../services/invitations.server';
import { InLanguage, LanguageSwitch } from '../ui/citizen';
import { ErrorSummary, SubmitButton, TextField } from '../ui/form';
import { SignInButton } from '../ui/sign-in';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).invitation.title : 'Velkommen'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await citizenInvitation(params.token ?? '');
  const withMitId = enabledSignInProviders().includes('mitid');
  return data({ language: languageOf(request), invitation, withMitId }, { status: invitation ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const language = languageOf(request);
  const t = textsFor(language);
  const form = await request.formData();
  const password = form.get('password');
  const problem = passwordProblem(password);
  if (problem) return data({ error: t.password[problem], linkBroken: false }, { status: 400 });
  const accepted = await acceptCitizenInvitation(params.token ?? '', password as string);
  if (!accepted) return data({ error: t.errors.linkUsed, linkBroken: true }, { status: 410 });
  return switchSessionTo(request, accepted.userId, '/borger?velkommen=1');
}

export default function CitizenInvitationPage() {
  const { language, invitation, withMitId } = useLoaderData<typeof loader>();
  const { token } = useParams();
  const result = useActionData<typeof action>();
  const t = textsFor(language).invitation;
  if (!invitation || result?.linkBroken) {
    return (
      <InLanguage language={language}>
        <LanguageSwitch language={language} />
        <h1>{t.brokenTitle}</h1>
        <p className="font-lead">{t.brokenText}</p>
        <p>{t.brokenNext}</p>
        <ul className="nobullet-list">
          <li>
            <Link to="/login">{t.logIn}</Link>
          </li>
          <li>
            <Link to="/glemt-adgangskode">{t.forgot}</Link>
          </li>
        </ul>
      </InLanguage>
    );
  }
  return (
    <InLanguage language={language}>
      <LanguageSwitch language={language} />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6 jobbro-citizen">
          <h1>{t.title}</h1>
          {withMitId ? (
            <>
              <h2 className="h3">{t.mitidHeading}</h2>
              <p>{t.mitidText}</p>
              <SignInButton provider="mitid" invitation={token}>
                {t.mitidButton}
              </SignInButton>
              <h2 className="h3">{t.passwordHeading}</h2>
            </>
          ) : null}
          <p className={withMitId ? undefined : 'font-lead'}>{t.intro(invitation.name, invitation.email)}</p>
          <ErrorSummary errors={result?.error ? [{ fieldId: 'password', message: result.error }] : []} heading={textsFor(language).errors.summaryHeading} />
          <Form method="post" noValidate>
            <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
            <TextField name="password" label={t.passwordLabel} type="password" hint={t.passwordHint} autoComplete="new-password" error={result?.error} />
            <SubmitButton pendingText={t.submitting}>{t.submit}</SubmitButton>
          </Form>
        </div>
      </div>
    </InLanguage>
  );
}
