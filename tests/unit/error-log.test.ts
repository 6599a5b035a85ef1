import { describe, expect, it } from 'vitest';
import { errorLogLine, requestForLog, statementName } from '../../app/error-log.server';

describe('statementName', () => {
  it('keeps the verb and the first table, and nothing after them', () => {
    expect(statementName('insert into "citizens" ("id", "name") values (default, $1)')).toBe('insert into citizens');
    expect(statementName('select "id" from "users" where "users"."email" = $1')).toBe('select from users');
    expect(statementName('update "agreements" set "status" = $1 where "id" = $2')).toBe('update agreements');
    expect(statementName("delete from access_log where at < now() - interval '2 years'")).toBe('delete from access_log');
    expect(statementName('begin')).toBe('begin');
  });
});

describe('errorLogLine', () => {
  it('names the error and its causes with their codes, never a message, a parameter or a detail', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
      name: 'PostgresError',
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (email)=(sara@jobbro.test) already exists.',
      constraint_name: 'users_email_unique',
      query: 'insert into "users" ("email", "name") values ($1, $2)',
      parameters: ['sara@jobbro.test', 'Sara Hemmelig'],
    });
    const error = Object.assign(new Error('Failed query: insert into "users" ("email", "name") values ($1, $2)\nparams: sara@jobbro.test,Sara Hemmelig', { cause }), {
      query: 'insert into "users" ("email", "name") values ($1, $2)',
      params: ['sara@jobbro.test', 'Sara Hemmelig'],
    });

    const line = errorLogLine(error, { id: 'abc123', where: 'POST /login' });

    expect(line.split('\n')[0]).toBe('Unexpected error abc123 (POST /login): Error ← PostgresError, code 23505, statement "insert into users", constraint users_email_unique');
    expect(line).toMatch(/\n {4}at /);
    for (const secret of ['sara@jobbro.test', 'Sara Hemmelig', 'Failed query', 'duplicate key', 'Key (email)']) expect(line).not.toContain(secret);
  });

  it('takes no frames from a stack whose head no longer matches the message, since the head could hold anything', () => {
    const error = new Error('Navn: Sara\n    at hemmelig (linje)');
    expect(error.stack).toContain('at hemmelig'); // V8 writes the stack's head when it is first read
    error.message = 'ændret';
    expect(errorLogLine(error, { id: 'x', where: 'test' })).toBe('Unexpected error x (test): Error');
  });
});

describe('requestForLog', () => {
  it('keeps the method and the path, and leaves out the query and any token in the path', () => {
    expect(requestForLog(new Request('http://localhost/konsulent/borgere?q=Sara+Hemmelig', { method: 'GET' }))).toBe('GET /konsulent/borgere');
    expect(requestForLog(new Request('http://localhost/ny-adgangskode/abcdefghijklmnopqrstuvwxyz234567'))).toBe('GET /ny-adgangskode/…');
    expect(requestForLog(new Request('http://localhost/konsulent/aftaler/0b6c3f36-4a1e-4f3c-9a55-7d1c2b3a4e5f/kalender.ics'))).toBe(
      'GET /konsulent/aftaler/0b6c3f36-4a1e-4f3c-9a55-7d1c2b3a4e5f/kalender.ics',
    );
  });
});
