/** The consultant's agreement form, for a new agreement and for a renegotiation (a new version). */
import { Form } from '@remix-run/react';
import { followUpRowsOf, MAIN_HOURS_LABELS, subGoalRowsOf } from '../domain/agreement-rules';
import { formatHours } from '../domain/format';
import { DAY_PART_ENTRIES, WEEKDAY_ENTRIES, type OpeningKind } from '../domain/vocabulary';
import { Checkbox, CheckboxGroup } from './choice-fields';
import { describedBy, ErrorSummary, FieldHelp, SubmitButton, TextField, type FieldErrors } from './form';
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

/** The field a message in the error summary links to; a message about a whole list goes to its first row. */
function summaryTarget(field: string): string | undefined {
  if (field === 'form') return undefined;
  if (field === 'days') return 'days-mon';
  if (field === 'parts') return 'parts-morning';
  if (field === 'subGoals') return 'subGoalDate-0';
  if (field === 'followUpDates') return 'followUpDate-0';
  const [list, row, part] = field.split('.');
  if (list === 'subGoals') return `${part === 'description' ? 'subGoalDescription' : 'subGoalDate'}-${row}`;
  if (list === 'followUpDates') return `followUpDate-${row}`;
  return field;
}

/**
 * One field of a row (a sub-goal's date or text, a follow-up date): like `TextField`, but neither marked
 * optional nor required on its own, since an empty row is simply left out.
 */
function RowInput({ name, id, label, type = 'text', value, error }: { name: string; id: string; label: string; type?: 'text' | 'date'; value: string; error?: string }) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldHelp id={id} error={error} />
      <input className="form-input" id={id} name={name} type={type} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} />
    </div>
  );
}

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
  const subGoals = subGoalRowsOf(values);
  const goalRows = subGoals.length > 0 ? subGoals : [{ dueDate: '', description: '' }];
  const followUps = followUpRowsOf(values);
  const followUpRows = followUps.length > 0 ? followUps : [''];
  // Messages about one row ('subGoals.2.dueDate', 'followUpDates.0') come in the row's place in the order.
  const rowErrors = (field: string) => Object.keys(errors).filter((key) => key.startsWith(`${field}.`));
  const summary = FIELD_ORDER.flatMap((field) => [...(errors[field] ? [field] : []), ...rowErrors(field)]).map((field) => ({
    message: errors[field]!,
    fieldId: summaryTarget(field),
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
      <TextField name="startDate" label="Startdato" type="date" defaultValue={text(values, 'startDate')} error={errors.startDate} />
      <TextField name="renegotiationDate" label="Første genforhandling" type="date" defaultValue={text(values, 'renegotiationDate')} error={errors.renegotiationDate} />

      <h2 className="h3">Opgaver og kontaktperson</h2>
      <TextArea name="tasks" label="Opgaver" hint="Én opgave pr. linje." defaultValue={text(values, 'tasks')} error={errors.tasks} />
      <TextField name="contactName" label="Fast kontaktperson i virksomheden" defaultValue={text(values, 'contactName')} error={errors.contactName} />
      <TextField name="contactRole" label="Kontaktpersonens rolle" hint="Fx køkkenleder" defaultValue={text(values, 'contactRole')} error={errors.contactRole} />
      <TextField name="contactPhone" label="Kontaktpersonens telefon" hint="Skriv telefon, e-mail eller begge." type="tel" optional defaultValue={text(values, 'contactPhone')} error={errors.contactPhone} />
      <TextField name="contactEmail" label="Kontaktpersonens e-mail" type="email" optional defaultValue={text(values, 'contactEmail')} error={errors.contactEmail} />

      <h2 className="h3">Delmål og hensyn</h2>
      <fieldset className="jobbro-rows" aria-describedby={describedBy('subGoals', 'hint', errors.subGoals)}>
        <legend className="form-label">
          Delmål <span className="weight-normal">(frivilligt)</span>
        </legend>
        <FieldHelp id="subGoals" hint="En dato og det, borgeren skal nå til den dato, fx 8 ordinære timer om ugen. Tøm begge felter for at fjerne et delmål." error={errors.subGoals} />
        {goalRows.map((goal, row) => (
          <div key={row} className="jobbro-row">
            <RowInput name="subGoalDate" id={`subGoalDate-${row}`} label={`Dato for delmål ${row + 1}`} type="date" value={goal.dueDate} error={errors[`subGoals.${row}.dueDate`]} />
            <RowInput name="subGoalDescription" id={`subGoalDescription-${row}`} label={`Delmål ${row + 1}`} value={goal.description} error={errors[`subGoals.${row}.description`]} />
          </div>
        ))}
        <button type="submit" name="intent" value="addSubGoal" className="button button-secondary">
          Tilføj delmål
        </button>
      </fieldset>
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
      <fieldset className="jobbro-rows" aria-describedby={describedBy('followUpDates', 'hint', errors.followUpDates)}>
        <legend className="form-label">Datoer for opfølgning</legend>
        <FieldHelp
          id="followUpDates"
          hint={
            kind === 'sheltered_job'
              ? 'Et skånejob følges op inden for 6 måneder og derefter mindst hver 12. måned. Tøm et felt for at fjerne datoen.'
              : 'Forslaget er hver uge den første måned og derefter hver måned. Det første år må der højst gå en måned mellem to opfølgninger. Tøm et felt for at fjerne datoen.'
          }
          error={errors.followUpDates}
        />
        <div className="jobbro-date-grid">
          {followUpRows.map((day, row) => (
            <RowInput key={row} name="followUpDates" id={`followUpDate-${row}`} label={`Opfølgning ${row + 1}`} type="date" value={day} error={errors[`followUpDates.${row}`]} />
          ))}
        </div>
        <button type="submit" name="intent" value="addFollowUp" className="button button-secondary">
          Tilføj opfølgning
        </button>
      </fieldset>
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
