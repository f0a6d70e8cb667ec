/**
 * Parent chains of elements (strategy node → node → action → indicator), walked without recursion
 * and each element once: a program file may carry chains thousands long or a cycle, and a
 * recursive walk then overflows the stack or never ends (issue #16).
 */

export interface ParentChains {
  /** Index of each item's parent in the list, -1 when it has none, its parent is missing, or it is its own parent. */
  parent: Int32Array;
  /** Ancestors above each item (0 = top level). Items on a cycle count from the cycle (0), those below it from there. */
  depth: Int32Array;
  /** Items that name themselves as parent. */
  selfParents: number[];
  /** One member of each cycle (the first reached), by index. */
  cycles: number[];
  /** Whether the item lies on a cycle. */
  onCycle: Uint8Array;
}

export function parentChains(items: readonly { id: string; parentId: string | null }[]): ParentChains {
  const n = items.length;
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (!index.has(item.id)) index.set(item.id, i);
  });
  const parent = new Int32Array(n).fill(-1);
  const selfParents: number[] = [];
  items.forEach((item, i) => {
    if (item.parentId === null) return;
    const p = index.get(item.parentId);
    if (p === undefined) return;
    if (p === i) selfParents.push(i);
    else parent[i] = p;
  });
  const depth = new Int32Array(n);
  const onCycle = new Uint8Array(n);
  const cycles: number[] = [];
  // 0 not reached yet, 1 on the chain being walked, 2 depth known.
  const state = new Uint8Array(n);
  const chain: number[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    chain.length = 0;
    let j = start;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      chain.push(j);
      j = parent[j];
    }
    let end = chain.length;
    if (j !== -1 && state[j] === 1) {
      // The walk came back to an item of this chain: from there on, the chain is a cycle.
      cycles.push(j);
      const from = chain.indexOf(j);
      for (let k = from; k < chain.length; k++) {
        onCycle[chain[k]] = 1;
        depth[chain[k]] = 0;
        state[chain[k]] = 2;
      }
      end = from;
    }
    for (let k = end - 1; k >= 0; k--) {
      const item = chain[k];
      depth[item] = parent[item] === -1 ? 0 : depth[parent[item]] + 1;
      state[item] = 2;
    }
  }
  return { parent, depth, selfParents, cycles, onCycle };
}

/** The items ordered by depth, parents before children, keeping the given order within a depth (a stable counting sort). */
export function byDepth<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
  depth: Int32Array = parentChains(items).depth,
): T[] {
  let deepest = 0;
  for (const d of depth) if (d > deepest) deepest = d;
  const starts = new Int32Array(deepest + 2);
  for (const d of depth) starts[d + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const out = new Array<T>(items.length);
  items.forEach((item, i) => (out[starts[depth[i]]++] = item));
  return out;
}
