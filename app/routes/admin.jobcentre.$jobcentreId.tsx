import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formValues } from '../domain/form-values';
import { CONSULTANT_INVITATION_DAYS, consultantSchema } from '../domain/jobcentre-rules';
import { DuplicateError } from '../services/companies.server';
import { orHttpError } from '../services/errors.server';
import { addConsultant, getJobcentre } from '../services/jobcentres.server';
import { publicOrigin } from '../services/public-origin.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.jobcentre.name ?? 'Jobcenter'} · Administration · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'admin');
  return { jobcentre: await orHttpError(() => getJobcentre(user, params.jobcentreId ?? '')) };
}

type ActionResult = { values: Record<string, string>; errors: FieldErrors; added?: { name: string; email: string; link: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin');
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = consultantSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    const added = await orHttpError(() => addConsultant(user, params.jobcentreId ?? '', parsed.data, { baseUrl: publicOrigin(request) }));
    // No redirect: the one-time link is shown once, here, for the administrator to pass on.
    return data<ActionResult>({ values: {}, errors: {}, added: { name: parsed.data.name, email: added.email, link: added.link } });
  } catch (error) {
    if (error instanceof DuplicateError) return data<ActionResult>({ values, errors: { [error.field]: error.message } }, { status: 400 });
    throw error;
  }
}

export default function AdminJobcentre() {
  const { jobcentre } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values = result?.values ?? {};
  const errors: FieldErrors = result?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
  return (
    <>
      <p>
        <Link to="/admin">Tilbage til administration</Link>
      </p>
      <h1>{jobcentre.name}</h1>
      <p className="font-lead">{jobcentre.municipality} Kommune</p>
      {searchParams.get('oprettet') && !result ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">Jobcentret er oprettet. Tilføj nu dets konsulenter.</p>
          </div>
        </div>
      ) : null}

      <h2>Konsulenter</h2>
      {jobcentre.consultants.length === 0 ? (
        <p>Jobcentret har ingen konsulenter endnu.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Adgang</th>
            </tr>
          </thead>
          <tbody>
            {jobcentre.consultants.map((consultant) => (
              <tr key={consultant.id}>
                <td>{consultant.name}</td>
                <td>{consultant.email}</td>
                <td>{consultant.hasPassword ? 'Kan logge ind' : 'Har ikke valgt adgangskode endnu'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Tilføj konsulent</h2>
      {result?.added ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {result.added.name} er tilføjet, og et link til at vælge en adgangskode er sendt til {result.added.email}. Linket virker én gang og i{' '}
              {CONSULTANT_INVITATION_DAYS} dage. Du kan også give det videre selv: <code>{result.added.link}</code>
            </p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        <TextField {...field('name')} label="Konsulentens navn" autoComplete="off" />
        <TextField {...field('email')} label="Konsulentens e-mail" type="email" autoComplete="off" />
        <SubmitButton>Tilføj konsulent</SubmitButton>
      </Form>
    </>
  );
}
