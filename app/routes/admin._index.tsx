import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formValues } from '../domain/form-values';
import { jobcentreSchema } from '../domain/jobcentre-rules';
import { createJobcentre, listJobcentres } from '../services/jobcentres.server';
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from '../ui/form';
import { submitForm } from '../ui/form-submission.server';

export const meta: MetaFunction = () => [{ title: 'Administration · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'admin');
  return { jobcentres: await listJobcentres(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin');
  const values = formValues(await request.formData());
  return submitForm(values, jobcentreSchema, async (input) => `/admin/jobcentre/${(await createJobcentre(user, input)).id}?oprettet=1`);
}

export default function AdminHome() {
  const { jobcentres } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  const errors: FieldErrors = result?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: String(values[name] ?? ''), error: errors[name] });
  return (
    <>
      <h1>Administration</h1>
      <h2>Jobcentre</h2>
      {jobcentres.length === 0 ? (
        <p>Der er ingen jobcentre endnu. Opret det første nedenfor.</p>
      ) : (
        <table className="table table--compact table--responsive-headers">
          <thead>
            <tr>
              <th scope="col">Jobcenter</th>
              <th scope="col">Kommune</th>
              <th scope="col">Konsulenter</th>
              <th scope="col">Åbne borgersager</th>
            </tr>
          </thead>
          <tbody>
            {jobcentres.map((jobcentre) => (
              <tr key={jobcentre.id}>
                <th scope="row">
                  <Link to={`/admin/jobcentre/${jobcentre.id}`}>{jobcentre.name}</Link>
                </th>
                <td data-title="Kommune">{jobcentre.municipality}</td>
                <td data-title="Konsulenter">{jobcentre.consultants}</td>
                <td data-title="Åbne borgersager">{jobcentre.openCases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Opret jobcenter</h2>
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        <TextField {...field('name')} label="Jobcentrets navn" hint="Fx Jobcenter Aarhus." />
        <TextField {...field('municipality')} label="Kommune" />
        <SubmitButton>Opret jobcenter</SubmitButton>
      </Form>
    </>
  );
}
