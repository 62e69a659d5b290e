/**
 * No import cycles under src/: a module never depends, through any chain of imports (type imports
 * included), on itself. A cycle is where layering quietly breaks (the pane and the ribbon once
 * imported each other), and at run time it is where a module sees another half-initialised.
 *
 * The graph is TypeScript's own reading of the sources: ts.preProcessFile lists a file's imports,
 * re-exports and dynamic imports, ts.resolveModuleName resolves them with the project's settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Each file under src/ and the files under src/ it imports. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    allowJs: false,
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map(
        (ref) => ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName,
      )
      .filter((t): t is string => t !== undefined && t.startsWith(SRC + path.sep) && !t.endsWith('.d.ts'));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('imports under src/', () => {
  it('the cycle finder finds a cycle of two and of three, and none in a chain', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('the graph sees static, type-only, re-exported and dynamic imports', () => {
    const graph = importGraph([path.join(SRC, 'taskpane', 'components', 'ResultSlot.tsx')]);
    const targets = graph
      .get(path.join(SRC, 'taskpane', 'components', 'ResultSlot.tsx'))!
      .map((t) => path.relative(SRC, t));
    expect(targets).toEqual(
      expect.arrayContaining(['taskpane/result/ResultView.tsx', 'taskpane/components/lazyView.tsx']),
    );
  });

  it('form no cycle', () => {
    const found = cycles(importGraph(sourceFiles(SRC))).map((c) => c.map((f) => path.relative(ROOT, f)));
    expect(found).toEqual([]);
  });
});
