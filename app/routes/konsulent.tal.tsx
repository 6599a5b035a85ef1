import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { dashboardPage } from '../services/dashboard.server';
import { orHttpError } from '../services/errors.server';
import { DashboardExtras, DashboardSections, GoalsList, PeriodForm } from '../ui/dashboard';

export const meta: MetaFunction = () => [{ title: 'Tal · Konsulent · Jobbro' }];

/** The leader's dashboard for a consultant: the jobcentre as a whole, or `?omfang=mine` for their own caseload. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const url = new URL(request.url);
  const page = await orHttpError(() => dashboardPage(user, url));
  return { ...page, search: url.search };
}

export default function ConsultantDashboard() {
  const { scope, jobcentreName, period, periodValues, periodErrors, goals, sections, extras, search } = useLoaderData<typeof loader>();
  const mine = scope.consultantId !== null;
  const query = new URLSearchParams(search);
  const withScope = (omfang: string | null) => {
    const next = new URLSearchParams(query);
    if (omfang) next.set('omfang', omfang);
    else next.delete('omfang');
    return next.size > 0 ? `?${next}` : '';
  };
  return (
    <>
      <h1>{mine ? 'Tal for mine borgere' : `Tal for ${jobcentreName}`}</h1>
      <p className="font-lead">
        {mine ? (
          <>
            Dine egne borgere. <Link to={`/konsulent/tal${withScope(null)}`}>Se hele jobcentret</Link>
          </>
        ) : (
          <>
            Hele jobcentret. <Link to={`/konsulent/tal${withScope('mine')}`}>Se kun mine borgere</Link>
          </>
        )}
      </p>
      <p>Et tal fra 1 til 4 vises som «under 5», så ingen borger kan genkendes.</p>
      <p>
        <a href={`/konsulent/tal.csv${search}`} download className="button button-secondary">
          Hent alle tal som CSV
        </a>
      </p>
      <PeriodForm period={period} values={periodValues} errors={periodErrors} hidden={mine ? { omfang: 'mine' } : {}} />
      <GoalsList goals={goals} />
      <DashboardSections sections={sections} period={period} />
      <DashboardExtras extras={extras} period={period} />
    </>
  );
}
