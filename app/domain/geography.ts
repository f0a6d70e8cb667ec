/**
 * Oblasts and raions (templates/geography.json): the one place that turns a stored code into a name
 * in the page's or document's language, and old free text into codes.
 *
 * A municipality stores `oblast` and `raion` as codes ("naryn", "naryn.kochkor"). Values typed
 * before the codes existed were matched to codes by migration 0008; text that matched nothing was
 * kept as it was, so every function here accepts either and shows unknown text unchanged.
 * An empty raion means "not in a raion" (a city of oblast or republican significance).
 */
import type { Geography, Lang, Oblast } from "../methodology/schema";
import { localize } from "../methodology/schema";

export interface Place {
  oblast: string;
  raion: string;
}

type Named = { id: string; name: Oblast["name"]; aliases?: string[] };
interface GeoIndex {
  oblasts: Map<string, Oblast>;
  /** raion code → its oblast's code */
  raionOblast: Map<string, string>;
  names: Map<string, Named>;
}

const indexes = new WeakMap<Geography, GeoIndex>();
function indexOf(geo: Geography): GeoIndex {
  let index = indexes.get(geo);
  if (!index) {
    index = { oblasts: new Map(), raionOblast: new Map(), names: new Map() };
    for (const o of geo.oblasts) {
      index.oblasts.set(o.id, o);
      index.names.set(o.id, o);
      for (const r of o.raions) {
        index.raionOblast.set(r.id, o.id);
        index.names.set(r.id, r);
      }
    }
    indexes.set(geo, index);
  }
  return index;
}

/**
 * The name of an oblast or raion code in `lang`; text that is not a code (kept from before the
 * codes) is returned as it is, and "" stays "". Every page, export and the CLI show places with this.
 */
export function geoName(value: string, lang: Lang, geo: Geography): string {
  const named = indexOf(geo).names.get(value);
  return named ? localize(named.name, lang) : value;
}

/** "Кочкорский район, Нарынская область": raion (if any) and oblast in `lang`, as pages and documents show a place. */
export function placeLine(place: Place, lang: Lang, geo: Geography): string {
  return [place.raion, place.oblast]
    .filter((v) => v.trim())
    .map((v) => geoName(v, lang, geo))
    .join(", ");
}

export function isOblastCode(value: string, geo: Geography): boolean {
  return indexOf(geo).oblasts.has(value);
}

export function isRaionCode(value: string, geo: Geography): boolean {
  return indexOf(geo).raionOblast.has(value);
}

/** The oblast a raion code belongs to, or undefined for anything that is not a raion code. */
export function oblastOfRaion(raion: string, geo: Geography): string | undefined {
  return indexOf(geo).raionOblast.get(raion);
}

/**
 * Old free text → comparable words: case, ё, bracketed remarks («(пример)»), the words
 * «область», «район», «город» (and their Kyrgyz and English forms) and punctuation do not count.
 */
export function normalizePlaceText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\([^)]*\)/g, " ")
    .replace(
      /(^|[^\p{L}])(область|обл|районы|район|р-н|город|г|облусу|району|шаары|region|district|city|oblast|raion)(?=[^\p{L}]|$)/gu,
      " ",
    )
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function matches(named: Named, wanted: string): boolean {
  const texts = [named.id, named.name.ru, named.name.ky, named.name.en, ...(named.aliases ?? [])];
  return texts.some((t) => normalizePlaceText(t) === wanted);
}

/** The code of one entry among `candidates` whose name matches the text, when exactly one does. */
function uniqueMatch(candidates: Named[], text: string): string | undefined {
  const wanted = normalizePlaceText(text);
  if (!wanted) return undefined;
  const found = candidates.filter((c) => matches(c, wanted));
  return found.length === 1 ? found[0].id : undefined;
}

/**
 * Free text (or codes) → codes where the names match; text that matches nothing is kept as it is.
 * A raion is looked for inside its oblast when the oblast is known, else among all raions (and then
 * names the oblast too, when the oblast's own text matched nothing).
 */
export function placeFromText(place: Place, geo: Geography): Place {
  const index = indexOf(geo);
  const oblastText = place.oblast.trim();
  const raionText = place.raion.trim();
  const oblast = index.oblasts.has(oblastText) ? oblastText : uniqueMatch(geo.oblasts, oblastText);
  const raionPool = oblast ? index.oblasts.get(oblast)!.raions : geo.oblasts.flatMap((o) => o.raions);
  const raion = raionPool.some((r) => r.id === raionText) ? raionText : uniqueMatch(raionPool, raionText);
  // No oblast given at all, but a raion that is known: its oblast is known too.
  const oblastOfFoundRaion = !oblastText && raion ? index.raionOblast.get(raion) : undefined;
  return { oblast: oblast ?? oblastOfFoundRaion ?? oblastText, raion: raion ?? raionText };
}

/**
 * What is wrong with a place chosen on the admin form, as i18n keys per field. A value that is not
 * a code is accepted only when it is the one already stored (kept from before the codes), so saving
 * a form without touching the place never loses it.
 */
export function placeIssues(place: Place, stored: Place | undefined, geo: Geography): Partial<Record<keyof Place, string>> {
  const index = indexOf(geo);
  const issues: Partial<Record<keyof Place, string>> = {};
  if (!index.oblasts.has(place.oblast) && place.oblast !== stored?.oblast) issues.oblast = "errors.choose";
  if (place.raion === "" || place.raion === stored?.raion) return issues;
  const raionOblast = index.raionOblast.get(place.raion);
  if (raionOblast === undefined) issues.raion = "errors.choose";
  else if (raionOblast !== place.oblast) issues.raion = "errors.raionNotInOblast";
  return issues;
}

export interface PlaceOptions {
  oblasts: { value: string; label: string }[];
  /** One `<optgroup>` per oblast that has raions. */
  raionGroups: { label: string; options: { value: string; label: string }[] }[];
}

/** The admin form's selects, in the reference list's order, named in `lang`. */
export function placeOptions(lang: Lang, geo: Geography): PlaceOptions {
  return {
    oblasts: geo.oblasts.map((o) => ({ value: o.id, label: localize(o.name, lang) })),
    raionGroups: geo.oblasts
      .filter((o) => o.raions.length > 0)
      .map((o) => ({ label: localize(o.name, lang), options: o.raions.map((r) => ({ value: r.id, label: localize(r.name, lang) })) })),
  };
}
