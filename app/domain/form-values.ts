import type { z } from 'zod';

/** The first message per field of a failed zod parse, as the forms show them. Shared by every action. */
export type FieldErrors = Partial<Record<string, string>>;

/** A submitted form as plain values (repeated names as lists), to validate and to render back. */
export type FormValues = Record<string, string | string[]>;

/**
 * Where a form's messages stand, beyond "at the field the path starts with": `lineFields` are written one item
 * per line, and a message about one line ("tasks.2") says which line; `rowFields` are rows of inputs, and a
 * message about a row ("subGoals.2.dueDate") stands at that row's input.
 */
export type FieldErrorPlaces = { lineFields?: readonly PropertyKey[]; rowFields?: readonly PropertyKey[] };

/**
 * The one way a failed parse becomes the form's messages: the first message per field, at the field its path
 * starts with (a message about one box of a group, "kinds.2", stands at the group), lines and rows as
 * `places` says. A message about no field stands at 'form'.
 */
export function fieldErrorsOf(error: z.ZodError, { lineFields = [], rowFields = [] }: FieldErrorPlaces = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [field, line] = issue.path;
    if (field === undefined) {
      errors.form ??= issue.message;
    } else if (rowFields.includes(field) && issue.path.length > 1) {
      errors[issue.path.join('.')] ??= issue.message;
    } else {
      const message = lineFields.includes(field) && typeof line === 'number' ? `Linje ${line + 1}: ${issue.message}` : issue.message;
      errors[String(field)] ??= message;
    }
  }
  return errors;
}

/** A submitted form as plain values, repeated names as lists, so it can be validated and rendered back. */
export function formValues(formData: FormData, listFields: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = listFields.includes(key) ? all : (all[0] ?? '');
  }
  for (const field of listFields) values[field] ??= [];
  return values;
}
