import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { getUserWithHeaders } from './auth/permissions.server';
import { userMessageOf } from './domain/user-error';
import { languageOf } from './i18n/language.server';
import { SERVICE_MESSAGES_IN_ENGLISH, textsFor, type Texts } from './i18n/texts';
import { useChromeLanguage, usePageLanguage } from './ui/page-language';
import { demoAccountsExist } from './services/demo.server';
import { organisationNameFor } from './services/organisations.server';
import { PageChrome, themeStylesheet } from './ui/layout';
import { useNonce } from './ui/nonce';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/jobbro.css' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [
  { title: 'Jobbro' },
  { name: 'description', content: 'Småjob, skånejob og fleksjob mellem virksomheder, jobcenter og borgere' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The headers carry a renewed or cleared session cookie.
  const { user, headers } = await getUserWithHeaders(request);
  const [organisation, demo] = await Promise.all([user ? organisationNameFor(user) : null, demoAccountsExist()]);
  const chromeUser = user ? { name: user.name, role: user.role, organisation } : null;
  return data({ user: chromeUser, readerLanguage: languageOf(request), demo }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  const language = usePageLanguage();
  const chromeLanguage = useChromeLanguage();
  const user = data?.user ?? null;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href={themeStylesheet(user?.role)} />
        <Meta />
        <Links />
      </head>
      <body>
        <PageChrome user={user} language={chromeLanguage} demo={data?.demo ?? false}>
          {children}
        </PageChrome>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

function errorPageTexts(status: number, t: Texts['errorPage']): { title: string; text: string } {
  switch (status) {
    case 400:
      return t.badRequest;
    case 403:
      return t.forbidden;
    case 404:
      return t.notFound;
    case 429:
      return t.tooManyRequests;
    default:
      return t.unexpected;
  }
}

/**
 * Site-wide, so it speaks the chrome's language: the reader's for visitors and citizens, Danish for staff.
 * A refusal from a service (403/404/410) shows the service's own sentence below the generic title, in the
 * reader's language where texts.ts has it, else in Danish marked as such; anything else shows the generic text.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const language = useChromeLanguage();
  const t = textsFor(language).errorPage;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = errorPageTexts(status, t);
  const serviceMessage = isRouteErrorResponse(error) && status < 500 ? userMessageOf(error.data) : null;
  const translated = serviceMessage === null ? null : language === 'da' ? serviceMessage : (SERVICE_MESSAGES_IN_ENGLISH[serviceMessage] ?? null);
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <h1 className="alert-heading">{message.title}</h1>
        {serviceMessage === null ? (
          <p className="alert-text">{message.text}</p>
        ) : (
          <p className="alert-text" lang={translated === null ? 'da' : undefined}>
            {translated ?? serviceMessage}
          </p>
        )}
        <p>
          <a href="/">{t.home}</a>
        </p>
      </div>
    </div>
  );
}
