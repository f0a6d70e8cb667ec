/**
 * The template lists as defaults for the pure domain functions on the server (exports, checks,
 * financing). Server-only, so the JSON (labels in three languages) is not shipped to browsers:
 * in the browser build this module is empty, and page components pass the rows their loader gave.
 */
import passportJson from "../../templates/passport.json";
import referenceJson from "../../templates/reference.json";
import thresholdsJson from "../../templates/thresholds.json";

interface Row {
  id: string;
}
export const passportDefaults = {
  general: passportJson.general.fields as (Row & { kind: string })[],
  economy: passportJson.economy.rows as (Row & { bySex: boolean })[],
  services: passportJson.services.rows as Row[],
  budget: passportJson.budget.rows as (Row & { group: string; ownRevenue: boolean })[],
  ageBands: referenceJson.ageBands as Row[],
};

export const financingDefaults = {
  sources: referenceJson.fundingSources.map((s) => ({ id: s.id, budgetKind: s.budgetKind as "local" | "republican" | "other", unidentified: (s as { unidentified?: boolean }).unidentified })),
  ownRevenueRowIds: passportJson.budget.rows.filter((r) => r.ownRevenue).map((r) => r.id),
  maxLocalShare: thresholdsJson.affordability.maxLocalShareOfOwnRevenue,
  unidentifiedMaxShare: thresholdsJson.unidentifiedSourceMaxShare,
};
