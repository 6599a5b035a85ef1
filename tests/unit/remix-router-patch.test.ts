import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compilePatchedRouter, patchRouterSource, ROUTER_PATCHES } from '../../app/remix-router-patch.server';

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Router = { matchRoutes(routes: Route[], location: string, basename?: string): { route: Route; params: Record<string, string>; pathnameBase: string }[] | null };

const require = createRequire(import.meta.url);
const upstream = require('@remix-run/router') as Router;
const patched = compilePatchedRouter().exports as Router;

/** A tree with what ours has: index routes, nested static and dynamic segments, an optional segment, a splat. */
function routeTree(): Route[] {
  return [
    {
      id: 'root',
      path: '',
      children: [
        { id: 'index', index: true },
        { id: 'jobs', path: 'jobs', children: [{ id: 'jobs-index', index: true }, { id: 'job', path: ':openingId' }] },
        {
          id: 'consultant',
          path: 'konsulent',
          children: [
            { id: 'consultant-index', index: true },
            { id: 'citizens', path: 'borgere', children: [{ id: 'citizens-index', index: true }, { id: 'new-citizen', path: 'ny' }, { id: 'citizen', path: ':citizenId' }, { id: 'match', path: ':citizenId/match' }] },
            { id: 'calendar', path: 'aftaler/:agreementId/kalender.ics' },
          ],
        },
        { id: 'figures', path: 'leder/tal.csv' },
        { id: 'language', path: 'sprog/:code?' },
        { id: 'case-sensitive', path: 'API/v1', caseSensitive: true },
        { id: 'splat', path: '*' },
      ],
    },
  ];
}

const PATHS = [
  '/',
  '/jobs',
  '/jobs/',
  '/jobs/8f1c2d3e-1111-2222-3333-444455556666',
  '/konsulent',
  '/konsulent/borgere',
  '/konsulent/borgere/ny',
  '/konsulent/borgere/abc',
  '/konsulent/borgere/abc/match',
  '/konsulent/aftaler/42/kalender.ics',
  '/KONSULENT/Borgere',
  '/leder/tal.csv',
  '/sprog',
  '/sprog/en',
  '/API/v1',
  '/api/v1',
  '/findes/ikke/her',
  '/jobs/%C3%A6bler',
];

const shape = (matches: ReturnType<Router['matchRoutes']>) => matches?.map((match) => ({ id: match.route.id, params: match.params, pathnameBase: match.pathnameBase })) ?? null;

describe('the remembered route matching (decision 036)', () => {
  it('fits the installed @remix-run/router: every change finds its text exactly once', () => {
    const source = require('node:fs').readFileSync(require.resolve('@remix-run/router'), 'utf8') as string;
    const result = patchRouterSource(source);
    for (const { patched: replacement } of ROUTER_PATCHES) expect(result).toContain(replacement);
  });

  it('refuses a source that no longer has the text a change replaces', () => {
    expect(() => patchRouterSource('function somethingElse() {}')).toThrow(/no longer fits/);
  });

  it('matches every path as the package does, on a tree seen before and on a new one', () => {
    const tree = routeTree();
    for (let round = 0; round < 3; round++) {
      for (const path of PATHS) {
        expect(shape(patched.matchRoutes(tree, path)), `${path} (round ${round})`).toEqual(shape(upstream.matchRoutes(routeTree(), path)));
        expect(shape(patched.matchRoutes(routeTree(), path))).toEqual(shape(upstream.matchRoutes(routeTree(), path)));
      }
    }
    // The matches point into the tree that was asked about, not into one remembered from before.
    const fresh = routeTree();
    expect(patched.matchRoutes(fresh, '/jobs')?.at(-1)?.route).toBe(fresh[0]!.children![1]!.children![0]);
  });

  it('keeps a basename working', () => {
    expect(shape(patched.matchRoutes(routeTree(), '/app/jobs', '/app'))).toEqual(shape(upstream.matchRoutes(routeTree(), '/app/jobs', '/app')));
    expect(patched.matchRoutes(routeTree(), '/other/jobs', '/app')).toBeNull();
  });
});
