import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate, toIsoDate } from '../domain/format';
import { offsetOf, pageOf, requestedPage } from '../domain/pagination';
import { pendingInterests } from '../services/interests.server';
import { Pager } from '../ui/pager';

export const meta: MetaFunction = () => [{ title: 'Borgere der er interesseret i et job · Jobbro' }];

/** "alle" shows the whole jobcentre; no value the consultant's own citizens (as "Venter på dig" does). */
const ALL_CONSULTANTS = 'alle';

/**
 * Every citizen's interest not yet passed on, the longest waiting first, a page at a time: "Venter på dig"
 * shows the first five and links here for the rest.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const params = new URL(request.url).searchParams;
  const everyone = params.get('konsulent') === ALL_CONSULTANTS;
  const requested = requestedPage(params.get('side'));
  const first = await pendingInterests(user, { onlyMine: !everyone, limit: 1 });
  const page = pageOf(requested, first[0]?.total ?? 0);
  const rows = page.total === 0 ? [] : await pendingInterests(user, { onlyMine: !everyone, limit: page.pageSize, offset: offsetOf(page) });
  // The day in Copenhagen, as the page says it; the row's time is not needed on the page.
  const interests = rows.map(({ at, ...row }) => ({ ...row, since: toIsoDate(at) }));
  return { interests, page, everyone };
}

export default function ConsultantInterests() {
  const { interests, page, everyone } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <h1>Borgere der er interesseret i et job</h1>
      <p>
        {everyone ? (
          <>
            Hele jobcentrets borgere · <Link to="/konsulent/interesse">Vis kun mine egne borgere</Link>
          </>
        ) : (
          <>
            Dine egne borgere · <Link to={`/konsulent/interesse?konsulent=${ALL_CONSULTANTS}`}>Vis hele jobcentrets borgere</Link>
          </>
        )}
      </p>
      {interests.length === 0 ? (
        <p>Ingen borgere venter på, at deres interesse bliver sendt videre.</p>
      ) : (
        <ul className="nobullet-list">
          {interests.map((interest) => (
            <li key={interest.proposalId} className="mb-3">
              {interest.citizenName}: {interest.openingTitle} hos {interest.companyName}, siden {formatDate(interest.since)} ·{' '}
              <Link
                to={`/konsulent/jobopslag/${interest.openingId}#forslag`}
                aria-label={`${interest.citizenName} er interesseret i ${interest.openingTitle}: send videre?`}
              >
                Send videre?
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} search={search} label="Sider med borgeres interesse" />
    </>
  );
}
