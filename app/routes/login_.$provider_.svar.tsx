import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { homePathFor } from '../auth/permissions.server';
import { blankAttemptCookie, finishSignIn, mitIdSignUpCookie, providerSettings, startProviderSession } from '../auth/sign-in-providers.server';
import { providerBySlug, type SignInProviderCode, type SignInRefusal } from '../domain/sign-in-rules';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { httpError } from '../services/errors.server';
import { publicOrigin } from '../services/public-origin.server';
import { signInWith } from '../services/sign-ins.server';
import { SignInRefusalPage } from '../ui/sign-in';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').signIn.title} · Jobbro` }];

/**
 * The provider's redirect back (the registered redirect URI). The login is proved (state, PKCE, ID token),
 * then given its meaning (which user); a refusal is a Danish page, logged by its code only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = providerBySlug(params.provider);
  const settings = provider ? providerSettings(provider.code) : null;
  if (!provider || !settings) throw httpError(404, 'Den login-tjeneste findes ikke i Jobbro.');
  const language = languageOf(request);
  const refuse = (refusal: SignInRefusal) => {
    console.warn(`Login via ${provider.code} afvist: ${refusal}`);
    const status = refusal === 'cancelled' ? 200 : 403;
    return data({ language, refusal, provider: provider.code as SignInProviderCode }, { status, headers: { 'Set-Cookie': blankAttemptCookie() } });
  };

  const proved = await finishSignIn(provider.code, request, { baseUrl: publicOrigin() });
  if (!proved.ok) return refuse(proved.refusal);
  const result = await signInWith(proved.identity, { invitationTokenId: proved.invitationTokenId, staffJobcentre: settings.jobcentreName ?? null });
  if (result.ok === 'sign_up') {
    const headers = new Headers();
    headers.append('Set-Cookie', mitIdSignUpCookie(result.token));
    headers.append('Set-Cookie', blankAttemptCookie());
    throw redirect('/virksomhed/opret/mitid', { headers });
  }
  if (!result.ok) return refuse(result.refusal);
  const home = proved.invitationTokenId ? '/borger?velkommen=1' : homePathFor(result.role);
  throw await startProviderSession(request, result.userId, proved.identity, proved.redirectTo ?? home);
}

export default function SignInAnswer() {
  const { language, refusal, provider } = useLoaderData<typeof loader>();
  return <SignInRefusalPage language={language} refusal={refusal} retryProvider={provider} />;
}
