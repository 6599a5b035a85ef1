import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { SESSION_COOKIE_NAME } from '../auth/session.server';
import { LANGUAGE_COOKIE_NAME, languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { InLanguage, LanguageLine } from '../ui/citizen';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').about.cookiesTitle} · Jobbro` }];

/**
 * Public, in the reader's language. Both cookies are strictly necessary (the login, the reader's own choice
 * of language), so the cookie rules ask for no consent; the page names them, with the names the code sets.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return { language: languageOf(request), sessionCookie: SESSION_COOKIE_NAME, languageCookie: LANGUAGE_COOKIE_NAME };
}

export default function CookiesPage() {
  const { language, sessionCookie, languageCookie } = useLoaderData<typeof loader>();
  const t = textsFor(language).about;
  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <h1>{t.cookiesTitle}</h1>
      <p className="font-lead">{t.cookiesIntro}</p>
      <p>{t.cookiesNone}</p>
      <table className="table table--responsive-headers">
        <caption>{t.cookiesTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cookieName}</th>
            <th scope="col">{t.cookiePurpose}</th>
            <th scope="col">{t.cookieLifetime}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" data-title={t.cookieName}>
              <code>{sessionCookie}</code>
            </th>
            <td data-title={t.cookiePurpose}>{t.sessionPurpose}</td>
            <td data-title={t.cookieLifetime}>{t.sessionLifetime}</td>
          </tr>
          <tr>
            <th scope="row" data-title={t.cookieName}>
              <code>{languageCookie}</code>
            </th>
            <td data-title={t.cookiePurpose}>{t.languagePurpose}</td>
            <td data-title={t.cookieLifetime}>{t.languageLifetime}</td>
          </tr>
        </tbody>
      </table>
      <p>{t.cookiesDelete}</p>
    </InLanguage>
  );
}
