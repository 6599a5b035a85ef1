import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { ORDINARY_HOURS_GOAL } from '../domain/citizen-path';
import { toIsoDate } from '../domain/format';
import { formValues } from '../domain/form-values';
import { AgreementRefusedError } from '../services/agreement-access.server';
import { agreementForCompany } from '../services/agreement-views.server';
import { confirmAgreement } from '../services/agreements.server';
import { orHttpError } from '../services/errors.server';
import { companyMonthlyHoursSchemaFor, MonthAlreadyReportedError, reportMonthlyHoursAsCompany } from '../services/follow-ups.server';
import { AGREEMENT_PRINT_STYLESHEET } from '../ui/agreement';
import { PartyAgreement } from '../ui/agreement-party';
import { ErrorSummary, fieldErrorsOf, TextField, type FieldErrors } from '../ui/form';
import { CorrectionNotice, HoursHistory, monthBeingCorrected, monthField, monthFormValues } from '../ui/hours-history';
import type { HoursEntry } from '../domain/agreement-rules';
import { formatMonth } from '../ui/agreement';

export const links: LinksFunction = () => [AGREEMENT_PRINT_STYLESHEET];

export const meta: MetaFunction = () => [{ title: 'Aftale · Jobbro' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return { agreement: await orHttpError(() => agreementForCompany(user, params.agreementId ?? '')) };
}

type Intent = 'confirm' | 'hours';
/** `existing`: the month the hours were sent for is saved already; the form asks before it replaces it. */
type ActionResult = { intent: Intent; values: Record<string, string | string[]>; errors: FieldErrors; existing?: HoursEntry & { month: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const agreementId = params.agreementId ?? '';
  const formData = await request.formData();
  const intent = String(formData.get('intent')) as Intent;
  const values = formValues(formData);
  try {
    switch (intent) {
      case 'confirm':
        await orHttpError(() => confirmAgreement(user, agreementId));
        return redirect(`/virksomhed/aftaler/${agreementId}?bekraeftet=1`);
      case 'hours': {
        const today = toIsoDate(new Date());
        const schema = await orHttpError(() => companyMonthlyHoursSchemaFor(user, agreementId, { today }));
        const parsed = schema.safeParse(values);
        if (!parsed.success) return data<ActionResult>({ intent, values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
        await orHttpError(() => reportMonthlyHoursAsCompany(user, agreementId, parsed.data, { today }));
        return redirect(`/virksomhed/aftaler/${agreementId}?timer=${parsed.data.correcting ? 'rettet' : '1'}#timer`);
      }
      default:
        throw new Response('Ukendt handling.', { status: 400 });
    }
  } catch (error) {
    if (error instanceof MonthAlreadyReportedError) return data<ActionResult>({ intent, values, errors: { month: error.message }, existing: error.existing }, { status: 400 });
    if (error instanceof AgreementRefusedError) return data<ActionResult>({ intent, values, errors: { [error.field || 'form']: error.message } }, { status: 400 });
    throw error;
  }
}

type MonthRow = HoursEntry & { month: string };

/**
 * A new month, or a deliberate correction: chosen with "Ret" in the table (the form is filled with the saved
 * hours), or asked when the month typed has hours already (the form keeps what was typed and shows what is saved).
 */
function CompanyHoursForm({ result, months, correct, agreementId }: { result: ActionResult | undefined; months: MonthRow[]; correct: string | null; agreementId: string }) {
  const sent = result?.intent === 'hours' ? result : undefined;
  const sentCorrecting = typeof sent?.values.correcting === 'string' && sent.values.correcting ? `${sent.values.correcting}-01` : null;
  const correcting = monthBeingCorrected(months, { conflict: sent?.existing?.month ?? sentCorrecting, chosen: sent ? null : correct });
  const prefilled: Record<string, string> = !sent && correcting ? monthFormValues(correcting) : {};
  const errors: FieldErrors = sent?.errors ?? {};
  const valueOf = (name: string) => {
    const value = sent?.values[name];
    return typeof value === 'string' ? value : (prefilled[name] ?? '');
  };
  const summary = Object.entries(errors).map(([field, message]) => ({ message: message!, fieldId: field === 'form' ? undefined : field }));
  return (
    <Form method="post" noValidate className="no-print" id="timer-form" key={correcting?.month ?? 'new'}>
      <h3 className="h4">{correcting ? `Ret timerne for ${formatMonth(correcting.month)}` : 'Oplys timer for en måned'}</h3>
      <ErrorSummary errors={summary} />
      {correcting ? <CorrectionNotice entry={correcting} cancelTo={`/virksomhed/aftaler/${agreementId}#timer`} /> : null}
      <input type="hidden" name="intent" value="hours" />
      {correcting ? <input type="hidden" name="correcting" value={monthField(correcting.month)} /> : null}
      <TextField
        name="month"
        label="Måned"
        type="month"
        hint="Har I oplyst timer for måneden før, kan I rette dem med Ret i tabellen."
        defaultValue={valueOf('month')}
        error={errors.month}
      />
      <TextField
        name="ordinaryHours"
        label="Ordinære timer med løn"
        hint={`Kun ordinære timer med løn tæller med i målet på ${ORDINARY_HOURS_GOAL} timer om måneden.`}
        inputMode="decimal"
        defaultValue={valueOf('ordinaryHours')}
        error={errors.ordinaryHours}
      />
      <TextField name="internshipHours" label="Timer i virksomhedspraktik" optional inputMode="decimal" defaultValue={valueOf('internshipHours')} error={errors.internshipHours} />
      <TextField name="flexjobHours" label="Timer i fleksjob" optional inputMode="decimal" defaultValue={valueOf('flexjobHours')} error={errors.flexjobHours} />
      <TextField name="wageSubsidyHours" label="Timer med løntilskud" optional inputMode="decimal" defaultValue={valueOf('wageSubsidyHours')} error={errors.wageSubsidyHours} />
      <button type="submit" className="button button-primary">
        {correcting ? `Ret timerne for ${formatMonth(correcting.month)}` : 'Gem timerne'}
      </button>
    </Form>
  );
}

export default function CompanyAgreement() {
  const { agreement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // The same months the consultant may record: from the first activation until the agreement ends.
  const reportsHours = agreement.activatedAt !== null && agreement.status !== 'ended';
  // A refusal shows in the hours form; when the form is gone (the agreement ended meanwhile), at the top.
  const topError = result?.intent === 'hours' && reportsHours ? null : (result?.errors.form ?? null);
  return (
    <>
      <p className="no-print">
        <Link to="/virksomhed/aftaler">Alle aftaler</Link>
      </p>
      <PartyAgreement
        agreement={agreement}
        party="company"
        confirmed={searchParams.get('bekraeftet') === '1'}
        error={topError}
        hoursForm={reportsHours ? <CompanyHoursForm result={result} months={agreement.months} correct={searchParams.get('ret')} agreementId={agreement.id} /> : null}
        hoursSaved={searchParams.get('timer') !== null}
        correctHref={reportsHours ? (month) => `?ret=${monthField(month)}#timer-form` : undefined}
        hoursHistory={<HoursHistory changes={agreement.hoursChanges} />}
      />
    </>
  );
}
