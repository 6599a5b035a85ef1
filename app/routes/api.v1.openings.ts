import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { asJsonErrors, createApiOpening, jsonError, listApiOpenings, requireApiActor } from '../services/api-openings.server';

export function loader({ request }: LoaderFunctionArgs) {
  return asJsonErrors(async () => listApiOpenings(await requireApiActor(request), new URL(request.url)));
}

export function action({ request }: ActionFunctionArgs) {
  return asJsonErrors(async () => {
    const actor = await requireApiActor(request);
    if (request.method !== 'POST') return jsonError(405, 'method_not_allowed', 'Brug POST for at oprette et jobopslag.');
    return createApiOpening(actor, request);
  });
}
