import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { OPENING_KIND_LABELS, OPENING_STATUS_LABELS } from '../domain/vocabulary';
import { getCompany } from '../services/companies.server';
import { httpError, orHttpError } from '../services/errors.server';
import { isUuid, listCompanyOpenings } from '../services/openings.server';
import { formatHours } from '../domain/format';
import { Alert } from '../ui/matching';
import { requestedPage } from '../domain/pagination';
import { Pager } from '../ui/pager';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.company.name ?? 'Virksomhed'} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const companyId = params.companyId ?? '';
  if (!isUuid(companyId)) throw httpError(404, 'Virksomheden findes ikke.');
  const company = await orHttpError(() => getCompany(user, companyId));
  const { openings, page } = await listCompanyOpenings(user, companyId, { page: requestedPage(new URL(request.url).searchParams.get('side')) });
  return { company, openings, page };
}

export default function ConsultantCompany() {
  const { company, openings, page } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { search } = useLocation();
  // After the consultant's own step: said here, where the company and its openings are.
  const newJobOrder = openings.find((opening) => opening.id === searchParams.get('jobordre'));
  return (
    <>
      <p>
        <Link to="/konsulent/virksomheder">Alle virksomheder</Link>
      </p>
      <h1>{company.name}</h1>
      {searchParams.get('oprettet') ? (
        <Alert kind="success" heading="Virksomheden er oprettet">
          <p>Nu kan du oprette en jobordre for virksomheden.</p>
        </Alert>
      ) : null}
      {newJobOrder ? (
        <Alert kind="success" heading="Jobordren er oprettet">
          <p>
            <Link to={`/konsulent/jobopslag/${newJobOrder.id}`}>{newJobOrder.title}</Link>{' '}
            {newJobOrder.status === 'open' ? 'er offentliggjort. Borgerne kan se den under Find job.' : 'er gemt som kladde. Borgerne kan ikke se den endnu.'}
          </p>
          {newJobOrder.status === 'open' ? (
            <p>
              <Link to={`/jobs/${newJobOrder.id}`}>Se opslaget som borgerne ser det</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <p>
        CVR {company.cvr} · {company.address}, {company.postcode} {company.city} · {company.industry} · {company.ordinaryEmployees} ordinært ansatte
      </p>
      <p>
        <Link to={`/konsulent/virksomheder/${company.id}/jobordre`} className="button button-primary">
          Opret jobordre
        </Link>
      </p>
      <h2>Jobopslag{page.pageCount > 1 ? ` (${page.total})` : ''}</h2>
      {openings.length === 0 ? <p>Virksomheden har ingen jobopslag endnu.</p> : null}
      <ul className="nobullet-list">
        {openings.map((opening) => (
          <li key={opening.id} className="mb-4">
            <Link to={`/konsulent/jobopslag/${opening.id}`}>
              <strong>{opening.title}</strong>
            </Link>{' '}
            · {OPENING_KIND_LABELS[opening.kind]} · {formatHours({ min: opening.hoursMin, max: opening.hoursMax })} ·{' '}
            {OPENING_STATUS_LABELS[opening.status]}
            {opening.isJobOrder ? ' · jobordre' : ''}
          </li>
        ))}
      </ul>
      <Pager page={page} search={search} label="Sider med jobopslag" />
    </>
  );
}
