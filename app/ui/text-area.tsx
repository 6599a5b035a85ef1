import { describedBy, FieldHelp } from './form';

export function TextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 5,
  optional = false,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  optional?: boolean;
}) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={name}>
        {label}
        {optional ? <span className="weight-normal"> (frivilligt)</span> : null}
      </label>
      <FieldHelp id={name} hint={hint} error={error} />
      <textarea
        className="form-input"
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}
