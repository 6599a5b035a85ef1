/** Imported first by server.ts, so that Remix finds the patched route matching (app/remix-router-patch.server.ts). */
import { installRouterPatch } from './remix-router-patch.server';

installRouterPatch();
