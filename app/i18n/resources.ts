/**
 * All translation namespaces. Each feature owns its namespace file; add a line here per
 * namespace. `tests/unit/i18n.test.ts` fails when a key exists in one language but not another.
 */
import ruCommon from "./locales/ru/common.json";
import kyCommon from "./locales/ky/common.json";
import enCommon from "./locales/en/common.json";
import ruFiles from "./locales/ru/files.json";
import kyFiles from "./locales/ky/files.json";
import enFiles from "./locales/en/files.json";
import ruProgram from "./locales/ru/program.json";
import kyProgram from "./locales/ky/program.json";
import enProgram from "./locales/en/program.json";
import ruAdmin from "./locales/ru/admin.json";
import kyAdmin from "./locales/ky/admin.json";
import enAdmin from "./locales/en/admin.json";
import ruInclusion from "./locales/ru/inclusion.json";
import kyInclusion from "./locales/ky/inclusion.json";
import enInclusion from "./locales/en/inclusion.json";
import ruStages from "./locales/ru/stages.json";
import kyStages from "./locales/ky/stages.json";
import enStages from "./locales/en/stages.json";
import ruAnalysis from "./locales/ru/analysis.json";
import kyAnalysis from "./locales/ky/analysis.json";
import enAnalysis from "./locales/en/analysis.json";
import ruMonitoring from "./locales/ru/monitoring.json";
import kyMonitoring from "./locales/ky/monitoring.json";
import enMonitoring from "./locales/en/monitoring.json";
import ruPlan from "./locales/ru/plan.json";
import kyPlan from "./locales/ky/plan.json";
import enPlan from "./locales/en/plan.json";
import ruExport from "./locales/ru/export.json";
import kyExport from "./locales/ky/export.json";
import enExport from "./locales/en/export.json";
import ruCompliance from "./locales/ru/compliance.json";
import kyCompliance from "./locales/ky/compliance.json";
import enCompliance from "./locales/en/compliance.json";
import ruReview from "./locales/ru/review.json";
import kyReview from "./locales/ky/review.json";
import enReview from "./locales/en/review.json";

export const resources = {
  ru: {
    common: ruCommon,
    files: ruFiles,
    program: ruProgram,
    admin: ruAdmin,
    inclusion: ruInclusion,
    stages: ruStages,
    analysis: ruAnalysis,
    monitoring: ruMonitoring,
    plan: ruPlan,
    export: ruExport,
    compliance: ruCompliance,
    review: ruReview,
  },
  ky: {
    common: kyCommon,
    files: kyFiles,
    program: kyProgram,
    admin: kyAdmin,
    inclusion: kyInclusion,
    stages: kyStages,
    analysis: kyAnalysis,
    monitoring: kyMonitoring,
    plan: kyPlan,
    export: kyExport,
    compliance: kyCompliance,
    review: kyReview,
  },
  en: {
    common: enCommon,
    files: enFiles,
    program: enProgram,
    admin: enAdmin,
    inclusion: enInclusion,
    stages: enStages,
    analysis: enAnalysis,
    monitoring: enMonitoring,
    plan: enPlan,
    export: enExport,
    compliance: enCompliance,
    review: enReview,
  },
} as const;

export type Namespace = keyof (typeof resources)["ru"];
