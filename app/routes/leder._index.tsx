import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireLeader } from '../auth/permissions.server';
import { organisationNameFor } from '../services/organisations.server';

export const meta: MetaFunction = () => [{ title: 'Jobcentrets tal · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireLeader(request);
  return { name: user.name, organisation: await organisationNameFor(user) };
}

export default function LeaderHome() {
  const { name, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Jobcentrets tal</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, jobcenterleder i ${organisation}` : ''}.
      </p>
    </>
  );
}
