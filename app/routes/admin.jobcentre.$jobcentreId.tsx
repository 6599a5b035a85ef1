import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { requireUser } from '../auth/permissions.server';
import { formValues } from '../domain/form-values';
import { CONSULTANT_INVITATION_DAYS, consultantActionSchema, consultantSchema, municipalityName, STAFF_ROLES } from '../domain/jobcentre-rules';
import { DuplicateError } from '../services/companies.server';
import { httpError, orHttpError } from '../services/errors.server';
import { addConsultant, ConsultantStateError, deactivateConsultant, getJobcentre, resendConsultantLink } from '../services/jobcentres.server';
import { publicOrigin } from '../services/public-origin.server';
import { ROLE_LABELS } from '../domain/vocabulary';
import { RadioGroup } from '../ui/choice-fields';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.jobcentre.name ?? 'Jobcenter'} · Administration · Jobbro` }];

/** `?deaktiver=<id>` asks to confirm a deactivation; `?deaktiveret=<id>` tells that one happened. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'admin');
  const jobcentre = await orHttpError(() => getJobcentre(user, params.jobcentreId ?? ''));
  const query = new URL(request.url).searchParams;
  const consultantOf = (name: string) => {
    const id = query.get(name);
    if (id === null) return null;
    const consultant = jobcentre.consultants.find((row) => row.id === id);
    if (!consultant) throw httpError(404, 'Konsulenten findes ikke.');
    return consultant;
  };
  const confirming = consultantOf('deaktiver');
  return {
    jobcentre,
    created: query.has('oprettet'),
    confirming: confirming && !confirming.deactivatedAt ? confirming : null,
    deactivated: consultantOf('deaktiveret'),
  };
}

// The one-time link itself goes to the consultant's mail only: an administrator who could read it could take
// over the account and the health notes it reads (issue 12).
type Sent = { name: string; email: string };
type ActionResult = { values: Record<string, string>; errors: FieldErrors; added?: Sent; resent?: Sent; rowError?: { consultantId: string; message: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin');
  const jobcentreId = params.jobcentreId ?? '';
  const values = formValues(await request.formData()) as Record<string, string>;
  if (values.intent === 'resend' || values.intent === 'deactivate') {
    const parsed = consultantActionSchema.safeParse(values);
    if (!parsed.success) throw httpError(404, 'Konsulenten findes ikke.');
    const { intent, consultantId } = parsed.data;
    try {
      if (intent === 'deactivate') {
        await orHttpError(() => deactivateConsultant(user, jobcentreId, consultantId));
        return redirect(`/admin/jobcentre/${jobcentreId}?deaktiveret=${consultantId}`);
      }
      const resent = await orHttpError(() => resendConsultantLink(user, jobcentreId, consultantId, { baseUrl: publicOrigin() }));
      return data<ActionResult>({ values: {}, errors: {}, resent: { name: resent.name, email: resent.email } });
    } catch (error) {
      if (error instanceof ConsultantStateError) return data<ActionResult>({ values: {}, errors: {}, rowError: { consultantId, message: error.message } }, { status: 409 });
      throw error;
    }
  }
  const parsed = consultantSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    const added = await orHttpError(() => addConsultant(user, jobcentreId, parsed.data, { baseUrl: publicOrigin() }));
    return data<ActionResult>({ values: {}, errors: {}, added: { name: parsed.data.name, email: added.email } });
  } catch (error) {
    if (error instanceof DuplicateError) return data<ActionResult>({ values, errors: { [error.field]: error.message } }, { status: 400 });
    throw error;
  }
}

function citizensText(n: number) {
  return n === 1 ? '1 borger' : `${n} borgere`;
}

function Notice({ kind, children }: { kind: 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      <div className="alert-body">{children}</div>
    </div>
  );
}

export default function AdminJobcentre() {
  const { jobcentre, created, confirming, deactivated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  const errors: FieldErrors = result?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
  const here = `/admin/jobcentre/${jobcentre.id}`;
  return (
    <>
      <p>
        <Link to="/admin">Tilbage til administration</Link>
      </p>
      <h1>{jobcentre.name}</h1>
      <p className="font-lead">{municipalityName(jobcentre.municipality)}</p>
      {created && !result ? (
        <Notice kind="success">
          <p className="alert-text">Jobcentret er oprettet. Tilføj nu dets konsulenter og ledere.</p>
        </Notice>
      ) : null}

      <h2>Medarbejdere</h2>
      {confirming && !result ? (
        <div className="alert alert-warning" role="region" aria-labelledby="confirm-heading">
          <div className="alert-body">
            <p className="alert-heading" id="confirm-heading">
              Vil du deaktivere {confirming.name}?
            </p>
            <p className="alert-text">
              {confirming.name} bliver logget ud og kan ikke logge ind igen. Deres {citizensText(confirming.openCases)} beholder {confirming.name} som ansvarlig
              konsulent, indtil I vælger en ny.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="deactivate" />
              <input type="hidden" name="consultantId" value={confirming.id} />
              <button type="submit" className="button button-primary">
                Ja, deaktiver {confirming.name}
              </button>{' '}
              <Link to={here} className="button button-secondary">
                Fortryd
              </Link>
            </Form>
          </div>
        </div>
      ) : null}
      {deactivated && !result ? (
        <Notice kind="success">
          <p className="alert-text">
            {deactivated.name} er deaktiveret og kan ikke længere logge ind.{' '}
            {deactivated.openCases > 0
              ? `${citizensText(deactivated.openCases)} har stadig ${deactivated.name} som ansvarlig konsulent og skal have en ny.`
              : `${deactivated.name} havde ingen åbne sager.`}
          </p>
        </Notice>
      ) : null}
      {result?.resent ? (
        <Notice kind="success">
          <p className="alert-text">
            Et nyt link er sendt til {result.resent.email}. Det gamle link virker ikke længere. Det nye virker én gang og i {CONSULTANT_INVITATION_DAYS} dage.
          </p>
        </Notice>
      ) : null}
      {jobcentre.consultants.length === 0 ? (
        <p>Jobcentret har ingen konsulenter endnu.</p>
      ) : (
        <table className="table table--compact table--responsive-headers">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rolle</th>
              <th scope="col">Adgang</th>
              <th scope="col">Åbne sager</th>
              <th scope="col">Handlinger</th>
            </tr>
          </thead>
          <tbody>
            {jobcentre.consultants.map((consultant) => {
              const rowError = result?.rowError?.consultantId === consultant.id ? result.rowError.message : null;
              return (
                <tr key={consultant.id}>
                  <th scope="row">{consultant.name}</th>
                  <td data-title="E-mail" className="jobbro-break">
                    {consultant.email}
                  </td>
                  <td data-title="Rolle">{ROLE_LABELS[consultant.role]}</td>
                  <td data-title="Adgang">
                    {consultant.deactivatedAt ? 'Deaktiveret' : consultant.hasPassword ? 'Kan logge ind' : 'Har ikke valgt adgangskode endnu'}
                    {consultant.deactivatedAt && consultant.openCases > 0 ? (
                      <span className="form-hint">Borgerne skal have en ny ansvarlig konsulent.</span>
                    ) : null}
                  </td>
                  <td data-title="Åbne sager">{consultant.openCases}</td>
                  <td data-title="Handlinger">
                    {rowError ? (
                      <span className="form-error-message" role="alert">
                        <span className="sr-only">Fejl: </span>
                        {rowError}
                      </span>
                    ) : null}
                    {consultant.deactivatedAt ? null : (
                      <>
                        {consultant.hasPassword ? null : (
                          <Form method="post" className="d-inline">
                            <input type="hidden" name="intent" value="resend" />
                            <input type="hidden" name="consultantId" value={consultant.id} />
                            <button type="submit" className="button button-secondary button-small">
                              Send nyt link<span className="sr-only"> til {consultant.name}</span>
                            </button>
                          </Form>
                        )}{' '}
                        <Form method="get" className="d-inline">
                          <button type="submit" name="deaktiver" value={consultant.id} className="button button-tertiary button-small">
                            Deaktiver<span className="sr-only"> {consultant.name}</span>
                          </button>
                        </Form>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>Tilføj konsulent eller leder</h2>
      {result?.added ? (
        <Notice kind="success">
          <p className="alert-text">
            {result.added.name} er tilføjet, og et link til at vælge en adgangskode er sendt til {result.added.email}. Linket virker én gang og i{' '}
            {CONSULTANT_INVITATION_DAYS} dage.
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        {/* The role is chosen in the same form, without JavaScript: the fields name neither role. */}
        <RadioGroup
          name="role"
          legend="Rolle"
          hint="En jobcenterleder ser jobcentrets tal, men ingen borgeres navne eller noter."
          options={STAFF_ROLES.map((role) => ({ code: role, label: ROLE_LABELS[role] }))}
          selected={values.role ?? 'consultant'}
          error={errors.role}
        />
        <TextField {...field('name')} label="Medarbejderens navn" autoComplete="off" />
        <TextField {...field('email')} label="Medarbejderens e-mail" hint="Hertil sendes linket til at vælge en adgangskode." type="email" autoComplete="off" />
        <SubmitButton>Tilføj medarbejder</SubmitButton>
      </Form>
    </>
  );
}
