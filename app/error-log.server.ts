/**
 * Log lines for errors nobody expected. Such an error can carry personal data: drizzle puts a failed query's
 * text and parameters in its message (a citizen's name, health notes, an argon2 hash), postgres.js and PGlite
 * add them as properties, a database message may quote a value ('Key (email)=(…)', 'invalid input syntax
 * for type uuid: "…"'), and an SMTP answer may name the recipient. So a line holds an id to find it by, the
 * names and codes of the error and its causes, for a failed query the statement's verb and table only, and
 * the stack's frames (where in the code, never what). No message, no parameter, no detail.
 */
import { randomBytes } from 'node:crypto';

type ErrorFacts = {
  /** "DrizzleQueryError ← PostgresError": the error and the causes under it. */
  names: string[];
  /** The innermost code: an SQLSTATE (22021), a Node code (ECONNREFUSED), an SMTP code (EENVELOPE 550). */
  code: string | null;
  /** "insert into citizens": the statement's verb and first table, never its values. */
  statement: string | null;
  /** A violated constraint's name (users_email_unique): the schema's words, never the row's. */
  constraint: string | null;
  frames: string[];
};

const MAX_FRAMES = 8;
const MAX_CAUSES = 5;

const textProperty = (value: object, key: string): string | null => {
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' && found !== '' ? found : null;
};

const VERB_WITH_TABLE: Record<string, string> = { select: 'select from', insert: 'insert into', update: 'update', delete: 'delete from' };

/** "insert into citizens": the verb and the first table of an SQL statement; what follows (values, conditions) is left out. */
export function statementName(query: string): string {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase() ?? 'statement';
  const table = /\b(?:from|into|update)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i.exec(query)?.[1];
  return table ? `${VERB_WITH_TABLE[verb] ?? verb} ${table}` : verb;
}

/** The frames of the stack, without its first lines: those repeat the message, and drizzle's holds the parameters. */
function framesOf(error: Error): string[] {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  let afterMessage: string;
  if (!error.message) afterMessage = stack.slice(stack.indexOf('\n') + 1);
  else if (stack.includes(error.message)) afterMessage = stack.slice(stack.indexOf(error.message) + error.message.length);
  // A stack that does not start with the message as it is now could hold any of it: no frames then.
  else return [];
  return afterMessage
    .split('\n')
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
}

function nameOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  // drizzle's DrizzleQueryError keeps the name "Error", and PGlite's minified DatabaseError is called "error".
  const named = [error.constructor?.name, error.name].find((name) => name && /.Error$/.test(name));
  if (named) return named;
  const fromDatabase = typeof (error as { severity?: unknown }).severity === 'string' && /^[0-9A-Z]{5}$/.test(textProperty(error, 'code') ?? '');
  return fromDatabase ? 'DatabaseError' : 'Error';
}

export function errorFacts(error: unknown): ErrorFacts {
  const chain: unknown[] = [];
  for (let current: unknown = error; current !== undefined && current !== null && chain.length < MAX_CAUSES; current = (current as { cause?: unknown }).cause) {
    chain.push(current);
    if (typeof current !== 'object') break;
  }
  let code: string | null = null;
  let statement: string | null = null;
  let constraint: string | null = null;
  for (const link of chain) {
    if (typeof link !== 'object' || link === null) continue;
    const ownCode = textProperty(link, 'code');
    const responseCode = (link as { responseCode?: unknown }).responseCode;
    if (ownCode || typeof responseCode === 'number') code = [ownCode, typeof responseCode === 'number' ? String(responseCode) : null].filter(Boolean).join(' ');
    const query = textProperty(link, 'query');
    if (query && !statement) statement = statementName(query);
    constraint = textProperty(link, 'constraint_name') ?? textProperty(link, 'constraint') ?? constraint;
  }
  return { names: chain.map(nameOf), code, statement, constraint, frames: error instanceof Error ? framesOf(error) : [] };
}

/** A new id for one error, short enough to read out on the phone. */
export function newErrorId(): string {
  return randomBytes(6).toString('hex');
}

/** The line (and its frames) the log gets for `error`; `where` says what was going on ("POST /login"). */
export function errorLogLine(error: unknown, { id, where }: { id: string; where: string }): string {
  const facts = errorFacts(error);
  const details = [facts.code ? `code ${facts.code}` : null, facts.statement ? `statement "${facts.statement}"` : null, facts.constraint ? `constraint ${facts.constraint}` : null]
    .filter(Boolean)
    .join(', ');
  const head = `Unexpected error ${id} (${where}): ${facts.names.join(' ← ')}${details ? `, ${details}` : ''}`;
  return [head, ...facts.frames.map((frame) => `    ${frame}`)].join('\n');
}

/** Logs an unexpected error without its data and returns its id. */
export function logUnexpectedError(error: unknown, where: string): string {
  const id = newErrorId();
  console.error(errorLogLine(error, { id, where }));
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "POST /konsulent/borgere/ny" for a log line: the method and the path without its query (a search may be a
 * citizen's name) and with every segment that is no plain word or id masked (a one-time link's token).
 */
export function requestForLog(request: Pick<Request, 'method' | 'url'>): string {
  const { pathname } = new URL(request.url);
  const path = pathname
    .split('/')
    .map((segment) => (segment === '' || UUID.test(segment) || /^[\w.-]{1,24}$/.test(segment) ? segment : '…'))
    .join('/');
  return `${request.method} ${path}`;
}
