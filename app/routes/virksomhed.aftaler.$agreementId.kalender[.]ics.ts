import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../auth/permissions.server';
import { orHttpError } from '../services/errors.server';
import { calendarResponse, partyCalendarFile } from '../services/follow-ups.server';

/** The follow-up dates of the company's own agreement as an iCalendar file for its contact person. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return calendarResponse(await orHttpError(() => partyCalendarFile(user, params.agreementId ?? '')));
}
