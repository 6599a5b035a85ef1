import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUserSession } from '../auth/permissions.server';
import { clientIpOf, tooManyAttemptsMessage } from '../auth/rate-limit.server';
import { endOtherSessions, endSession, endUserSession, listUserSessions } from '../auth/session.server';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../domain/password-rules';
import { sessionLifetimeFor } from '../domain/session-rules';
import { formatDateTimeIn } from '../i18n/format';
import { chromeLanguageFor, type Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { changePassword } from '../services/accounts.server';
import { httpError } from '../services/errors.server';
import { Alert } from '../ui/matching';
import { InLanguage } from '../ui/citizen';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').account.title} · Jobbro` }];

/** Staff and companies read Danish; a citizen reads the language they chose, as on their other pages (decision 016). */
function accountLanguage(request: Request, role: Parameters<typeof chromeLanguageFor>[0]): Language {
  return chromeLanguageFor(role, languageOf(request));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, session } = await requireUserSession(request);
  const sessions = await listUserSessions(user, session.id);
  return {
    language: accountLanguage(request, user.role),
    email: user.email,
    staff: sessionLifetimeFor(user.role).kind === 'staff',
    sessions,
  };
}

function passwordSchemaIn(language: Language) {
  const t = textsFor(language);
  return z
    .object({
      currentPassword: z.string({ error: t.account.currentMissing }).min(1, t.account.currentMissing).max(MAX_PASSWORD_LENGTH, t.account.currentWrong),
      newPassword: z.unknown().superRefine((password, context) => {
        const problem = passwordProblem(password);
        if (problem) context.addIssue({ code: 'custom', message: t.password[problem] });
      }),
      repeatPassword: z.string({ error: t.account.repeatMissing }).min(1, t.account.repeatMissing),
    })
    .superRefine((values, context) => {
      if (typeof values.newPassword !== 'string' || passwordProblem(values.newPassword)) return;
      if (values.repeatPassword !== '' && values.repeatPassword !== values.newPassword) {
        context.addIssue({ code: 'custom', path: ['repeatPassword'], message: t.account.repeatDiffers });
      }
      if (values.currentPassword === values.newPassword) {
        context.addIssue({ code: 'custom', path: ['newPassword'], message: t.account.sameAsCurrent });
      }
    })
    .transform((values) => ({ currentPassword: values.currentPassword, newPassword: values.newPassword as string }));
}

type PasswordResult = { errors: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = await requireUserSession(request);
  const language = accountLanguage(request, user.role);
  const form = await request.formData();
  const intent = form.get('intent');

  if (intent === 'end-session') {
    const sessionId = form.get('sessionId');
    if (typeof sessionId !== 'string' || sessionId === '') throw data('Ukendt enhed.', { status: 400 });
    // Someone else's session, or one that ended already: the same 404, so the answer tells nothing of others.
    if (!(await endUserSession(user.id, sessionId))) throw httpError(404, 'Enheden findes ikke.');
    if (sessionId === session.id) return redirect('/login', { headers: { 'Set-Cookie': await endSession(request) } });
    return redirect('/konto?enhed=logget-af');
  }
  if (intent === 'end-others') {
    const ended = await endOtherSessions(user.id, session.id);
    return redirect(`/konto?andre=${ended}`);
  }
  if (intent !== 'change-password') throw data('Ukendt handling.', { status: 400 });

  const parsed = passwordSchemaIn(language).safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<PasswordResult>({ errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const result = await changePassword(user, { ...parsed.data, keepSessionId: session.id, ip: clientIpOf(context) });
  if (!result.ok && result.reason === 'rate_limited') {
    const message = tooManyAttemptsMessage(result.retryAfterSeconds, language, result.refusal);
    return data<PasswordResult>({ errors: { currentPassword: message } }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
  }
  if (!result.ok) return data<PasswordResult>({ errors: { currentPassword: textsFor(language).account.currentWrong } }, { status: 400 });
  return redirect('/konto?adgangskode=skiftet');
}

export default function AccountPage() {
  const { language, email, staff, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = textsFor(language).account;
  const errors: FieldErrors = result?.errors ?? {};
  const endedOthers = searchParams.has('andre') ? Number(searchParams.get('andre')) : null;
  const others = sessions.filter((session) => !session.current);
  return (
    <InLanguage language={language}>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro(email)}</p>
      <p>
        <Link to="/konto/notifikationer">{textsFor(language).notificationSettings.accountLink}</Link>
      </p>
      {searchParams.get('adgangskode') === 'skiftet' ? <Alert kind="success">{t.passwordChanged}</Alert> : null}
      {searchParams.get('enhed') === 'logget-af' ? <Alert kind="success">{t.endedOne}</Alert> : null}
      {endedOthers !== null && Number.isInteger(endedOthers) ? <Alert kind="success">{t.endedOthers(endedOthers)}</Alert> : null}

      <section className="mb-6" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t.sessionsHeading}</h2>
        <p>{staff ? t.staffLifetime : t.sliding}</p>
        <ul className="nobullet-list jobbro-sessions">
          {sessions.map((session) => {
            const browser = session.userAgent ?? t.unknownBrowser;
            const started = formatDateTimeIn(new Date(session.createdAt), language);
            return (
              <li key={session.id} className="mb-5">
                <p className="m-0">
                  <strong>{browser}</strong>
                  {session.current ? <span className="jobbro-this-device"> · {t.thisDevice}</span> : null}
                </p>
                <p className="m-0">
                  {t.started}: {started}
                  <br />
                  {t.lastUsed}: {formatDateTimeIn(new Date(session.lastUsedAt), language)}
                </p>
                {session.current ? null : (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="end-session" />
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" className="button button-secondary" aria-label={t.endSessionLabel(browser, started)}>
                      {t.endSession}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
        {others.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="end-others" />
            <button type="submit" className="button button-primary">
              {t.endOthers}
            </button>
          </Form>
        ) : (
          <p>{t.onlyThis}</p>
        )}
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t.passwordHeading}</h2>
        <p>{t.passwordIntro}</p>
        <div className="row">
          <div className="col-12 col-md-8 col-lg-6">
            <ErrorSummary
              errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))}
              heading={textsFor(language).errors.summaryHeading}
            />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="change-password" />
              <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
              <TextField name="currentPassword" label={t.currentPassword} type="password" autoComplete="current-password" error={errors.currentPassword} />
              <TextField
                name="newPassword"
                label={t.newPassword}
                type="password"
                hint={textsFor(language).invitation.passwordHint}
                autoComplete="new-password"
                error={errors.newPassword}
              />
              <TextField name="repeatPassword" label={t.repeatPassword} type="password" autoComplete="new-password" error={errors.repeatPassword} />
              <SubmitButton>{t.submitPassword}</SubmitButton>
            </Form>
          </div>
        </div>
      </section>
    </InLanguage>
  );
}
