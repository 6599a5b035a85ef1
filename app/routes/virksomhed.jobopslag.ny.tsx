import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { submitOpeningStep } from '../services/opening-submissions.server';
import { newOpeningFormValues, shelteredJobWarningFor } from '../services/openings.server';
import { SteppedOpeningForm } from '../ui/opening-form';

export const meta: MetaFunction = () => [{ title: 'Nyt jobopslag · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const [shelteredWarning, defaults] = await Promise.all([shelteredJobWarningFor(user.companyId!), newOpeningFormValues(user, user.companyId!)]);
  return { shelteredWarning, defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const result = await submitOpeningStep(user, await request.formData(), { companyId: user.companyId! });
  // A step with problems answers 400; moving between steps is an ordinary answer with the values.
  if (!result.ok) return data(result, { status: Object.keys(result.errors).length > 0 ? 400 : 200 });
  return redirect(`/virksomhed/jobopslag/${result.openingId}?oprettet=1`);
}

export default function NewOpening() {
  const { shelteredWarning, defaults } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  return (
    <>
      <h1>Nyt jobopslag</h1>
      <p className="font-lead">Beskriv opgaverne og timerne. Jobcentret finder borgere, der passer, og du bestemmer, om I skal mødes.</p>
      <SteppedOpeningForm
        values={problem?.values ?? defaults}
        errors={problem?.errors ?? {}}
        step={problem?.step ?? 0}
        warning={shelteredWarning ? `Hvis det er et skånejob: ${shelteredWarning}` : null}
      />
    </>
  );
}
