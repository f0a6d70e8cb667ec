/**
 * Stage 7 of the fictional Кок-Жайык demo: a meeting in each village, a women's focus group and
 * the 2024 budget hearing (domain brief §7.1: 146 participants, 55 women, 4 PWD). Texts in Kyrgyz.
 * Every priority is linked to a problem seeded by db/demo/situation.ts.
 */
import type { AddElement } from "./elements";

export async function seedConsultations(add: AddElement) {
  await add("consultations", {
    meetings: [
      {
        id: "meet-kok-jaiyk",
        date: "2024-10-08",
        villageId: "vil-kok-jaiyk",
        format: "village_meeting",
        title: "Кок-Жайык айылынын жыйыны",
        men: 48,
        women: 37,
        pwd: 2,
        youth: 15,
        priorities: [
          { id: "pr-kj-1", text: "Жаштар жана аялдар үчүн жумуш орундары", votes: 34, problemId: "prob-jobs" },
          { id: "pr-kj-2", text: "Айыл өкмөтүнүн имаратына пандус", votes: 18, problemId: "prob-access" },
          { id: "pr-kj-3", text: "Айыл башчыларын шайлоого аялдарды тартуу", votes: 11, problemId: "prob-participation" },
        ],
      },
      {
        id: "meet-orto-suu",
        date: "2024-10-10",
        villageId: "vil-orto-suu",
        format: "village_meeting",
        title: "Орто-Суу айылынын жыйыны",
        men: 31,
        women: 29,
        pwd: 1,
        youth: 12,
        priorities: [
          { id: "pr-os-1", text: "Жаңы бала бакча", votes: 29, problemId: "prob-preschool" },
          { id: "pr-os-2", text: "Таштанды чыгаруу", votes: 17, problemId: "prob-waste" },
        ],
      },
      {
        id: "meet-kara-tash",
        date: "2024-10-15",
        villageId: "vil-kara-tash",
        format: "village_meeting",
        title: "Кара-Таш айылынын жыйыны",
        men: 27,
        women: 25,
        pwd: 1,
        youth: 9,
        priorities: [
          { id: "pr-kt-1", text: "Селден коргоочу тосмо куруу", votes: 38, problemId: "prob-mudflow" },
          { id: "pr-kt-2", text: "Мектепте кыска мөөнөттүү топ", votes: 12, problemId: "prob-preschool" },
        ],
      },
      {
        id: "meet-tal-bulak",
        date: "2024-10-17",
        villageId: "vil-tal-bulak",
        format: "village_meeting",
        title: "Тал-Булак айылынын жыйыны",
        men: 22,
        women: 30,
        pwd: 1,
        youth: 10,
        priorities: [
          { id: "pr-tb-1", text: "Суу түтүгүн тартуу", votes: 44, problemId: "prob-water" },
          { id: "pr-tb-2", text: "Айылда бала бакча же мектепке чейинки топ", votes: 21, problemId: "prob-preschool" },
        ],
      },
      {
        id: "meet-kyzyl-dobo",
        date: "2024-10-22",
        villageId: "vil-kyzyl-dobo",
        format: "village_meeting",
        title: "Кызыл-Дөбө айылынын жыйыны",
        men: 16,
        women: 19,
        pwd: 1,
        youth: 6,
        priorities: [
          { id: "pr-kd-1", text: "Эски суу түтүгүн калыбына келтирүү", votes: 31, problemId: "prob-water" },
          { id: "pr-kd-2", text: "Таштанды төгүүчү жай", votes: 9, problemId: "prob-waste" },
        ],
      },
      {
        id: "meet-women",
        date: "2024-10-25",
        format: "focus_women",
        title: "Бардык айылдардын аялдары менен фокус-топ",
        men: 0,
        women: 24,
        pwd: 1,
        youth: 9,
        priorities: [
          { id: "pr-fw-1", text: "Суу ташуудан бошонгон убакыт", votes: 20, problemId: "prob-water" },
          { id: "pr-fw-2", text: "Аялдар үчүн ишкердик боюнча окуу жана гранттар", votes: 17, problemId: "prob-jobs" },
          { id: "pr-fw-3", text: "Аялдардын жергиликтүү чечимдерге катышуусу", votes: 12, problemId: "prob-participation" },
        ],
      },
      {
        id: "meet-budget-2024",
        date: "2024-11-20",
        format: "public_hearing",
        title: "Жергиликтүү бюджет боюнча коомдук угуу (2024)",
        men: 91,
        women: 55,
        pwd: 4,
        youth: 23,
        priorities: [
          { id: "pr-bh-1", text: "Тал-Булак менен Кызыл-Дөбөгө суу", votes: 52, problemId: "prob-water" },
          { id: "pr-bh-2", text: "Коомдук имараттардын жеткиликтүүлүгү", votes: 15, problemId: "prob-access" },
        ],
      },
    ],
  });
}
