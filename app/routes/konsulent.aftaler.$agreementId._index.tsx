import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import {
  agreementEffectiveFrom,
  endAgreementSchema,
  FOLLOW_UP_CHANNEL_LABELS,
  followUpSchema,
  HOURS_REPORTER_LABELS,
  skipFollowUpSchema,
  WITH_WHOM_LABELS,
  type HoursEntry,
  type PlannedFollowUp,
} from '../domain/agreement-rules';
import { formatDate, toIsoDate } from '../domain/format';
import { formValues } from '../domain/form-values';
import { OPENING_KIND_LABELS } from '../domain/vocabulary';
import { AgreementRefusedError } from '../services/agreement-access.server';
import { agreementForConsultant } from '../services/agreement-views.server';
import { sendForConfirmation } from '../services/agreements.server';
import { orHttpError } from '../services/errors.server';
import { endAgreement, logFollowUp, MonthAlreadyReportedError, monthlyHoursSchemaFor, recordMonthlyHours, skipFollowUp } from '../services/follow-ups.server';
import { shelteredJobWarningForAgreement } from '../services/openings.server';
import { AGREEMENT_PRINT_STYLESHEET, AgreementStatusTag, AgreementTerms, Confirmations, formatDateTime, formatMonth, GoalReached, PrintButton, VersionHistory } from '../ui/agreement';
import { RadioGroup, SelectField } from '../ui/choice-fields';
import { ErrorSummary, fieldErrorsOf, TextField, type FieldErrors } from '../ui/form';
import { HoursChart, HoursTable } from '../ui/hours-chart';
import { CorrectionNotice, HoursHistory, monthBeingCorrected, monthField, monthFormValues } from '../ui/hours-history';
import { Alert } from '../ui/matching';
import { submitForm } from '../ui/form-submission.server';
import { TextArea } from '../ui/text-area';

export const links: LinksFunction = () => [AGREEMENT_PRINT_STYLESHEET];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Aftale: ${data?.agreement.citizen.name ?? ''} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const agreement = await orHttpError(() => agreementForConsultant(user, params.agreementId ?? ''));
  const shelteredWarning =
    agreement.status === 'ended' ? null : await shelteredJobWarningForAgreement({ companyId: agreement.companyId, kind: agreement.kind, agreementId: agreement.id });
  return { agreement, today: toIsoDate(new Date()), shelteredWarning };
}

type Intent = 'send' | 'followUp' | 'skip' | 'hours' | 'end';
/** `existing`: the month the hours were sent for is saved already; the form asks before it replaces it. */
type ActionResult = { intent: Intent; values: Record<string, string | string[]>; errors: FieldErrors; existing?: HoursEntry & { month: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const agreementId = params.agreementId ?? '';
  const formData = await request.formData();
  const intent = String(formData.get('intent')) as Intent;
  const values = formValues(formData);
  const today = toIsoDate(new Date());
  const refused = (field: string, message: string) => data<ActionResult>({ intent, values, errors: { [field]: message } }, { status: 400 });
  try {
    switch (intent) {
      case 'send':
        await orHttpError(() => sendForConfirmation(user, agreementId));
        return redirect(`/konsulent/aftaler/${agreementId}?sendt=1`);
      case 'followUp':
        return await submitForm(
          values,
          followUpSchema({ today }),
          async (input) => {
            await logFollowUp(user, agreementId, input);
            return `/konsulent/aftaler/${agreementId}?opfoelgning=1#opfoelgning`;
          },
          { also: { intent } },
        );
      case 'skip':
        return await submitForm(
          values,
          skipFollowUpSchema,
          async (input) => {
            await skipFollowUp(user, agreementId, input);
            return `/konsulent/aftaler/${agreementId}?sprunget=1#opfoelgning`;
          },
          { also: { intent } },
        );
      case 'hours': {
        const schema = await orHttpError(() => monthlyHoursSchemaFor(user, agreementId, { today }));
        const parsed = schema.safeParse(values);
        if (!parsed.success) return data<ActionResult>({ intent, values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
        const { newlyReached } = await orHttpError(() => recordMonthlyHours(user, agreementId, parsed.data));
        return redirect(`/konsulent/aftaler/${agreementId}?timer=${parsed.data.correcting ? 'rettet' : '1'}${newlyReached ? '&maal=1' : ''}#timer`);
      }
      case 'end':
        return await submitForm(
          values,
          endAgreementSchema,
          async (input) => {
            await endAgreement(user, agreementId, input);
            return `/konsulent/aftaler/${agreementId}?afsluttet=1`;
          },
          { also: { intent } },
        );
      default:
        throw new Response('Ukendt handling.', { status: 400 });
    }
  } catch (error) {
    if (error instanceof MonthAlreadyReportedError) return data<ActionResult>({ intent, values, errors: { month: error.message }, existing: error.existing }, { status: 400 });
    if (error instanceof AgreementRefusedError) return refused(error.field === 'plannedDate' ? 'plannedDate' : 'form', error.message);
    throw error;
  }
}

const WITH_WHOM_OPTIONS = Object.entries(WITH_WHOM_LABELS).map(([code, label]) => ({ code, label }));
const CHANNEL_OPTIONS = Object.entries(FOLLOW_UP_CHANNEL_LABELS).map(([code, label]) => ({ code, label }));
const REPORTER_OPTIONS = [
  { code: 'company', label: HOURS_REPORTER_LABELS.company },
  { code: 'citizen', label: HOURS_REPORTER_LABELS.citizen },
];

const PLAN_STATE_LABELS: Record<PlannedFollowUp['state'], string> = { held: 'Holdt', skipped: 'Sprunget over', overdue: 'Overskredet', planned: 'Planlagt' };

/** The plan date by date: held, skipped and why, overdue, or ahead. */
function PlanTable({ plan }: { plan: PlannedFollowUp[] }) {
  if (plan.length === 0) return null;
  const overdue = plan.some((planned) => planned.state === 'overdue');
  return (
    <details className="mb-5" open={overdue}>
      <summary>Opfølgningsplanen dato for dato ({plan.length} datoer)</summary>
      <table className="table table--compact">
        <caption className="sr-only">Opfølgningsplanen og hvad der er blevet af hver dato</caption>
        <thead>
          <tr>
            <th scope="col">Planlagt</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((planned) => (
            <tr key={planned.date}>
              <td>{formatDate(planned.date)}</td>
              <td>
                {planned.state === 'overdue' ? <strong>{PLAN_STATE_LABELS.overdue}</strong> : PLAN_STATE_LABELS[planned.state]}
                {planned.heldOn ? ` ${formatDate(planned.heldOn)}` : ''}
                {planned.skipReason ? `: ${planned.skipReason}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

type MonthRow = HoursEntry & { month: string };

/**
 * A new month, or a deliberate correction: chosen with "Ret" in the table (the form is filled with the saved
 * hours), or asked when the month typed has hours already (the form keeps what was typed and shows what is saved).
 */
function ConsultantHoursForm({ months, result, correct, agreementId }: { months: MonthRow[]; result: ActionResult | undefined; correct: string | null; agreementId: string }) {
  const sent = result?.intent === 'hours' ? result : undefined;
  const correcting = monthBeingCorrected(months, { conflict: sent?.existing?.month ?? (typeof sent?.values.correcting === 'string' && sent.values.correcting ? `${sent.values.correcting}-01` : null), chosen: sent ? null : correct });
  const prefilled = !sent && correcting ? monthFormValues(correcting) : {};
  const errors: FieldErrors = sent?.errors ?? {};
  const value = (name: string, fallback = '') => {
    const sentValue = sent?.values[name];
    return typeof sentValue === 'string' ? sentValue : (prefilled[name] ?? fallback);
  };
  return (
    <Form method="post" noValidate className="no-print" id="timer-form" key={correcting?.month ?? 'new'}>
      <h3 className="h4">{correcting ? `Ret timerne for ${formatMonth(correcting.month)}` : 'Registrér timer for en måned'}</h3>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ message: message!, fieldId: field === 'reportedBy' ? 'reportedBy-company' : field }))} />
      {correcting ? <CorrectionNotice entry={correcting} cancelTo={`/konsulent/aftaler/${agreementId}#timer`} /> : null}
      <input type="hidden" name="intent" value="hours" />
      {correcting ? <input type="hidden" name="correcting" value={monthField(correcting.month)} /> : null}
      <TextField name="month" label="Måned" type="month" defaultValue={value('month')} error={errors.month} />
      <TextField name="ordinaryHours" label="Ordinære timer i måneden" inputMode="decimal" defaultValue={value('ordinaryHours')} error={errors.ordinaryHours} />
      <TextField name="internshipHours" label="Praktiktimer" optional inputMode="decimal" defaultValue={value('internshipHours')} error={errors.internshipHours} />
      <TextField name="flexjobHours" label="Fleksjobtimer" optional inputMode="decimal" defaultValue={value('flexjobHours')} error={errors.flexjobHours} />
      <TextField name="wageSubsidyHours" label="Timer med løntilskud" optional inputMode="decimal" defaultValue={value('wageSubsidyHours')} error={errors.wageSubsidyHours} />
      <RadioGroup
        name="reportedBy"
        legend="Hvem har oplyst timerne?"
        options={REPORTER_OPTIONS}
        selected={value('reportedBy', 'company') === 'citizen' ? 'citizen' : 'company'}
        error={errors.reportedBy}
      />
      <button type="submit" className="button button-primary">
        {correcting ? `Ret timerne for ${formatMonth(correcting.month)}` : 'Gem timerne'}
      </button>
    </Form>
  );
}

function valueOf(result: ActionResult | undefined, intent: Intent, name: string, fallback = ''): string {
  if (result?.intent !== intent) return fallback;
  const value = result.values[name];
  return typeof value === 'string' ? value : fallback;
}

export default function ConsultantAgreement() {
  const { agreement, today, shelteredWarning } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errorsFor = (intent: Intent): FieldErrors => (result?.intent === intent ? result.errors : {});
  const current = agreement.current;
  const followed = agreement.activatedAt !== null && agreement.status !== 'ended';
  const activeFrom = agreement.activatedAt ? agreementEffectiveFrom(agreement.activatedAt, agreement.versions.at(-1)!.startDate) : null;
  const formError = result?.errors.form;
  const openOptions = agreement.plan
    .filter((planned) => planned.state === 'overdue' || planned.state === 'planned')
    .map((planned) => ({ code: planned.date, label: `${formatDate(planned.date)}${planned.state === 'overdue' ? ' (overskredet)' : ''}` }));
  return (
    <>
      <p className="no-print">
        <Link to="/konsulent/aftaler">Til aftaler og opfølgning</Link> · <Link to={`/konsulent/borgere/${agreement.citizen.id}`}>{agreement.citizen.name}</Link>
      </p>
      <h1>
        Aftale mellem {agreement.citizen.name} og {agreement.companyName}
      </h1>
      <p className="font-lead">
        <AgreementStatusTag status={agreement.status} /> · version {agreement.currentVersion} · {OPENING_KIND_LABELS[agreement.kind]}
        {activeFrom ? ` · aktiv fra ${formatDate(activeFrom)}` : ''}
        {agreement.activatedAt && activeFrom !== toIsoDate(agreement.activatedAt) ? ` · bekræftet ${formatDate(agreement.activatedAt)}` : ''}
      </p>
      {searchParams.get('gemt') ? <Alert kind="success">Aftalen er gemt.</Alert> : null}
      {shelteredWarning ? <Alert kind="warning">{shelteredWarning}</Alert> : null}
      {searchParams.get('sendt') ? <Alert kind="success">Aftalen er sendt til virksomheden og borgeren, som skal bekræfte den.</Alert> : null}
      {searchParams.get('afsluttet') ? <Alert kind="success">Aftalen er afsluttet. Borgeren er tilbage i &quot;På vej mod job&quot;.</Alert> : null}
      {formError ? <Alert kind="error">{formError}</Alert> : null}
      <GoalReached month={agreement.goalReachedMonth} />
      {agreement.status === 'ended' ? (
        <Alert kind="info" heading="Aftalen er afsluttet">
          {agreement.endedAt ? `${formatDateTime(agreement.endedAt)}. ` : ''}Begrundelse: {agreement.endReason}
        </Alert>
      ) : null}

      <div className="jobbro-actions no-print">
        <PrintButton />
        {agreement.status !== 'ended' ? (
          <Link className="button button-secondary" to={`/konsulent/aftaler/${agreement.id}/genforhandling`}>
            {agreement.status === 'draft' ? 'Ret kladden' : 'Genforhandl aftalen'}
          </Link>
        ) : null}
        <a className="button button-secondary" href={`/konsulent/aftaler/${agreement.id}/kalender.ics`} download>
          Hent opfølgningsplanen (.ics)
        </a>
      </div>
      {agreement.status === 'draft' ? (
        <p className="no-print">
          Aftalen er en kladde. <a href="#send-heading">Læs den igennem, og send den til bekræftelse nederst</a>.
        </p>
      ) : null}

      <section aria-labelledby="terms-heading" className="mb-6">
        <h2 id="terms-heading">Aftalen (version {current.version})</h2>
        <AgreementTerms terms={current} kind={agreement.kind} parties={{ citizenName: agreement.citizen.name, companyName: agreement.companyName, openingTitle: agreement.opening?.title ?? null }} />
        <h3 className="h4">Bekræftelser</h3>
        <Confirmations terms={current} />
      </section>

      {agreement.status === 'draft' ? (
        // After the terms it sends, so the button is pressed by someone who has just read them.
        <section aria-labelledby="send-heading" className="mb-6 no-print">
          <h2 id="send-heading">Send aftalen til bekræftelse</h2>
          <p>Når du sender aftalen, får virksomheden og borgeren besked. Aftalen gælder, når begge har bekræftet den.</p>
          <Form method="post">
            <button type="submit" name="intent" value="send" className="button button-primary">
              Send til bekræftelse
            </button>
          </Form>
        </section>
      ) : null}

      <VersionHistory versions={agreement.versions} currentVersion={agreement.currentVersion} />

      <section aria-labelledby="progress-heading" className="mb-6" id="timer">
        <h2 id="progress-heading">Timer og fremgang</h2>
        {searchParams.get('timer') ? <Alert kind="success">{searchParams.get('timer') === 'rettet' ? 'Rettelsen er gemt og står i historikken.' : 'Timerne er gemt.'}</Alert> : null}
        <HoursChart rows={agreement.months} />
        <HoursTable rows={agreement.months} correctHref={followed ? (month) => `?ret=${monthField(month)}#timer-form` : undefined} />
        <HoursHistory changes={agreement.hoursChanges} />
        {followed ? <ConsultantHoursForm months={agreement.months} result={result} correct={searchParams.get('ret')} agreementId={agreement.id} /> : null}
      </section>

      {/* The jobcentre's own log of contacts: a printout is handed to the company and the citizen, so it is left out. */}
      <section aria-labelledby="follow-up-heading" className="mb-6 no-print" id="opfoelgning">
        <h2 id="follow-up-heading">Opfølgning</h2>
        {searchParams.get('opfoelgning') ? <Alert kind="success">Opfølgningen er gemt.</Alert> : null}
        {searchParams.get('sprunget') ? <Alert kind="success">Opfølgningen er sprunget over, og begrundelsen er gemt.</Alert> : null}
        {agreement.followUp.overdueDates.length > 0 ? (
          <Alert kind="warning" heading={agreement.followUp.overdueDates.length === 1 ? 'En planlagt opfølgning er overskredet' : `${agreement.followUp.overdueDates.length} planlagte opfølgninger er overskredet`}>
            {agreement.followUp.overdueDates.map((date) => formatDate(date)).join(', ')}. Log kontakten for hver af dem, eller spring dem over med en begrundelse.
          </Alert>
        ) : agreement.followUp.next ? (
          <p>
            Næste planlagte opfølgning: <strong>{formatDate(agreement.followUp.next)}</strong>
            {agreement.followUp.dueThisWeek ? ' – den er i denne uge.' : ''}
          </p>
        ) : null}
        <PlanTable plan={agreement.plan} />
        {agreement.followUps.length === 0 ? (
          <p>Der er ikke logget nogen opfølgning endnu.</p>
        ) : (
          <table className="table table--compact table--responsive-headers">
            <caption>Logbog over kontakter, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Dato</th>
                <th scope="col">Med hvem</th>
                <th scope="col">Hvordan</th>
                <th scope="col">Hvad talte I om</th>
                <th scope="col">Næste skridt</th>
              </tr>
            </thead>
            <tbody>
              {agreement.followUps.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">{formatDate(contact.contactDate)}</th>
                  <td data-title="Med hvem">{WITH_WHOM_LABELS[contact.withWhom]}</td>
                  <td data-title="Hvordan">{FOLLOW_UP_CHANNEL_LABELS[contact.channel]}</td>
                  <td data-title="Hvad talte I om">{contact.summary}</td>
                  <td data-title="Næste skridt">{contact.nextStep}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {followed ? (
          <Form method="post" noValidate className="no-print">
            <h3 className="h4">Log en opfølgning</h3>
            <ErrorSummary
              errors={Object.entries(errorsFor('followUp')).map(([field, message]) => ({ message: message!, fieldId: field === 'withWhom' ? 'withWhom-citizen' : field }))}
            />
            <input type="hidden" name="intent" value="followUp" />
            <TextField name="contactDate" label="Dato" type="date" defaultValue={valueOf(result, 'followUp', 'contactDate', today)} error={errorsFor('followUp').contactDate} />
            <SelectField
              name="plannedDate"
              label="Hvilken planlagt opfølgning er det?"
              options={[...openOptions, { code: '', label: 'Ingen – en ekstra kontakt uden for planen' }]}
              selected={valueOf(result, 'followUp', 'plannedDate', agreement.followUp.next ?? '')}
              error={errorsFor('followUp').plannedDate}
            />
            <RadioGroup name="withWhom" legend="Med hvem" options={WITH_WHOM_OPTIONS} selected={valueOf(result, 'followUp', 'withWhom', 'both')} error={errorsFor('followUp').withWhom} />
            <SelectField name="channel" label="Hvordan" options={CHANNEL_OPTIONS} selected={valueOf(result, 'followUp', 'channel', 'meeting')} error={errorsFor('followUp').channel} />
            <TextArea name="summary" label="Hvad talte I om" rows={3} defaultValue={valueOf(result, 'followUp', 'summary')} error={errorsFor('followUp').summary} />
            <TextField name="nextStep" label="Næste skridt" optional defaultValue={valueOf(result, 'followUp', 'nextStep')} error={errorsFor('followUp').nextStep} />
            <button type="submit" className="button button-primary">
              Gem opfølgningen
            </button>
          </Form>
        ) : null}
        {followed && openOptions.length > 0 ? (
          <Form method="post" noValidate className="no-print" id="spring-over">
            <h3 className="h4">Spring en planlagt opfølgning over</h3>
            <p>En opfølgning, der ikke bliver til noget, er overskredet, indtil du logger den eller springer den over med en begrundelse.</p>
            <ErrorSummary errors={Object.entries(errorsFor('skip')).map(([field, message]) => ({ message: message!, fieldId: field === 'plannedDate' ? 'skipDate' : field }))} />
            <input type="hidden" name="intent" value="skip" />
            <SelectField
              name="plannedDate"
              id="skipDate"
              label="Planlagt opfølgning"
              options={openOptions}
              selected={valueOf(result, 'skip', 'plannedDate', agreement.followUp.next ?? '')}
              error={errorsFor('skip').plannedDate}
            />
            <TextArea name="reason" label="Hvorfor springes den over?" hint="Skriv ingen helbredsoplysninger." rows={2} defaultValue={valueOf(result, 'skip', 'reason')} error={errorsFor('skip').reason} />
            <button type="submit" className="button button-secondary">
              Spring opfølgningen over
            </button>
          </Form>
        ) : null}
      </section>

      {agreement.status !== 'ended' ? (
        <section aria-labelledby="end-heading" className="mb-6 no-print">
          <h2 id="end-heading">Afslut aftalen</h2>
          <p>Hvis borgeren stopper, afsluttes aftalen med en begrundelse. Borgeren kommer tilbage til &quot;På vej mod job&quot;, og pladsen i jobbet bliver ledig. Historikken gemmes.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="end" />
            <TextArea
              name="endReason"
              label="Hvorfor slutter aftalen?"
              hint="Virksomheden og borgeren kan læse begrundelsen. Skriv ingen helbredsoplysninger."
              rows={2} defaultValue={valueOf(result, 'end', 'endReason')} error={errorsFor('end').endReason} />
            <button type="submit" className="button button-secondary">
              Afslut aftalen
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
