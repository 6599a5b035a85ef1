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
import { languageOf } from './i18n/language.server';
import { usePageLanguage } from './ui/page-language';
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
  const chromeUser = user ? { name: user.name, role: user.role, organisation: await organisationNameFor(user) } : null;
  return data({ user: chromeUser, readerLanguage: languageOf(request) }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  const language = usePageLanguage();
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
        <PageChrome user={user}>{children}</PageChrome>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const STATUS_MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'Forkert anmodning', text: 'Siden kunne ikke forstå det, der blev sendt. Gå tilbage, og prøv igen.' },
  403: { title: 'Du har ikke adgang', text: 'Du har ikke adgang til denne side. Log ind med en anden bruger, eller gå til din forside.' },
  404: { title: 'Siden findes ikke', text: 'Vi kunne ikke finde det, du ledte efter. Det kan være slettet, eller adressen kan være forkert.' },
  429: { title: 'For mange forsøg', text: 'Vent lidt, og prøv igen.' },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = STATUS_MESSAGES[status] ?? {
    title: 'Der skete en fejl',
    text: 'Noget gik galt hos os. Prøv igen om lidt. Hvis fejlen bliver ved, så kontakt jobcentret.',
  };
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <h1 className="alert-heading">{message.title}</h1>
        <p className="alert-text">{message.text}</p>
        <p>
          <a href="/">Gå til forsiden</a>
        </p>
      </div>
    </div>
  );
}
