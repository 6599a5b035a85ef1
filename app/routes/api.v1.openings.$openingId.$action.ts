import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { asJsonErrors, changeApiOpeningStatus, jsonError, requireApiActor } from '../services/api-openings.server';

export function loader() {
  return jsonError(405, 'method_not_allowed', 'Brug POST, fx POST /api/v1/openings/{id}/close.');
}

/** POST /api/v1/openings/{id}/{publish|pause|reopen|markFilled|close} */
export function action({ request, params }: ActionFunctionArgs & LoaderFunctionArgs) {
  return asJsonErrors(async () => {
    const actor = await requireApiActor(request);
    if (request.method !== 'POST') return jsonError(405, 'method_not_allowed', 'Brug POST.');
    return changeApiOpeningStatus(actor, params.openingId ?? '', params.action ?? '', request);
  });
}
