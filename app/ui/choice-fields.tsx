/**
 * Checkboxes, radio groups and selects in Det Fælles Designsystem's markup, with the error at the field.
 * dkfds v11 hides the real input (absolute, opacity 0) and draws the box with the label's ::before, both placed
 * against the `form-group-checkbox` / `form-group-radio` wrapper: without that wrapper the box lands at the
 * corner of whatever positioned element is further out (the page's top-left), and focusing it scrolls there.
 */
import type { ReactNode } from 'react';
import { describedBy, FieldHelp, REQUIRED_LABEL } from './form';

/** `hint`: a line under the option's label (what a choice means). */
type Option = { code: string; label: string; count?: number; hint?: string };

type GroupProps = {
  name: string;
  legend: string;
  options: readonly Option[];
  hint?: string;
  error?: string;
  /** The asterisk of a required question (see `REQUIRED_LABEL`). */
  markRequired?: boolean;
  /** Long lists of short options: two columns where the screen is wide enough, one on a phone. */
  columns?: boolean;
};

function countLabel(option: Option) {
  return option.count === undefined ? option.label : `${option.label} (${option.count})`;
}

/** One checkbox or radio with its label (and hint) in the wrapper that dkfds places the drawn box against. */
function Choice({
  type,
  id,
  name,
  value,
  label,
  hint,
  checked,
  describedBy: ids,
  invalid,
}: {
  type: 'checkbox' | 'radio';
  id: string;
  name: string;
  value?: string;
  label: ReactNode;
  hint?: string;
  checked: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    <div className={type === 'checkbox' ? 'form-group-checkbox' : 'form-group-radio'}>
      <input
        className={type === 'checkbox' ? 'form-checkbox' : 'form-radio'}
        type={type}
        id={id}
        name={name}
        value={value}
        defaultChecked={checked}
        aria-describedby={ids}
        aria-invalid={invalid ? true : undefined}
      />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

function ChoiceGroup({ name, legend, options, hint, error, markRequired, columns, type, isChosen }: GroupProps & { type: 'checkbox' | 'radio'; isChosen: (code: string) => boolean }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend className={markRequired ? `form-label ${REQUIRED_LABEL}` : 'form-label'}>{legend}</legend>
        <FieldHelp id={name} hint={hint} error={error} />
        <div className={columns ? 'jobbro-choice-columns' : undefined}>
        {options.map((option) => (
          <Choice
            key={option.code}
            type={type}
            id={`${name}-${option.code}`}
            name={name}
            value={option.code}
            label={countLabel(option)}
            hint={option.hint}
            describedBy={option.hint ? `${name}-${option.code}-hint` : undefined}
            checked={isChosen(option.code)}
          />
        ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * A checkbox on its own ("Kørekort er et krav"): sent as `on` when ticked, unless a value is given. The error
 * stands above it, the hint under its label, as dkfds shows them.
 */
export function Checkbox({ name, label, hint, error, checked, value }: { name: string; label: ReactNode; hint?: string; error?: string; checked: boolean; value?: string }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <FieldHelp id={name} error={error} />
      {/* A ticked box must send "on" (what the schemas read), never an empty value. */}
      <Choice type="checkbox" id={name} name={name} value={value ?? 'on'} label={label} hint={hint} checked={checked} describedBy={describedBy(name, hint, error)} invalid={Boolean(error)} />
    </div>
  );
}

export function CheckboxGroup({ checked, ...props }: GroupProps & { checked: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" isChosen={(code) => checked.includes(code)} />;
}

export function RadioGroup({ selected, ...props }: GroupProps & { selected: string | undefined }) {
  return <ChoiceGroup {...props} type="radio" isChosen={(code) => selected === code} />;
}

/** `id` defaults to the name; two forms on one page that share a field name give one of them its own id. With
 * `placeholder`, nothing is chosen until the person chooses: a first, empty option that the server refuses. */
export function SelectField({
  name,
  id = name,
  label,
  options,
  error,
  selected,
  placeholder,
}: {
  name: string;
  id?: string;
  label: string;
  options: readonly Option[];
  error?: string;
  selected: string | undefined;
  placeholder?: string;
}) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldHelp id={id} error={error} />
      <select
        className="form-select"
        id={id}
        name={name}
        defaultValue={selected ?? (placeholder !== undefined ? '' : undefined)}
        aria-describedby={describedBy(id, undefined, error)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {countLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
