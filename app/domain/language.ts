/**
 * The languages of the citizen's pages. Danish is the portal's language; citizens who read Danish with
 * difficulty may switch to English, and the choice is remembered in a cookie (app/i18n/language.server.ts).
 * In the domain (decision 029): rules that speak to the citizen take the language as an argument.
 */
import type { Role } from './vocabulary';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of the header, main menu, footer and site-wide error page. Visitors and citizens read them in
 * the language they chose; the jobcentre's staff and the companies (consultant, admin, company) work in Danish
 * whatever their browser once chose on a public page, because their pages and their colleagues' are Danish.
 */
export function chromeLanguageFor(role: Role | null | undefined, readerLanguage: Language): Language {
  return !role || role === 'citizen' ? readerLanguage : DEFAULT_LANGUAGE;
}

/** A vocabulary entry's label in the language (app/domain/vocabulary.ts keeps both). */
export function labelIn<T extends { readonly code: string; readonly da: string; readonly en: string }>(
  entries: readonly T[],
  code: T['code'],
  language: Language,
): string {
  const entry = entries.find((candidate) => candidate.code === code);
  return entry ? entry[language] : code;
}
