/** The consultant's agreement form, for a new agreement and for a renegotiation (a new version). */
import { Form } from '@remix-run/react';
import { MAIN_HOURS_LABELS, SUB_GOAL_LINE_MESSAGE } from '../domain/agreement-rules';
import { formatHours } from '../domain/format';
import { DAY_PART_ENTRIES, WEEKDAY_ENTRIES, type OpeningKind } from '../domain/vocabulary';
import { Checkbox, CheckboxGroup } from './choice-fields';
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from './form';
import { TextArea } from './text-area';

type Values = Record<string, string | string[] | undefined>;

const FIELD_ORDER = [
  'ordinaryHoursPerWeek',
  'internshipHoursPerWeek',
  'days',
  'parts',
  'scheduleNote',
  'startDate',
  'renegotiationDate',
  'tasks',
  'contactName',
  'contactRole',
  'contactPhone',
  'contactEmail',
  'subGoals',
  'sharedHealthConsiderations',
  'healthConsent',
  'followUpDates',
  'changeNote',
  'form',
];

const text = (values: Values, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
};
const list = (values: Values, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

export function AgreementForm({
  kind,
  values,
  errors,
  ranges,
  renegotiation = false,
  submitLabel,
  hidden = {},
}: {
  kind: OpeningKind;
  values: Values;
  errors: FieldErrors;
  ranges: { opening: { min: number; max: number }; citizen: { min: number; max: number } };
  renegotiation?: boolean;
  /** Replaces the two buttons of a new agreement with one (e.g. saving a corrected draft). */
  submitLabel?: string;
  hidden?: Record<string, string>;
}) {
  const summary = FIELD_ORDER.filter((field) => errors[field]).map((field) => ({
    message: errors[field]!,
    fieldId: field === 'days' ? 'days-mon' : field === 'parts' ? 'parts-morning' : field === 'form' ? undefined : field,
  }));
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={summary} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {renegotiation ? (
        <TextArea
          name="changeNote"
          label="Hvad har I genforhandlet?"
          hint="Fx: Flere ordinære timer fra april. Virksomheden og borgeren skal bekræfte den nye version."
          rows={2}
          defaultValue={text(values, 'changeNote')}
          error={errors.changeNote}
        />
      ) : null}
      <h2 className="h3">Timer</h2>
      <TextField
        name="ordinaryHoursPerWeek"
        label={MAIN_HOURS_LABELS[kind]}
        hint={`Jobopslaget: ${formatHours(ranges.opening)}. Borgeren: ${formatHours(ranges.citizen)} i alt.`}
        inputMode="decimal"
        defaultValue={text(values, 'ordinaryHoursPerWeek')}
        error={errors.ordinaryHoursPerWeek}
      />
      <TextField
        name="internshipHoursPerWeek"
        label="Virksomhedspraktik om ugen ved siden af"
        hint="Kun hvis det er aftalt, og kun med andre opgaver end de ordinære timer. Lad feltet stå tomt, hvis der ikke er praktik."
        inputMode="decimal"
        optional
        defaultValue={text(values, 'internshipHoursPerWeek')}
        error={errors.internshipHoursPerWeek}
      />
      <CheckboxGroup name="days" legend="Hvilke dage" options={WEEKDAY_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da }))} checked={list(values, 'days')} error={errors.days} />
      <CheckboxGroup name="parts" legend="Hvornår på dagen" options={DAY_PART_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da }))} checked={list(values, 'parts')} error={errors.parts} />
      <TextField name="scheduleNote" label="Bemærkning om arbejdstiden" hint="Fx: kl. 8–11" optional defaultValue={text(values, 'scheduleNote')} error={errors.scheduleNote} />

      <h2 className="h3">Datoer</h2>
      <TextField name="startDate" label="Startdato" hint="Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01." defaultValue={text(values, 'startDate')} error={errors.startDate} />
      <TextField name="renegotiationDate" label="Første genforhandling" hint="Skriv datoen som ÅÅÅÅ-MM-DD." defaultValue={text(values, 'renegotiationDate')} error={errors.renegotiationDate} />

      <h2 className="h3">Opgaver og kontaktperson</h2>
      <TextArea name="tasks" label="Opgaver" hint="Én opgave pr. linje." defaultValue={text(values, 'tasks')} error={errors.tasks} />
      <TextField name="contactName" label="Fast kontaktperson i virksomheden" defaultValue={text(values, 'contactName')} error={errors.contactName} />
      <TextField name="contactRole" label="Kontaktpersonens rolle" hint="Fx køkkenleder" defaultValue={text(values, 'contactRole')} error={errors.contactRole} />
      <TextField name="contactPhone" label="Kontaktpersonens telefon" hint="Skriv telefon, e-mail eller begge." type="tel" optional defaultValue={text(values, 'contactPhone')} error={errors.contactPhone} />
      <TextField name="contactEmail" label="Kontaktpersonens e-mail" type="email" optional defaultValue={text(values, 'contactEmail')} error={errors.contactEmail} />

      <h2 className="h3">Delmål og hensyn</h2>
      <TextArea name="subGoals" label="Delmål" hint={`Ét pr. linje. ${SUB_GOAL_LINE_MESSAGE}`} optional rows={3} defaultValue={text(values, 'subGoals')} error={errors.subGoals} />
      <TextArea
        name="sharedHealthConsiderations"
        label="Hensyn virksomheden skal kende"
        hint="Kun det, borgeren har sagt ja til at dele, og kun det, der har betydning for arbejdet. Ingen diagnoser."
        optional
        rows={3}
        defaultValue={text(values, 'sharedHealthConsiderations')}
        error={errors.sharedHealthConsiderations}
      />
      <Checkbox
        name="healthConsent"
        label="Borgeren har sagt ja til at dele hensynene med virksomheden"
        checked={text(values, 'healthConsent') === 'on'}
        error={errors.healthConsent}
      />

      <h2 className="h3">Opfølgningsplan</h2>
      <TextArea
        name="followUpDates"
        label="Datoer for opfølgning"
        hint={
          kind === 'sheltered_job'
            ? 'Én dato pr. linje (ÅÅÅÅ-MM-DD). Et skånejob følges op inden for 6 måneder og derefter mindst hver 12. måned.'
            : 'Én dato pr. linje (ÅÅÅÅ-MM-DD). Forslaget er hver uge den første måned og derefter hver måned. Det første år må der højst gå en måned mellem to opfølgninger.'
        }
        rows={8}
        defaultValue={text(values, 'followUpDates')}
        error={errors.followUpDates}
      />
      <div className="jobbro-actions">
        {renegotiation || submitLabel ? (
          <SubmitButton pendingText="Gemmer …">{submitLabel ?? 'Gem den nye version'}</SubmitButton>
        ) : (
          <>
            <button type="submit" name="intent" value="send" className="button button-primary">
              Send til bekræftelse
            </button>
            <button type="submit" name="intent" value="draft" className="button button-secondary">
              Gem som kladde
            </button>
          </>
        )}
      </div>
    </Form>
  );
}
