import { data, redirect } from '@remix-run/node';
import type { Actor } from '../services/actor';
import { orHttpError } from '../services/errors.server';
import { withdrawProposalFromForm } from '../services/proposals.server';

/**
 * The withdraw form's POST on a match page (from an opening or from a citizen): back to the same search with
 * `?trukket=<id>` and the proposal list in view, or the reason's problem at its field (400).
 */
export async function withdrawOnMatchPage(actor: Actor, values: Record<string, FormDataEntryValue>, requestUrl: string) {
  const { withdrawn, problem } = await orHttpError(() => withdrawProposalFromForm(actor, values));
  if (problem) return data({ refusal: null, withdrawal: problem }, { status: 400 });
  const url = new URL(requestUrl);
  url.searchParams.delete('foreslaaet');
  url.searchParams.set('trukket', withdrawn.id);
  return redirect(`${url.pathname}?${url.searchParams}#forslag`);
}
