/**
 * Meilisearch for a test file: the run's one instance (see tests/setup/global-setup.ts) with index names of
 * the file's own, so files run in parallel without seeing each other's documents.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { inject } from 'vitest';
import { configureSearch, createSearchClient, type SearchIndexNames } from '../../search/client';
import { metaIndexName } from '../../search/documents-version';
import { deleteIndexIfExists, ensureIndexes } from '../../search/indexes';

export async function openTestSearch(prefix: string) {
  const host = inject('meiliUrl');
  const apiKey = inject('meiliKey');
  const unique = `t_${prefix.replace(/[^a-zA-Z0-9_-]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const indexNames: SearchIndexNames = { openings: `${unique}_openings`, citizens: `${unique}_citizens` };
  const client = createSearchClient({ host, apiKey });
  await ensureIndexes(client, indexNames);
  configureSearch({ host, apiKey, indexNames });
  return {
    client,
    indexNames,
    cleanup: async () => {
      await deleteIndexIfExists(client, indexNames.openings);
      await deleteIndexIfExists(client, indexNames.citizens);
      await deleteIndexIfExists(client, metaIndexName(indexNames));
    },
  };
}

/** The address of a Meilisearch that is not there: a loopback port nothing listens on. */
export async function closedLoopbackUrl(): Promise<string> {
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
  return `http://127.0.0.1:${port}`;
}

export async function unreachableSearchClient() {
  return createSearchClient({ host: await closedLoopbackUrl(), apiKey: 'unused' });
}
