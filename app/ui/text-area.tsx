import { describedBy, FieldHelp, REQUIRED_LABEL } from './form';

export function TextArea({
  name,
  id = name,
  label,
  hint,
  error,
  defaultValue,
  rows = 5,
  optional = false,
  markRequired = false,
}: {
  name: string;
  /** Needed where the same field is in several forms on one page. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  optional?: boolean;
  /** The asterisk of a required field (see `REQUIRED_LABEL`). */
  markRequired?: boolean;
}) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className={markRequired && !optional ? `form-label ${REQUIRED_LABEL}` : 'form-label'} htmlFor={id}>
        {label}
        {optional ? <span className="weight-normal"> (frivilligt)</span> : null}
      </label>
      <FieldHelp id={id} hint={hint} error={error} />
      <textarea
        className="form-input"
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={markRequired && !optional ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
