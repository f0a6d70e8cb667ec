/**
 * What the new-program form offers: the period and a title. The title is offered in the program's
 * document language (its words and the municipality's name in that language), not in the language
 * of the interface, so a Kyrgyz document does not start with a Russian title nobody typed.
 */
import type { DocumentLanguage } from "../../db/schema";
import { createServerI18n } from "~/i18n/i18n.server";

export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ["ky", "ru"];
export const DEFAULT_DOCUMENT_LANGUAGE: DocumentLanguage = "ky";

interface Period {
  startYear: number;
  endYear: number;
}
interface MunicipalityNames {
  name_ru: string;
  name_ky: string;
}

/** Next year and the four after it. */
export function offeredPeriod(now = new Date()): Period {
  const startYear = now.getFullYear() + 1;
  return { startYear, endYear: startYear + 4 };
}

/** The title offered in each document language for a period. */
export async function offeredTitles(m: MunicipalityNames, period: Period): Promise<Record<DocumentLanguage, string>> {
  const entries = await Promise.all(
    DOCUMENT_LANGUAGES.map(async (lang) => {
      const t = (await createServerI18n(lang)).getFixedT(lang, "common");
      return [
        lang,
        t("programs.defaultTitle", { name: lang === "ky" ? m.name_ky : m.name_ru, start: period.startYear, end: period.endYear }),
      ] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<DocumentLanguage, string>;
}

/**
 * The title to store: what the person typed. A title we offered and they left as it was (e.g.
 * they changed the document language with JavaScript off) is written in the program's language
 * and for its period instead: it was never theirs.
 */
export async function titleToStore(m: MunicipalityNames, value: Period & { title: string; language: DocumentLanguage }): Promise<string> {
  const offered = Object.values(await offeredTitles(m, offeredPeriod()));
  if (!offered.includes(value.title.trim())) return value.title;
  return (await offeredTitles(m, value))[value.language];
}
