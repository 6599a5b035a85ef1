import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { endSession } from '../auth/session.server';
import { providerLogoutUrl } from '../auth/sign-in-providers.server';
import { publicOrigin } from '../services/public-origin.server';

/** Logging out changes state, so it takes a POST (guarded by the Origin check); a GET just goes home. */
export async function loader() {
  throw redirect('/');
}

/**
 * Ends the session here, and at the provider too when the session began there (MitID, MitID Erhverv, the
 * municipality's login): the browser goes on to its end_session endpoint, which sends it back to /login.
 */
export async function action({ request }: ActionFunctionArgs) {
  const atProvider = await providerLogoutUrl(request, publicOrigin());
  const setCookie = await endSession(request);
  return redirect(atProvider ?? '/login', { headers: { 'Set-Cookie': setCookie } });
}
