/** Pieces of the citizen's pages: their menu, the language switch, and the page's language. */
import { Form, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';

/** The page's own language, so screen readers read English as English (WCAG 3.1.2). */
export function InLanguage({ language, children }: { language: Language; children: ReactNode }) {
  return <div lang={language}>{children}</div>;
}

/** The language the reader chose (the root loader reads the cookie), for an error boundary without loader data. */
export function useReaderLanguage(): Language {
  const root = useRouteLoaderData('root') as { readerLanguage?: unknown } | undefined;
  return isLanguage(root?.readerLanguage) ? root.readerLanguage : DEFAULT_LANGUAGE;
}

/** Whether the reader is a logged-in citizen (the root loader knows who is logged in). */
export function useReaderIsCitizen(): boolean {
  const root = useRouteLoaderData('root') as { user?: { role?: unknown } | null } | undefined;
  return root?.user?.role === 'citizen';
}

/** A plain form, so the switch works without JavaScript; the choice is remembered in a cookie. */
export function LanguageSwitch({ language }: { language: Language }) {
  const location = useLocation();
  const t = textsFor(language).languageSwitch;
  const other = t.otherCode as Language;
  return (
    <Form method="post" action="/sprog" className="jobbro-language">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" name="language" value={other} className="button button-tertiary" lang={other}>
        {t.other}
      </button>
    </Form>
  );
}

/** The switch on a line of its own, above a page outside the citizen's menu (the public job pages). */
export function LanguageLine({ language }: { language: Language }) {
  return (
    <div className="jobbro-language-line">
      <LanguageSwitch language={language} />
    </div>
  );
}

export function CitizenNav({ language }: { language: Language }) {
  const t = textsFor(language).nav;
  const links = [
    { to: '/borger', label: t.path, end: true },
    { to: '/borger/job', label: t.jobs, end: false },
    { to: '/borger/oensker', label: t.wishes, end: false },
    { to: '/borger/samtykke', label: t.consent, end: false },
    { to: '/borger/mine-data', label: t.data, end: false },
  ];
  return (
    <div className="jobbro-citizen-bar" lang={language}>
      <nav aria-label={t.label} className="jobbro-citizen-nav">
        <ul className="nobullet-list">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <LanguageSwitch language={language} />
    </div>
  );
}
