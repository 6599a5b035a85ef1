/** Checkbox groups, radio groups and selects in Det Fælles Designsystem's markup, with the error at the field. */
import { describedBy, FieldHelp } from './form';

type Option = { code: string; label: string; count?: number };

type GroupProps = {
  name: string;
  legend: string;
  options: readonly Option[];
  hint?: string;
  error?: string;
};

function countLabel(option: Option) {
  return option.count === undefined ? option.label : `${option.label} (${option.count})`;
}

function ChoiceGroup({ name, legend, options, hint, error, type, isChosen }: GroupProps & { type: 'checkbox' | 'radio'; isChosen: (code: string) => boolean }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <FieldHelp id={name} hint={hint} error={error} />
        <ul className="nobullet-list">
          {options.map((option) => {
            const id = `${name}-${option.code}`;
            return (
              <li key={option.code}>
                <input className={type === 'checkbox' ? 'form-checkbox' : 'form-radio'} type={type} id={id} name={name} value={option.code} defaultChecked={isChosen(option.code)} />
                <label htmlFor={id}>{countLabel(option)}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}

export function CheckboxGroup({ checked, ...props }: GroupProps & { checked: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" isChosen={(code) => checked.includes(code)} />;
}

export function RadioGroup({ selected, ...props }: GroupProps & { selected: string | undefined }) {
  return <ChoiceGroup {...props} type="radio" isChosen={(code) => selected === code} />;
}

/** With `placeholder`, nothing is chosen until the person chooses: a first, empty option that the server refuses. */
export function SelectField({
  name,
  label,
  options,
  error,
  selected,
  placeholder,
}: {
  name: string;
  label: string;
  options: readonly Option[];
  error?: string;
  selected: string | undefined;
  placeholder?: string;
}) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={name}>
        {label}
      </label>
      <FieldHelp id={name} error={error} />
      <select
        className="form-select"
        id={name}
        name={name}
        defaultValue={selected ?? (placeholder !== undefined ? '' : undefined)}
        aria-describedby={describedBy(name, undefined, error)}
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
