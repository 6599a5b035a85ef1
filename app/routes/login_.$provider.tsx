import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { safeRedirectPath } from '../auth/permissions.server';
import { providerSettings, startSignIn } from '../auth/sign-in-providers.server';
import { providerBySlug, type SignInProviderCode, type SignInRefusal } from '../domain/sign-in-rules';
import type { Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { httpError } from '../services/errors.server';
import { publicOrigin } from '../services/public-origin.server';
import { citizenInvitationId } from '../services/sign-ins.server';
import { SignInRefusalPage } from '../ui/sign-in';

export const meta: MetaFunction = () => [{ title: 'Log ind · Jobbro' }];

/** Starting a login is a POST (the Origin check guards it); a GET just goes to the login page. */
export async function loader() {
  throw redirect('/login');
}

type StartRefused = { language: Language; refusal: SignInRefusal; provider: SignInProviderCode };

/**
 * Sends the browser to the provider. A citizen's invitation link (`invitation`) is checked here and carried
 * through the login by its stored id, so the first MitID login binds the invited citizen (decision 034).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const provider = providerBySlug(params.provider);
  if (!provider || !providerSettings(provider.code)) throw httpError(404, 'Den login-tjeneste findes ikke i Jobbro.');
  const form = await request.formData();
  const redirectTo = safeRedirectPath(form.get('redirectTo'));
  let invitationTokenId: string | null = null;
  const invitation = form.get('invitation');
  if (provider.code === 'mitid' && typeof invitation === 'string' && invitation !== '') {
    invitationTokenId = await citizenInvitationId(invitation);
    // The invitation page says the link is used or expired.
    if (!invitationTokenId) throw redirect(`/velkommen/${encodeURIComponent(invitation)}`);
  }
  try {
    return await startSignIn(provider.code, { baseUrl: publicOrigin(), redirectTo, invitationTokenId });
  } catch (error) {
    console.warn(`Login via ${provider.code} kunne ikke startes: ${(error as Error).name}`);
    return data<StartRefused>({ language: languageOf(request), refusal: 'provider_error', provider: provider.code }, { status: 503 });
  }
}

export default function SignInStart() {
  const refused = useActionData<typeof action>() as StartRefused | undefined;
  const language = refused?.language ?? 'da';
  if (!refused) return <p>{textsFor(language).signIn.backToLogin}</p>;
  return <SignInRefusalPage language={language} refusal={refused.refusal} retryProvider={refused.provider} />;
}
