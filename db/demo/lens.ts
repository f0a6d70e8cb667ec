/** Demo inclusive lens of Кок-Жайык (domain brief §7.3, fictional). Texts in Kyrgyz, the document language. */
import type { AddElement } from "./elements";

type Answer = {
  answer: "yes" | "partly" | "no" | "no_data";
  evidence?: string;
  problemIds?: string[];
  actionIds?: string[];
  justification?: string;
};

const answers: Record<string, Answer> = {
  q01: { answer: "partly", evidence: "Айылдар боюнча майыптыгы бар адамдардын маалыматы жок.", actionIds: ["act-a4-2"] },
  q02: { answer: "yes", evidence: "Көйгөйлөр таблицасында ар бир көйгөй үчүн көбүрөөк жабыр тарткан топтор көрсөтүлгөн." },
  q03: {
    answer: "partly",
    evidence: "Тоскоолдуктар аялдар жана жаштар менен талкууланды; майыптыгы бар адамдар менен өзүнчө жолугушуу болгон жок.",
    actionIds: ["act-a4-2"],
  },
  q04: {
    answer: "partly",
    evidence: "Аялдар жана жаштар менен өзүнчө жолугушуулар болду; майыптыгы бар адамдар үчүн фокус-топ өткөрүлгөн жок.",
    problemIds: ["prob-participation"],
    actionIds: ["act-a4-1"],
  },
  q05: {
    answer: "partly",
    evidence: "Жыйындар кечки саат 17:00дө; айыл өкмөтүнүн имараты майыптыгы бар адамдар үчүн жеткиликсиз.",
    problemIds: ["prob-access"],
    actionIds: ["act-a1-4", "act-a4-1"],
  },
  q06: {
    answer: "partly",
    evidence: "Жумушчу топто 4 аял жана 2 жаш бар, майыптыгы бар адам жок.",
    problemIds: ["prob-participation"],
    actionIds: ["act-a4-1"],
  },
  q07: { answer: "yes", evidence: "Аялдар жана жаштар шайлаган биринчи үч артыкчылык (суу, бала бакча, жумуш) программага кирди." },
  q08: { answer: "no", evidence: "19 коомдук имараттын 2си гана жеткиликтүү.", problemIds: ["prob-access"], actionIds: ["act-a1-4"] },
  q09: {
    answer: "no",
    evidence: "Тал-Булак жана Кызыл-Дөбө айылдарында бала бакча жок; 3–6 жаштагы балдардын 25%ы гана камтылган.",
    problemIds: ["prob-preschool"],
    actionIds: ["act-a1-3", "act-a1-3b"],
  },
  q10: {
    answer: "partly",
    evidence: "Тал-Булак жана Кызыл-Дөбө айылдарында таза ичүүчү суу жок; көчөлөрдүн 35%ы гана жарыктандырылган.",
    problemIds: ["prob-water"],
    actionIds: ["act-a1-1", "act-a1-2"],
  },
  q11: { answer: "no_data", evidence: "Негизги кызматтар реестри боюнча жеткиликтүүлүк бааланган эмес.", actionIds: ["act-a4-2"] },
  q12: {
    answer: "partly",
    evidence: "Аялдар жана жаштар үчүн окутуу, мини-гранттар жана сүт чогултуу пункту пландалууда.",
    problemIds: ["prob-jobs"],
    actionIds: ["act-a2-1", "act-a2-2", "act-a2-3"],
  },
  q13: {
    answer: "partly",
    evidence: "Жайыт билеттеринин көбү эркектердин атында; жайыт комитетинде 9 мүчөнүн 1и аял.",
    problemIds: ["prob-participation"],
    actionIds: ["act-a2-3"],
  },
  q14: {
    answer: "partly",
    evidence: "365 үй чарбасында мигрант бар, 240 бала ата-энесиз калган; жаштар борбору алар үчүн да ачык болот.",
    problemIds: ["prob-jobs"],
    actionIds: ["act-a2-2"],
  },
  q15: { answer: "yes", evidence: "Иш-чаралар планында ар бир инклюзивдүү иш-чаранын наркы, булагы жана жооптуусу бар." },
  q16: {
    answer: "partly",
    evidence: "Аялдар негизги пайда алуучу болгон иш-чаралардын үлүшү эсептелет, бирок отчетто азырынча көрсөтүлбөйт.",
    actionIds: ["act-a4-1"],
  },
  q17: {
    answer: "yes",
    evidence: "Айыл өкмөтү милиция жана социалдык кызмат менен бирге үй-бүлөлүк зомбулуктун алдын алуу планын аткарат.",
  },
  q18: {
    answer: "partly",
    evidence: "Көчөлөрдүн 35%ы гана жарыктандырылган; мектепке баруучу жолдор биринчи кезекте.",
    justification: "Көчө жарыгы 2030-жылдан кийинки программага калтырылды; азыркы бюджет суу жана бала бакчага багытталды.",
  },
  q19: { answer: "yes", evidence: "Маалымат кыргыз жана орус тилдеринде берилет." },
  q20: {
    answer: "no",
    evidence: "Индикаторлор жыныс, жаш курак жана майыптык боюнча бөлүнгөн эмес.",
    actionIds: ["act-a4-1", "act-a4-2"],
    justification: "Мониторинг матрицасында бөлүнгөн индикаторлор кошулат.",
  },
  q21: { answer: "partly", evidence: "Биргелешкен мониторинг тобу түзүлөт; жылдык отчет коомдук угууда берилет.", actionIds: ["act-a4-1"] },
  q22: {
    answer: "partly",
    evidence: "Арыз-даттануулар журналы бар, бирок аялуу топтор аны сейрек колдонушат.",
    problemIds: ["prob-participation"],
    actionIds: ["act-a4-1"],
  },
};

export async function seedLens(add: AddElement) {
  await add("lens", {
    answers: Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, { problemIds: [], actionIds: [], ...a }])),
  });
}
