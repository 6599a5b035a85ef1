import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '../auth/permissions.server';
import { formatDate } from '../domain/format';
import { plainText } from '../domain/text-rules';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.server';
import { orHttpError } from '../services/errors.server';
import { fieldErrorsOf, SubmitButton, TextField, type FieldErrors } from '../ui/form';

export const meta: MetaFunction = () => [{ title: 'API-nøgler · Jobbro' }];

const CreateToken = z.object({ intent: z.literal('create'), name: plainText({ field: 'Navnet', missing: 'Giv nøglen et navn, fx "Lønsystem".', min: 2, max: 80 }) });
const RevokeToken = z.object({ intent: z.literal('revoke'), tokenId: z.uuid() });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return { tokens: await listApiTokens(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'company');
  const form = Object.fromEntries(await request.formData());
  const revoke = RevokeToken.safeParse(form);
  if (revoke.success) {
    await orHttpError(() => revokeApiToken(user, revoke.data.tokenId));
    return redirect('/virksomhed/api');
  }
  const create = CreateToken.safeParse(form);
  if (!create.success) return data({ token: null, name: String(form.name ?? ''), errors: fieldErrorsOf(create.error) }, { status: 400 });
  const { token } = await createApiToken(user, create.data.name);
  return data({ token, name: '', errors: {} as FieldErrors });
}

export default function ApiTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/virksomhed">Tilbage til virksomhedens side</Link>
      </p>
      <h1>API-nøgler</h1>
      <p>
        Med en API-nøgle kan jeres eget system oprette, rette og lukke jobopslag. Se beskrivelsen i <a href="/api/v1/openapi.json">OpenAPI-dokumentet</a>.
      </p>
      {result?.token ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">Her er den nye nøgle. Kopiér den nu: den bliver ikke vist igen.</p>
            <p>
              <code data-testid="new-api-token">{result.token}</code>
            </p>
          </div>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label="Navn på nøglen" hint="Fx det system, der skal bruge den" defaultValue={result?.name ?? ''} error={result?.errors.name} />
        <SubmitButton>Opret nøgle</SubmitButton>
      </Form>
      <h2>Jeres nøgler</h2>
      {tokens.length === 0 ? <p>I har ingen API-nøgler.</p> : null}
      <ul className="nobullet-list">
        {tokens.map((token) => (
          <li key={token.id} className="mb-4">
            <strong>{token.name}</strong> · oprettet {formatDate(new Date(token.createdAt))}
            {token.lastUsedAt ? ` · sidst brugt ${formatDate(new Date(token.lastUsedAt))}` : ' · ikke brugt endnu'}
            {token.revokedAt ? (
              ' · tilbagekaldt'
            ) : (
              <Form method="post" className="d-inline">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="tokenId" value={token.id} />{' '}
                <button type="submit" className="button button-tertiary">
                  Tilbagekald
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
