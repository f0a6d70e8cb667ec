/**
 * Demo (fictional, §7.5 of the domain brief): the outcome indicators of Кок-Жайык, attached to the
 * objectives seeded by db/demo/strategy.ts (runs after it), the joint M&E group and five risks.
 */
import type { AddElement } from "./elements";

const years = [2025, 2026, 2027, 2028, 2029];
/** Targets moving evenly from the baseline to the final target, rounded to one decimal. */
const path = (from: number, to: number) =>
  Object.fromEntries(years.map((y, i) => [String(y), Math.round((from + ((to - from) * (i + 1)) / years.length) * 10) / 10]));

const base = { type: "outcome", bySex: false, targetsWomen: {}, targetsMen: {}, baselineYear: 2024, frequency: "annual" } as const;

const indicators: { id: string; parent: string; data: Record<string, unknown> }[] = [
  {
    id: "ind-1-1-1a",
    parent: "obj-1-1-1",
    data: {
      ...base,
      name: "Коопсуз түтүк суусу менен камсыз болгон калк",
      unit: "%",
      baselineValue: 76.4,
      targets: path(76.4, 100),
      source: "Айыл өкмөтү, муниципалдык суу ишканасы",
      responsible: "Муниципалдык суу ишканасы",
    },
  },
  {
    id: "ind-1-1-1b",
    parent: "obj-1-1-1",
    data: {
      ...base,
      name: "Суу ташууга кеткен убакыт (2 айылдагы үй чарбалары)",
      unit: "саат/күн",
      baselineValue: 1.6,
      targets: { "2027": 1, "2029": 0.3 },
      source: "Жергиликтүү сурамжылоо",
      frequency: "once",
      responsible: "Жооптуу катчы",
    },
  },
  {
    id: "ind-1-2-1a",
    parent: "obj-1-2-1",
    data: {
      ...base,
      name: "3–6 жаштагы балдардын мектепке чейинки билим менен камтылышы",
      unit: "%",
      baselineValue: 25,
      targets: path(25, 32.7),
      bySex: true,
      baselineWomen: 24.9,
      baselineMen: 25.1,
      targetsWomen: { "2029": 32.7 },
      targetsMen: { "2029": 32.7 },
      source: "Райондук билим берүү бөлүмү",
      responsible: "Социалдык адис",
    },
  },
  {
    id: "ind-1-2-1b",
    parent: "obj-1-2-1",
    data: {
      ...base,
      name: "Мектепке чейинки мекемелердеги майыптыгы бар балдар",
      unit: "адам",
      baselineValue: 3,
      targets: { "2026": 8, "2029": 15 },
      source: "Бала бакчалардын тизмелери",
      responsible: "Социалдык адис",
    },
  },
  {
    id: "ind-1-3-1a",
    parent: "obj-1-3-1",
    data: {
      ...base,
      name: "Майыптыгы бар адамдар үчүн жеткиликтүү коомдук имараттар (19 ичинен)",
      unit: "имарат",
      baselineValue: 2,
      targets: { "2025": 5, "2026": 9, "2027": 12, "2028": 12, "2029": 12 },
      source: "Жеткиликтүүлүк аудити",
      responsible: "Муниципалдык менчик боюнча адис",
    },
  },
  {
    id: "ind-2-1-1a",
    parent: "obj-2-1-1",
    data: {
      ...base,
      name: "Аял жеке ишкерлер",
      unit: "адам",
      baselineValue: 120,
      targets: path(120, 190),
      source: "Салык кызматы",
      responsible: "Экономист",
    },
  },
  {
    id: "ind-2-1-1b",
    parent: "obj-2-1-1",
    data: {
      ...base,
      name: "Окубаган жана иштебеген 16–29 жаштагы жаштар (NEET)",
      unit: "%",
      baselineValue: 24,
      targets: { "2027": 21, "2029": 18 },
      bySex: true,
      baselineWomen: 31,
      baselineMen: 17,
      targetsWomen: { "2027": 27, "2029": 22 },
      targetsMen: { "2027": 15, "2029": 14 },
      source: "Үй чарбаларынын сурамжылоосу",
      frequency: "semiannual",
      responsible: "Жаштар жана маданият боюнча адис",
    },
  },
  {
    id: "ind-3-1-1a",
    parent: "obj-3-1-1",
    data: {
      ...base,
      name: "Таштанды чогултуу менен камтылган калк",
      unit: "%",
      baselineValue: 34,
      targets: { "2025": 50, "2026": 80, "2027": 80, "2028": 80, "2029": 80 },
      source: "Муниципалдык ишкана",
      responsible: "Муниципалдык ишкана",
    },
  },
  {
    id: "ind-3-2-1a",
    parent: "obj-3-2-1",
    data: {
      ...base,
      name: "Сел коркунучу бар аймактагы корголгон үй чарбалары (140 ичинен)",
      unit: "үй чарба",
      baselineValue: 0,
      targets: { "2027": 140, "2028": 140, "2029": 140 },
      source: "ӨКМ кызматы",
      responsible: "Айыл өкмөтү башчысынын орун басары",
    },
  },
  {
    id: "ind-4-1-1a",
    parent: "obj-4-1-1",
    data: {
      ...base,
      name: "Коомдук угуулардын катышуучуларынын ичинде аялдар",
      unit: "%",
      baselineValue: 38,
      targets: path(38, 50),
      source: "Угуулардын протоколдору",
      responsible: "Жооптуу катчы",
    },
  },
  {
    id: "ind-4-1-1b",
    parent: "obj-4-1-1",
    data: {
      ...base,
      name: "Жылына угууларга катышкан майыптыгы бар адамдар",
      unit: "адам",
      baselineValue: 4,
      targets: path(4, 20),
      source: "Угуулардын протоколдору",
      responsible: "Жооптуу катчы",
    },
  },
  {
    id: "ind-4-2-1a",
    parent: "obj-4-2-1",
    data: {
      ...base,
      name: "Биргелешкен мониторинг тобунун жылдык отчету коомдук угууда берилди",
      unit: "отчет",
      baselineValue: 0,
      targets: { "2025": 1, "2026": 1, "2027": 1, "2028": 1, "2029": 1 },
      source: "Айылдык кеңештин токтомдору",
      responsible: "Жооптуу катчы",
    },
  },
];

export async function seedMonitoring(add: AddElement) {
  for (const i of indicators) await add("indicator", i.data, { id: i.id, parentId: i.parent });
  // 7 members: 4 women (57%), one person with a disability, one young person.
  await add("monitoring", {
    members: [
      { id: "me-1", name: "Жыпар Осмонова", sex: "f", organisation: "Айылдык кеңештин депутаты" },
      { id: "me-2", name: "Азамат Бекболотов", sex: "m", organisation: "Айыл өкмөтүнүн жооптуу катчысы" },
      { id: "me-3", name: "Гүлнара Асанбекова", sex: "f", group: "women", organisation: "Аялдар кеңеши" },
      { id: "me-4", name: "Нурбек Токтосунов", sex: "m", group: "pwd", organisation: "Майыптыгы бар адамдардын коомдук бирикмеси" },
      { id: "me-5", name: "Айпери Мамытова", sex: "f", group: "youth", organisation: "Жаштар комитети" },
      { id: "me-6", name: "Каныкей Жумабаева", sex: "f", organisation: "Тал-Булак айылынын тургуну" },
      { id: "me-7", name: "Эрмек Сатыбалдиев", sex: "m", organisation: "Айыл суу" },
    ],
    reportingFrequency: "annual",
    reportTo: "Айылдык кеңешке жана тургундардын ачык жыйынына",
  });
  await add("risks", {
    rows: [
      {
        id: "risk-donor",
        risk: "Донордук каржылоо (36,5 млн сом) убагында келбейт",
        probability: "medium",
        impact: "high",
        mitigation: "Ар бир чоң долбоорго эки булак издөө; бюджеттик өтүнмөлөрдү алдын ала берүү",
        owner: "Айыл өкмөтүнүн башчысы",
      },
      {
        id: "risk-republican",
        risk: "Республикалык бюджеттен суу долбооруна каражат бөлүнбөйт",
        probability: "medium",
        impact: "high",
        mitigation: "Региондорду өнүктүрүү программасына өтүнмө; долбоорду этаптарга бөлүү",
        owner: "Айыл өкмөтү башчысынын орун басары",
      },
      {
        id: "risk-revenue",
        risk: "Өз кирешелер болжолдогудан аз түшөт",
        probability: "low",
        impact: "medium",
        mitigation: "Жер салыгын эсепке алууну жакшыртуу; жергиликтүү үлүштү жыл сайын кайра кароо",
        owner: "Экономист",
      },
      {
        id: "risk-mudflow",
        risk: "Тосмо курулганга чейин сел жүрөт",
        probability: "medium",
        impact: "high",
        mitigation: "Эрте эскертүү тутуму; ӨКМ менен биргелешкен эвакуация планы",
        owner: "ӨКМ кызматы",
      },
      {
        id: "risk-participation",
        risk: "Аялдар жана майыптыгы бар адамдар угууларга аз катышат",
        probability: "medium",
        impact: "medium",
        mitigation: "Жеткиликтүү жайлар, ыңгайлуу убакыт, бала кароо; өзүнчө фокус-топтор",
        owner: "Жооптуу катчы",
      },
    ],
  });
}
