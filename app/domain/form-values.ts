import type { z } from 'zod';

/** The first message per field of a failed zod parse, as the forms show them. Shared by every action. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** A submitted form as plain values, repeated names as lists, so it can be validated and rendered back. */
export function formValues(formData: FormData, listFields: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = listFields.includes(key) ? all : (all[0] ?? '');
  }
  for (const field of listFields) values[field] ??= [];
  return values;
}
