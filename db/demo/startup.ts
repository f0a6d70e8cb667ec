import type { AddElement } from "./elements";

export async function seedStartup(add: AddElement) {
  await add("startup", {
    legalBasis: [
      {
        id: "lb-method",
        title: "Муниципалитеттердин СЭӨП иштеп чыгуу методикасы (ЭКМ буйругу)",
        reference: "2024-ж. (номерин тактоо керек)",
      },
      { id: "lb-budget", title: "Кыргыз Республикасынын Бюджеттик кодекси", reference: "88-берене" },
    ],
    orderNumber: "14",
    orderDate: "2024-09-02",
  });
}
