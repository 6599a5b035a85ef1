/**
 * The languages of the citizen's pages. Danish is the portal's language; citizens who read Danish with
 * difficulty may switch to English, and the choice is remembered in a cookie (see language.server.ts).
 */
import type { Role } from '../domain/vocabulary';

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

/**
 * A route's `handle` when the page speaks the reader's chosen language even where it has no loader data to
 * say so: in its error boundary (an old link to a job that is no longer available).
 */
export const READER_LANGUAGE_HANDLE = { readerLanguage: true } as const;

export function speaksReaderLanguage(handle: unknown): boolean {
  return typeof handle === 'object' && handle !== null && (handle as { readerLanguage?: unknown }).readerLanguage === true;
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
