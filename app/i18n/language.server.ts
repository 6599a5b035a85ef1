/** The remembered language of the citizen's pages: one small cookie, read on every citizen page. */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language';

export const LANGUAGE_COOKIE_NAME = 'jobbro_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function languageOf(request: Request): Language {
  const header = request.headers.get('Cookie');
  if (!header) return DEFAULT_LANGUAGE;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== LANGUAGE_COOKIE_NAME) continue;
    const value = pair.slice(separator + 1).trim();
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  }
  return DEFAULT_LANGUAGE;
}

/** Not HttpOnly-sensitive: it holds only "da" or "en"; SameSite=Lax like the session cookie. */
export function languageCookie(language: Language): string {
  const attributes = ['Path=/', 'SameSite=Lax', `Max-Age=${ONE_YEAR_SECONDS}`, 'HttpOnly'];
  if (process.env.NODE_ENV === 'production' && process.env.COOKIE_SECURE !== 'false') attributes.push('Secure');
  return `${LANGUAGE_COOKIE_NAME}=${language}; ${attributes.join('; ')}`;
}
