/**
 * Options for the Remix Vite plugin, imported by vite.config.ts. Every v3 future flag is on so that the move
 * to React Router 7 stays a mechanical step.
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  // A separate build folder lets several e2e runs on one machine build and serve side by side.
  buildDirectory: process.env.JOBBRO_BUILD_DIR ?? 'build',
  ignoredRouteFiles: ['**/.*', '**/*.test.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};
