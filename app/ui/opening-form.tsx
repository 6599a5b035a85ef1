import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { formatDate } from '../domain/format';
import { OPENING_STEPS, SUMMARY_STEP } from '../domain/opening-steps';
import {
  ACCOMMODATION_ENTRIES,
  DAY_PART_ENTRIES,
  DEMAND_ENTRIES,
  OPENING_KIND_ENTRIES,
  WEEKDAY_ENTRIES,
  type OpeningKind,
} from '../domain/vocabulary';
import { Checkbox, CheckboxGroup, RadioGroup } from './choice-fields';
import { ErrorSummary, RequiredFieldsNote, TextField, type FieldErrors } from './form';
import { TextArea } from './text-area';

/** What each kind means for the company, in plain Danish, under its choice: who may fill it and what the company gets. */
const KIND_EXPLANATIONS: Record<OpeningKind, string> = {
  ordinary_hours:
    'Et almindeligt job med få timer om ugen. Alle kan få det. I betaler almindelig løn efter overenskomst eller det, der er sædvanligt i faget, og får ikke tilskud.',
  flexjob:
    'Kun for en person, som kommunen har visiteret til fleksjob, fordi arbejdsevnen er varigt nedsat. Timerne kan være helt ned til 1 om ugen. I betaler løn for de timer, personen arbejder, og kommunen betaler et tilskud (fleksløntilskud) direkte til personen.',
  sheltered_job:
    'Kun for en person, der får førtidspension. Løn og vilkår aftales med jobcentret, og I kan få et løntilskud fra kommunen. Tommelfingerreglen er omkring ét skånejob pr. fem ordinært ansatte.',
};

export type OpeningFormValues = Record<string, string | string[] | undefined>;

const text = (values: OpeningFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
};
const list = (values: OpeningFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

/** Step 1: the kind (explained), the title, the description and the tasks. */
function JobFields({ values, errors }: SectionProps) {
  return (
    <>
      <RadioGroup
        name="kind"
        legend="Hvilken slags job er det?"
        markRequired
        options={OPENING_KIND_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da, hint: KIND_EXPLANATIONS[entry.code] }))}
        selected={text(values, 'kind') || undefined}
        error={errors.kind}
      />
      <TextField name="title" label="Titel" markRequired hint="Fx Opvask i kantinen" defaultValue={text(values, 'title')} error={errors.title} />
      <TextArea name="description" label="Beskrivelse" markRequired hint="Fortæl kort om arbejdspladsen og kollegerne." rows={4} defaultValue={text(values, 'description')} error={errors.description} />
      <TextArea name="tasks" label="Opgaver" markRequired hint="Skriv én opgave pr. linje." defaultValue={text(values, 'tasks')} error={errors.tasks} rows={3} />
    </>
  );
}

/** Step 2: hours, days, start, slots and where. */
function TimeFields({ values, errors }: SectionProps) {
  return (
    <>
      <fieldset>
        <legend className="h3">Timer og tidspunkter</legend>
        <TextField name="hoursMin" label="Mindst antal timer om ugen" markRequired inputMode="decimal" defaultValue={text(values, 'hoursMin')} error={errors.hoursMin} />
        <TextField name="hoursMax" label="Højst antal timer om ugen" markRequired hint="Højst 37 timer." inputMode="decimal" defaultValue={text(values, 'hoursMax')} error={errors.hoursMax} />
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
        <CheckboxGroup name="days" legend="Hvilke dage?" columns options={WEEKDAY_ENTRIES.map((e) => ({ code: e.code, label: e.da }))} checked={list(values, 'days')} error={errors.days} />
        <CheckboxGroup name="parts" legend="Hvornår på dagen?" columns options={DAY_PART_ENTRIES.map((e) => ({ code: e.code, label: e.da }))} checked={list(values, 'parts')} error={errors.parts} />
        <TextField name="scheduleNote" label="Bemærkning om arbejdstiden" optional defaultValue={text(values, 'scheduleNote')} error={errors.scheduleNote} />
        <TextField name="startDate" label="Startdato" markRequired type="date" defaultValue={text(values, 'startDate')} error={errors.startDate} />
        <TextField name="slots" label="Antal pladser" markRequired inputMode="numeric" defaultValue={text(values, 'slots') || '1'} error={errors.slots} />
      </fieldset>

      <TextField
        name="postcode"
        label="Arbejdsstedets postnummer"
        markRequired
        hint="Hvor arbejdet foregår. Et nyt opslag er udfyldt med virksomhedens postnummer."
        inputMode="numeric"
        autoComplete="postal-code"
        defaultValue={text(values, 'postcode')}
        error={errors.postcode}
      />

      <fieldset>
        <legend className="h3">Løn</legend>
        <p className="form-hint mt-0">Borgere på kontanthjælp, i fleksjob eller på førtidspension spørger først, hvad jobbet betyder for deres økonomi. Med en timeløn kan de regne det ud.</p>
        <TextField name="hourlyWage" label="Timeløn i kroner før skat" hint="Uden pension, fx 145,50" inputMode="decimal" optional defaultValue={text(values, 'hourlyWage')} error={errors.hourlyWage} />
        <TextField name="wageAgreement" label="Efter overenskomst" hint="Følger lønnen en overenskomst, så skriv dens navn, fx Industriens Overenskomst" optional defaultValue={text(values, 'wageAgreement')} error={errors.wageAgreement} />
      </fieldset>
    </>
  );
}

/** Step 3: what the work demands and what the company can accommodate. */
function NeedsFields({ values, errors }: SectionProps) {
  return (
    <>
      <CheckboxGroup
        name="demands"
        legend="Hvad kræver arbejdet?"
        hint="Vælg det, der er en fast del af arbejdet. Det hjælper jobcentret med at finde en, der kan klare det."
        columns
        options={DEMAND_ENTRIES.map((e) => ({ code: e.code, label: e.da }))}
        checked={list(values, 'demands')}
        error={errors.demands}
      />
      <CheckboxGroup
        name="accommodations"
        legend="Hvilke hensyn kan I tage?"
        columns
        options={ACCOMMODATION_ENTRIES.map((e) => ({ code: e.code, label: e.da }))}
        checked={list(values, 'accommodations')}
        error={errors.accommodations}
      />
      <TextField name="languageNeeds" label="Krav til sprog" hint="Fx Du skal kunne forstå en mundtlig instruktion på dansk." optional defaultValue={text(values, 'languageNeeds')} error={errors.languageNeeds} />
      <Checkbox name="drivingLicenceRequired" label="Kørekort er et krav" checked={text(values, 'drivingLicenceRequired') === 'on'} />
    </>
  );
}

/** Step 4: the fixed contact person. */
function ContactFields({ values, errors }: SectionProps) {
  return (
    <>
      <fieldset>
        <legend className="h3">Fast kontaktperson</legend>
        <p className="form-hint">Den, borgeren møder og kan ringe til. Et nyt opslag er udfyldt ud fra virksomhedens oplysninger: ret dem, hvis en anden er kontaktperson.</p>
        <TextField name="contactName" label="Navn" markRequired autoComplete="name" defaultValue={text(values, 'contactName')} error={errors.contactName} />
        <TextField name="contactRole" label="Rolle" markRequired hint="Fx køkkenleder eller værkfører" defaultValue={text(values, 'contactRole')} error={errors.contactRole} />
        <TextField name="contactPhone" label="Telefon" markRequired type="tel" autoComplete="tel" defaultValue={text(values, 'contactPhone')} error={errors.contactPhone} />
        <TextField name="contactEmail" label="E-mail" markRequired type="email" autoComplete="email" defaultValue={text(values, 'contactEmail')} error={errors.contactEmail} />
      </fieldset>
    </>
  );
}

type SectionProps = { values: OpeningFormValues; errors: FieldErrors };

const SECTIONS = [JobFields, TimeFields, NeedsFields, ContactFields] as const;

function Warning({ text: warning }: { text: string | null | undefined }) {
  return warning ? (
    <div className="alert alert-warning" role="status">
      <div className="alert-body">
        <p className="alert-text">{warning}</p>
      </div>
    </div>
  ) : null;
}

const summaryOf = (errors: FieldErrors) => Object.entries(errors).map(([field, message]) => ({ message: message ?? '', fieldId: field }));

/** The whole opening on one page: the company's edit of a saved opening. */
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
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={summaryOf(errors)} />
      <Warning text={warning} />
      <RequiredFieldsNote />
      {SECTIONS.map((Section, index) => (
        <Section key={index} values={values} errors={errors} />
      ))}
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

/** The values of the steps not shown, carried along as hidden fields so that no step loses what was typed. */
function CarriedValues({ values, except }: { values: OpeningFormValues; except: readonly string[] }) {
  const carried = OPENING_STEPS.flatMap((step) => step.fields as readonly string[]).filter((field) => !except.includes(field));
  return (
    <>
      {carried.flatMap((field) =>
        list(values, field).map((value, index) => <input key={`${field}-${index}`} type="hidden" name={field} value={value} />),
      )}
    </>
  );
}

/** DKFDS' step indicator, drawn as a list without the JavaScript drawer, so it shows on every screen. */
function StepIndicator({ current, errorStep }: { current: number; errorStep: number | null }) {
  return (
    <nav aria-label="Trin i jobopslaget">
      <ol className="step-indicator">
        {OPENING_STEPS.map((step, index) => {
          const state = index === current ? (errorStep === index ? 'current error' : 'current') : index > current ? 'disabled' : '';
          return (
            <li key={step.key} className={state || undefined}>
              <div className="step" aria-current={index === current ? 'step' : undefined}>
                <span className="step-number">
                  <span>{index + 1}</span>
                </span>
                <div>
                  <span className="step-title">{step.title}</span>
                  {index < current ? <span className="step-information">Udfyldt</span> : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

const yesNo = (value: boolean) => (value ? 'Ja' : 'Nej');

/** The summary before publishing: every answer in its step, each with a "Ret" button back to that step. */
function OpeningSummary({ values }: { values: OpeningFormValues }) {
  const labels = (entries: readonly { code: string; da: string }[], field: string) =>
    entries.filter((entry) => list(values, field).includes(entry.code)).map((entry) => entry.da).join(', ') || 'Ingen valgt';
  const rows: [string, string][][] = [
    [
      ['Slags job', OPENING_KIND_ENTRIES.find((entry) => entry.code === text(values, 'kind'))?.da ?? ''],
      ['Titel', text(values, 'title')],
      ['Beskrivelse', text(values, 'description')],
      ['Opgaver', text(values, 'tasks')],
    ],
    [
      ['Timer om ugen', `${text(values, 'hoursMin')}–${text(values, 'hoursMax')}`],
      ...(text(values, 'flexjobExpectedHours') ? [['Forventede timer om ugen', text(values, 'flexjobExpectedHours')] as [string, string]] : []),
      ['Dage', labels(WEEKDAY_ENTRIES, 'days')],
      ['Tidspunkt', labels(DAY_PART_ENTRIES, 'parts')],
      ['Bemærkning om arbejdstiden', text(values, 'scheduleNote') || '–'],
      ['Startdato', text(values, 'startDate') ? formatDate(text(values, 'startDate')) : ''],
      ['Antal pladser', text(values, 'slots')],
      ['Postnummer', text(values, 'postcode')],
      ['Timeløn', text(values, 'hourlyWage') ? `${text(values, 'hourlyWage')} kr.` : '–'],
      ['Efter overenskomst', text(values, 'wageAgreement') || '–'],
    ],
    [
      ['Arbejdet kræver', labels(DEMAND_ENTRIES, 'demands')],
      ['Hensyn I kan tage', labels(ACCOMMODATION_ENTRIES, 'accommodations')],
      ['Krav til sprog', text(values, 'languageNeeds') || '–'],
      ['Kørekort er et krav', yesNo(text(values, 'drivingLicenceRequired') === 'on')],
    ],
    [
      ['Navn', text(values, 'contactName')],
      ['Rolle', text(values, 'contactRole')],
      ['Telefon', text(values, 'contactPhone')],
      ['E-mail', text(values, 'contactEmail')],
    ],
  ];
  return (
    <>
      {rows.map((section, index) => (
        <section key={OPENING_STEPS[index]!.key} className="jobbro-summary-section">
          <h3>{OPENING_STEPS[index]!.title}</h3>
          <dl className="jobbro-summary">
            {section.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd className="jobbro-break">{value}</dd>
              </div>
            ))}
          </dl>
          <button type="submit" name="intent" value={`goto-${index}`} className="button button-secondary">
            Ret {OPENING_STEPS[index]!.title.toLowerCase()}
          </button>
        </section>
      ))}
    </>
  );
}

/**
 * A new opening in steps (app/domain/opening-steps.ts): the step's fields, the other steps' values hidden,
 * "Næste" first so Enter moves on, and on the last step the summary with "Offentliggør" and "Gem som kladde".
 */
export function SteppedOpeningForm({ values, errors, step, warning }: { values: OpeningFormValues; errors: FieldErrors; step: number; warning?: string | null }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    // A new step after a press (not the page's first showing): start reading at its heading. With errors, the
    // error summary takes focus instead.
    if (shownStep.current !== step && !hasErrors) headingRef.current?.focus();
    shownStep.current = step;
  }, [step, hasErrors]);
  const current = OPENING_STEPS[step]!;
  const Section = step < SUMMARY_STEP ? SECTIONS[step] : null;
  return (
    <Form method="post" noValidate>
      <StepIndicator current={step} errorStep={hasErrors ? step : null} />
      <ErrorSummary errors={summaryOf(errors)} />
      <h2 ref={headingRef} tabIndex={-1} className="h3">
        Trin {step + 1} af {OPENING_STEPS.length}: {current.title}
      </h2>
      <input type="hidden" name="step" value={step} />
      <CarriedValues values={values} except={current.fields} />
      {Section ? (
        <>
          {step === 0 ? <Warning text={warning} /> : null}
          <RequiredFieldsNote />
          <Section values={values} errors={errors} />
          <div className="jobbro-actions">
            <button type="submit" name="intent" value="next" className="button button-primary">
              Næste
            </button>
            {step > 0 ? (
              <button type="submit" name="intent" value="back" className="button button-secondary">
                Tilbage
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <p>Tjek opslaget, før du offentliggør det. Borgerne ser det under Find job, så snart det er offentliggjort.</p>
          <OpeningSummary values={values} />
          <div className="jobbro-actions">
            <button type="submit" name="intent" value="publish" className="button button-primary">
              Offentliggør
            </button>
            <button type="submit" name="intent" value="draft" className="button button-secondary">
              Gem som kladde
            </button>
            <button type="submit" name="intent" value="back" className="button button-tertiary">
              Tilbage
            </button>
          </div>
        </>
      )}
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
    contactName: opening.contactName,
    contactRole: opening.contactRole,
    contactPhone: opening.contactPhone,
    contactEmail: opening.contactEmail,
  };
}
