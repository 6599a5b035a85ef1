import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getUser, safeRedirectPath } from '../auth/permissions.server';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/language';
import { languageCookie } from '../i18n/language.server';
import { rememberMailLanguage } from '../services/notifications.server';

/** The language switch posts here; a GET just goes home. */
export async function loader() {
  throw redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const chosen = form.get('language');
  const language = isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
  // A signed-in citizen's choice is also the language of their mails (decision 026).
  const user = await getUser(request);
  if (user) await rememberMailLanguage(user, language);
  return redirect(safeRedirectPath(form.get('redirectTo')) ?? '/', { headers: { 'Set-Cookie': languageCookie(language) } });
}
