import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { organisationNameFor } from '../services/organisations.server';

export const meta: MetaFunction = () => [{ title: 'Administration · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'admin');
  return { name: user.name, organisation: await organisationNameFor(user) };
}

export default function AdminHome() {
  const { name, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, ${organisation}` : ''}.
      </p>
      <p>Her kan du snart administrere jobcentre og brugere.</p>
    </>
  );
}
