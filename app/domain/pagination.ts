/**
 * Every list that a company, a jobcentre or an API client can grow is read a page at a time: one company had
 * 5,202 openings, and its start page (5.76 MB, 1-1.5 s of rendering during which Node served nobody) tipped a
 * soak into overload (decision 028). Pages of the portal are numbered (?side=2); the API pages by cursor.
 */

/** Rows per page of a list in the portal: a screenful or two, rendered in a few milliseconds. */
export const LIST_PAGE_SIZE = 50;

/**
 * A picker (the citizen form's excluded companies) offers what is already chosen and at most this many that
 * match what the consultant typed: never the whole table, which grows with every company that signs up.
 */
export const PICKER_MATCHES = 20;

/** The API's page: `limit` defaults to this and may not exceed API_MAX_PAGE_SIZE (documented in the OpenAPI). */
export const API_DEFAULT_PAGE_SIZE = 50;
export const API_MAX_PAGE_SIZE = 100;

/** The page number asked for in `?side=`, 1 when it is missing or not a whole number from 1 up. */
export function requestedPage(value: string | null): number {
  const page = value !== null && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}

export type PageOf = { page: number; pageCount: number; total: number; pageSize: number };

/** The page as shown: a page past the last (an old link after deletions) shows as the last. */
export function pageOf(requested: number, total: number, pageSize = LIST_PAGE_SIZE): PageOf {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, requested), pageCount), pageCount, total, pageSize };
}

/** The rows to skip for a page. */
export function offsetOf({ page, pageSize }: Pick<PageOf, 'page' | 'pageSize'>): number {
  return (page - 1) * pageSize;
}

/** An API cursor: the sort key of the last row of a page (its creation time as the database wrote it, and id). */
export type ListCursor = { createdAt: string; id: string };

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** The cursor, or null when the text is not one of ours. */
export function decodeCursor(text: string): ListCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string') return null;
    if (!/^\d{4}-\d\d-\d\d[ T][\d:.+-]+$/.test(createdAt) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
