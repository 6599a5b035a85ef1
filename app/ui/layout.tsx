import type { ReactNode } from 'react';
import { Form, Link } from '@remix-run/react';
import { ROLE_ENTRIES, type Role } from '../domain/vocabulary';
import { labelIn, type Language } from '../i18n/language';
import { textsFor, type Texts } from '../i18n/texts';

export type ChromeUser = { name: string; role: Role; organisation: string | null };

type NavLink = { to: string; label: string };

/** Staff's menus are Danish always (decision 016); visitors' and citizens' speak the chrome's language. */
function navigationFor(role: Role | undefined, t: Texts['chrome']): NavLink[] {
  switch (role) {
    case undefined:
      return [
        { to: '/jobs', label: t.findJob },
        { to: '/login', label: t.logIn },
      ];
    // A citizen's "Find job" is the jobs they can take (their hours, reach, kind and what they must avoid):
    // the public list shows jobs a citizen may not be offered, which is no help to them (issue 14).
    case 'citizen':
      return [
        { to: '/borger', label: t.myPage },
        { to: '/borger/job', label: t.findJob },
      ];
    case 'company':
      return [
        { to: '/virksomhed', label: 'Virksomhedens side' },
        { to: '/virksomhed/aftaler', label: 'Aftaler' },
        { to: '/jobs', label: 'Ledige job' },
      ];
    case 'consultant':
      return [
        { to: '/konsulent', label: 'Konsulentforside' },
        { to: '/konsulent/borgere', label: 'Mine borgere' },
        { to: '/konsulent/virksomheder', label: 'Virksomheder' },
        { to: '/konsulent/aftaler', label: 'Aftaler' },
        { to: '/konsulent/tal', label: 'Tal' },
        { to: '/jobs', label: 'Ledige job' },
      ];
    case 'leader':
      return [
        { to: '/leder', label: 'Jobcentrets tal' },
        { to: '/leder/maerke', label: 'Socialt ansvarlige virksomheder' },
        { to: '/jobs', label: 'Ledige job' },
      ];
    case 'admin':
      return [
        { to: '/admin', label: 'Administration' },
        { to: '/jobs', label: 'Ledige job' },
      ];
  }
}

/** What every Danish public site links to at its foot; the accessibility statement is required by law. */
function footerLinksOf(t: Texts['chrome']): NavLink[] {
  return [
    { to: '/tilgaengelighed', label: t.accessibility },
    { to: '/privatliv', label: t.privacy },
    { to: '/cookies', label: t.cookies },
    { to: '/kontakt', label: t.contact },
  ];
}

/** The theme a page wears: citizens borger.dk's, companies virk.dk's, the jobcentre the neutral one. */
export function themeStylesheet(role: Role | undefined): string {
  if (role === 'company') return '/dkfds/css/dkfds-virkdk.min.css';
  if (role === 'consultant' || role === 'leader' || role === 'admin') return '/dkfds/css/dkfds.min.css';
  return '/dkfds/css/dkfds-borgerdk.min.css';
}

/**
 * Det Fælles Designsystem's page chrome: skip link, header with the portal's name and user, main, footer.
 * It speaks `language` (chromeLanguageFor: the reader's for visitors and citizens, Danish for staff) and says
 * so, since the page inside may speak another (a visitor in English on the Danish company sign-up page).
 */
export function PageChrome({
  user,
  language,
  demo,
  children,
}: {
  user: ChromeUser | null;
  language: Language;
  /** Demo accounts exist: the try-out, with invented people and a public password; every page says so. */
  demo: boolean;
  children: ReactNode;
}) {
  const t = textsFor(language).chrome;
  const links = navigationFor(user?.role, t);
  return (
    <>
      <a className="skipnav" href="#main-content" lang={language}>
        {t.skipLink}
      </a>
      <header className="header" lang={language}>
        {demo ? (
          <div className="jobbro-demo">
            <div className="container">
              <p>
                <strong>{t.demoLabel}:</strong> {t.demoText}
              </p>
            </div>
          </div>
        ) : null}
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/" aria-label={t.home}>
                Jobbro
              </Link>
            </div>
            <div className="additional-info">
              {user ? (
                <div className="jobbro-user">
                  <p>
                    <strong className="authority-name">{user.name}</strong>
                    <br />
                    {labelIn(ROLE_ENTRIES, user.role, language)}
                    {user.organisation ? `, ${user.organisation}` : ''}
                  </p>
                  <Link to="/konto" className="jobbro-account-link">
                    {t.myAccount}
                  </Link>
                  <Form method="post" action="/logout" reloadDocument>
                    <button type="submit" className="button button-secondary">
                      {t.logOut}
                    </button>
                  </Form>
                </div>
              ) : (
                <p>{t.tagline}</p>
              )}
            </div>
          </div>
        </div>
        <div className="navigation-menu jobbro-navigation">
          <div className="navigation-menu-inner container">
            <nav className="nav" aria-label={t.menuLabel}>
              <ul className="mainmenu">
                {links.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} className="nav-link">
                      <span>{link.label}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        {children}
      </main>
      <footer lang={language}>
        <div className="footer">
          <div className="container">
            <p>{t.footer}</p>
            <nav aria-label={t.footerLinksLabel}>
              <ul className="nobullet-list no-max-width jobbro-footer-links">
                {footerLinksOf(t).map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} className="function-link">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </footer>
    </>
  );
}
