/**
 * The language of the page's content: a page written in the reader's language returns it as `language`
 * from its loader (the citizen's pages, the invitation and the password pages, the login page, the public job
 * pages); a page whose loader failed speaks it in its error boundary when its `handle` says so
 * (READER_LANGUAGE_HANDLE); the site-wide error page speaks the chrome's language; every other page is
 * Danish. Only the page itself counts, not its layout. Shared UI (the field's error prefix for screen
 * readers, say) asks here rather than taking a language from every form.
 */
import { useMatches, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { chromeLanguageFor, DEFAULT_LANGUAGE, isLanguage, speaksReaderLanguage, type Language } from '../i18n/language';
import type { Role } from '../domain/vocabulary';

type RootData = { readerLanguage?: unknown; user?: { role: Role } | null };

function useReaderLanguageOfRoot(): { readerLanguage: Language; role: Role | undefined } {
  const root = useRouteLoaderData('root') as RootData | undefined;
  return { readerLanguage: isLanguage(root?.readerLanguage) ? root.readerLanguage : DEFAULT_LANGUAGE, role: root?.user?.role };
}

/** The header, menu, footer and site-wide error page: the reader's language for visitors and citizens (decision 016). */
export function useChromeLanguage(): Language {
  const { readerLanguage, role } = useReaderLanguageOfRoot();
  return chromeLanguageFor(role, readerLanguage);
}

export function usePageLanguage(): Language {
  const { readerLanguage } = useReaderLanguageOfRoot();
  const chromeLanguage = useChromeLanguage();
  // Asked from root's Layout, this is the error the root's ErrorBoundary shows: the page is that error page.
  const rootError = useRouteError();
  const page = useMatches().at(-1);
  const pageData = page?.data as { language?: unknown } | undefined;
  if (isLanguage(pageData?.language)) return pageData.language;
  if (speaksReaderLanguage(page?.handle)) return readerLanguage;
  return rootError ? chromeLanguage : DEFAULT_LANGUAGE;
}
