import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { formatDate, formatHours, toIsoDate } from '../domain/format';
import { BENEFIT_STATUS_LABELS, PATH_PHASE_ENTRIES, PATH_PHASE_LABELS, PATH_PHASES } from '../domain/vocabulary';
import { offsetOf, pageOf, requestedPage } from '../domain/pagination';
import { countCaseload, listCaseload, listConsultantsOfJobcentre } from '../services/citizens.server';
import { SelectField } from '../ui/choice-fields';
import { TextField } from '../ui/form';
import { TableScrollRegion } from '../ui/table';
import { Pager } from '../ui/pager';

export const meta: MetaFunction = () => [{ title: 'Mine borgere · Jobbro' }];

/** "alle" shows the whole jobcentre; no value shows the consultant's own caseload. */
const ALL_CONSULTANTS = 'alle';

const CaseloadQuery = z.object({
  fase: z.enum(PATH_PHASES).optional().catch(undefined),
  konsulent: z.string().optional().catch(undefined),
  navn: z.string().optional().catch(undefined),
});

const MAX_NAME_SEARCH = 100;
const NameSearch = z.string().trim().max(MAX_NAME_SEARCH, `Skriv højst ${MAX_NAME_SEARCH} tegn af navnet.`);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const searchParams = new URL(request.url).searchParams;
  const query = CaseloadQuery.parse(Object.fromEntries(searchParams));
  const consultants = await listConsultantsOfJobcentre(user.jobcentreId!);
  const chosen = consultants.find((consultant) => consultant.id === query.konsulent);
  // A consultant who is not of this jobcentre is ignored: the list falls back to the user's own.
  const consultantId = query.konsulent === ALL_CONSULTANTS ? null : chosen?.id;
  const name = NameSearch.safeParse(query.navn ?? '');
  const nameError = name.success ? null : (name.error.issues[0]?.message ?? null);
  const filter = { consultantId, phase: query.fase, name: name.success && name.data !== '' ? name.data : undefined };
  const page = pageOf(requestedPage(searchParams.get('side')), await countCaseload(user, filter));
  const caseload = await listCaseload(user, filter, { limit: page.pageSize, offset: offsetOf(page) });
  const own = consultantId === undefined || consultantId === user.id;
  const consultantName = chosen?.name;
  return { caseload, page, nameError, searched: filter.name !== undefined, consultants, own, consultantName, userId: user.id, today: toIsoDate(new Date()) };
}

export default function Caseload() {
  const { caseload, page, nameError, searched, consultants, own, consultantName, userId, today } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const [searchParams] = useSearchParams();
  const heading = own ? 'Mine borgere' : consultantName ? `${consultantName}s borgere` : 'Alle borgere i jobcentret';
  const consultantOptions = [
    { code: '', label: 'Mine borgere' },
    { code: ALL_CONSULTANTS, label: 'Alle i jobcentret' },
    ...consultants.filter((consultant) => consultant.id !== userId).map((consultant) => ({ code: consultant.id, label: consultant.name })),
  ];
  return (
    <>
      <p>
        <Link to="/konsulent">Tilbage til konsulentforsiden</Link>
      </p>
      <h1>{heading}</h1>
      {searchParams.get('lukket') ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">Sagen er lukket. Borgeren er taget ud af søgningen.</p>
          </div>
        </div>
      ) : null}
      <p>
        <Link to="/konsulent/borgere/ny" className="button button-primary">
          Opret borger
        </Link>
      </p>
      <Form method="get" className="mb-6" aria-label="Filtrér borgere">
        <TextField
          name="navn"
          label="Søg på navn"
          hint="Fx Hanne eller Bak. Søger blandt de borgere, du har valgt nedenfor."
          defaultValue={searchParams.get('navn') ?? ''}
          error={nameError ?? undefined}
          autoComplete="off"
        />
        <div className="row">
          <div className="col-12 col-md-5">
            <SelectField
              name="fase"
              label="Fase"
              options={[{ code: '', label: 'Alle faser' }, ...PATH_PHASE_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da }))]}
              selected={searchParams.get('fase') ?? ''}
            />
          </div>
          <div className="col-12 col-md-5">
            <SelectField name="konsulent" label="Konsulent" options={consultantOptions} selected={searchParams.get('konsulent') ?? ''} />
          </div>
        </div>
        <button type="submit" className="button button-secondary">
          Vis borgere
        </button>
      </Form>
      {caseload.length === 0 ? (
        <p>{searched ? 'Ingen borgere med det navn blandt de valgte.' : 'Der er ingen borgere, der passer til det valgte.'}</p>
      ) : (
        <TableScrollRegion label={heading}>
          <table className="table table--compact">
            <caption className="sr-only">{heading}, sorteret efter dato for næste handling</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Fase</th>
                <th scope="col">Forsørgelse</th>
                <th scope="col">Timer om ugen</th>
                <th scope="col">Næste handling</th>
                <th scope="col">Dato</th>
                {own ? null : <th scope="col">Konsulent</th>}
              </tr>
            </thead>
            <tbody>
              {caseload.map((citizen) => (
                <tr key={citizen.id}>
                  <td>
                    <Link to={`/konsulent/borgere/${citizen.id}`}>{citizen.name}</Link>
                  </td>
                  <td>{PATH_PHASE_LABELS[citizen.phase]}</td>
                  <td>{BENEFIT_STATUS_LABELS[citizen.benefitStatus]}</td>
                  <td>{formatHours({ min: citizen.hoursMin, max: citizen.hoursMax }, { unit: false })}</td>
                  <td>{citizen.nextAction ?? '—'}</td>
                  <td>
                    {citizen.nextActionDate ? formatDate(citizen.nextActionDate) : '—'}
                    {citizen.nextActionDate && citizen.nextActionDate < today ? <strong> (overskredet)</strong> : null}
                  </td>
                  {own ? null : <td>{citizen.consultantName ?? 'Ingen'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
      <Pager page={page} search={search} label="Sider med borgere" />
    </>
  );
}
