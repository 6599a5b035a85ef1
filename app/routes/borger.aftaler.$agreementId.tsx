import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { AgreementRefusedError } from '../services/agreement-access.server';
import { agreementForCitizen } from '../services/agreement-views.server';
import { confirmAgreement } from '../services/agreements.server';
import { orHttpError } from '../services/errors.server';
import { AGREEMENT_PRINT_STYLESHEET } from '../ui/agreement';
import { PartyAgreement } from '../ui/agreement-party';
import { InLanguage } from '../ui/citizen';

export const links: LinksFunction = () => [AGREEMENT_PRINT_STYLESHEET];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').agreement.title} · Jobbro` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const language = languageOf(request);
  return { language, agreement: await orHttpError(() => agreementForCitizen(user, params.agreementId ?? '', { language })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const agreementId = params.agreementId ?? '';
  try {
    await orHttpError(() => confirmAgreement(user, agreementId));
  } catch (error) {
    if (error instanceof AgreementRefusedError) {
      const language = languageOf(request);
      return data({ error: language === 'da' ? error.message : textsFor(language).agreement.refused }, { status: 400 });
    }
    throw error;
  }
  return redirect(`/borger/aftaler/${agreementId}?bekraeftet=1`);
}

export default function CitizenAgreement() {
  const { language, agreement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <InLanguage language={language}>
      <p className="no-print">
        <Link to="/borger">{textsFor(language).nav.path}</Link>
      </p>
      <PartyAgreement agreement={agreement} party="citizen" language={language} confirmed={searchParams.get('bekraeftet') === '1'} error={result?.error ?? null} />
    </InLanguage>
  );
}
