import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { clientIpOf } from '../auth/rate-limit.server';
import { COLLEAGUE_INVITATION_DAYS, companyProfileSchema } from '../domain/company-rules';
import { formValues } from '../domain/form-values';
import { emailAddress } from '../domain/text-rules';
import { DuplicateError, getCompany, inviteColleague, listColleagues, updateCompanyProfile } from '../services/companies.server';
import { findPostcode } from '../services/postcodes.server';
import { publicOrigin } from '../services/public-origin.server';
import { RateLimitedError } from '../services/rate-limits.server';
import { ErrorSummary, fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'Virksomhedsprofil · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const [company, colleagues] = await Promise.all([getCompany(user, user.companyId!), listColleagues(user, user.companyId!)]);
  return { company, colleagues };
}

type ActionResult = { form: 'profile' | 'invite'; values: Record<string, string>; errors: FieldErrors; invitedEmail?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const values = formValues(await request.formData()) as Record<string, string>;
  if (values.intent === 'invite') {
    const email = emailAddress.safeParse(values.inviteEmail ?? '');
    if (!email.success) return data<ActionResult>({ form: 'invite', values, errors: { inviteEmail: email.error.issues[0]?.message } }, { status: 400 });
    try {
      // The same answer whether the address has a user or not; the mail tells its owner which it is.
      const invited = await inviteColleague(user, email.data, { baseUrl: publicOrigin(), clientIp: clientIpOf(request, context) });
      return data<ActionResult>({ form: 'invite', values: {}, errors: {}, invitedEmail: invited.email });
    } catch (error) {
      if (error instanceof RateLimitedError) return data<ActionResult>({ form: 'invite', values, errors: { inviteEmail: error.message } }, { status: 429 });
      throw error;
    }
  }
  const parsed = companyProfileSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).safeParse(values);
  if (!parsed.success) return data<ActionResult>({ form: 'profile', values, errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    await updateCompanyProfile(user, user.companyId!, parsed.data);
  } catch (error) {
    if (error instanceof DuplicateError) return data<ActionResult>({ form: 'profile', values, errors: { [error.field]: error.message } }, { status: 400 });
    throw error;
  }
  return redirect('/virksomhed/profil?gemt=1');
}

export default function CompanyProfile() {
  const { company, colleagues } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const profileProblem = result?.form === 'profile' ? result : null;
  const values: Record<string, string> = profileProblem?.values ?? {
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
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });
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
        <TextField {...field('cvr')} label="CVR-nummer" inputMode="numeric" />
        <TextField {...field('name')} label="Virksomhedens navn" />
        <TextField {...field('address')} label="Adresse" />
        <TextField {...field('postcode')} label="Postnummer" inputMode="numeric" />
        <TextField {...field('industry')} label="Branche" />
        <TextField {...field('ordinaryEmployees')} label="Antal ordinært ansatte" inputMode="numeric" />
        <TextField {...field('phone')} label="Telefon" type="tel" />
        <TextField {...field('email')} label="E-mail" type="email" />
        <SubmitButton>Gem profil</SubmitButton>
      </Form>

      <h2>Kolleger med adgang</h2>
      <ul>
        {colleagues.map((colleague) => (
          <li key={colleague.id}>
            {colleague.name} ({colleague.email})
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
