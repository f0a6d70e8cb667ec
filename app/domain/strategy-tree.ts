/**
 * The strategic hierarchy (kind "strategy_node", nested by parent) and the actions under its
 * leaves. Numbers (1, 1.1, 1.1.1, actions 1.1.1.1) are computed from the order, never typed.
 */
import { KINDS } from "./element-kinds";
import { byParent, derived, many, one, type ElementView, type ProgramData } from "./program-data";

export interface StrategyNodeData {
  title: string;
  description?: string;
  nationalPrograms?: string[];
  priorityIds?: string[];
  problemIds?: string[];
}

export interface VisionData {
  text?: string;
  /** Id of a form in templates/strategy.json ("directions" or "priorities"). */
  form: string;
}

export interface TreeNode {
  element: ElementView<StrategyNodeData>;
  number: string;
  depth: number;
  children: TreeNode[];
}

export function strategyForm(data: ProgramData, defaultForm: string): string {
  return one<VisionData>(data, KINDS.vision)?.data.form ?? defaultForm;
}

/** Builds the tree in sibling order; depth 0 is the top level of the chosen form. Read-only (shared, see `derived`). */
export function strategyTree(data: ProgramData): TreeNode[] {
  return derived(data, "strategyTree", () => buildTree(data));
}

/** Without recursion: stored data may hold a chain thousands deep (files imported before #16). */
function buildTree(data: ProgramData): TreeNode[] {
  const children = byParent(many<StrategyNodeData>(data, KINDS.strategyNode));
  const roots: TreeNode[] = [];
  // Each entry fills one node's list of children; the lists are filled in sibling order.
  const stack: { into: TreeNode[]; parentId: string | null; prefix: string; depth: number }[] = [
    { into: roots, parentId: null, prefix: "", depth: 0 },
  ];
  while (stack.length) {
    const { into, parentId, prefix, depth } = stack.pop()!;
    (children.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .forEach((element, i) => {
        const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
        const node: TreeNode = { element, number, depth, children: [] };
        into.push(node);
        stack.push({ into: node.children, parentId: element.id, prefix: number, depth: depth + 1 });
      });
  }
  return roots;
}

/** Every node and action id → its number ("1.2", "1.2.3", action "1.2.3.1"). Read-only (shared, see `derived`). */
export function numbering(data: ProgramData): Readonly<Record<string, string>> {
  return derived(data, "numbering", () => numbersOf(data));
}

function numbersOf(data: ProgramData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of flattenTree(strategyTree(data))) out[n.element.id] = n.number;
  for (const [parentId, actions] of byParent(many(data, KINDS.action))) {
    if (parentId === null) continue;
    const prefix = out[parentId] ?? "?";
    actions
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .forEach((a, i) => (out[a.id] = `${prefix}.${i + 1}`));
  }
  return out;
}

/** Depth-first list of nodes, for tables and selects ("1.1.2 Title"). */
export function flattenTree(tree: TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const stack = [...tree].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** Leaves of the deepest level are where actions and outcome indicators attach (objectives / tasks). */
export function leafLevelNodes(tree: TreeNode[], levels: number): TreeNode[] {
  return flattenTree(tree).filter((n) => n.depth === levels - 1);
}
