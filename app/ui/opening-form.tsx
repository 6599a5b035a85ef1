import { Form } from '@remix-run/react';
import {
  ACCOMMODATION_ENTRIES,
  DAY_PART_ENTRIES,
  DEMAND_ENTRIES,
  OPENING_KIND_ENTRIES,
  WEEKDAY_ENTRIES,
} from '../domain/vocabulary';
import { Checkbox, CheckboxGroup, RadioGroup } from './choice-fields';
import { ErrorSummary, TextField, type FieldErrors } from './form';
import { TextArea } from './text-area';

export type OpeningFormValues = Record<string, string | string[] | undefined>;

const text = (values: OpeningFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
};
const list = (values: OpeningFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

export function OpeningForm({
  values,
  errors,
  warning,
  submitLabel = 'Offentliggør',
  allowDraft = true,
}: {
  values: OpeningFormValues;
  errors: FieldErrors;
  warning?: string | null;
  submitLabel?: string;
  allowDraft?: boolean;
}) {
  const summary = Object.entries(errors).map(([field, message]) => ({ message: message ?? '', fieldId: field }));
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={summary} />
      {warning ? (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-text">{warning}</p>
          </div>
        </div>
      ) : null}

      <RadioGroup
        name="kind"
        legend="Hvilken slags job er det?"
        hint="Småjob er få ordinære timer om ugen på almindelige løn- og ansættelsesvilkår."
        options={OPENING_KIND_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da }))}
        selected={text(values, 'kind') || undefined}
        error={errors.kind}
      />
      <TextField name="title" label="Titel" hint="Fx Opvask i kantinen" defaultValue={text(values, 'title')} error={errors.title} />
      <TextArea name="description" label="Beskrivelse" hint="Fortæl kort om arbejdspladsen og kollegerne." defaultValue={text(values, 'description')} error={errors.description} />
      <TextArea name="tasks" label="Opgaver" hint="Skriv én opgave pr. linje." defaultValue={text(values, 'tasks')} error={errors.tasks} rows={4} />

      <fieldset>
        <legend className="h3">Timer og tidspunkter</legend>
        <TextField name="hoursMin" label="Mindst antal timer om ugen" inputMode="decimal" defaultValue={text(values, 'hoursMin')} error={errors.hoursMin} />
        <TextField name="hoursMax" label="Højst antal timer om ugen" hint="Højst 37 timer." inputMode="decimal" defaultValue={text(values, 'hoursMax')} error={errors.hoursMax} />
        <TextField
          name="flexjobExpectedHours"
          label="Forventede timer om ugen"
          hint="Et fleksjob kan være helt ned til 1 time om ugen. Lad feltet stå tomt ved småjob og skånejob."
          inputMode="decimal"
          optional
          optionalText="skal udfyldes ved fleksjob"
          defaultValue={text(values, 'flexjobExpectedHours')}
          error={errors.flexjobExpectedHours}
        />
        <CheckboxGroup name="days" legend="Hvilke dage?" options={WEEKDAY_ENTRIES.map((e) => ({ code: e.code, label: e.da }))} checked={list(values, 'days')} error={errors.days} />
        <CheckboxGroup name="parts" legend="Hvornår på dagen?" options={DAY_PART_ENTRIES.map((e) => ({ code: e.code, label: e.da }))} checked={list(values, 'parts')} error={errors.parts} />
        <TextField name="scheduleNote" label="Bemærkning om arbejdstiden" optional defaultValue={text(values, 'scheduleNote')} error={errors.scheduleNote} />
        <TextField name="startDate" label="Startdato" type="date" defaultValue={text(values, 'startDate')} error={errors.startDate} />
        <TextField name="slots" label="Antal pladser" inputMode="numeric" defaultValue={text(values, 'slots') || '1'} error={errors.slots} />
      </fieldset>

      <TextField name="postcode" label="Arbejdsstedets postnummer" inputMode="numeric" autoComplete="postal-code" defaultValue={text(values, 'postcode')} error={errors.postcode} />

      <CheckboxGroup
        name="demands"
        legend="Hvad kræver arbejdet?"
        hint="Vælg det, der er en fast del af arbejdet. Det hjælper jobcentret med at finde en, der kan klare det."
        options={DEMAND_ENTRIES.map((e) => ({ code: e.code, label: e.da }))}
        checked={list(values, 'demands')}
        error={errors.demands}
      />
      <CheckboxGroup
        name="accommodations"
        legend="Hvilke hensyn kan I tage?"
        options={ACCOMMODATION_ENTRIES.map((e) => ({ code: e.code, label: e.da }))}
        checked={list(values, 'accommodations')}
        error={errors.accommodations}
      />
      <TextField name="languageNeeds" label="Krav til sprog" hint="Fx Du skal kunne forstå en mundtlig instruktion på dansk." optional defaultValue={text(values, 'languageNeeds')} error={errors.languageNeeds} />
      <Checkbox name="drivingLicenceRequired" label="Kørekort er et krav" checked={text(values, 'drivingLicenceRequired') === 'on'} />

      <fieldset>
        <legend className="h3">Løn</legend>
        <p className="form-hint mt-0">Borgere på kontanthjælp, i fleksjob eller på førtidspension spørger først, hvad jobbet betyder for deres økonomi. Med en timeløn kan de regne det ud.</p>
        <TextField name="hourlyWage" label="Timeløn i kroner før skat" hint="Uden pension, fx 145,50" inputMode="decimal" optional defaultValue={text(values, 'hourlyWage')} error={errors.hourlyWage} />
        <TextField name="wageAgreement" label="Efter overenskomst" hint="Følger lønnen en overenskomst, så skriv dens navn, fx Industriens Overenskomst" optional defaultValue={text(values, 'wageAgreement')} error={errors.wageAgreement} />
      </fieldset>

      <fieldset>
        <legend className="h3">Fast kontaktperson</legend>
        <TextField name="contactName" label="Navn" autoComplete="name" defaultValue={text(values, 'contactName')} error={errors.contactName} />
        <TextField name="contactRole" label="Rolle" hint="Fx køkkenleder eller værkfører" defaultValue={text(values, 'contactRole')} error={errors.contactRole} />
        <TextField name="contactPhone" label="Telefon" type="tel" autoComplete="tel" defaultValue={text(values, 'contactPhone')} error={errors.contactPhone} />
        <TextField name="contactEmail" label="E-mail" type="email" autoComplete="email" defaultValue={text(values, 'contactEmail')} error={errors.contactEmail} />
      </fieldset>

      <div className="form-group">
        <button type="submit" name="intent" value="publish" className="button button-primary">
          {submitLabel}
        </button>{' '}
        {allowDraft ? (
          <button type="submit" name="intent" value="draft" className="button button-secondary">
            Gem som kladde
          </button>
        ) : null}
      </div>
    </Form>
  );
}

/** The form values of a saved opening, for editing. */
export function openingToFormValues(opening: {
  kind: string;
  title: string;
  description: string;
  tasks: string[];
  hoursMin: number;
  hoursMax: number;
  flexjobExpectedHours: number | null;
  schedule: { days: string[]; parts: string[]; note?: string };
  startDate: string;
  slots: number;
  postcode: string;
  demands: string[];
  accommodations: string[];
  languageNeeds: string;
  drivingLicenceRequired: boolean;
  hourlyWage: number | null;
  wageAgreement: string | null;
  contactName: string;
  contactRole: string;
  contactPhone: string;
  contactEmail: string;
}): OpeningFormValues {
  const hours = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
  return {
    kind: opening.kind,
    title: opening.title,
    description: opening.description,
    tasks: opening.tasks.join('\n'),
    hoursMin: hours(opening.hoursMin),
    hoursMax: hours(opening.hoursMax),
    flexjobExpectedHours: hours(opening.flexjobExpectedHours),
    days: opening.schedule.days,
    parts: opening.schedule.parts,
    scheduleNote: opening.schedule.note ?? '',
    startDate: opening.startDate,
    slots: String(opening.slots),
    postcode: opening.postcode,
    demands: opening.demands,
    accommodations: opening.accommodations,
    languageNeeds: opening.languageNeeds,
    drivingLicenceRequired: opening.drivingLicenceRequired ? 'on' : '',
    hourlyWage: hours(opening.hourlyWage),
    wageAgreement: opening.wageAgreement ?? '',
    contactName: opening.contactName,
    contactRole: opening.contactRole,
    contactPhone: opening.contactPhone,
    contactEmail: opening.contactEmail,
  };
}
