/** The buttons that start a login at MitID, MitID Erhverv or the municipality's login, and the page of a refused one. */
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { SignInProviderCode, SignInRefusal } from '../domain/sign-in-rules';
import { providerByCode } from '../domain/sign-in-rules';
import type { Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';
import { InLanguage } from './citizen';
import { Alert } from './matching';

/**
 * A plain form (no client-side routing): the answer is a redirect to the provider, which the browser must follow
 * itself. `invitation` carries a citizen's invitation link through the login, to bind MitID to them.
 */
export function SignInButton({
  provider,
  redirectTo,
  invitation,
  secondary = false,
  children,
}: {
  provider: SignInProviderCode;
  redirectTo?: string | null;
  invitation?: string;
  secondary?: boolean;
  children: ReactNode;
}) {
  return (
    <form method="post" action={`/login/${providerByCode(provider)!.slug}`} className="jobbro-sign-in">
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <button type="submit" className={`button ${secondary ? 'button-secondary' : 'button-primary'}`}>
        {children}
      </button>
    </form>
  );
}

/**
 * Why the login was refused, in the reader's language, with the way back. No language switch here: it would
 * reload the provider's answer, which works once.
 */
export function SignInRefusalPage({ language, refusal, retryProvider }: { language: Language; refusal: SignInRefusal; retryProvider: SignInProviderCode | null }) {
  const t = textsFor(language).signIn;
  return (
    <InLanguage language={language}>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <h1>{t.title}</h1>
          <Alert kind="warning">
            <p>{t.refusals[refusal]}</p>
          </Alert>
          {retryProvider && (refusal === 'cancelled' || refusal === 'assurance_too_low' || refusal === 'provider_error') ? (
            <SignInButton provider={retryProvider}>{t.tryAgain}</SignInButton>
          ) : null}
          <p className="mt-5">
            <Link to="/login">{t.backToLogin}</Link>
          </p>
        </div>
      </div>
    </InLanguage>
  );
}
