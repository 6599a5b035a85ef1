import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireLeader } from '../auth/permissions.server';
import { formValues } from '../domain/form-values';
import { socialMarkThresholdsSchema } from '../domain/social-mark';
import { socialMarkOverview, updateSocialMarkThresholds } from '../services/social-marks.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';
import { Alert } from '../ui/matching';
import { TableScrollRegion } from '../ui/table';

export const meta: MetaFunction = () => [{ title: 'Socialt ansvarlige virksomheder · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireLeader(request);
  return socialMarkOverview(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireLeader(request);
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = socialMarkThresholdsSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  await updateSocialMarkThresholds(user, parsed.data);
  return redirect('/leder/maerke?gemt=1');
}

const STATUS_TEXT = (company: { held: boolean; earned: boolean; handDecision: string | null }) =>
  company.handDecision === 'granted'
    ? 'Har mærket (tildelt af jobcentret)'
    : company.handDecision === 'withdrawn'
      ? 'Frataget af jobcentret'
      : company.held
        ? 'Har mærket'
        : 'Har ikke mærket';

export default function SocialMarkLeaderPage() {
  const { jobcentreName, thresholds, companies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values: Record<string, string> = result?.values ?? Object.fromEntries(Object.entries(thresholds).map(([key, value]) => [key, String(value)]));
  const errors: FieldErrors = result?.errors ?? {};
  const field = (name: keyof typeof thresholds) => ({ name, defaultValue: values[name] ?? '', error: errors[name], inputMode: 'numeric' as const });
  return (
    <>
      <h1>Socialt ansvarlige virksomheder</h1>
      <p className="font-lead">
        {jobcentreName} giver mærket “Socialt ansvarlig virksomhed – {jobcentreName}” til virksomheder, der opfylder kriterierne nedenfor, målt over de sidste 12
        måneder. Mærket står på virksomhedens job under Ledige job.
      </p>
      {searchParams.get('gemt') && !result ? (
        <Alert kind="success" heading="Kriterierne er gemt">
          <p>Alle jeres virksomheder er målt igen efter de nye kriterier.</p>
        </Alert>
      ) : null}

      <h2>Kriterierne</h2>
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        <TextField {...field('minAgreementsStarted')} label="Mindst så mange aftaler om småjob, fleksjob eller skånejob startet" hint="Et helt tal fra 0 til 50." />
        <TextField {...field('followUpsKeptPercent')} label="Mindst så stor en andel af de planlagte opfølgninger holdt (%)" hint="Et helt tal fra 0 til 100." />
        <TextField {...field('proposalsAnsweredPercent')} label="Mindst så stor en andel af forslagene besvaret i tide (%)" hint="Et helt tal fra 0 til 100." />
        <TextField {...field('answerWorkingDays')} label="Et forslag er besvaret i tide inden for så mange arbejdsdage" hint="Et helt tal fra 1 til 60. Weekender og helligdage tæller ikke med." />
        <SubmitButton>Gem kriterierne</SubmitButton>
      </Form>

      <h2>Virksomheder, I arbejder med</h2>
      {companies.length === 0 ? (
        <p>Jobcentret arbejder ikke med nogen virksomheder endnu.</p>
      ) : (
        <TableScrollRegion label="Virksomheder og mærket">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Virksomhed</th>
                <th scope="col">Mærket</th>
                <th scope="col">Opfylder kriterierne</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.companyId}>
                  <th scope="row">
                    <Link to={`/leder/maerke/${company.companyId}`}>{company.name}</Link>
                  </th>
                  <td>{STATUS_TEXT(company)}</td>
                  <td>{company.earned ? 'Ja' : 'Nej'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
    </>
  );
}
