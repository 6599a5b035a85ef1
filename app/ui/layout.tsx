import type { ReactNode } from 'react';
import { Form, Link } from '@remix-run/react';
import { ROLE_LABELS, type Role } from '../domain/vocabulary';

export type ChromeUser = { name: string; role: Role; organisation: string | null };

type NavLink = { to: string; label: string };

const NAVIGATION: Record<Role | 'anonymous', NavLink[]> = {
  anonymous: [
    { to: '/jobs', label: 'Find job' },
    { to: '/login', label: 'Log ind' },
  ],
  citizen: [
    { to: '/borger', label: 'Min side' },
    { to: '/jobs', label: 'Find job' },
  ],
  company: [
    { to: '/virksomhed', label: 'Virksomhedens side' },
    { to: '/virksomhed/aftaler', label: 'Aftaler' },
    { to: '/jobs', label: 'Ledige job' },
  ],
  consultant: [
    { to: '/konsulent', label: 'Konsulentforside' },
    { to: '/konsulent/borgere', label: 'Mine borgere' },
    { to: '/konsulent/virksomheder', label: 'Virksomheder' },
    { to: '/konsulent/aftaler', label: 'Aftaler' },
    { to: '/jobs', label: 'Ledige job' },
  ],
  admin: [
    { to: '/admin', label: 'Administration' },
    { to: '/jobs', label: 'Ledige job' },
  ],
};

/** The theme a page wears: citizens borger.dk's, companies virk.dk's, the jobcentre the neutral one. */
export function themeStylesheet(role: Role | undefined): string {
  if (role === 'company') return '/dkfds/css/dkfds-virkdk.min.css';
  if (role === 'consultant' || role === 'admin') return '/dkfds/css/dkfds.min.css';
  return '/dkfds/css/dkfds-borgerdk.min.css';
}

/**
 * Det Fælles Designsystem's page chrome: skip link, header with the portal's name and user, main, footer.
 * The chrome is Danish on every page, so it says so: a citizen's page in English has `<html lang="en">`.
 */
export function PageChrome({ user, children }: { user: ChromeUser | null; children: ReactNode }) {
  const links = NAVIGATION[user?.role ?? 'anonymous'];
  return (
    <>
      <a className="skipnav" href="#main-content" lang="da">
        Gå til sidens indhold
      </a>
      <header className="header" lang="da">
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link to="/" aria-label="Jobbro, til forsiden">
                Jobbro
              </Link>
            </div>
            <div className="additional-info">
              {user ? (
                <div className="jobbro-user">
                  <p>
                    <strong className="authority-name">{user.name}</strong>
                    <br />
                    {ROLE_LABELS[user.role]}
                    {user.organisation ? `, ${user.organisation}` : ''}
                  </p>
                  <Form method="post" action="/logout">
                    <button type="submit" className="button button-secondary">
                      Log af
                    </button>
                  </Form>
                </div>
              ) : (
                <p>Småjob, skånejob og fleksjob i dit lokalområde</p>
              )}
            </div>
          </div>
        </div>
        <div className="navigation-menu jobbro-navigation">
          <div className="navigation-menu-inner container">
            <nav className="nav" aria-label="Hovedmenu">
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
      <footer className="footer" lang="da">
        <div className="container">
          <p>Jobbro · et samarbejde mellem jobcentret og virksomhederne i lokalområdet</p>
        </div>
      </footer>
    </>
  );
}
