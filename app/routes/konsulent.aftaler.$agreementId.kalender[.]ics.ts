import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../auth/permissions.server';
import { orHttpError } from '../services/errors.server';
import { calendarResponse, followUpCalendarFile } from '../services/follow-ups.server';

/** The agreement's follow-up plan as an iCalendar file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  return calendarResponse(await orHttpError(() => followUpCalendarFile(user, params.agreementId ?? '')));
}
