import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { languageOf } from '../i18n/language.server';
import { CitizenNav } from '../ui/citizen';

/** Every citizen page: the citizen's menu and language switch above the page. */
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: '/jobbro-borger.css' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'citizen');
  return { language: languageOf(request) };
}

export default function CitizenLayout() {
  const { language } = useLoaderData<typeof loader>();
  return (
    <div className="jobbro-citizen">
      <CitizenNav language={language} />
      <Outlet />
    </div>
  );
}
