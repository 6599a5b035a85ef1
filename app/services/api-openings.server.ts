/** The JSON API's view of openings: authentication by token, JSON errors with field messages. */
import { z } from 'zod';
import { OPENING_ACTIONS } from '../domain/opening-rules';
import { API_DEFAULT_PAGE_SIZE, API_MAX_PAGE_SIZE, decodeCursor, encodeCursor } from '../domain/pagination';
import { OPENING_KINDS, OPENING_STATUSES } from '../domain/vocabulary';
import { IDEMPOTENCY_KEY_MESSAGE, parseIdempotencyKey } from '../domain/idempotency';
import type { Actor } from './actor';
import type { Executor } from '../../db/client';
import { IdempotencyKeyReusedError, requestHashOf, writeOnce, type WriteAnswer } from './idempotency.server';
import { actorForApiRequest } from './api-tokens.server';
import { ForbiddenError, NotFoundError } from './errors.server';
import { openingSchemaForToday } from './opening-submissions.server';
import {
  changeOpeningStatus,
  createOpening,
  getOpeningForManager,
  listCompanyOpeningsAfter,
  openingWarnings,
  PublishBlockedError,
  StatusChangeError,
  updateOpening,
  type Opening,
} from './openings.server';

export function jsonError(status: number, error: string, message: string, fields?: Record<string, string>) {
  return Response.json({ error, message, ...(fields ? { fields } : {}) }, { status });
}

export async function requireApiActor(request: Request): Promise<Actor> {
  const actor = await actorForApiRequest(request);
  if (!actor) throw jsonError(401, 'unauthorized', 'Mangler eller ugyldig API-nøgle. Send den som "Authorization: Bearer <nøgle>".');
  return actor;
}

export function apiOpening(opening: Opening) {
  return {
    id: opening.id,
    kind: opening.kind,
    status: opening.status,
    title: opening.title,
    description: opening.description,
    tasks: opening.tasks,
    hoursMin: opening.hoursMin,
    hoursMax: opening.hoursMax,
    flexjobExpectedHours: opening.flexjobExpectedHours,
    days: opening.schedule.days,
    parts: opening.schedule.parts,
    scheduleNote: opening.schedule.note ?? '',
    startDate: opening.startDate,
    slots: opening.slots,
    postcode: opening.postcode,
    city: opening.city,
    demands: opening.demands,
    accommodations: opening.accommodations,
    languageNeeds: opening.languageNeeds,
    hourlyWage: opening.hourlyWage,
    wageAgreement: opening.wageAgreement,
    drivingLicenceRequired: opening.drivingLicenceRequired,
    contactName: opening.contactName,
    contactRole: opening.contactRole,
    contactPhone: opening.contactPhone,
    contactEmail: opening.contactEmail,
    createdAt: opening.createdAt,
    updatedAt: opening.updatedAt,
  };
}

const ListQuery = z.object({
  status: z.enum(OPENING_STATUSES, { error: 'Ukendt status.' }).optional(),
  kind: z.enum(OPENING_KINDS, { error: 'Ukendt slags.' }).optional(),
  limit: z.coerce
    .number({ error: `Skal være et helt tal fra 1 til ${API_MAX_PAGE_SIZE}.` })
    .int(`Skal være et helt tal fra 1 til ${API_MAX_PAGE_SIZE}.`)
    .min(1, `Skal være et helt tal fra 1 til ${API_MAX_PAGE_SIZE}.`)
    .max(API_MAX_PAGE_SIZE, `Højst ${API_MAX_PAGE_SIZE} ad gangen; hent resten med cursor.`)
    .default(API_DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .transform((text, context) => {
      const cursor = decodeCursor(text);
      if (!cursor) context.addIssue({ code: 'custom', message: 'Ukendt cursor. Brug nextCursor fra det forrige svar.' });
      return cursor ?? z.NEVER;
    })
    .optional(),
});

/** A page of the company's openings, newest first: `nextCursor` fetches the next, null on the last page. */
export async function listApiOpenings(actor: Actor, url: URL) {
  const query = ListQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return jsonError(400, 'invalid_query', 'Forespørgslen har fejl. Se felterne.', fieldsOf(query.error.issues));
  const { cursor, ...rest } = query.data;
  const page = await listCompanyOpeningsAfter(actor, actor.companyId!, { ...rest, after: cursor ?? null });
  return Response.json({ openings: page.openings.map(apiOpening), total: page.total, nextCursor: page.next ? encodeCursor(page.next) : null });
}

function fieldsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? 'body')] ??= issue.message;
  return fields;
}

async function readJson(request: Request): Promise<Record<string, unknown> | Response> {
  try {
    const body = await request.json();
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Falls through to the answer below.
  }
  return jsonError(400, 'invalid_json', 'Kroppen skal være et JSON-objekt.');
}

/** A saved opening whose wording stops it from being published or reopened (a new or changed one gets 400). */
function blockedAnswer(error: PublishBlockedError) {
  return jsonError(422, 'discriminatory_wording', error.message, error.fields as Record<string, string>);
}

/**
 * Runs an API write once per Idempotency-Key (when the request has one) and answers with the opening as it is
 * now: the first time as written, on a retry with the same key as replayed (`Idempotent-Replayed: true`).
 */
async function answerWrite(
  actor: Actor,
  request: Request,
  write: (executor?: Executor) => Promise<WriteAnswer>,
  { withWarnings = true } = {},
): Promise<Response> {
  const header = parseIdempotencyKey(request.headers.get('Idempotency-Key'));
  if (header.kind === 'invalid') return jsonError(400, 'invalid_idempotency_key', IDEMPOTENCY_KEY_MESSAGE, { 'Idempotency-Key': IDEMPOTENCY_KEY_MESSAGE });
  let answer: WriteAnswer & { replayed?: boolean };
  if (header.kind === 'none') answer = await write();
  else {
    try {
      answer = await writeOnce({ companyId: actor.companyId!, key: header.key, requestHash: await requestHashOf(request) }, write);
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) return jsonError(422, 'idempotency_key_reused', error.message);
      throw error;
    }
  }
  const opening = await getOpeningForManager(actor, answer.openingId);
  const headers = answer.replayed ? { 'Idempotent-Replayed': 'true' } : undefined;
  const body = withWarnings ? { opening: apiOpening(opening), warnings: await openingWarnings(opening) } : { opening: apiOpening(opening) };
  return Response.json(body, { status: answer.status, headers });
}

export async function createApiOpening(actor: Actor, request: Request) {
  const body = await readJson(request.clone());
  if (body instanceof Response) return body;
  const parsed = openingSchemaForToday().safeParse(body);
  if (!parsed.success) return jsonError(400, 'validation_failed', 'Jobopslaget har fejl. Se felterne.', fieldsOf(parsed.error.issues));
  return answerWrite(actor, request, async (executor) => ({
    status: 201,
    openingId: (await createOpening(actor, actor.companyId!, parsed.data, { publish: body.publish !== false, viaApi: true }, executor)).id,
  }));
}

export async function updateApiOpening(actor: Actor, openingId: string, request: Request) {
  const current = await getOpeningForManager(actor, openingId);
  const body = await readJson(request.clone());
  if (body instanceof Response) return body;
  const parsed = openingSchemaForToday(new Date(), current.startDate).safeParse(body);
  if (!parsed.success) return jsonError(400, 'validation_failed', 'Jobopslaget har fejl. Se felterne.', fieldsOf(parsed.error.issues));
  return answerWrite(actor, request, async (executor) => ({ status: 200, openingId: (await updateOpening(actor, openingId, parsed.data, executor)).id }));
}

export async function changeApiOpeningStatus(actor: Actor, openingId: string, action: string, request: Request) {
  const parsed = z.enum(OPENING_ACTIONS).safeParse(action);
  if (!parsed.success) return jsonError(404, 'not_found', 'Ukendt handling.');
  try {
    return await answerWrite(
      actor,
      request,
      async (executor) => ({ status: 200, openingId: (await changeOpeningStatus(actor, openingId, parsed.data, executor)).id }),
      { withWarnings: false },
    );
  } catch (error) {
    if (error instanceof PublishBlockedError) return blockedAnswer(error);
    if (error instanceof StatusChangeError) return jsonError(409, 'invalid_status_change', error.message);
    throw error;
  }
}

/** Maps the services' typed failures to JSON answers. */
export async function asJsonErrors(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof NotFoundError) return jsonError(404, 'not_found', error.message);
    if (error instanceof ForbiddenError) return jsonError(403, 'forbidden', error.message);
    throw error;
  }
}
