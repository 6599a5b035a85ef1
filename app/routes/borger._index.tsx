import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { organisationNameFor } from '../services/organisations.server';

export const meta: MetaFunction = () => [{ title: 'Min side · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  return { name: user.name, organisation: await organisationNameFor(user) };
}

export default function CitizenHome() {
  const { name, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Min side</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, ${organisation}` : ''}.
      </p>
      <p>Her kan du snart se dine jobønsker, de job der passer til dig, og hvem der har set dine oplysninger.</p>
    </>
  );
}
