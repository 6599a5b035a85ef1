import { data } from '@remix-run/node';
import { userErrorBody } from '../domain/user-error';

/** Typed failures that services throw and routes turn into 404/403 (via `asHttpError`). */
export class NotFoundError extends Error {
  constructor(what = 'Objektet') {
    super(`${what} findes ikke.`);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'Du har ikke adgang til dette.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/**
 * Input the schema let through that the service refuses on what it reads (a CVR number taken, a slot gone, a
 * consultant of another jobcentre): `message` is a Danish sentence for the form's field `field` ('form' when it
 * is about the whole). `submitForm` (app/ui/form-submission.server.ts) shows it there with the values kept.
 */
export class FieldRefusedError extends Error {
  readonly field: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'FieldRefusedError';
    this.field = field || 'form';
  }
}

/** Something that was public once and is not any more, e.g. a job that was filled or closed: 410 Gone. */
export class GoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoneError';
  }
}

/**
 * The answer to throw from a loader or action for a refusal: the status, and the sentence written for the
 * user, which the error boundaries show (app/root.tsx). Never put an id, a name or data in it.
 */
export function httpError(status: 403 | 404 | 410, userMessage: string) {
  return data(userErrorBody(userMessage), { status });
}

/** Runs a service call and maps its typed failures to Remix error responses (404/403/410) carrying their message. */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) throw httpError(404, error.message);
    if (error instanceof ForbiddenError) throw httpError(403, error.message);
    if (error instanceof GoneError) throw httpError(410, error.message);
    throw error;
  }
}
