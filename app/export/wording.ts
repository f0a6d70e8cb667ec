/**
 * Title-page wording: the grammatical forms the template placeholders need, the program title,
 * the approval lines and section heading numbers.
 *
 * Placeholders in templates/docx.json wording: {council} and {ao} stand before "айылного кенеша" /
 * "айылдык кеңешинин", so they take the bare place name ("Кок-Жайык"); {municipality} in
 * titleTemplate is in the genitive ("Кок-Жайык айылного аймака" / "Кок-Жайык айыл аймагынын").
 * The forms are derived from the stored municipality names by the rules below; a name that does
 * not end with a known kind word is used unchanged.
 */
import type { ProgramMeta } from "~/domain/program-data";
import type { Docx, DocxStyle } from "~/methodology/schema";
import { fill } from "./docx-kit";
import type { DocLang } from "./i18n";

export function municipalityName(meta: ProgramMeta, lang: DocLang): string {
  return lang === "ru" ? meta.municipality.nameRu : meta.municipality.nameKy || meta.municipality.nameRu;
}

const KIND_WORDS = /\s+(айылный аймак|айыл аймагы|айылдык аймак|аймагы|шаары|город)$/i;

/** "Кок-Жайык айыл аймагы" → "Кок-Жайык" (for {council} / {ao} and the place line). */
export function placeName(meta: ProgramMeta, lang: DocLang): string {
  return municipalityName(meta, lang)
    .replace(KIND_WORDS, "")
    .replace(/^(город|г\.)\s+/i, "")
    .trim();
}

/** The municipality in the genitive, as {municipality} in the title template needs it. */
export function municipalityGenitive(meta: ProgramMeta, lang: DocLang): string {
  const name = municipalityName(meta, lang);
  if (lang === "ru")
    return name
      .replace(/айылный аймак$/i, "айылного аймака")
      .replace(/^город\s+/i, "города ")
      .replace(/^(.*)\s+город$/i, "города $1");
  if (lang === "ky") return name.replace(/айыл аймагы$/i, "айыл аймагынын").replace(/шаары$/i, "шаарынын");
  return name;
}

export function programTitle(meta: ProgramMeta, docx: Docx, lang: DocLang): string {
  return fill(docx.wording.titleTemplate[lang], {
    municipality: municipalityGenitive(meta, lang),
    start: meta.startYear,
    end: meta.endYear,
  });
}

export interface Approval {
  resolutionNumber?: string;
  /** ISO date "2025-04-07". */
  resolutionDate?: string;
  chairName?: string;
  headName?: string;
  session?: string;
}

/** Date parts for the approval lines; blanks to fill in by hand when the date is not known yet. */
export function dateParts(iso: string | undefined, docx: Docx, lang: DocLang): { day: string; month: string; year: string } {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return { day: "___", month: "__________", year: "20___" };
  return { day: String(Number(m[3])), month: docx.wording.months[lang][Number(m[2]) - 1], year: m[1] };
}

export function formatDate(iso: string | undefined, docx: Docx, lang: DocLang): string {
  const p = dateParts(iso, docx, lang);
  if (!iso) return `${p.day} ${p.month} ${p.year}`;
  // ky months are the "…дагы" forms: "2024-жылдын 2-сентябрындагы"; ru/en read "2 сентября 2024".
  return lang === "ky" ? `${p.year}-жылдын ${p.day}-${p.month}` : `${p.day} ${p.month} ${p.year}`;
}

export function approvalLine(
  kind: "resolutionLine" | "annexLine",
  meta: ProgramMeta,
  docx: Docx,
  lang: DocLang,
  approval: Approval = {},
): string {
  return fill(docx.wording[kind][lang], {
    council: placeName(meta, lang),
    number: approval.resolutionNumber || "___",
    session: approval.session || "___",
    ...dateParts(approval.resolutionDate, docx, lang),
  });
}

/** "1-БӨЛҮМ. АЙМАКТЫН…", "РАЗДЕЛ 1. …", "Раздел 1. …", "I. …" or the bare title. */
export function sectionHeadingText(n: number, title: string, style: DocxStyle, docx: Docx, lang: DocLang): string {
  const word = docx.wording.sectionWord[lang];
  switch (style.headingNumbering) {
    case "bolum":
      return lang === "ky" ? `${n}-${word.toUpperCase()}. ${title.toUpperCase()}` : `${word.toUpperCase()} ${n}. ${title.toUpperCase()}`;
    case "razdel":
      return lang === "ky" ? `${n}-${word}. ${title}` : `${word} ${n}. ${title}`;
    case "roman":
      return `${roman(n)}. ${title}`;
    default:
      return title;
  }
}

export function subHeadingText(section: number, k: number, title: string, style: DocxStyle): string {
  return style.headingNumbering === "none" ? title : `${section}.${k}. ${title}`;
}

export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}
