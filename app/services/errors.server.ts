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

/** Runs a service call and maps its typed failures to Remix error responses (404/403). */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
    if (error instanceof ForbiddenError) throw new Response(error.message, { status: 403 });
    throw error;
  }
}
