/**
 * Table T10, gender gaps: defined once for the web page, the DOCX export and (later) XLSX.
 * Rows are resolved first (labels of domains, need types and actions in the document language),
 * so the columns stay plain accessors.
 */
import { gapOf, type GenderGapRow } from "../gender";

export interface GenderGapTableRow {
  id: string;
  domain: string;
  indicator: string;
  women: number | null;
  men: number | null;
  gap: number | null;
  ratio: number | null;
  unit: string;
  cause: string;
  needType: string;
  actions: string;
}

export interface TableColumn<R> {
  id: string;
  /** i18n key (namespace "inclusion"). */
  header: string;
  kind: "text" | "number" | "money";
  accessor: (row: R) => string | number | null;
}

export const genderGapsTable: TableColumn<GenderGapTableRow>[] = [
  { id: "domain", header: "gender.gaps.col.domain", kind: "text", accessor: (r) => r.domain },
  { id: "indicator", header: "gender.gaps.col.indicator", kind: "text", accessor: (r) => r.indicator },
  { id: "women", header: "gender.gaps.col.women", kind: "number", accessor: (r) => r.women },
  { id: "men", header: "gender.gaps.col.men", kind: "number", accessor: (r) => r.men },
  { id: "gap", header: "gender.gaps.col.gap", kind: "number", accessor: (r) => r.gap },
  { id: "ratio", header: "gender.gaps.col.ratio", kind: "number", accessor: (r) => r.ratio },
  { id: "unit", header: "gender.gaps.col.unit", kind: "text", accessor: (r) => r.unit },
  { id: "cause", header: "gender.gaps.col.cause", kind: "text", accessor: (r) => r.cause },
  { id: "needType", header: "gender.gaps.col.needType", kind: "text", accessor: (r) => r.needType },
  { id: "actions", header: "gender.gaps.col.actions", kind: "text", accessor: (r) => r.actions },
];

/** Resolves stored gap rows for the table: computed gap and ratio, labels looked up by id. */
export function genderGapTableRows(
  rows: readonly (GenderGapRow & { id: string })[],
  labels: { domain: (id: string) => string; needType: (id: string) => string; action: (id: string) => string | undefined },
): GenderGapTableRow[] {
  return rows.map((r) => {
    const { gap, ratio } = gapOf(r);
    return {
      id: r.id,
      domain: r.domain ? labels.domain(r.domain) : "",
      indicator: r.indicator,
      women: r.women ?? null,
      men: r.men ?? null,
      gap,
      ratio,
      unit: r.unit ?? "",
      cause: r.cause ?? "",
      needType: r.needType ? labels.needType(r.needType) : "",
      actions: r.actionIds
        .map((id) => labels.action(id))
        .filter((t): t is string => Boolean(t))
        .join("; "),
    };
  });
}
