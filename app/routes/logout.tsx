import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { endSession } from '../auth/session.server';

/** Logging out changes state, so it takes a POST (guarded by the Origin check); a GET just goes home. */
export async function loader() {
  throw redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await endSession(request);
  return redirect('/login', { headers: { 'Set-Cookie': setCookie } });
}
