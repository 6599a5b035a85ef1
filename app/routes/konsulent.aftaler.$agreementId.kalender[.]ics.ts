import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../auth/permissions.server';
import { orHttpError } from '../services/errors.server';
import { followUpCalendarFile } from '../services/follow-ups.server';

/** The agreement's follow-up plan as an iCalendar file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const { text, filename } = await orHttpError(() => followUpCalendarFile(user, params.agreementId ?? ''));
  return new Response(text, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
