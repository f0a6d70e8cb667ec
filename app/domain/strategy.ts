/**
 * Stage 8, strategy: the vision (which also picks the form of the hierarchy) and the strategy
 * nodes. The tree and its numbers live in strategy-tree.ts; this module adds the form schemas,
 * the level rules (a node's level is its depth, no deeper than the form has levels) and the
 * completeness of the stage. Pure: the caller passes the template facts it needs (ProgramContext).
 */
import { countDone } from "./completeness";
import { levelsOf, type StrategyShape } from "./program-context";
import { KINDS } from "./element-kinds";
import { many, one, type ElementView, type ProgramData } from "./program-data";
import { flattenTree, strategyTree, type StrategyNodeData, type TreeNode, type VisionData } from "./strategy-tree";
import { optionalText, requiredText, z } from "./validation";

export type { StrategyNodeData, VisionData } from "./strategy-tree";
// Literals typed by KINDS rather than `KINDS.x` reads: a module-level property read counts as a side
// effect to the bundler and would ship this module to client pages that only use it in a loader.
export const VISION_KIND: typeof KINDS.vision = "vision";
export const NODE_KIND: typeof KINDS.strategyNode = "strategy_node";

export type { FormShape, StrategyShape } from "./program-context";

export function visionFormSchema(formIds: string[]) {
  return z.object({
    version: z.number().int().min(0),
    text: optionalText(3000),
    form: z.string().refine((f) => formIds.includes(f), { message: "errors.choose" }),
  });
}

const idList = () => z.array(z.string().max(60)).max(100).default([]);

/** Built on call (not at module load) so pages that only use this module in a loader ship none of it. */
export const nodeDataSchema = () =>
  z.object({
    title: requiredText(300),
    description: optionalText(3000),
    nationalPrograms: idList(),
    priorityIds: idList(),
    problemIds: idList(),
  });

export function nodeFormSchema(allowed: { nationalPrograms: string[]; priorityIds: string[]; problemIds: string[] }) {
  const within = (list: string[]) => (ids: string[]) => ids.every((id) => list.includes(id));
  return nodeDataSchema()
    .extend({ version: z.number().int().min(0), parentId: z.string().max(60).optional() })
    .superRefine((v, ctx) => {
      for (const key of ["nationalPrograms", "priorityIds", "problemIds"] as const)
        if (!within(allowed[key])(v[key])) ctx.addIssue({ code: "custom", path: [key], message: "errors.choose" });
    });
}

/** Depth of an existing node (0 = top), or null when it is not a strategy node. */
export function nodeDepth(data: ProgramData, nodeId: string): number | null {
  const byId = new Map(many<StrategyNodeData>(data, NODE_KIND).map((n) => [n.id, n]));
  let node = byId.get(nodeId);
  if (!node) return null;
  let depth = 0;
  const seen = new Set<string>();
  while (node.parentId && byId.has(node.parentId) && !seen.has(node.parentId)) {
    seen.add(node.parentId);
    node = byId.get(node.parentId)!;
    depth++;
  }
  return depth;
}

/**
 * The level (0-based) a new child of `parentId` gets, or null when it would be deeper than the
 * form allows (or the parent does not exist).
 */
export function childLevel(data: ProgramData, parentId: string | null, levels: number): number | null {
  if (!parentId) return levels > 0 ? 0 : null;
  const d = nodeDepth(data, parentId);
  if (d === null) return null;
  return d + 1 < levels ? d + 1 : null;
}

/** Everything under a node that a delete would take with it, grouped for the confirmation page. */
export function deletionImpact(
  data: ProgramData,
  ids: string[],
): { nodes: ElementView[]; actions: ElementView[]; indicators: ElementView[]; other: ElementView[] } {
  const set = new Set(ids);
  const all = Object.values(data.byKind)
    .flat()
    .filter((e) => set.has(e.id));
  const order = new Map(ids.map((id, i) => [id, i]));
  all.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    nodes: all.filter((e) => e.kind === NODE_KIND),
    actions: all.filter((e) => e.kind === KINDS.action),
    indicators: all.filter((e) => e.kind === KINDS.indicator),
    other: all.filter((e) => e.kind !== NODE_KIND && e.kind !== KINDS.action && e.kind !== KINDS.indicator),
  };
}

/** Leaves of the last level: the objectives / tasks actions attach to. */
export function objectives(data: ProgramData, levels: number): TreeNode[] {
  return flattenTree(strategyTree(data)).filter((n) => n.depth === levels - 1);
}

/**
 * Complete when the vision has text and at least one chain reaches the last level
 * (a direction with a goal with an objective, in the default form).
 */
export function strategyCompleteness(data: ProgramData, shape: StrategyShape) {
  const vision = one<VisionData>(data, VISION_KIND)?.data;
  const levels = levelsOf(data, shape);
  const maxDepth = Math.max(-1, ...flattenTree(strategyTree(data)).map((n) => n.depth));
  return countDone([Boolean(vision?.text?.trim()), maxDepth >= levels - 1], "completeness.strategy");
}
