/** Stage 4 of the fictional Кок-Жайык demo (domain brief §7.1–7.2). Texts in Kyrgyz. */
import type { AddElement } from "./elements";

const V = {
  center: "vil-kok-jaiyk",
  ortoSuu: "vil-orto-suu",
  karaTash: "vil-kara-tash",
  talBulak: "vil-tal-bulak",
  kyzylDobo: "vil-kyzyl-dobo",
};
const ALL = Object.values(V);

export async function seedSituation(add: AddElement) {
  await add("situation_narrative", {
    sectors: {
      water:
        "Айыл аймагынын калкынын 76,4% таза ичүүчү суу менен камсыз. Тал-Булакта суу түтүгү жок, Кызыл-Дөбөдөгү эски түтүк иштебейт. Бул эки айылда аялдар жана кыздар сууну алыстан ташышат — үй-бүлөгө күнүнө орточо 1,6 саат.",
      education:
        "Үч бала бакча 3–6 жаштагы 1420 баланын 355ин (25%) камтыйт. Тал-Булакта жана Кызыл-Дөбөдө бала бакча жок. Бала бакчага майыптыгы бар 3 гана бала барат.",
      economy:
        "412 жеке ишкердин 120сы (29%) аялдар. 16–29 жаштагы жаштардын 23,9% окубайт жана иштебейт; жаш аялдарда бул көрсөткүч 31%. Сүт чийки бойдон сатылат, сүт чогултуучу жай жок.",
      waste: "Таштанды борбордо гана чыгарылат (калктын 34%). Башка айылдарда таштанды дарыянын нугуна ташталат.",
      environment: "Кара-Ташта 140 үй-бүлө сел коркунучу бар аймакта жашайт. Климаттын өзгөрүшү менен нөшөрлүү жаан көбөйдү.",
      governance:
        "Айылдык кеңештин 15 депутатынын 5и аял. 5 айыл башчысынын бири да аял эмес. 2024-жылкы бюджет боюнча угууга 146 киши катышты, анын 55и аял (38%), 4ү майыптыгы бар адам.",
    },
  });
  await add("problems", {
    rows: [
      {
        id: "prob-water",
        title: "Тал-Булакта жана Кызыл-Дөбөдө таза ичүүчү суу жок",
        sectorId: "water",
        villageIds: [V.talBulak, V.kyzylDobo],
        groups: ["women", "children"],
        evidence:
          "Калктын 76,4% гана суу түтүгүнөн суу алат; аялдар жана кыздар суу ташууга күнүнө 1,6 саат коротушат (жергиликтүү сурамжылоо).",
        priorityScore: 120,
      },
      {
        id: "prob-preschool",
        title: "Мектепке чейинки билим берүү аз камтылган (25%)",
        sectorId: "education",
        villageIds: [V.talBulak, V.kyzylDobo],
        groups: ["children", "pwd", "women"],
        evidence: "3–6 жаштагы 1420 баланын 355и бала бакчада; эки айылда бала бакча жок; майыптыгы бар 3 бала гана камтылган.",
        priorityScore: 105,
      },
      {
        id: "prob-jobs",
        title: "Жаштар жана аялдар үчүн жумуш орундары аз",
        sectorId: "economy",
        villageIds: ALL,
        groups: ["youth", "women", "neet_youth"],
        evidence: "Жаш аялдардын 31% окубайт жана иштебейт; сүт кайра иштетилбейт.",
        priorityScore: 95,
      },
      {
        id: "prob-access",
        title: "Коомдук имараттар майыптыгы бар адамдар үчүн жеткиликсиз",
        sectorId: "social_protection",
        villageIds: ALL,
        groups: ["pwd", "elderly"],
        evidence: "19 коомдук имараттын 2өө гана жеткиликтүү; майыптыгы бар адамдар жыйындарга сейрек келишет.",
        priorityScore: 80,
      },
      {
        id: "prob-waste",
        title: "Борбордон тышкары таштанды дарыянын нугуна ташталат",
        sectorId: "waste",
        villageIds: [V.ortoSuu, V.karaTash, V.talBulak, V.kyzylDobo],
        groups: ["children"],
        evidence: "Таштанды чыгаруу калктын 34% гана камтыйт.",
        priorityScore: 65,
      },
      {
        id: "prob-mudflow",
        title: "Кара-Таштагы 140 үй-бүлөгө сел коркунучу",
        sectorId: "environment",
        villageIds: [V.karaTash],
        groups: ["children", "elderly"],
        evidence: "140 үй-бүлө сел жүрүүчү аймакта; коргоочу тосмо жок.",
        priorityScore: 55,
      },
      {
        id: "prob-participation",
        title: "Аялдардын жана жаштардын чечим кабыл алууга катышуусу төмөн",
        sectorId: "governance",
        villageIds: ALL,
        groups: ["women", "youth"],
        evidence: "5 айыл башчысынын бири да аял эмес; бюджеттик угууда аялдар 38%.",
        priorityScore: 40,
      },
    ],
  });
  await add("swot", {
    strengths: [
      { id: "sw-s1", text: "Кеңири жайыттар (38 000 га) жана мал чарбасы", sectorId: "agriculture" },
      { id: "sw-s2", text: "Активдүү аялдар кеңеши жана жаштар уюмдары", sectorId: "governance", groupId: "women" },
      { id: "sw-s3", text: "Үч айылда борбордоштурулган суу түтүгү бар", sectorId: "water" },
    ],
    weaknesses: [
      { id: "sw-w1", text: "Эки айылда таза суу жок", sectorId: "water", groupId: "women" },
      { id: "sw-w2", text: "Бала бакча менен камтуу төмөн (25%)", sectorId: "education", groupId: "children" },
      { id: "sw-w3", text: "Коомдук имараттардын 19унун 2өө гана жеткиликтүү", sectorId: "social_protection", groupId: "pwd" },
    ],
    opportunities: [
      { id: "sw-o1", text: "Донорлордун суу жана мектепке чейинки билим берүү долбоорлору", sectorId: "water" },
      { id: "sw-o2", text: "Сүт кооперативин түзүү жана муниципалдык социалдык заказ", sectorId: "economy", groupId: "women" },
    ],
    threats: [
      { id: "sw-t1", text: "Климаттын өзгөрүшүнөн улам сел коркунучунун өсүшү", sectorId: "environment" },
      { id: "sw-t2", text: "Жаштардын эмгек миграциясы", sectorId: "economy", groupId: "youth" },
      { id: "sw-t3", text: "Кышында электр энергиясынын тез-тез өчүшү", sectorId: "energy" },
    ],
  });
  await add("forecast", forecast);
}

/**
 * The baseline scenario: 2022–2024 actuals, 2025–2029 without the program's measures. Own revenue
 * is the sum of the own-revenue rows of T6 (db/demo/passport.ts); water and preschool are linked to
 * the outcome indicators of db/demo/monitoring.ts, so check r05 compares their targets with it.
 */
const byYear = (values: number[]) => Object.fromEntries(values.map((v, i) => [String(2022 + i), v]));
const forecast = {
  rows: {
    population: { values: byYear([14380, 14610, 14860, 15080, 15300, 15510, 15720, 15920]) },
    households: { values: byYear([3190, 3250, 3310, 3360, 3410, 3460, 3510, 3560]) },
    registered_unemployed: { values: byYear([410, 395, 388, 385, 381, 378, 375, 372]) },
    individual_entrepreneurs: { values: byYear([371, 392, 412, 425, 438, 450, 462, 475]) },
    livestock: { values: byYear([41800, 42900, 43700, 44300, 44900, 45400, 46000, 46500]) },
    own_revenue: { values: byYear([19650, 20750, 21900, 22557, 23233, 23932, 24649, 25388]) },
    drinking_water: { values: byYear([75.8, 76.1, 76.4, 76.7, 77, 77.4, 77.7, 78]), indicatorId: "ind-1-1-1a" },
    preschool: { values: byYear([24.1, 24.6, 25, 25.2, 25.4, 25.6, 25.8, 26]), indicatorId: "ind-1-2-1a" },
  },
  assumptions:
    "Базалык сценарий программанын чараларысыз түзүлдү: калк жылына орточо 1,4 %га өсөт (2022–2024-жылдардын тенденциясы), өз кирешелер жылына 3 %га көбөйөт (6-таблица), жаңы суу түтүгү жана бала бакча курулбайт. Маалыматтар: райондук статистика бөлүмү, айыл өкмөтү.",
};
