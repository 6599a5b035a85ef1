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

/** Something that was public once and is not any more, e.g. a job that was filled or closed: 410 Gone. */
export class GoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoneError';
  }
}

/** Runs a service call and maps its typed failures to Remix error responses (404/403/410). */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
    if (error instanceof ForbiddenError) throw new Response(error.message, { status: 403 });
    if (error instanceof GoneError) throw new Response(error.message, { status: 410 });
    throw error;
  }
}
