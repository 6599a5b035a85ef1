/**
 * A new opening is posted in steps (the DKFDS step indicator): four short pages of fields and a summary to
 * check before publishing. Every step's values travel along in the form, so the steps work without JavaScript
 * and nothing typed is lost when a step has errors. The server's answer decides which step is shown.
 */

export const OPENING_STEPS = [
  { key: 'job', title: 'Jobbet', fields: ['kind', 'title', 'description', 'tasks'] },
  {
    key: 'time',
    title: 'Tid, sted og løn',
    fields: ['hoursMin', 'hoursMax', 'flexjobExpectedHours', 'days', 'parts', 'scheduleNote', 'startDate', 'slots', 'postcode', 'hourlyWage', 'wageAgreement'],
  },
  { key: 'needs', title: 'Krav og hensyn', fields: ['demands', 'accommodations', 'languageNeeds', 'drivingLicenceRequired'] },
  { key: 'contact', title: 'Kontaktperson', fields: ['contactName', 'contactRole', 'contactPhone', 'contactEmail'] },
  { key: 'summary', title: 'Tjek og offentliggør', fields: [] },
] as const satisfies readonly { key: string; title: string; fields: readonly string[] }[];

export const SUMMARY_STEP = OPENING_STEPS.length - 1;

/** The step a posted form was on ('0'…'4'); anything else is the first. */
export function stepOf(value: unknown): number {
  const step = typeof value === 'string' && /^\d$/.test(value) ? Number(value) : 0;
  return step <= SUMMARY_STEP ? step : 0;
}

/** The step whose page shows this field; a message about no known field belongs to the first. */
export function stepOfField(field: string): number {
  const step = OPENING_STEPS.findIndex((candidate) => (candidate.fields as readonly string[]).includes(field));
  return step === -1 ? 0 : step;
}

/** Only the messages about the given step's fields. */
export function errorsOfStep<T>(errors: Partial<Record<string, T>>, step: number): Partial<Record<string, T>> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => stepOfField(field) === step));
}

export type StepMove = { kind: 'next' } | { kind: 'back' } | { kind: 'goto'; step: number } | { kind: 'save'; publish: boolean };

/** The button a person pressed: "Næste", "Tilbage", a summary's "Ret" (goto-N), "Offentliggør" or "Gem som kladde". */
export function stepMoveOf(intent: unknown): StepMove {
  if (intent === 'next') return { kind: 'next' };
  if (intent === 'back') return { kind: 'back' };
  if (intent === 'draft') return { kind: 'save', publish: false };
  if (typeof intent === 'string' && /^goto-\d$/.test(intent)) return { kind: 'goto', step: stepOf(intent.slice(5)) };
  return { kind: 'save', publish: true };
}

/**
 * Where the form goes after a press, given every problem the whole form has: "Næste" stays while the step has
 * problems and shows just those; saving goes to the first step with a problem. Moving back never shows errors.
 */
export function nextStep<T>(current: number, move: StepMove, errors: Partial<Record<string, T>>): { step: number; errors: Partial<Record<string, T>>; save: boolean } {
  switch (move.kind) {
    case 'back':
      return { step: Math.max(0, current - 1), errors: {}, save: false };
    case 'goto':
      return { step: Math.min(move.step, SUMMARY_STEP), errors: {}, save: false };
    case 'next': {
      const here = errorsOfStep(errors, current);
      return Object.keys(here).length > 0 ? { step: current, errors: here, save: false } : { step: Math.min(current + 1, SUMMARY_STEP), errors: {}, save: false };
    }
    case 'save': {
      const fields = Object.keys(errors);
      if (fields.length === 0) return { step: current, errors: {}, save: true };
      const first = Math.min(...fields.map(stepOfField));
      return { step: first, errors: errorsOfStep(errors, first), save: false };
    }
  }
}
