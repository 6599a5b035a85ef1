import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { switchSessionTo } from '../auth/session.server';
import { MIN_PASSWORD_LENGTH, newPassword } from '../domain/password-rules';
import { confirmCompanySignup, pendingCompanySignup, type SignupBlock } from '../services/companies.server';
import { ErrorSummary, SubmitButton, TextField } from '../ui/form';
import { jobcentreContacts } from '../services/jobcentres.server';
import { JobcentreContacts, type JobcentreContactView } from '../ui/jobcentre-contacts';
import { Alert } from '../ui/matching';

export const meta: MetaFunction = () => [{ title: 'Bekræft og opret virksomhed · Jobbro' }];

// The page shows the person's name and e-mail: server.ts sends no-store for it (app/auth/security-headers.server.ts).
export async function loader({ params }: LoaderFunctionArgs) {
  const signup = await pendingCompanySignup(params.token ?? '');
  // Where the page says "kontakt jobcentret" it says how: the jobcentres' phone and e-mail (public anyway).
  const contacts = signup ? await jobcentreContacts() : [];
  return data({ signup, contacts }, { status: signup ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = newPassword.safeParse((await request.formData()).get('password') ?? undefined);
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? null, block: null, linkBroken: false }, { status: 400 });
  const confirmed = await confirmCompanySignup(params.token ?? '', parsed.data);
  if (!confirmed) return data({ error: null, block: null, linkBroken: true }, { status: 410 });
  if ('block' in confirmed) return data({ error: null, block: confirmed.block, linkBroken: false }, { status: 409 });
  // The start page says the company was created: the sign-up's last step must not end in silence.
  return switchSessionTo(request, confirmed.userId, '/virksomhed?oprettet=1');
}

export default function ConfirmCompanySignup() {
  const { signup, contacts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!signup || result?.linkBroken) {
    return (
      <>
        <h1>Linket virker ikke længere</h1>
        <p className="font-lead">Linket er enten brugt eller udløbet.</p>
        <ul className="nobullet-list">
          <li>
            <Link to="/virksomhed/opret">Opret virksomheden igen</Link>
          </li>
          <li>
            <Link to="/login">Log ind, hvis virksomheden allerede er oprettet</Link>
          </li>
        </ul>
      </>
    );
  }
  const block = result?.block ?? signup.block;
  if (block) return <Blocked block={block} cvr={signup.cvr} contacts={contacts} />;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Bekræft og opret virksomheden</h1>
        <p className="font-lead">Din e-mail er bekræftet. Tjek oplysningerne, og vælg en adgangskode. Så opretter vi virksomheden, og du er logget ind.</p>
        <table className="table table--compact table--responsive-headers mb-6">
          <tbody>
            <tr>
              <th scope="row">Virksomhed</th>
              <td>{signup.name}</td>
            </tr>
            <tr>
              <th scope="row">CVR-nummer</th>
              <td>{signup.cvr}</td>
            </tr>
            <tr>
              <th scope="row">Adresse</th>
              <td>
                {signup.address}, {signup.postcode} {signup.city}
              </td>
            </tr>
            <tr>
              <th scope="row">Dit navn</th>
              <td>{signup.userName}</td>
            </tr>
            <tr>
              <th scope="row">Din e-mail</th>
              <td style={{ overflowWrap: 'anywhere' }}>{signup.email}</td>
            </tr>
          </tbody>
        </table>
        <p>
          Er noget forkert, så <Link to="/virksomhed/opret">udfyld formularen igen</Link>. Resten kan du også rette under Virksomhedsprofil, når
          virksomheden er oprettet.
        </p>
        <ErrorSummary errors={result?.error ? [{ fieldId: 'password', message: result.error }] : []} />
        <Form method="post" noValidate>
          <input type="email" name="username" autoComplete="username" value={signup.email} readOnly hidden />
          <TextField
            name="password"
            label="Vælg en adgangskode"
            type="password"
            hint={`Mindst ${MIN_PASSWORD_LENGTH} tegn. Brug gerne tre ord i træk.`}
            autoComplete="new-password"
            error={result?.error ?? undefined}
          />
          <SubmitButton pendingText="Opretter …">Opret virksomheden</SubmitButton>
        </Form>
      </div>
    </div>
  );
}

/** Said only to the one who opened the link: the owner of the address, who may know. */
function Blocked({ block, cvr, contacts }: { block: SignupBlock; cvr: string; contacts: JobcentreContactView[] }) {
  if (block === 'email_has_user') {
    return (
      <>
        <h1>Du har allerede en bruger</h1>
        <Alert kind="info">
          <p>Der findes allerede en bruger i Jobbro med din e-mail, så virksomheden er ikke oprettet. En e-mail kan kun have én bruger.</p>
        </Alert>
        <ul className="nobullet-list">
          <li>
            <Link to="/login">Log ind</Link>
          </li>
          <li>
            <Link to="/glemt-adgangskode">Har du glemt din adgangskode?</Link>
          </li>
        </ul>
      </>
    );
  }
  return (
    <>
      <h1>Virksomheden er allerede i Jobbro</h1>
      <Alert kind="info">
        <p>Der findes allerede en virksomhed med CVR-nummer {cvr} i Jobbro, så den er ikke oprettet igen.</p>
      </Alert>
      <p>
        Bed en kollega, der har en bruger, om at invitere dig. Det gør kollegaen under Virksomhedsprofil og kolleger. Har ingen i virksomheden en
        bruger, så ring eller skriv til jobcentret. Jobcentret kan hjælpe jer i gang.
      </p>
      <JobcentreContacts contacts={contacts} />
      <p>
        <Link to="/login">Log ind, hvis du allerede har en bruger</Link>
      </p>
    </>
  );
}
