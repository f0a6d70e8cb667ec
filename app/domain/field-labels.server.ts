/**
 * The field-label registry on the server only: pages get their labels from their loader (and
 * the conflict panel from the action's reply), so the registry is not in any page's JavaScript.
 */
import { fieldLabel, isInternalField, type Translate } from "./field-labels";
export { fieldLabel, formLabels, isInternalField } from "./field-labels";

function flatten(value: unknown, prefix: string, out: Set<string>) {
  if (value === null || value === undefined || typeof value !== "object") {
    if (prefix) out.add(prefix);
  } else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
}

/** Labels for every field path of the stored and the submitted value, as the conflict panel flattens them. */
export function conflictLabels(kind: string, values: unknown[], t: Translate): Record<string, string> {
  const paths = new Set<string>();
  for (const v of values) flatten(v, "", paths);
  return Object.fromEntries([...paths].filter((p) => !isInternalField(p)).map((p) => [p, fieldLabel(kind, p, t)]));
}
