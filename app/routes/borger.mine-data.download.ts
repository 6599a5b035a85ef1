import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../auth/permissions.server';
import { toIsoDate } from '../domain/format';
import { exportOwnData } from '../services/citizen-portal.server';
import { orHttpError } from '../services/errors.server';

/** All the citizen's data as one JSON file (GDPR art. 15); the download is written to their access log. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const now = new Date();
  const exported = await orHttpError(() => exportOwnData(user, now));
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="jobbro-mine-oplysninger-${toIsoDate(now)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
