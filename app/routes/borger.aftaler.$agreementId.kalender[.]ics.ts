import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../auth/permissions.server';
import { languageOf } from '../i18n/language.server';
import { orHttpError } from '../services/errors.server';
import { calendarResponse, partyCalendarFile } from '../services/follow-ups.server';

/** The follow-up dates of the citizen's own agreement as an iCalendar file, in their language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  return calendarResponse(await orHttpError(() => partyCalendarFile(user, params.agreementId ?? '', { language: languageOf(request) })));
}
