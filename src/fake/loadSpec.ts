/**
 * `load()` arguments as Office.js takes them: `'values'`, a comma list
 * `'address, rowCount'`, leaf paths `'items/name'`, `'format/font/bold'`,
 * an array of those, `{ select: '...', expand: '...' }`, or the object form
 * `{ address: true, format: { indentLevel: true } }`. No argument loads every
 * scalar property (slow in Excel: OFFICEJS.md).
 */

/** Property names to load; `true` for a leaf (or a navigation loaded whole); `*` for every scalar. */
export interface LoadTree {
  [key: string]: LoadTree | true;
}

export type LoadSpec = string | readonly string[] | { readonly [key: string]: unknown };

export const ALL = '*';

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return;
  let node = tree;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) {
      if (node[p] === undefined) node[p] = true;
      return;
    }
    const next = node[p];
    if (next === true || next === undefined) node[p] = next === true ? { [ALL]: true } : {};
    node = node[p] as LoadTree;
  });
}

function addList(tree: LoadTree, list: unknown): void {
  const items = Array.isArray(list) ? list : [list];
  for (const item of items) if (typeof item === 'string') item.split(',').forEach((p) => addPath(tree, p));
}

function fromObject(obj: { readonly [key: string]: unknown }): LoadTree {
  const tree: LoadTree = {};
  for (const [key, v] of Object.entries(obj)) {
    if (key === '$all') {
      if (v === true) tree[ALL] = true;
    } else if (key.startsWith('$')) {
      continue;
    } else if (v === true) tree[key] = true;
    else if (typeof v === 'object' && v !== null) tree[key] = fromObject(v as Record<string, unknown>);
  }
  return tree;
}

export function parseLoadSpec(spec?: LoadSpec): LoadTree {
  if (spec === undefined || spec === null) return { [ALL]: true };
  const tree: LoadTree = {};
  if (typeof spec === 'string' || Array.isArray(spec)) addList(tree, spec);
  else if ('select' in spec || 'expand' in spec) {
    const o = spec as { select?: unknown; expand?: unknown };
    addList(tree, o.select);
    addList(tree, o.expand);
  } else return fromObject(spec as Record<string, unknown>);
  return Object.keys(tree).length === 0 ? { [ALL]: true } : tree;
}
