import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { agreementForCompany, AgreementRefusedError, confirmAgreement } from '../services/agreements.server';
import { orHttpError } from '../services/errors.server';
import { AGREEMENT_PRINT_STYLESHEET } from '../ui/agreement';
import { PartyAgreement } from '../ui/agreement-party';

export const links: LinksFunction = () => [AGREEMENT_PRINT_STYLESHEET];

export const meta: MetaFunction = () => [{ title: 'Aftale · Jobbro' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return { agreement: await orHttpError(() => agreementForCompany(user, params.agreementId ?? '')) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const agreementId = params.agreementId ?? '';
  try {
    await orHttpError(() => confirmAgreement(user, agreementId));
  } catch (error) {
    if (error instanceof AgreementRefusedError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  return redirect(`/virksomhed/aftaler/${agreementId}?bekraeftet=1`);
}

export default function CompanyAgreement() {
  const { agreement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <p className="no-print">
        <Link to="/virksomhed/aftaler">Alle aftaler</Link>
      </p>
      <PartyAgreement agreement={agreement} party="company" confirmed={searchParams.get('bekraeftet') === '1'} error={result?.error ?? null} />
    </>
  );
}
