import type { AddElement } from "./elements";

/**
 * Кок-Жайык passport T1–T6 (fictional, domain brief §7.1). The age/sex table of §7.1 is spread over
 * the villages in proportion to their population (largest remainder), so village totals match the
 * village table and the sex totals are exactly 7,349 men and 7,511 women.
 * Village ids are fixed: other stages (problems, services, actions) link to them.
 */
const SOURCE_STAT = "Райондук статистика бөлүмү, 01.01.2025";
const SOURCE_AO = "Айыл өкмөтүнүн эсеби";
const SOURCE_SOC = "Социалдык өнүгүү башкармалыгы";

const villages = [
  {
    id: "vil-kok-jaiyk",
    name: "Кок-Жайык",
    households: 1140,
    femaleHeaded: 210,
    byAge: {
      "0-2": { m: 185, f: 174 },
      "3-6": { m: 251, f: 238 },
      "7-15": { m: 484, f: 461 },
      "16-29": { m: 547, f: 528 },
      "30-working": { m: 948, f: 895 },
      "above-working": { m: 118, f: 291 },
    },
    totalEntered: 5120,
  },
  {
    id: "vil-orto-suu",
    name: "Орто-Суу",
    households: 775,
    femaleHeaded: 143,
    byAge: {
      "0-2": { m: 125, f: 118 },
      "3-6": { m: 171, f: 162 },
      "7-15": { m: 328, f: 313 },
      "16-29": { m: 372, f: 359 },
      "30-working": { m: 645, f: 608 },
      "above-working": { m: 81, f: 198 },
    },
    totalEntered: 3480,
  },
  {
    id: "vil-kara-tash",
    name: "Кара-Таш",
    households: 615,
    femaleHeaded: 113,
    byAge: {
      "0-2": { m: 99, f: 94 },
      "3-6": { m: 135, f: 129 },
      "7-15": { m: 260, f: 249 },
      "16-29": { m: 295, f: 284 },
      "30-working": { m: 511, f: 483 },
      "above-working": { m: 64, f: 157 },
    },
    totalEntered: 2760,
  },
  {
    id: "vil-tal-bulak",
    name: "Тал-Булак",
    households: 479,
    femaleHeaded: 88,
    byAge: {
      "0-2": { m: 77, f: 73 },
      "3-6": { m: 105, f: 100 },
      "7-15": { m: 203, f: 194 },
      "16-29": { m: 230, f: 222 },
      "30-working": { m: 398, f: 376 },
      "above-working": { m: 50, f: 122 },
    },
    totalEntered: 2150,
  },
  {
    id: "vil-kyzyl-dobo",
    name: "Кызыл-Дөбө",
    households: 301,
    femaleHeaded: 56,
    byAge: {
      "0-2": { m: 49, f: 46 },
      "3-6": { m: 66, f: 63 },
      "7-15": { m: 127, f: 122 },
      "16-29": { m: 144, f: 139 },
      "30-working": { m: 250, f: 236 },
      "above-working": { m: 31, f: 77 },
    },
    totalEntered: 1350,
  },
];

/** Thousand som. 2022–2024 actuals; 2025–2029 forecast, own revenue +3 % a year. */
const budget = {
  land_tax: { "2022": 5600, "2023": 5850, "2024": 6100, "2025": 6283, "2026": 6471, "2027": 6666, "2028": 6866, "2029": 7072 },
  property_tax: { "2022": 2150, "2023": 2300, "2024": 2400, "2025": 2472, "2026": 2546, "2027": 2623, "2028": 2701, "2029": 2782 },
  other_own: { "2022": 11900, "2023": 12600, "2024": 13400, "2025": 13802, "2026": 14216, "2027": 14643, "2028": 15082, "2029": 15534 },
  equalisation_grant: {
    "2022": 27500,
    "2023": 28900,
    "2024": 29800,
    "2025": 30396,
    "2026": 31004,
    "2027": 31624,
    "2028": 32256,
    "2029": 32902,
  },
  other_transfers: { "2022": 5600, "2023": 6100, "2024": 6700, "2025": 6700, "2026": 6700, "2027": 6700, "2028": 6700, "2029": 6700 },
  expenditure_total: {
    "2022": 52400,
    "2023": 55300,
    "2024": 57900,
    "2025": 59353,
    "2026": 60637,
    "2027": 61956,
    "2028": 63305,
    "2029": 64690,
  },
  capital_spending: { "2022": 3100, "2023": 3800, "2024": 4200, "2025": 4410, "2026": 4630, "2027": 4862, "2028": 5105, "2029": 5360 },
};

export async function seedPassport(add: AddElement) {
  const g = (value: string | number, source = SOURCE_AO, year = 2024) => ({ value, source, year });
  await add("passport_general", {
    fields: {
      location: g("Кочкор районунун түштүк-чыгышы, тоолуу аймак"),
      borders: g("Ак-Суу, Жаңы-Жол жана Талды-Суу айыл аймактары"),
      centre: g("Кок-Жайык айылы"),
      distance_capital: g(320),
      distance_oblast: g(95),
      distance_raion: g(38),
      year_founded: g(1996),
      total_area: g(52300, "Жер ресурстары боюнча райондук башкармалык"),
      landscape: g("Тоолуу жайыттар, дарыя өрөөнү; кыш суук, жай кыска"),
      altitude: g("1 650–2 300"),
      arable_land: g(6400, "Жер ресурстары боюнча райондук башкармалык"),
      irrigated_land: g(3900, "Жер ресурстары боюнча райондук башкармалык"),
      pasture_land: g(38000, "Жайыт комитети"),
      villages: g(5),
      households: g(3310, SOURCE_STAT, 2025),
    },
  });
  await add("passport_population", { villages, officialTotal: 14860 });
  const v = (
    id: string,
    groupId: string,
    total: number | undefined,
    male: number | undefined,
    female: number | undefined,
    children: number | undefined,
    note: string | undefined,
    source = SOURCE_SOC,
  ) => ({ id, groupId, total, male, female, children, note, source, year: 2024 });
  await add("passport_vulnerable", {
    rows: [
      v("vg-pwd", "pwd", 448, 241, 207, 97, "Балдар 18 жашка чейин: 97 (56 / 41); I топ 52, II топ 214, III топ 85"),
      v("vg-low-income", "low_income", 412, undefined, undefined, undefined, "үй-бүлө (ҮКЖ алуучулар); аларда 1 890 бала", SOURCE_SOC),
      v("vg-large-families", "large_families", 530, undefined, undefined, undefined, "үй-бүлө (4+ бала)", SOURCE_AO),
      v(
        "vg-migrants",
        "migrant_families",
        365,
        undefined,
        undefined,
        240,
        "үй чарба (11,0 %); мигранттар: 420 эркек, 190 аял; 240 бала калган",
        SOURCE_AO,
      ),
      v("vg-elderly", "elderly", 1420, 460, 960, undefined, "пенсионерлер; анын ичинде 118 жалгыз карыя", "Социалдык фонд"),
      v("vg-neet", "neet_youth", 745, 270, 475, undefined, "16–29 жаш (23,9 %): эркектер 17 %, аялдар 31 %", SOURCE_AO),
      v("vg-female-headed", "female_headed", 610, undefined, undefined, undefined, "үй чарба (18,4 %)", SOURCE_STAT),
    ],
  });
  const e = (total: number, men?: number, women?: number, youth?: number, source = SOURCE_STAT) => ({
    total,
    men,
    women,
    youth,
    year: 2024,
    source,
  });
  await add("passport_economy", {
    rows: {
      economically_active: e(6900, 3800, 3100, 2050),
      registered_unemployed: e(310, 130, 180, 140, "Эмгек жана иш менен камсыз кылуу борбору"),
      neet_youth: e(745, 270, 475, 745, SOURCE_AO),
      labour_migrants: e(610, 420, 190, 330, SOURCE_AO),
      individual_entrepreneurs: e(412, 292, 120, 95, "Салык кызматы"),
      peasant_farms: e(2950, 2480, 470, undefined, "Айыл чарба башкармалыгы"),
      cattle: e(8900, undefined, undefined, undefined, "Ветеринардык кызмат"),
      sheep_goats: e(31500, undefined, undefined, undefined, "Ветеринардык кызмат"),
      horses: e(2300, undefined, undefined, undefined, "Ветеринардык кызмат"),
      arable_land: e(6400, undefined, undefined, undefined, "Жер ресурстары боюнча райондук башкармалык"),
      irrigated_land: e(3900, undefined, undefined, undefined, "Жер ресурстары боюнча райондук башкармалык"),
      pasture_land: e(38000, undefined, undefined, undefined, "Жайыт комитети"),
    },
  });
  const centre3 = ["vil-kok-jaiyk", "vil-orto-suu", "vil-kara-tash"];
  const all = [...centre3, "vil-tal-bulak", "vil-kyzyl-dobo"];
  const s = (villageIds: string[], coveragePct: number | undefined, gaps: string, groupsAffected: string[], pwdAccessible = false) => ({
    villageIds,
    coveragePct,
    gaps,
    groupsAffected,
    pwdAccessible,
  });
  await add("passport_services", {
    rows: {
      tap_water: s(
        centre3,
        76.4,
        "Тал-Булакта суу түтүгү жок, Кызыл-Дөбөдө эски түтүк иштебейт. Аялдар жана кыздар суу ташууга күнүнө 1,6 саат коротот.",
        ["women", "children", "remote_villages"],
      ),
      preschool: s(
        centre3,
        25,
        "3 бала бакча: 1 420 баладан 355 гана камтылган. Тал-Булак жана Кызыл-Дөбөдө бакча жок. Мүмкүнчүлүгү чектелген 3 гана бала барат.",
        ["children", "pwd", "women", "remote_villages"],
      ),
      school: s(all, 100, "Мектептердин имараттары жеткиликтүү эмес (пандус жок).", ["pwd", "children"]),
      fap: s(all, 100, "Кызыл-Дөбөдөгү ФАПта дарыгер жумасына бир гана жолу келет.", ["elderly", "remote_villages"], true),
      waste_collection: s(["vil-kok-jaiyk"], 34, "Таштанды борбордон гана чыгарылат; башка айылдарда дарыянын нугуна ташталат.", [
        "remote_villages",
      ]),
      street_lighting: s(["vil-kok-jaiyk", "vil-orto-suu"], 35, "Көчөлөрдүн 35 % гана жарык; кыш мезгилинде электр энергиясы көп өчөт.", [
        "women",
        "elderly",
      ]),
      roads: s(all, undefined, "Кызыл-Дөбөгө (28 км) жол жазында жабылат.", ["remote_villages"]),
      internet: s(centre3, undefined, "Тал-Булак жана Кызыл-Дөбөдө мобилдик интернет начар.", ["youth", "remote_villages"]),
      transport: s(["vil-kok-jaiyk", "vil-orto-suu", "vil-kara-tash", "vil-tal-bulak"], undefined, "Кызыл-Дөбөгө коомдук транспорт жок.", [
        "elderly",
        "pwd",
        "remote_villages",
      ]),
    },
  });
  await add("passport_budget", { rows: budget });
}
