/**
 * Strategy (§7.5) and action plan (§7.6) of the fictional Кок-Жайык program: vision, 4 directions
 * → goals → objectives (form "directions"), and the 12 actions. Costs and source splits are those
 * of §7.6 (total 95 610; local 19 860, republican 30 640, donor 36 540, private 4 030,
 * community 4 540); the split by year is ours, within each action's period.
 */
import type { AddElement } from "./elements";

const nodes: { id: string; parent: string | null; title: string; national?: string[]; problems?: string[]; priorities?: string[] }[] = [
  { id: "dir-1", parent: null, title: "Баарына негизги кызматтар", national: ["regions_sed_2030", "sdg"] },
  { id: "goal-1-1", parent: "dir-1", title: "Коопсуз ичүүчү суу", problems: ["prob-water"], priorities: ["pr-tb-1", "pr-kd-1", "pr-bh-1", "pr-fw-1"] },
  { id: "obj-1-1-1", parent: "goal-1-1", title: "Тал-Булак жана Кызыл-Дөбө айылдарын суу түтүгүнө туташтыруу", problems: ["prob-water"] },
  { id: "goal-1-2", parent: "dir-1", title: "Мектепке чейинки билим берүү", problems: ["prob-preschool"], priorities: ["pr-os-1", "pr-kt-2", "pr-tb-2"] },
  { id: "obj-1-2-1", parent: "goal-1-2", title: "Бала бакчада жана мектепке чейинки топтордо орундарды көбөйтүү", problems: ["prob-preschool"] },
  { id: "goal-1-3", parent: "dir-1", title: "Жеткиликтүү чөйрө", problems: ["prob-access"], priorities: ["pr-kj-2", "pr-bh-2"] },
  { id: "obj-1-3-1", parent: "goal-1-3", title: "Коомдук имараттарды майыптыгы бар адамдар үчүн жеткиликтүү кылуу", problems: ["prob-access"] },
  { id: "dir-2", parent: null, title: "Экономикалык мүмкүнчүлүктөр", national: ["regions_sed_2030", "gender_equality_2030", "raion_specialisation"] },
  { id: "goal-2-1", parent: "dir-2", title: "Аялдардын жана жаштардын кирешеси", problems: ["prob-jobs"], priorities: ["pr-kj-1", "pr-fw-2"] },
  { id: "obj-2-1-1", parent: "goal-2-1", title: "Аялдардын ишкердигин, жаштардын көндүмдөрүн жана сүт кооперативин колдоо", problems: ["prob-jobs"] },
  { id: "dir-3", parent: null, title: "Коопсуз жана туруктуу аймак", national: ["sdg"] },
  { id: "goal-3-1", parent: "dir-3", title: "Таштанды", problems: ["prob-waste"], priorities: ["pr-os-2", "pr-kd-2"] },
  { id: "obj-3-1-1", parent: "goal-3-1", title: "Таштанды чогултууну бардык айылдарга жайылтуу", problems: ["prob-waste"] },
  { id: "goal-3-2", parent: "dir-3", title: "Климаттык тобокелдик", problems: ["prob-mudflow"], priorities: ["pr-kt-1"] },
  { id: "obj-3-2-1", parent: "goal-3-2", title: "Кара-Таштагы үй чарбаларын селден коргоо", problems: ["prob-mudflow"] },
  { id: "dir-4", parent: null, title: "Ачык, инклюзивдүү башкаруу", national: ["lsg_development_2028", "gender_equality_2030"] },
  { id: "goal-4-1", parent: "dir-4", title: "Катышуу", problems: ["prob-participation"], priorities: ["pr-kj-3", "pr-fw-3"] },
  { id: "obj-4-1-1", parent: "goal-4-1", title: "Аялдардын, жаштардын жана майыптыгы бар адамдардын чечим кабыл алууга катышуусун кеңейтүү", problems: ["prob-participation"] },
  { id: "goal-4-2", parent: "dir-4", title: "Отчеттуулук", problems: ["prob-participation"] },
  { id: "obj-4-2-1", parent: "goal-4-2", title: "Биргелешкен мониторинг жана бөлүнгөн маалыматтар", problems: ["prob-participation"] },
];

type Split = Partial<Record<"local" | "republican" | "donor" | "private" | "community", number>>;
interface DemoAction {
  id: string;
  objective: string;
  title: string;
  type: "project" | "measure";
  responsible: string;
  partners?: string;
  years: [number, number];
  cost: number;
  funding: Split;
  byYear: Record<number, number>;
  output: string;
  ben: { total?: number; women?: number; men?: number; pwd?: number };
  tags: { inclusive?: boolean; gender?: boolean; climate?: boolean };
  genderTag: "neutral" | "sensitive" | "transformative";
  groups: string[];
  problems: string[];
  lens: string[];
  priorities: string[];
}

const actions: DemoAction[] = [
  { id: "act-a1-1", objective: "obj-1-1-1", title: "Тал-Булак айылында суу түтүгүн куруу (9,5 км)", type: "project", responsible: "Айыл өкмөтү башчысынын орун басары; муниципалдык суу ишканасы", partners: "Айыл суу", years: [2026, 2027], cost: 38000, funding: { local: 3800, republican: 22800, donor: 9500, community: 1900 }, byYear: { 2026: 19000, 2027: 19000 }, output: "2 150 тургун туташтырылды", ben: { total: 2150, women: 1100, men: 1050 }, tags: { inclusive: true, gender: true }, genderTag: "sensitive", groups: ["women", "children", "remote_villages"], problems: ["prob-water"], lens: ["q10"], priorities: ["pr-tb-1", "pr-bh-1", "pr-fw-1"] },
  { id: "act-a1-2", objective: "obj-1-1-1", title: "Кызыл-Дөбө айылында суу түтүгүн калыбына келтирүү", type: "project", responsible: "Айыл өкмөтү башчысынын орун басары", years: [2027, 2028], cost: 21500, funding: { local: 4300, donor: 15050, community: 2150 }, byYear: { 2027: 10750, 2028: 10750 }, output: "1 350 тургун туташтырылды", ben: { total: 1350, women: 690, men: 660 }, tags: { inclusive: true, gender: true }, genderTag: "sensitive", groups: ["women", "remote_villages"], problems: ["prob-water"], lens: ["q10"], priorities: ["pr-kd-1", "pr-bh-1"] },
  { id: "act-a1-3", objective: "obj-1-2-1", title: "Орто-Суу айылында 50 орундуу коомдук бала бакча (инклюзивдүү топ менен)", type: "project", responsible: "Социалдык адис", years: [2026, 2026], cost: 4800, funding: { local: 2400, donor: 1920, private: 480 }, byYear: { 2026: 4800 }, output: "50 орун (≥5 орун майыптыгы бар балдар үчүн)", ben: { total: 50, women: 25, men: 25, pwd: 5 }, tags: { inclusive: true, gender: true }, genderTag: "sensitive", groups: ["children", "pwd", "women"], problems: ["prob-preschool"], lens: ["q09"], priorities: ["pr-os-1"] },
  { id: "act-a1-3b", objective: "obj-1-2-1", title: "Мектептерде 3 кыска мөөнөттүү мектепке чейинки топ (Тал-Булак, Кара-Таш, Кызыл-Дөбө)", type: "measure", responsible: "Социалдык адис, мектептер", years: [2025, 2026], cost: 900, funding: { local: 600, donor: 300 }, byYear: { 2025: 450, 2026: 450 }, output: "60 орун", ben: { total: 60, women: 30, men: 30 }, tags: { inclusive: true, gender: true }, genderTag: "sensitive", groups: ["children", "remote_villages"], problems: ["prob-preschool"], lens: ["q09"], priorities: ["pr-kt-2", "pr-tb-2"] },
  { id: "act-a1-4", objective: "obj-1-3-1", title: "10 коомдук имаратта пандустар жана жеткиликтүү даараткана", type: "project", responsible: "Муниципалдык менчик боюнча адис", years: [2025, 2027], cost: 1900, funding: { local: 1330, donor: 570 }, byYear: { 2025: 600, 2026: 650, 2027: 650 }, output: "10 имарат", ben: { total: 448, women: 207, men: 241, pwd: 448 }, tags: { inclusive: true }, genderTag: "neutral", groups: ["pwd", "elderly"], problems: ["prob-access"], lens: ["q05", "q08"], priorities: ["pr-kj-2", "pr-bh-2"] },
  { id: "act-a2-1", objective: "obj-2-1-1", title: "Аялдардын ишкердиги: окутуу жана муниципалдык социалдык заказ аркылуу мини-гранттар", type: "measure", responsible: "Экономист", years: [2025, 2029], cost: 3000, funding: { local: 1500, donor: 1500 }, byYear: { 2025: 600, 2026: 600, 2027: 600, 2028: 600, 2029: 600 }, output: "100 аял окутулду, 40 грант", ben: { total: 100, women: 100, men: 0 }, tags: { inclusive: true, gender: true }, genderTag: "transformative", groups: ["women", "female_headed"], problems: ["prob-jobs"], lens: ["q12"], priorities: ["pr-kj-1", "pr-fw-2"] },
  { id: "act-a2-2", objective: "obj-2-1-1", title: "Маданият үйүндө санариптик көндүмдөр жана кесипке багыттоо боюнча жаштар борбору", type: "project", responsible: "Жаштар жана маданият боюнча адис", years: [2026, 2026], cost: 2400, funding: { local: 900, donor: 1200, private: 300 }, byYear: { 2026: 2400 }, output: "Жылына 300 жаш (≥50% кыздар)", ben: { total: 300, women: 150, men: 150 }, tags: { inclusive: true, gender: true }, genderTag: "sensitive", groups: ["youth", "neet_youth", "migrant_families"], problems: ["prob-jobs"], lens: ["q12", "q14"], priorities: ["pr-kj-1"] },
  { id: "act-a2-3", objective: "obj-2-1-1", title: "Кооператив аркылуу сүт чогултуу жана муздатуу пункту (муниципалдык жер салым катары)", type: "project", responsible: "Экономист; кооператив", partners: "Сүт кооперативи", years: [2027, 2027], cost: 6500, funding: { local: 650, donor: 2600, private: 3250 }, byYear: { 2027: 6500 }, output: "1 пункт, 250 жеткирүүчү (≥40% аялдар)", ben: { total: 250, women: 100, men: 150 }, tags: { gender: true }, genderTag: "sensitive", groups: ["women"], problems: ["prob-jobs"], lens: ["q12", "q13"], priorities: [] },
  { id: "act-a3-1", objective: "obj-3-1-1", title: "24 контейнер аянтчасы жана чиркегич менен трактор", type: "project", responsible: "Муниципалдык ишкана", years: [2025, 2026], cost: 6200, funding: { local: 2480, donor: 3720 }, byYear: { 2025: 3100, 2026: 3100 }, output: "Камтуу 80%", ben: { total: 11890 }, tags: { climate: true }, genderTag: "neutral", groups: [], problems: ["prob-waste"], lens: [], priorities: ["pr-os-2", "pr-kd-2"] },
  { id: "act-a3-2", objective: "obj-3-2-1", title: "Кара-Таш айылында селден коргоочу тосмо", type: "project", responsible: "Айыл өкмөтү башчысынын орун басары, ӨКМ кызматы", years: [2027, 2027], cost: 9800, funding: { local: 1470, republican: 7840, community: 490 }, byYear: { 2027: 9800 }, output: "140 үй чарбасы корголду", ben: { total: 620, women: 315, men: 305 }, tags: { climate: true }, genderTag: "neutral", groups: [], problems: ["prob-mudflow"], lens: [], priorities: ["pr-kt-1"] },
  { id: "act-a4-1", objective: "obj-4-1-1", title: "Биргелешкен мониторинг тобу; СЭӨП боюнча жылдык отчет коомдук угууда; жеткиликтүү жыйындар", type: "measure", responsible: "Жооптуу катчы", years: [2025, 2029], cost: 250, funding: { local: 250 }, byYear: { 2025: 50, 2026: 50, 2027: 50, 2028: 50, 2029: 50 }, output: "5 отчет", ben: {}, tags: { inclusive: true, gender: true }, genderTag: "transformative", groups: ["women", "youth", "pwd"], problems: ["prob-participation"], lens: ["q04", "q05", "q06", "q16", "q20", "q21", "q22"], priorities: ["pr-kj-3", "pr-fw-3"] },
  { id: "act-a4-2", objective: "obj-4-2-1", title: "Жынысы, жашы жана майыптыгы боюнча бөлүнгөн паспортту жаңылоо; 2 жылда бир жолу аялуу топтордун сурамжылоосу", type: "measure", responsible: "Жооптуу катчы", years: [2025, 2029], cost: 360, funding: { local: 180, donor: 180 }, byYear: { 2025: 120, 2027: 120, 2029: 120 }, output: "3 сурамжылоо", ben: {}, tags: { inclusive: true, gender: true }, genderTag: "sensitive", groups: ["pwd", "women", "youth"], problems: ["prob-participation"], lens: ["q01", "q03", "q11", "q20"], priorities: [] },
];

export const DEMO_VISION =
  "Кок-Жайык — ар бир үй-бүлөнүн таза суусу, ар бир баланын бала бакчада орду, ар бир аял менен ар бир жаштын киреше табууга мүмкүнчүлүгү бар жана ар бир тургундун үнү угулган айыл.";

export async function seedStrategy(add: AddElement) {
  await add("vision", { text: DEMO_VISION, form: "directions" });
  for (const n of nodes)
    await add("strategy_node", { title: n.title, nationalPrograms: n.national ?? [], priorityIds: n.priorities ?? [], problemIds: n.problems ?? [] }, { id: n.id, parentId: n.parent });
  for (const a of actions)
    await add(
      "action",
      {
        title: a.title,
        type: a.type,
        responsible: a.responsible,
        ...(a.partners ? { partners: a.partners } : {}),
        startYear: a.years[0],
        endYear: a.years[1],
        totalCost: a.cost,
        funding: a.funding,
        byYear: Object.fromEntries(Object.entries(a.byYear).map(([y, v]) => [String(y), v])),
        output: a.output,
        beneficiaries: a.ben,
        tags: { inclusive: Boolean(a.tags.inclusive), gender: Boolean(a.tags.gender), climate: Boolean(a.tags.climate) },
        genderTag: a.genderTag,
        addsUnpaidCare: false,
        targetGroups: a.groups,
        problemIds: a.problems,
        lensQuestionIds: a.lens,
        priorityIds: a.priorities,
        nextBudget: a.years[0] === 2025,
      },
      { id: a.id, parentId: a.objective },
    );
}

/** Exposed for tests: the §7.6 figures the seed must reproduce. */
export const demoActionsForTest = actions;
