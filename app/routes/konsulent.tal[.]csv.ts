import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../auth/permissions.server';
import { dashboardPage, dashboardPageCsv } from '../services/dashboard.server';
import { orHttpError } from '../services/errors.server';

/** The consultant's dashboard (jobcentre or `?omfang=mine`) as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const page = await orHttpError(() => dashboardPage(user, new URL(request.url)));
  return new Response(dashboardPageCsv(page), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tal-${page.scope.consultantId ? 'mine-borgere' : 'jobcentret'}-${page.period.from.slice(0, 7)}-${page.period.to.slice(0, 7)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
