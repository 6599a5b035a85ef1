import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { organisationNameFor } from '../services/organisations.server';

export const meta: MetaFunction = () => [{ title: 'Konsulentforside · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  return { name: user.name, organisation: await organisationNameFor(user) };
}

export default function ConsultantHome() {
  const { name, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Konsulentforside</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, ${organisation}` : ''}.
      </p>
      <p>Her finder du snart dine borgere, virksomhedernes ledige job og de match, du arbejder med.</p>
    </>
  );
}
