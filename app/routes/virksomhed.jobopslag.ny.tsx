import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { submitOpeningForm } from '../services/opening-submissions.server';
import { shelteredJobWarningFor } from '../services/openings.server';
import { OpeningForm } from '../ui/opening-form';

export const meta: MetaFunction = () => [{ title: 'Nyt jobopslag · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return { shelteredWarning: await shelteredJobWarningFor(user.companyId!) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const result = await submitOpeningForm(user, await request.formData(), { companyId: user.companyId! });
  if (!result.ok) return data(result, { status: 400 });
  return redirect(`/virksomhed/jobopslag/${result.openingId}?gemt=1`);
}

export default function NewOpening() {
  const { shelteredWarning } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <>
      <h1>Nyt jobopslag</h1>
      <p className="font-lead">Beskriv opgaverne og timerne. Jobcentret finder borgere, der passer, og du bestemmer, om I skal mødes.</p>
      <OpeningForm
        values={problem?.values ?? {}}
        errors={problem?.errors ?? {}}
        warning={shelteredWarning ? `Hvis det er et skånejob: ${shelteredWarning}` : null}
      />
    </>
  );
}
