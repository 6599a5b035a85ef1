/**
 * The body of a 403/404/410 answer that carries the sentence a service wrote for the user. Only these
 * sentences reach the error page: anything else thrown (a stack, a database error, a bare Response) shows the
 * generic text, so an error page can never echo an id, a name or SQL.
 */
export type UserErrorBody = { userMessage: string };

export function userErrorBody(userMessage: string): UserErrorBody {
  return { userMessage };
}

/** The service's sentence in a thrown answer's data, or null when the answer carries none. */
export function userMessageOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('userMessage' in data)) return null;
  const { userMessage } = data as { userMessage: unknown };
  return typeof userMessage === 'string' && userMessage.trim() !== '' ? userMessage : null;
}
