import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireLeader } from '../auth/permissions.server';
import { formatDate } from '../domain/format';
import { formValues } from '../domain/form-values';
import { SOCIAL_MARK_EVENT_ENTRIES, socialMarkDecisionSchema } from '../domain/social-mark';
import { orHttpError } from '../services/errors.server';
import { companySocialMarkForLeader, decideSocialMark } from '../services/social-marks.server';
import { RadioGroup } from '../ui/choice-fields';
import { ErrorSummary, fieldErrorsOf, SubmitButton, type FieldErrors } from '../ui/form';
import { Alert } from '../ui/matching';
import { SocialMarkBadge, SocialMarkCriteriaList } from '../ui/social-mark';
import { TextArea } from '../ui/text-area';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.companyName ?? 'Virksomhed'} · Socialt ansvarlig virksomhed · Jobbro` }];

/** A company of the leader's own jobcentre; another jobcentre's is not found (404), other roles 403. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireLeader(request);
  return orHttpError(() => companySocialMarkForLeader(user, params.companyId ?? ''));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireLeader(request);
  const companyId = params.companyId ?? '';
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = socialMarkDecisionSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  await orHttpError(() => decideSocialMark(user, companyId, parsed.data));
  return redirect(`/leder/maerke/${companyId}?gemt=1`);
}

const EVENT_LABELS = Object.fromEntries(SOCIAL_MARK_EVENT_ENTRIES.map((entry) => [entry.code, entry.da])) as Record<string, string>;

const dateTime = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

export default function LeaderCompanySocialMarkPage() {
  const { companyName, progress, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values: Record<string, string> = result?.values ?? {};
  const errors: FieldErrors = result?.errors ?? {};
  const decisions = [
    { code: 'granted', label: 'Tildel mærket', hint: 'Virksomheden får mærket, også selv om den ikke opfylder kriterierne.' },
    { code: 'withdrawn', label: 'Fratag mærket', hint: 'Virksomheden mister mærket, også selv om den opfylder kriterierne.' },
    { code: 'criteria', label: 'Lad kriterierne afgøre igen', hint: 'Jeres beslutning ophæves. Kriterierne afgør, om virksomheden har mærket.' },
  ];
  return (
    <>
      <p>
        <Link to="/leder/maerke" className="back-link">
          Alle virksomheder
        </Link>
      </p>
      <h1>{companyName}</h1>
      {searchParams.get('gemt') && !result ? (
        <Alert kind="success" heading="Beslutningen er gemt">
          <p>Den står i historikken nedenfor med begrundelsen.</p>
        </Alert>
      ) : null}
      <h2>{progress.title}</h2>
      {progress.held ? (
        <p>
          <SocialMarkBadge text={progress.title} />
        </p>
      ) : null}
      <p>
        {progress.handDecision === 'granted'
          ? 'Virksomheden har mærket, fordi jobcentret har tildelt det.'
          : progress.handDecision === 'withdrawn'
            ? 'Jobcentret har frataget virksomheden mærket.'
            : progress.held
              ? 'Virksomheden har mærket, fordi den opfylder kriterierne.'
              : `Virksomheden opfylder ${progress.metCount} af ${progress.criteria.length} kriterier og har ikke mærket.`}
      </p>
      <p className="form-hint">Målt over de sidste 12 måneder, fra {formatDate(progress.windowStart)}.</p>
      <SocialMarkCriteriaList progress={progress} />

      <h2>Tildel eller fratag mærket</h2>
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId: fieldId === 'decision' ? 'decision-granted' : fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        <RadioGroup name="decision" legend="Hvad vil du gøre?" options={decisions} selected={values.decision} error={errors.decision} />
        <TextArea name="reason" label="Begrundelse" hint="Skriv, hvorfor. Begrundelsen gemmes i historikken." defaultValue={values.reason ?? ''} error={errors.reason} rows={3} />
        <SubmitButton>Gem beslutningen</SubmitButton>
      </Form>

      <h2>Historik</h2>
      {history.length === 0 ? (
        <p>Mærket har ingen historik endnu.</p>
      ) : (
        <ul className="nobullet-list">
          {history.map((entry, index) => (
            <li key={`${index}-${String(entry.at)}`} className="jobbro-mark-criteria">
              <strong>{EVENT_LABELS[entry.kind]}</strong> · {dateTime.format(new Date(entry.at))}
              {entry.byName ? ` · ${entry.byName}` : ''}
              {entry.reason ? (
                <>
                  <br />
                  Begrundelse: {entry.reason}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
