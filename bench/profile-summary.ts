/**
 * Where a CPU profile's time went (`node --cpu-prof`, e.g. from `bench/jobs-search.ts --profile-dir DIR`):
 * self time by function and by where the code lives (a package, Node's own code, ours, GC, idle).
 *
 *   npx tsx bench/profile-summary.ts DIR-or-FILE.cpuprofile [--top 25]
 *
 * Of several profiles in a folder it reads the one with the most samples (the server, not the tsx launcher).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function profilePath(argument: string): string {
  if (!statSync(argument).isDirectory()) return argument;
  const files = readdirSync(argument).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(argument, name));
  if (files.length === 0) throw new Error(`No .cpuprofile in ${argument}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

/** The package a script belongs to, Node's own code, ours, or the engine's pseudo-entries. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes('/build/server/')) return 'ours (build/server)';
  return 'ours (' + url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '') + ')';
}

function main() {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  const file = profilePath(args.find((arg, index) => !arg.startsWith('--') && index !== topIndex + 1)!);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    total += micros;
    const place = placeOf(url, functionName);
    const name = `${functionName || '(anonymous)'} ${place}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const group = place.startsWith('ours (') && !place.startsWith('ours (build') ? 'ours (sources)' : place;
    byPlace.set(group, (byPlace.get(group) ?? 0) + micros);
  }
  const share = (micros: number) => `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms`;
  console.info(`${file}: ${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle`);
  console.info('\nBy place (self time):');
  for (const [place, micros] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) console.info(`  ${share(micros)}  ${place}`);
  console.info('\nBy function (self time):');
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.info(`  ${share(micros)}  ${name}`);
}

main();
