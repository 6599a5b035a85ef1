import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers (decision 029) are held by eslint's no-restricted-imports; this holds the other half of "imports
 * run one way": no two files of the app import each other in a circle, inside a layer too (issue 16 found five
 * services in one: the start pages, the notifications, the proposals and the agreements).
 */
const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['app', 'search', 'db'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'(\.{1,2}\/[^']+)'/g;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}

/** Every circle of imports, each as the files around it (Tarjan's strongly connected components). */
function importCircles(files: readonly string[]): string[][] {
  const edges = new Map(files.map((file) => [file, [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => resolveImport(file, match[1]!)).filter((to): to is string => to !== null)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const to of edges.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (stack.includes(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(path.relative(ROOT, member));
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) circles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles;
}

describe('the imports of the app', () => {
  it('run one way: no files import each other in a circle', () => {
    const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(100);
    expect(importCircles(files)).toEqual([]);
  });

  it('would see a circle of two services', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'tests', '.circle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.server.ts'), "import { b } from './b.server';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'b.server.ts'), "import type { a } from './a.server';\nexport const b: typeof a | 1 = 1;\n");
      expect(importCircles(sourceFiles(dir))).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
