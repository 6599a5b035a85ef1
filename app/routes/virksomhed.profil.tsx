import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { clientIpOf } from '../auth/rate-limit.server';
import { COLLEAGUE_INVITATION_DAYS, companyProfileSchema } from '../domain/company-rules';
import { formValues, type FormValues } from '../domain/form-values';
import { emailAddress } from '../domain/text-rules';
import { AccessRefusedError, removeColleagueAccess } from '../services/accounts.server';
import { getCompany, inviteColleague, listColleagues, updateCompanyProfile } from '../services/companies.server';
import { orHttpError } from '../services/errors.server';
import { findPostcode } from '../services/postcodes.server';
import { publicOrigin } from '../services/public-origin.server';
import { RateLimitedError } from '../services/rate-limits.server';
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from '../ui/form';
import { CompanyFields } from '../ui/company-fields';
import { submitForm } from '../ui/form-submission.server';
import { Alert } from '../ui/matching';

export const meta: MetaFunction = () => [{ title: 'Virksomhedsprofil · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const [company, colleagues] = await Promise.all([getCompany(user, user.companyId!), listColleagues(user, user.companyId!)]);
  // `?fjern=<id>` asks to confirm taking a colleague's access away; `?fjernet=<id>` tells that it was done.
  const params = new URL(request.url).searchParams;
  const confirming = colleagues.find((colleague) => colleague.id === params.get('fjern') && colleague.id !== user.id && !colleague.deactivatedAt) ?? null;
  const removed = colleagues.find((colleague) => colleague.id === params.get('fjernet') && colleague.deactivatedAt) ?? null;
  return { company, colleagues, userId: user.id, confirming, removed };
}

type ActionResult = { form: 'profile' | 'invite' | 'access'; values: Record<string, string>; errors: FieldErrors; invitedEmail?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const values = formValues(await request.formData()) as Record<string, string>;
  if (values.intent === 'remove-access') {
    const colleagueId = values.colleagueId ?? '';
    try {
      await orHttpError(() => removeColleagueAccess(user, colleagueId));
    } catch (error) {
      if (error instanceof AccessRefusedError) return data<ActionResult>({ form: 'access', values: {}, errors: { access: error.message } }, { status: 400 });
      throw error;
    }
    return redirect(`/virksomhed/profil?fjernet=${colleagueId}`);
  }
  if (values.intent === 'invite') {
    const email = emailAddress.safeParse(values.inviteEmail ?? '');
    if (!email.success) return data<ActionResult>({ form: 'invite', values, errors: { inviteEmail: email.error.issues[0]?.message } }, { status: 400 });
    try {
      // The same answer whether the address has a user or not; the mail tells its owner which it is.
      const invited = await inviteColleague(user, email.data, { baseUrl: publicOrigin(), clientIp: clientIpOf(context) });
      return data<ActionResult>({ form: 'invite', values: {}, errors: {}, invitedEmail: invited.email });
    } catch (error) {
      if (error instanceof RateLimitedError) return data<ActionResult>({ form: 'invite', values, errors: { inviteEmail: error.message } }, { status: 429 });
      throw error;
    }
  }
  const schema = companyProfileSchema({ postcodeExists: (code) => findPostcode(code) !== undefined });
  return submitForm(
    values,
    schema,
    async (input) => {
      await updateCompanyProfile(user, user.companyId!, input);
      return '/virksomhed/profil?gemt=1';
    },
    { also: { form: 'profile' as const } },
  );
}

export default function CompanyProfile() {
  const { company, colleagues, userId, confirming, removed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const profileProblem = result?.form === 'profile' ? result : null;
  const values: FormValues = profileProblem?.values ?? {
    cvr: company.cvr,
    name: company.name,
    address: company.address,
    postcode: company.postcode,
    industry: company.industry,
    ordinaryEmployees: String(company.ordinaryEmployees),
    phone: company.phone,
    email: company.email,
  };
  const errors: FieldErrors = profileProblem?.errors ?? {};
  const field = (name: string) => ({ name, defaultValue: String(values[name] ?? ''), error: errors[name] });
  const invite = result?.form === 'invite' ? result : null;
  return (
    <>
      <p>
        <Link to="/virksomhed">Tilbage til virksomhedens side</Link>
      </p>
      <h1>Virksomhedsprofil</h1>
      {searchParams.get('gemt') ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">Profilen er gemt.</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: message ?? '' }))} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <CompanyFields field={field} ownCompany />
        <SubmitButton>Gem profil</SubmitButton>
      </Form>

      <h2 id="kolleger">Kolleger med adgang</h2>
      {result?.form === 'access' && result.errors.access ? <Alert kind="error">{result.errors.access}</Alert> : null}
      {removed && !result ? <Alert kind="success">{removed.name} har ikke længere adgang til virksomhedens side. Alle {removed.name}s logins er afsluttet.</Alert> : null}
      {confirming ? (
        <Alert kind="warning" heading={`Fjern adgang for ${confirming.name}?`}>
          <p className="jobbro-break">
            {confirming.name} ({confirming.email}) bliver logget af med det samme og kan ikke længere logge ind på virksomhedens side. Skal{' '}
            {confirming.name} have adgang igen, så kontakt jobcentret.
          </p>
          <Form method="post" className="jobbro-actions">
            <input type="hidden" name="intent" value="remove-access" />
            <input type="hidden" name="colleagueId" value={confirming.id} />
            <button type="submit" className="button button-primary">
              Ja, fjern adgangen
            </button>
            <Link to="/virksomhed/profil#kolleger" className="button button-secondary">
              Fortryd
            </Link>
          </Form>
        </Alert>
      ) : null}
      <ul className="nobullet-list jobbro-break">
        {colleagues.map((colleague) => (
          <li key={colleague.id} className="mb-4">
            {colleague.name} ({colleague.email})
            {colleague.id === userId ? ' · dig' : null}
            {colleague.deactivatedAt ? ' · har ikke længere adgang' : null}
            {colleague.id !== userId && !colleague.deactivatedAt ? (
              <>
                {' '}
                <Link to={`/virksomhed/profil?fjern=${colleague.id}#kolleger`} aria-label={`Fjern adgang for ${colleague.name}`}>
                  Fjern adgang
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>Invitér en kollega</h3>
      {/* A new key after each sent invitation empties the field for the next colleague. */}
      <Form method="post" noValidate key={invite?.invitedEmail ?? 'invite'}>
        <input type="hidden" name="intent" value="invite" />
        <TextField name="inviteEmail" label="Kollegaens e-mail" type="email" defaultValue={invite?.values.inviteEmail ?? ''} error={invite?.errors.inviteEmail} />
        <SubmitButton>Send invitation</SubmitButton>
      </Form>
      {invite?.invitedEmail ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text" style={{ overflowWrap: 'anywhere' }}>
              Vi har sendt en invitation til {invite.invitedEmail}. Linket i mailen virker i {COLLEAGUE_INVITATION_DAYS} dage og kun for den, der
              har e-mailen. Har e-mailen allerede en bruger i Jobbro, står der i mailen, hvad kollegaen kan gøre.
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
