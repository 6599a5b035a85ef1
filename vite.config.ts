import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import remixOptions from './remix.config.js';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixOptions)],
  server: { port: 3000 },
  // The dependency scan would follow .server imports into argon2's optional WASM build.
  optimizeDeps: { exclude: ['@node-rs/argon2'] },
  ssr: {
    // Native and WASM packages stay outside the server bundle and load from node_modules at run time.
    external: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  },
});
