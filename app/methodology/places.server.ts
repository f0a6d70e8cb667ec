/**
 * The place helpers of app/domain/geography.ts with the shipped reference list
 * (templates/geography.json, validated at load) filled in: how servers, exports and the CLI name
 * oblasts and raions. The domain functions stay pure and take the list as a value.
 */
import * as geography from "../domain/geography";
import type { Lang } from "./schema";
import { methodology } from "./templates.server";

const geo = () => methodology.geography;

export const geoName = (value: string, lang: Lang) => geography.geoName(value, lang, geo());
export const placeLine = (place: geography.Place, lang: Lang) => geography.placeLine(place, lang, geo());
export const placeFromText = (place: geography.Place) => geography.placeFromText(place, geo());
export const placeIssues = (place: geography.Place, stored: geography.Place | undefined) => geography.placeIssues(place, stored, geo());
export const placeOptions = (lang: Lang) => geography.placeOptions(lang, geo());
