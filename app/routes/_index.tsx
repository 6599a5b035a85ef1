import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getUser, homePathFor } from '../auth/permissions.server';

/** The front door: a logged-in user goes to the page of their role, everyone else to the login page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  throw redirect(user ? homePathFor(user.role) : '/login');
}
