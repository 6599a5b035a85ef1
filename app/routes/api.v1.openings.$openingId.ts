import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { apiOpening, asJsonErrors, jsonError, requireApiActor, updateApiOpening } from '../services/api-openings.server';
import { getOpeningForManager } from '../services/openings.server';

export function loader({ request, params }: LoaderFunctionArgs) {
  return asJsonErrors(async () => {
    const actor = await requireApiActor(request);
    return Response.json({ opening: apiOpening(await getOpeningForManager(actor, params.openingId ?? '')) });
  });
}

export function action({ request, params }: ActionFunctionArgs) {
  return asJsonErrors(async () => {
    const actor = await requireApiActor(request);
    if (request.method !== 'PUT') return jsonError(405, 'method_not_allowed', 'Brug PUT for at opdatere et jobopslag.');
    return updateApiOpening(actor, params.openingId ?? '', request);
  });
}
