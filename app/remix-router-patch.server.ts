/**
 * Route matching in @remix-run/router 1.23, remembered (issue 20, decision 036). Remix matches a page's path
 * against the route tree four times per request (the server runtime, the static handler, the partial manifest
 * for lazy route discovery, and the render), and each time it flattens and ranks every route and compiles a
 * regular expression for each route it tries: 1.6 ms of CPU per /jobs page, 15 % of the app's share. Two
 * pure steps are remembered:
 *
 * - the ranked branches of a route tree, for the server's own trees (built once at the first request, and never
 *   changed on the server; the render's tree, new for every request, is not remembered);
 * - the compiled pattern of a route path.
 *
 * The package's own file is compiled with the two changes below, in the server process only (the browser's
 * bundle is untouched), and put in Node's module cache under the package's name before anything requires it
 * (`app/install-router-patch.server.ts`, server.ts's first import).
 * Each change must find its text exactly once: after an upgrade that moved it, the server refuses to start
 * rather than run unpatched or half-patched (`tests/unit/remix-router-patch.test.ts` says the same in CI).
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

export const ROUTER_PATCHES: readonly { name: string; upstream: string; patched: string }[] = [
  {
    name: 'ranked branches once per route tree',
    upstream: `  let branches = flattenRoutes(routes);
  rankRouteBranches(branches);
  let matches = null;`,
    patched: `  let branches = rankedBranchesOf(routes);
  let matches = null;`,
  },
  {
    name: 'the memory of both',
    upstream: `function compilePath(path, caseSensitive, end) {`,
    patched: `// Jobbro (app/remix-router-patch.server.ts): the ranked branches per route tree, the compiled pattern per path.
// Only the first trees are remembered: the server's own, built once at the first request. The render builds a
// new tree per request; remembered, each stayed in memory until a full collection (+70 MB under load).
const REMEMBERED_TREES = 4;
const rankedBranchesByTree = new WeakMap();
let rememberedTrees = 0;
function rankedBranchesOf(routes) {
  let branches = rankedBranchesByTree.get(routes);
  if (branches === undefined) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    if (rememberedTrees < REMEMBERED_TREES) {
      rememberedTrees++;
      rankedBranchesByTree.set(routes, branches);
    }
  }
  return branches;
}
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  const key = (caseSensitive ? "1" : "0") + (end === false ? "0" : "1") + path;
  let compiled = compiledPaths.get(key);
  if (compiled === undefined) {
    compiled = compilePathOnce(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathOnce(path, caseSensitive, end) {`,
  },
];

/** The package's source with every change made, or an error naming the change that no longer fits. */
export function patchRouterSource(source: string): string {
  let patched = source;
  for (const { name, upstream, patched: replacement } of ROUTER_PATCHES) {
    const at = patched.indexOf(upstream);
    if (at < 0 || patched.indexOf(upstream, at + 1) >= 0) {
      throw new Error(`@remix-run/router changed: the patch "${name}" no longer fits (app/remix-router-patch.server.ts, decision 036).`);
    }
    patched = patched.slice(0, at) + replacement + patched.slice(at + upstream.length);
  }
  return patched;
}

type CompilableModule = Module & { _compile(source: string, filename: string): void; filename: string; paths: string[]; loaded: boolean };

const require = createRequire(import.meta.url);

/** The package's CommonJS file, compiled with the patches, as a module not in any cache. */
export function compilePatchedRouter(routerFile = require.resolve('@remix-run/router')): CompilableModule {
  const patched = new Module(routerFile) as CompilableModule;
  patched.filename = routerFile;
  patched.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(path.dirname(routerFile));
  patched._compile(patchRouterSource(readFileSync(routerFile, 'utf8')), routerFile);
  patched.loaded = true;
  return patched;
}

/** Puts the patched package in Node's module cache, where every later `require('@remix-run/router')` finds it. */
export function installRouterPatch() {
  const routerFile = require.resolve('@remix-run/router');
  if (require.cache[routerFile]) {
    throw new Error('@remix-run/router was loaded before its patch: import app/install-router-patch.server.ts first (server.ts).');
  }
  require.cache[routerFile] = compilePatchedRouter(routerFile);
}
