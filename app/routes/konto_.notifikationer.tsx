import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { kindsFor, mayChooseDigest, NOTIFICATION_SETTINGS_PATH, notificationSettingsSchema, type NotificationPreferences } from '../domain/notification-rules';
import type { Role } from '../domain/vocabulary';
import { chromeLanguageFor, type Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { ownNotificationSettings, saveOwnNotificationSettings } from '../services/notifications.server';
import { CheckboxGroup, RadioGroup } from '../ui/choice-fields';
import { InLanguage } from '../ui/citizen';
import { ErrorSummary, fieldErrorsOf, SubmitButton, type FieldErrors } from '../ui/form';
import { Alert } from '../ui/matching';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').notificationSettings.title} · Jobbro` }];

/** Staff and companies read Danish; a citizen the language they chose (decision 016), as on /konto. */
function pageLanguage(request: Request, role: Role): Language {
  return chromeLanguageFor(role, languageOf(request));
}

/** What the form shows: the saved settings, or what was just sent when it came back with an error. */
type FormValues = { enabledKinds: string[]; delivery: string; mailLanguage: string };

function formValuesOf(role: Role, preferences: NotificationPreferences): FormValues {
  return {
    enabledKinds: kindsFor(role)
      .map((entry) => entry.code)
      .filter((code) => !preferences.disabledKinds.includes(code)),
    delivery: preferences.dailyDigest ? 'digest' : 'single',
    mailLanguage: preferences.mailLanguage,
  };
}

/** Only the signed-in user's own settings: the URL names nobody, so no one can reach another's. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const preferences = await ownNotificationSettings(user);
  return { language: pageLanguage(request, user.role), role: user.role, values: formValuesOf(user.role, preferences) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = textsFor(pageLanguage(request, user.role)).notificationSettings;
  const form = await request.formData();
  const sent = { kinds: form.getAll('kinds'), delivery: form.get('delivery') ?? undefined, mailLanguage: form.get('mailLanguage') ?? undefined };
  const parsed = notificationSettingsSchema(user.role, t).safeParse(sent);
  if (!parsed.success) {
    const values: FormValues = {
      enabledKinds: sent.kinds.filter((kind): kind is string => typeof kind === 'string'),
      delivery: typeof sent.delivery === 'string' ? sent.delivery : '',
      mailLanguage: typeof sent.mailLanguage === 'string' ? sent.mailLanguage : '',
    };
    // An unknown kind is reported at the list, not at its position in it ("kinds.2").
    const errors: FieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => [field.split('.')[0], message]));
    return data({ errors, values }, { status: 400 });
  }
  await saveOwnNotificationSettings(user, parsed.data);
  return redirect(`${NOTIFICATION_SETTINGS_PATH}?gemt=1`);
}

export default function NotificationSettingsPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { language, role } = loaded;
  const values = result?.values ?? loaded.values;
  const errors: FieldErrors = result?.errors ?? {};
  const t = textsFor(language).notificationSettings;
  const kinds = kindsFor(role);
  return (
    <InLanguage language={language}>
      <p>
        <Link to="/konto">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>
      {searchParams.get('gemt') === '1' && !result ? <Alert kind="success">{t.saved}</Alert> : null}
      {kinds.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div className="row">
          <div className="col-12 col-md-10 col-lg-8">
            <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} heading={textsFor(language).errors.summaryHeading} />
            <Form method="post" noValidate>
              <CheckboxGroup
                name="kinds"
                legend={t.kindsLegend}
                hint={t.kindsHint}
                error={errors.kinds}
                options={kinds.map((entry) => ({ code: entry.code, label: entry[language] }))}
                checked={values.enabledKinds}
              />
              {mayChooseDigest(role) ? (
                <RadioGroup
                  name="delivery"
                  legend={t.deliveryLegend}
                  error={errors.delivery}
                  options={[
                    { code: 'single', label: t.deliverySingle },
                    { code: 'digest', label: t.deliveryDigest },
                  ]}
                  selected={values.delivery}
                />
              ) : null}
              {role === 'citizen' ? (
                <RadioGroup
                  name="mailLanguage"
                  legend={t.languageLegend}
                  error={errors.mailLanguage}
                  options={[
                    { code: 'da', label: 'Dansk' },
                    { code: 'en', label: 'English' },
                  ]}
                  selected={values.mailLanguage}
                />
              ) : null}
              <SubmitButton>{t.save}</SubmitButton>
            </Form>
          </div>
        </div>
      )}
    </InLanguage>
  );
}
