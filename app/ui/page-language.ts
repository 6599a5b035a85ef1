/**
 * The language of the page's content: a page written in the reader's language returns it as `language`
 * from its loader (the citizen's pages, the invitation and the password pages, the public job pages); a
 * page whose loader failed speaks it in its error boundary when its `handle` says so (READER_LANGUAGE_HANDLE);
 * every other page is Danish. Only the page itself counts, not its layout. Shared UI (the field's error
 * prefix for screen readers, say) asks here rather than taking a language from every form.
 */
import { useMatches, useRouteLoaderData } from '@remix-run/react';
import { DEFAULT_LANGUAGE, isLanguage, speaksReaderLanguage, type Language } from '../i18n/language';

export function usePageLanguage(): Language {
  const root = useRouteLoaderData('root') as { readerLanguage?: unknown } | undefined;
  const readerLanguage = isLanguage(root?.readerLanguage) ? root.readerLanguage : DEFAULT_LANGUAGE;
  const page = useMatches().at(-1);
  const pageData = page?.data as { language?: unknown } | undefined;
  if (isLanguage(pageData?.language)) return pageData.language;
  return speaksReaderLanguage(page?.handle) ? readerLanguage : DEFAULT_LANGUAGE;
}
