import type { LoaderFunctionArgs } from '@remix-run/node';
import { getUser } from '../auth/permissions.server';
import { checkHealth, healthStatusCode } from '../services/health.server';

/**
 * Up or down for anyone (a load balancer's probe, Playwright's start-up wait): 200 "ok" while the portal
 * serves, 503 when its database is gone. What is up and what lags (database, search, outbox backlog) is for
 * a check on this machine itself or a signed-in administrator; to others it only maps the installation.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const health = await checkHealth();
  const status = healthStatusCode(health);
  const headers = { 'Cache-Control': 'no-store' };
  if (context.localDirectRequest || (await getUser(request))?.role === 'admin') return Response.json(health, { status, headers });
  return new Response(status === 200 ? 'ok' : 'nede', { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}
