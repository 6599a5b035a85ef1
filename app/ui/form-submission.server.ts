import { data, redirect } from '@remix-run/node';
import type { z } from 'zod';
import { fieldErrorsOf, type FieldErrors, type FormValues } from '../domain/form-values';
import { FieldRefusedError, orHttpError } from '../services/errors.server';

/** What an action answers when its form must be shown again: every value as sent, each message at its field. */
export type FormProblem = { values: FormValues; errors: FieldErrors };

/**
 * One submission of a form, the same way in every action (decision 029). The route reads who asks and the
 * values, and names the form's zod schema (the one the form is drawn from) and the service call:
 *
 * - the values fail the schema: 400 with the values and the first message per field (`errorsOf`, by default
 *   `fieldErrorsOf`; a form with lines or rows passes its own from the domain);
 * - `save` runs the service, which writes in one transaction; a `FieldRefusedError` it throws (a CVR number
 *   taken, a slot gone) comes back the same way at its field, a NotFound/Forbidden/Gone as the error page;
 * - then POST → redirect → GET to the path `save` returns, whose query (`?gemt=1`) is the page's flash.
 *
 * `also` is added to a problem's body for a page with several forms (`{ intent }`, `{ form: 'profile' }`).
 */
export async function submitForm<Schema extends z.ZodType, Also extends Record<string, unknown> = Record<never, never>>(
  values: FormValues,
  schema: Schema,
  save: (input: z.output<Schema>) => Promise<string>,
  { errorsOf = fieldErrorsOf, also }: { errorsOf?: (error: z.ZodError) => FieldErrors; also?: Also } = {},
) {
  const problem = (errors: FieldErrors) => data<FormProblem & Also>({ ...(also as Also), values, errors }, { status: 400 });
  const parsed = schema.safeParse(values);
  if (!parsed.success) return problem(errorsOf(parsed.error));
  try {
    return redirect(await orHttpError(() => save(parsed.data)));
  } catch (error) {
    if (error instanceof FieldRefusedError) return problem({ [error.field]: error.message });
    throw error;
  }
}
