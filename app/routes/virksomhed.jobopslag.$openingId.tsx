import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { OPENING_ACTION_DONE, OPENING_ACTIONS, nextOpeningStatus, openingActionOf } from '../domain/opening-rules';
import { OPENING_KIND_LABELS, OPENING_STATUS_LABELS } from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { submitOpeningForm } from '../services/opening-submissions.server';
import { changeOpeningStatus, getOpeningForManager, PublishBlockedError, shelteredJobWarningForOpening, StatusChangeError } from '../services/openings.server';
import { OpeningForm, openingToFormValues } from '../ui/opening-form';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.opening.title ?? 'Jobopslag'} · Jobbro` }];

const ACTION_LABELS: Record<(typeof OPENING_ACTIONS)[number], string> = {
  publish: 'Offentliggør',
  pause: 'Sæt på pause',
  reopen: 'Åbn igen',
  markFilled: 'Marker som besat',
  close: 'Luk opslaget',
};

const StatusAction = z.object({ intent: z.literal('status'), action: z.enum(OPENING_ACTIONS) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const opening = await orHttpError(() => getOpeningForManager(user, params.openingId ?? ''));
  return { opening, shelteredWarning: await shelteredJobWarningForOpening(opening) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const openingId = params.openingId ?? '';
  const opening = await orHttpError(() => getOpeningForManager(user, openingId));
  const formData = await request.formData();
  const statusAction = StatusAction.safeParse(Object.fromEntries(formData));
  if (statusAction.success) {
    try {
      await changeOpeningStatus(user, openingId, statusAction.data.action);
      return redirect(`/virksomhed/jobopslag/${openingId}?status=${statusAction.data.action}`);
    } catch (error) {
      // The saved texts come back with the messages at their fields, as a failed save would show them.
      if (error instanceof PublishBlockedError) return data({ values: null, errors: error.fields, statusError: null }, { status: 400 });
      if (error instanceof StatusChangeError) return data({ values: null, errors: {}, statusError: error.message }, { status: 400 });
      throw error;
    }
  }
  const result = await submitOpeningForm(user, formData, { companyId: opening.companyId, openingId, savedStartDate: opening.startDate });
  if (!result.ok) return data({ ...result, statusError: null }, { status: 400 });
  return redirect(`/virksomhed/jobopslag/${openingId}?gemt=1`);
}

function PublicPageLink({ openingId }: { openingId: string }) {
  return (
    <p className="alert-text">
      <Link to={`/jobs/${openingId}`}>Se opslaget som borgerne ser det</Link>
    </p>
  );
}

/** After a save: what happened, and for an open opening the way to the page the citizens see. */
function SavedMessage({ opening, created }: { opening: { id: string; status: string }; created: boolean }) {
  const open = opening.status === 'open';
  const heading = created ? (open ? 'Jobopslaget er offentliggjort' : 'Jobopslaget er gemt som kladde') : 'Jobopslaget er gemt';
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <h2 className="alert-heading">{heading}</h2>
        <p className="alert-text">
          {open
            ? 'Borgerne kan finde det under Find job, og jobcentret leder efter kandidater, der passer.'
            : 'Borgerne kan ikke se det, før det er åbent. Skift status under Status herunder, når det er klar.'}
        </p>
        {open ? <PublicPageLink openingId={opening.id} /> : null}
      </div>
    </div>
  );
}

export default function EditOpening() {
  const { opening, shelteredWarning } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const actions = OPENING_ACTIONS.filter((action) => nextOpeningStatus(opening.status, action) !== null);
  const done = openingActionOf(searchParams.get('status'));
  return (
    <>
      <p>
        <Link to="/virksomhed">Tilbage til virksomhedens side</Link>
      </p>
      <h1>{opening.title}</h1>
      <p className="font-lead">
        {OPENING_KIND_LABELS[opening.kind]} · Status: <strong>{OPENING_STATUS_LABELS[opening.status]}</strong>
        {opening.isJobOrder ? ' · Oprettet af jobcentret (jobordre)' : ''}
      </p>
      {searchParams.get('oprettet') || searchParams.get('gemt') ? <SavedMessage opening={opening} created={Boolean(searchParams.get('oprettet'))} /> : null}
      {shelteredWarning ? (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-heading">Mange i skånejob i forhold til de ordinært ansatte</p>
            <p className="alert-text">{shelteredWarning}</p>
          </div>
        </div>
      ) : null}
      {done && !problem ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{OPENING_ACTION_DONE[done]}</p>
            {opening.status === 'open' ? <PublicPageLink openingId={opening.id} /> : null}
          </div>
        </div>
      ) : null}
      {problem?.statusError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{problem.statusError}</p>
          </div>
        </div>
      ) : null}
      <h2 className="h3">Status</h2>
      <Form method="post" className="jobbro-actions">
        <input type="hidden" name="intent" value="status" />
        {actions.map((action) => (
          <button key={action} type="submit" name="action" value={action} className="button button-secondary">
            {ACTION_LABELS[action]}
          </button>
        ))}
      </Form>
      <h2 className="h3">Ret opslaget</h2>
      <OpeningForm
        values={problem?.values ?? openingToFormValues(opening)}
        errors={problem?.errors ?? {}}
        submitLabel="Gem ændringer"
        allowDraft={false}
      />
    </>
  );
}
