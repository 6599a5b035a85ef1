/**
 * The data folder at rest: after the start routine (protect the folder, open PGlite in it, start the embedded
 * Meilisearch on it) every folder under DATA_DIR is 0700 and every file 0600, also a file that was 0666 before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client';
import { protectDataDirectory } from '../../db/data-directory';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedMeilisearch } from '../../search/embedded';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-data-dir-'));

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function modesUnder(dir: string): { entry: string; kind: 'dir' | 'file'; mode: number }[] {
  const stat = fs.lstatSync(dir);
  const own = { entry: dir, kind: stat.isDirectory() ? ('dir' as const) : ('file' as const), mode: stat.mode & 0o777 };
  if (!stat.isDirectory()) return stat.isFile() ? [own] : [];
  return [own, ...fs.readdirSync(dir).flatMap((name) => modesUnder(path.join(dir, name)))];
}

describe('the data folder', () => {
  it('is for its owner only after the start routine: folders 0700, files 0600, an old 0666 file included', async () => {
    // A folder as an older Jobbro (or a copy) left it: open to everyone.
    fs.chmodSync(dataDir, 0o777);
    fs.mkdirSync(path.join(dataDir, 'meili'), { mode: 0o777 });
    fs.chmodSync(path.join(dataDir, 'meili'), 0o777);
    const oldFile = path.join(dataDir, 'meili', 'left-behind');
    fs.writeFileSync(oldFile, 'gamle data');
    fs.chmodSync(oldFile, 0o666);
    // A link is not followed: what it points to keeps its mode.
    const outside = path.join(os.tmpdir(), `jobbro-outside-${process.pid}`);
    fs.writeFileSync(outside, 'ikke vores');
    fs.chmodSync(outside, 0o644);
    fs.symlinkSync(outside, path.join(dataDir, 'link-out'));

    expect(protectDataDirectory(dataDir)).toBeGreaterThanOrEqual(3);
    const database = await createDatabase({ dataDir: path.join(dataDir, 'pglite') });
    await migrateDatabase(database);
    await database.close();
    const meili = await startEmbeddedMeilisearch({ dataDir });
    await meili.stop();

    const entries = modesUnder(dataDir);
    expect(entries.filter((entry) => entry.entry.includes(`${path.sep}pglite${path.sep}`)).length).toBeGreaterThan(100);
    expect(entries.some((entry) => entry.entry.endsWith('meili-master-key'))).toBe(true);
    expect(entries.some((entry) => entry.entry.includes('data.ms'))).toBe(true);
    const open = entries.filter((entry) => entry.mode !== (entry.kind === 'dir' ? 0o700 : 0o600));
    expect(open.map((entry) => `${entry.mode.toString(8)} ${path.relative(dataDir, entry.entry)}`)).toEqual([]);
    expect(fs.statSync(outside).mode & 0o777).toBe(0o644);
    fs.rmSync(outside);
  }, 60_000);
});
