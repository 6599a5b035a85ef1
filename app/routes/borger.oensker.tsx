import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { citizenWishesSchema, WISH_LIST_FIELDS } from '../domain/citizen-wishes';
import { formValues } from '../domain/form-values';
import { ACCOMMODATION_ENTRIES, DEMAND_ENTRIES, TRANSPORT_MODE_ENTRIES } from '../domain/vocabulary';
import { labelIn } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { ownProfile, updateOwnWishes } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';
import { findPostcode } from '../services/postcodes.server';
import { CheckboxGroup, RadioGroup } from '../ui/choice-fields';
import { InLanguage } from '../ui/citizen';
import { ErrorSummary, SubmitButton, TextField } from '../ui/form';
import { Alert } from '../ui/matching';
import { TextArea } from '../ui/text-area';
import { submitForm } from '../ui/form-submission.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? textsFor(data.language).wishes.title : 'Mine ønsker'} · Jobbro` }];

type WishValues = Record<string, string | string[]>;

/** Numbers go back into the form as the citizen would write them in Danish ("7,5"). */
function numberField(value: number, language: 'da' | 'en'): string {
  return language === 'da' ? String(value).replace('.', ',') : String(value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const language = languageOf(request);
  const profile = await orHttpError(() => ownProfile(user));
  const values: WishValues = {
    wishes: profile.wishes,
    competences: profile.competences.join('\n'),
    hoursMin: numberField(profile.hoursMin, language),
    hoursMax: numberField(profile.hoursMax, language),
    postcode: profile.postcode,
    transportMode: profile.transportMode,
    reachKm: numberField(profile.reachKm, language),
    neededAccommodations: [...profile.neededAccommodations],
  };
  return { language, values, restrictions: profile.restrictions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const language = languageOf(request);
  const values = formValues(await request.formData(), WISH_LIST_FIELDS);
  const schema = citizenWishesSchema({ language, postcodeExists: (code) => findPostcode(code) !== undefined });
  return submitForm(values, schema, async (input) => {
    await updateOwnWishes(user, input);
    return '/borger/oensker?gemt=1';
  });
}

const FIELD_ORDER = ['wishes', 'competences', 'hoursMin', 'hoursMax', 'postcode', 'transportMode', 'reachKm', 'neededAccommodations'];

/** The error summary links a group of choices to its first box. */
const FIRST_INPUT_ID: Partial<Record<string, string>> = {
  transportMode: `transportMode-${TRANSPORT_MODE_ENTRIES[0].code}`,
  neededAccommodations: `neededAccommodations-${ACCOMMODATION_ENTRIES[0].code}`,
};

export default function CitizenWishesPage() {
  const loaded = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { language, restrictions } = loaded;
  const t = textsFor(language).wishes;
  const values = problem?.values ?? loaded.values;
  const errors = problem?.errors ?? {};
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const summary = FIELD_ORDER.filter((field) => errors[field]).map((field) => ({ fieldId: FIRST_INPUT_ID[field] ?? field, message: errors[field] ?? '' }));
  return (
    <InLanguage language={language}>
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>
      {searchParams.get('gemt') && !problem ? <Alert kind="success">{t.saved}</Alert> : null}
      <ErrorSummary errors={summary} heading={textsFor(language).errors.summaryHeading} />
      <Form method="post" noValidate>
        <TextArea name="wishes" label={t.wishesLabel} hint={t.wishesHint} defaultValue={text('wishes')} error={errors.wishes} rows={4} />
        <TextArea name="competences" label={t.competencesLabel} hint={t.competencesHint} defaultValue={text('competences')} error={errors.competences} rows={5} />
        <TextField name="hoursMin" label={t.hoursMinLabel} hint={t.hoursHint} inputMode="decimal" defaultValue={text('hoursMin')} error={errors.hoursMin} />
        <TextField name="hoursMax" label={t.hoursMaxLabel} hint={t.hoursHint} inputMode="decimal" defaultValue={text('hoursMax')} error={errors.hoursMax} />
        <TextField name="postcode" label={t.postcodeLabel} inputMode="numeric" autoComplete="postal-code" defaultValue={text('postcode')} error={errors.postcode} />
        <RadioGroup
          name="transportMode"
          legend={t.transportLabel}
          options={TRANSPORT_MODE_ENTRIES.map((entry) => ({ code: entry.code, label: entry[language] }))}
          selected={text('transportMode')}
          error={errors.transportMode}
        />
        <TextField name="reachKm" label={t.reachLabel} hint={t.reachHint} inputMode="decimal" defaultValue={text('reachKm')} error={errors.reachKm} />
        <CheckboxGroup
          name="neededAccommodations"
          legend={t.needsLabel}
          hint={t.needsHint}
          options={ACCOMMODATION_ENTRIES.map((entry) => ({ code: entry.code, label: entry[language] }))}
          checked={list('neededAccommodations')}
          error={errors.neededAccommodations}
        />
        <section className="mb-6" aria-labelledby="avoid-heading">
          <h2 className="h3" id="avoid-heading">
            {t.avoidHeading}
          </h2>
          <p>{t.avoidText}</p>
          {restrictions.length === 0 ? (
            <p>{t.avoidNone}</p>
          ) : (
            <ul>
              {restrictions.map((code) => (
                <li key={code}>{labelIn(DEMAND_ENTRIES, code, language)}</li>
              ))}
            </ul>
          )}
        </section>
        <SubmitButton pendingText={t.saving}>{t.save}</SubmitButton>
      </Form>
    </InLanguage>
  );
}
