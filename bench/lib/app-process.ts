/**
 * Runs the app as `npm start` does (scripts/start.ts through tsx: build when the sources changed, then
 * server.ts in production mode) against the bench database and Meilisearch, and finds the process that
 * serves, whose memory is the app's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from './env';

const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_CHARS = 6_000;

export type AppProcess = {
  port: number;
  /** The tsx launcher we spawned. */
  launcherPid: number;
  /** The node process that runs server.ts (the launcher's child). */
  serverPid: number;
  output: () => string;
  stop: () => Promise<void>;
};

type AppOptions = {
  port: number;
  env: Record<string, string>;
  /** The project folder to start (default: this one), e.g. a clean export of a commit beside a working tree with unfinished changes. */
  cwd?: string;
  /**
   * Options for node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses): the app then runs in one node
   * process with tsx as its loader instead of under the tsx launcher.
   */
  nodeArgs?: string[];
};

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status < 500 || response.status === 503;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The node options in the folder's `npm start` (`tsx --max-old-space-size=256 scripts/start.ts` → the option). */
function startScriptOptions(folder: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [launcher, ...rest] = scripts.start.split(/\s+/);
  if (launcher !== 'tsx' || rest.at(-1) !== 'scripts/start.ts') throw new Error(`Unexpected start script: ${scripts.start}`);
  return rest.slice(0, -1);
}

export async function startApp({ port, env, cwd = PROJECT_DIR, nodeArgs }: AppOptions): Promise<AppProcess> {
  const tsx = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx');
  // As `npm start` runs it: its own script's options for node (the heap limit), from the folder's package.json.
  const startOptions = startScriptOptions(cwd);
  const [command, args] = nodeArgs
    ? [process.execPath, [...startOptions, ...nodeArgs, '--import', 'tsx', 'scripts/start.ts']]
    : [tsx, [...startOptions, 'scripts/start.ts']];
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const server: { pid?: number } = {};
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (server.pid !== undefined && isAlive(server.pid)) process.kill(server.pid, 'SIGTERM');
    if (!exited(child)) child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) child.kill('SIGKILL');
    if (server.pid !== undefined && isAlive(server.pid)) process.kill(server.pid, 'SIGKILL');
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(port))) {
    if (exited(child)) throw new Error(`The app exited during start (${child.exitCode ?? child.signalCode}):\n${tail}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer on port ${port} within ${START_TIMEOUT_MS / 1000} s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // tsx runs the script in a child node process; that one serves.
  server.pid = childrenOf(child.pid!)[0] ?? child.pid!;
  return { port, launcherPid: child.pid!, serverPid: server.pid, output: () => tail, stop };
}
