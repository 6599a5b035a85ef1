import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { startSession } from '../auth/session.server';
import { newPassword, PASSWORD_HINT } from '../domain/password-rules';
import { companyPersonName } from '../domain/company-rules';
import { acceptColleagueInvitation, colleagueInvitation } from '../services/companies.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'Invitation · Jobbro' }];

const AcceptSchema = z.object({ name: companyPersonName, password: newPassword });

export async function loader({ params }: LoaderFunctionArgs) {
  return { invitation: await colleagueInvitation(params.token ?? '') };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = AcceptSchema.safeParse(form);
  const values = { name: typeof form.name === 'string' ? form.name : '' };
  if (!parsed.success) return data({ values, errors: fieldErrorsOf(parsed.error) as FieldErrors }, { status: 400 });
  const accepted = await acceptColleagueInvitation(params.token ?? '', parsed.data);
  if (!accepted) return data({ values, errors: { form: 'Linket er brugt eller udløbet. Bed din kollega om en ny invitation.' } as FieldErrors }, { status: 410 });
  const { setCookie } = await startSession(accepted.userId, new Date(), request.headers.get('User-Agent'));
  return redirect('/virksomhed', { headers: { 'Set-Cookie': setCookie } });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!invitation) {
    return (
      <>
        <h1>Linket virker ikke længere</h1>
        <p>Invitationen er enten brugt eller udløbet. Bed den, der inviterede dig, om at sende en ny.</p>
      </>
    );
  }
  const errors = result?.errors ?? {};
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Velkommen til Jobbro</h1>
        <p className="font-lead">
          Du er inviteret til {invitation.companyName} som {invitation.email}.
        </p>
        <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId: fieldId === 'form' ? undefined : fieldId, message: message ?? '' }))} />
        <Form method="post" noValidate>
          <TextField name="name" label="Dit navn" autoComplete="name" defaultValue={result?.values.name ?? ''} error={errors.name} />
          <TextField name="password" label="Vælg en adgangskode" type="password" hint={PASSWORD_HINT} autoComplete="new-password" error={errors.password} />
          <SubmitButton>Opret bruger</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
