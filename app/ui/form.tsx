/**
 * Form pieces in Det Fælles Designsystem's markup (dkfds v11: form-group, form-label, form-hint,
 * form-error-message, form-input, alert alert-error). Every form in the portal uses these, so labels, hints and
 * error messages are tied to their fields the same way everywhere (WCAG 2.1 AA: 1.3.1, 3.3.1, 4.1.2).
 */
import { useActionData, useNavigation } from '@remix-run/react';
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { usePageLanguage } from './page-language';

/** Their home is the domain (app/domain/form-values.ts), where services may read them too. */
export { fieldErrorsOf, type FieldErrors } from '../domain/form-values';

/** The ids a field's `aria-describedby` lists: its hint, then its error message. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The hint and the error message under a field's label, with the ids `describedBy` names. */
export function FieldHelp({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const language = usePageLanguage();
  return (
    <>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{language === 'en' ? 'Error: ' : 'Fejl: '}</span>
          {error}
        </span>
      ) : null}
    </>
  );
}

type TextFieldProps = {
  name: string;
  label: string;
  /** Defaults to the name; the error summary links to it. */
  id?: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search' | 'url' | 'date' | 'month' | 'time';
  defaultValue?: string;
  optional?: boolean;
  /** The word after an optional field's label; the citizen's English pages pass "optional". */
  optionalText?: string;
  /** Marks the field with the asterisk (`REQUIRED_LABEL`) that `RequiredFieldsNote` explains. */
  markRequired?: boolean;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'inputMode' | 'spellCheck' | 'autoFocus'>;

export function TextField({
  name,
  label,
  id = name,
  hint,
  error,
  type = 'text',
  defaultValue,
  optional = false,
  optionalText = 'frivilligt',
  markRequired = false,
  ...inputProps
}: TextFieldProps) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className={markRequired && !optional ? `form-label ${REQUIRED_LABEL}` : 'form-label'} htmlFor={id}>
        {label}
        {optional ? <span className="weight-normal"> ({optionalText})</span> : null}
      </label>
      <FieldHelp id={id} hint={hint} error={error} />
      <input
        className="form-input"
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...inputProps}
      />
    </div>
  );
}

/**
 * The class that draws the asterisk after a required field's label or legend (public/jobbro.css). It is drawn
 * by CSS with an empty alternative text, so the field's name stays "Titel" for screen readers, which hear
 * "required" from the field itself; `RequiredFieldsNote` says what the star means.
 */
export const REQUIRED_LABEL = 'jobbro-required';

/** The line at the top of a form whose required fields carry the asterisk. */
export function RequiredFieldsNote() {
  return (
    <p className="form-hint">Felter med * skal udfyldes. Resten kan du springe over.</p>
  );
}

export type SummaryError = { message: string; /** The id of the field the message is about. */ fieldId?: string };

/**
 * dkfds' error summary: a focused alert at the top of the form that lists the problems and links to each
 * field. Takes focus when it appears, and again after each failed submit (a new answer from the action, even
 * with the same messages), so keyboard and screen reader users start at the errors.
 */
export function ErrorSummary({ errors, heading = 'Der er et problem' }: { errors: SummaryError[]; heading?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => error.message).join('|');
  const submission = useActionData();
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature, submission]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      className="alert alert-error"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-heading"
      data-module="error-summary"
    >
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          {heading}
        </h2>
        <ul className="alert-text nobullet-list">
          {errors.map((error) => (
            <li key={`${error.fieldId ?? ''}:${error.message}`}>
              {error.fieldId ? <a href={`#${error.fieldId}`}>{error.message}</a> : error.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The form's main button; says what is happening while the form is being sent. */
export function SubmitButton({ children, pendingText }: { children: ReactNode; pendingText?: string }) {
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting';
  return (
    <button type="submit" className="button button-primary">
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
