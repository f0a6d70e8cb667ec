/** Demo gender analysis of Кок-Жайык (domain brief §7.1 governance, §7.4 gaps; fictional). Texts in Kyrgyz. */
import type { AddElement } from "./elements";

export async function seedGender(add: AddElement) {
  await add("gender", {
    decisionBodies: {
      kenesh_deputies: { women: 5, total: 15 },
      village_heads: { women: 0, total: 5 },
      pasture_committee: { women: 1, total: 9 },
    },
    activities: {
      livestock_care: "men",
      milk_processing: "women",
      crop_farming: "both",
      trade_crafts: "women",
      paid_work: "men",
      water_fetching: "women",
      childcare: "women",
      elder_care: "women",
      cooking_cleaning: "women",
      fuel: "both",
      ashar: "men",
      village_meetings: "men",
      ceremonies: "both",
      committees: "men",
    },
    resources: {
      land: { accessWomen: true, accessMen: true, controlMen: true },
      pasture: { accessMen: true, controlMen: true },
      water: { accessWomen: true, accessMen: true, controlMen: true },
      livestock: { accessWomen: true, accessMen: true, controlMen: true },
      credit: { accessWomen: true, accessMen: true, controlMen: true },
      municipal_premises: { accessMen: true, controlMen: true },
      information: { accessWomen: true, accessMen: true, controlMen: true },
      time: { accessMen: true, controlMen: true },
    },
    unpaidCare: { women: 5.0, men: 1.6 },
    factors: "Суу ташуу жана балдарды кароо аялдардын убактысын алат; жайыт жана жер эркектердин атында катталган; алыскы айылдардан борборго жетүү кыйын.",
    gaps: [
      { id: "gap-water", domain: "care", indicator: "Суу ташууга кеткен убакыт (2 айыл, үй чарбасына)", women: 1.6, unit: "саат/күн", cause: "Тал-Булак жана Кызыл-Дөбө айылдарында суу түтүгү жок; сууну негизинен аялдар жана кыздар ташышат.", needType: "practical", actionIds: ["act-a1-1", "act-a1-2"] },
      { id: "gap-neet", domain: "economy", indicator: "Окубаган жана иштебеген 16–29 жаштагы жаштар", women: 31, men: 17, unit: "%", cause: "Жумуш орундары аз, кыз-келиндер эрте турмушка чыгып, үй жумушуна байланат (практикалык жана стратегиялык муктаждык).", needType: "strategic", actionIds: ["act-a2-1", "act-a2-2"] },
      { id: "gap-entrepreneurs", domain: "economy", indicator: "Жеке ишкерлер", women: 29, men: 71, unit: "%", cause: "Аялдардын кредитке, жерге жана окутууга жетүүсү чектелген.", needType: "strategic", actionIds: ["act-a2-1"] },
      { id: "gap-village-heads", domain: "decision_making", indicator: "Айыл башчылары", women: 0, men: 5, unit: "адам", cause: "Салттуу көз караштар; аялдар талапкер катары көрсөтүлбөйт.", needType: "strategic", actionIds: ["act-a4-1"] },
      { id: "gap-care", domain: "care", indicator: "Акы төлөнбөгөн кам көрүү эмгеги", women: 5.0, men: 1.6, unit: "саат/күн", cause: "Бала бакча орундары жетишсиз (25%), суу ташуу.", needType: "practical", actionIds: ["act-a1-3", "act-a1-3b"] },
    ],
  });
}
