/**
 * Turning a posted opening form into a saved opening: validate with the shared schema, save as draft or
 * publish, and on any problem hand back the values and the messages for the form. Used by the company's
 * and the consultant's (jobordre) routes alike.
 */
import { fieldErrorsOf, formValues } from '../domain/form-values';
import { openingInputSchema } from '../domain/opening-rules';
import { nextStep, stepMoveOf, stepOf } from '../domain/opening-steps';
import { toIsoDate } from '../domain/format';
import type { FieldErrors } from '../domain/form-values';
import type { Actor } from './actor';
import { createOpening, updateOpening } from './openings.server';
import { findPostcode } from './postcodes.server';

export const OPENING_LIST_FIELDS = ['days', 'parts', 'demands', 'accommodations'] as const;

export type OpeningSubmissionProblem = {
  values: Record<string, string | string[]>;
  errors: FieldErrors;
};

/** The schema as of today; an edit may keep a start date that has since passed. */
export function openingSchemaForToday(now = new Date(), savedStartDate?: string) {
  const today = toIsoDate(now);
  const earliestStart = savedStartDate && savedStartDate < today ? savedStartDate : today;
  return openingInputSchema({ today: earliestStart, postcodeExists: (code) => findPostcode(code) !== undefined });
}

export async function submitOpeningForm(
  actor: Actor,
  formData: FormData,
  target: { companyId: string; openingId?: string; savedStartDate?: string },
): Promise<{ ok: true; openingId: string } | ({ ok: false } & OpeningSubmissionProblem)> {
  const values = formValues(formData, OPENING_LIST_FIELDS);
  const publish = formData.get('intent') !== 'draft';
  const parsed = openingSchemaForToday(new Date(), target.savedStartDate).safeParse(values);
  // Discriminating wording is one of the schema's checks, so it comes back with every other problem at once.
  if (!parsed.success) return { ok: false, values, errors: fieldErrorsOf(parsed.error) };
  const opening = target.openingId
    ? await updateOpening(actor, target.openingId, parsed.data)
    : await createOpening(actor, target.companyId, parsed.data, { publish });
  return { ok: true, openingId: opening.id };
}

/**
 * One press in the stepped form of a new opening (company or jobordre): validate everything posted, then move
 * as `nextStep` says; only a save from the summary (or a save with no problems left) creates the opening.
 */
export async function submitOpeningStep(
  actor: Actor,
  formData: FormData,
  target: { companyId: string },
): Promise<{ ok: true; openingId: string } | ({ ok: false; step: number } & OpeningSubmissionProblem)> {
  const values = formValues(formData, OPENING_LIST_FIELDS);
  const { step: _step, intent: _intent, ...answers } = values;
  const move = stepMoveOf(formData.get('intent'));
  const parsed = openingSchemaForToday(new Date()).safeParse(answers);
  const outcome = nextStep(stepOf(formData.get('step')), move, parsed.success ? {} : fieldErrorsOf(parsed.error));
  if (!outcome.save || !parsed.success) return { ok: false, values: answers, errors: outcome.errors, step: outcome.step };
  const opening = await createOpening(actor, target.companyId, parsed.data, { publish: move.kind === 'save' && move.publish });
  return { ok: true, openingId: opening.id };
}
