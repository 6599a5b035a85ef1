/**
 * Everything under DATA_DIR (PGlite's files, the embedded Meilisearch's data, its master key) holds citizens'
 * data or the key to it, so only the user the app runs as may read it: folders 0700, files 0600.
 *
 * Two things make that hold. The process's umask is 077, so whatever the app and its Meilisearch child create
 * is owner-only from the start. And the folder is put right at start, because it may have been made before
 * (an older Jobbro left 969 PGlite files at 0666) and because PGlite unpacks a new database's first files with
 * mode 0666 whatever the umask says (createDatabase puts them right after it opens).
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** New files and folders of this process and its children: for the owner only. */
export function restrictNewFilesToOwner() {
  process.umask(0o077);
}

/**
 * Sets every folder under `dir` (and `dir` itself) to 0700 and every file to 0600. Symbolic links are not
 * followed: what they point to is not ours to change. A missing folder is left missing (it is created, 0700,
 * by whoever needs it). Returns how many modes it changed.
 */
export function makeOwnerOnly(dir: string): number {
  let changed = 0;
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIRECTORY_MODE : stat.isFile() ? PRIVATE_FILE_MODE : null;
    if (wanted === null) return;
    if ((stat.mode & 0o7777) !== wanted) {
      fs.chmodSync(entry, wanted);
      changed += 1;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dir);
  return changed;
}

/** The start of every process that opens DATA_DIR (the server, admin:create, reindex). */
export function protectDataDirectory(dir: string): number {
  restrictNewFilesToOwner();
  return makeOwnerOnly(dir);
}
