import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireLeader } from '../auth/permissions.server';
import { goalsSchema } from '../domain/dashboard-rules';
import { formValues } from '../domain/form-values';
import { dashboardPage, setJobcentreGoals } from '../services/dashboard.server';
import { orHttpError } from '../services/errors.server';
import { DashboardExtras, DashboardSections, GoalsForm, PeriodForm } from '../ui/dashboard';
import { fieldErrorsOf, type FieldErrors } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'Jobcentrets tal · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireLeader(request);
  const url = new URL(request.url);
  const page = await orHttpError(() => dashboardPage(user, url));
  return { ...page, name: user.name, saved: url.searchParams.has('gemt'), search: url.search };
}

type ActionResult = { values: Record<string, string>; errors: FieldErrors };

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireLeader(request);
  const values = formValues(await request.formData()) as Record<string, string>;
  const parsed = goalsSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  await setJobcentreGoals(user, parsed.data);
  const url = new URL(request.url);
  url.searchParams.set('gemt', '1');
  return redirect(`/leder${url.search}#goals-heading`);
}

export default function LeaderDashboard() {
  const { name, jobcentreName, period, periodValues, periodErrors, goals, sections, extras, saved, search } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const csvQuery = new URLSearchParams(search);
  csvQuery.delete('gemt');
  const csvHref = `/leder/tal.csv${csvQuery.size > 0 ? `?${csvQuery}` : ''}`;
  return (
    <>
      <h1>Jobcentrets tal</h1>
      <p className="font-lead">
        {jobcentreName}. Du er logget ind som <strong>{name}</strong>, jobcenterleder.
      </p>
      <p>
        Tallene tæller alt, hvad jobcentrets konsulenter, borgere og virksomheder har gjort i Jobbro. Ingen borger nævnes: et tal fra 1 til 4 vises som «under 5», så ingen
        kan genkendes.
      </p>
      <p>
        <a href={csvHref} download className="button button-secondary">
          Hent alle tal som CSV
        </a>
      </p>
      <PeriodForm period={period} values={periodValues} errors={periodErrors} />
      <GoalsForm goals={goals} values={result?.values} errors={result?.errors ?? {}} saved={saved && !result} />
      <DashboardSections sections={sections} period={period} />
      <DashboardExtras extras={extras} period={period} />
    </>
  );
}
