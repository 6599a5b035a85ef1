import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLeader } from '../auth/permissions.server';
import { dashboardPage, dashboardPageCsv } from '../services/dashboard.server';
import { orHttpError } from '../services/errors.server';

/** The leader's whole dashboard as CSV, for the period of the page's query. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireLeader(request);
  const page = await orHttpError(() => dashboardPage(user, new URL(request.url)));
  return new Response(dashboardPageCsv(page), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="jobcentrets-tal-${page.period.from.slice(0, 7)}-${page.period.to.slice(0, 7)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
