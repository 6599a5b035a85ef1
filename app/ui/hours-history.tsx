/**
 * Correcting a month's hours on purpose, and the history of every save: the consultant's and the company's
 * agreement pages share these, so a second entry for a month never silently replaces the first.
 */
import { Link } from '@remix-run/react';
import { describeHoursEntry, hoursChanges, type HoursEntry } from '../domain/agreement-rules';
import { formatMonthIn } from '../i18n/format';
import { formatDateTime } from './agreement';
import { Alert } from './matching';

export type HoursChangeRow = {
  id: string;
  month: string;
  before: HoursEntry | null;
  after: HoursEntry;
  changedAt: Date | string;
  changedByName: string | null;
  changedByRole: string | null;
};

type MonthRow = HoursEntry & { month: string };

const ROLE_NAMES: Partial<Record<string, string>> = { consultant: 'jobcentret', company: 'virksomheden', admin: 'administrator' };

const monthName = (month: string) => formatMonthIn(month, 'da');

/** 'ÅÅÅÅ-MM' of a month, as the form's month field and the "Ret" link carry it. */
export const monthField = (month: string) => month.slice(0, 7);

/** A saved month as the form's values: decimal commas, as a Dane types them. */
export function monthFormValues(entry: MonthRow): Record<string, string> {
  const hours = (value: number) => String(value).replace('.', ',');
  return {
    month: monthField(entry.month),
    ordinaryHours: hours(entry.ordinaryHours),
    internshipHours: hours(entry.internshipHours),
    flexjobHours: hours(entry.flexjobHours),
    wageSubsidyHours: hours(entry.wageSubsidyHours),
    reportedBy: entry.reportedBy,
    correcting: monthField(entry.month),
  };
}

/**
 * The month the form corrects: one the server found saved already (the person is asked before it is replaced),
 * or one chosen with a "Ret" link. Null for a new month.
 */
export function monthBeingCorrected(months: readonly MonthRow[], { conflict, chosen }: { conflict: string | null; chosen: string | null }): MonthRow | null {
  const month = conflict ?? (chosen ? `${monthField(chosen)}-01` : null);
  return month ? (months.find((row) => row.month === month) ?? null) : null;
}

/** Said above the form while it corrects a month: which month, and what is saved for it now. */
export function CorrectionNotice({ entry, cancelTo }: { entry: MonthRow; cancelTo: string }) {
  return (
    <Alert kind="info" heading={`Du retter timerne for ${monthName(entry.month)}`}>
      <p className="mt-0">Gemt nu: {describeHoursEntry(entry)}.</p>
      <p className="mb-0">
        Når du gemmer, erstatter tallene herunder de gemte, og rettelsen kommer i historikken. <Link to={cancelTo}>Fortryd rettelsen</Link>
      </p>
    </Alert>
  );
}

/** Every save of the hours, newest first: who, when, and what each field was before and after. */
export function HoursHistory({ changes }: { changes: readonly HoursChangeRow[] }) {
  if (changes.length === 0) return null;
  return (
    <details className="mb-5 hours-history">
      <summary>Historik: hvem har registreret og rettet timerne ({changes.length})</summary>
      <ol className="nobullet-list">
        {changes.map((change) => {
          const who = [change.changedByName ?? 'Ukendt', change.changedByRole ? ROLE_NAMES[change.changedByRole] : null].filter(Boolean);
          return (
            <li key={change.id} className="mb-4">
              <strong>{monthName(change.month)}</strong>: {change.before ? 'rettet' : 'registreret'} {formatDateTime(change.changedAt)} af {who[0]}
              {who[1] ? ` (${who[1]})` : ''}
              <ul className="mt-2">
                {hoursChanges(change.before, change.after).map((field) => (
                  <li key={field.label}>
                    {field.label}: {field.before === null ? field.after : `${field.before} → ${field.after}`}
                  </li>
                ))}
                {change.before && hoursChanges(change.before, change.after).length === 0 ? <li>Ingen ændring i tallene.</li> : null}
              </ul>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
