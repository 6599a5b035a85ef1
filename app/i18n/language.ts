/**
 * The reader's language on the pages. The languages themselves are the domain's (app/domain/language.ts,
 * decision 029), handed on here for the routes and the UI.
 */
export { DEFAULT_LANGUAGE, LANGUAGES, chromeLanguageFor, isLanguage, labelIn, type Language } from '../domain/language';

/**
 * A route's `handle` when the page speaks the reader's chosen language even where it has no loader data to
 * say so: in its error boundary (an old link to a job that is no longer available).
 */
export const READER_LANGUAGE_HANDLE = { readerLanguage: true } as const;

export function speaksReaderLanguage(handle: unknown): boolean {
  return typeof handle === 'object' && handle !== null && (handle as { readerLanguage?: unknown }).readerLanguage === true;
}
