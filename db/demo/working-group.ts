import type { AddElement } from "./elements";

/** Кок-Жайык working group (fictional): 12 members, 5 women (42%), 2 youth, 1 PWD, calendar of 4 activities. */
export async function seedWorkingGroup(add: AddElement) {
  const m = (
    id: string,
    fullName: string,
    position: string,
    organisation: string,
    sex: "f" | "m",
    roleId: string,
    age: number,
    groups: string[] = [],
    pwd = false,
  ) => ({
    id,
    fullName,
    position,
    organisation,
    sex,
    roleId,
    age,
    groups,
    youth: false,
    pwd,
  });
  await add("working_group", {
    members: [
      m("wg-1", "Асанов Бакыт Токтосунович", "Айыл өкмөтүнүн башчысынын орун басары", "Кок-Жайык айыл өкмөтү", "m", "chair", 51),
      m("wg-2", "Турдубаева Айгүл Эсенгуловна", "Жооптуу катчы", "Кок-Жайык айыл өкмөтү", "f", "secretary", 44),
      m("wg-3", "Жумабеков Нурлан Маратович", "Экономист", "Кок-Жайык айыл өкмөтү", "m", "member", 38),
      m("wg-4", "Сыдыкова Гүлнара Абдыкеримовна", "Социалдык кызматкер", "Кок-Жайык айыл өкмөтү", "f", "member", 47, [
        "low_income",
        "large_families",
        "elderly",
      ]),
      m("wg-5", "Осмонова Жылдыз Касымовна", "Башкы эсепчи", "Кок-Жайык айыл өкмөтү", "f", "member", 42),
      m("wg-6", "Бейшеналиев Талант Бакирович", "Айылдык кеңештин депутаты", "Кок-Жайык айылдык кеңеши", "m", "deputy_chair", 56, [
        "remote_villages",
      ]),
      m("wg-7", "Абдраимова Чолпон Жолдошбековна", "Аялдар кеңешинин төрайымы", "Аялдар кеңеши", "f", "member", 53, [
        "women",
        "female_headed",
        "dv_survivors",
      ]),
      m("wg-8", "Калыков Эрлан Азаматович", "Жаштар комитетинин лидери", "Жаштар комитети", "m", "member", 24, ["youth", "neet_youth"]),
      m("wg-9", "Мамытова Айпери Нурбековна", "Мугалим", "Кок-Жайык орто мектеби", "f", "member", 27, ["children", "youth"]),
      m(
        "wg-10",
        "Токтогулов Самат Кадырович",
        "Ден соолугунун мүмкүнчүлүгү чектелген адамдардын коомдук бирикмесинин төрагасы",
        "«Тең мүмкүнчүлүк» КБ",
        "m",
        "member",
        45,
        ["pwd"],
        true,
      ),
      m("wg-11", "Эсенкулов Жолдош Мусаевич", "Жайыт комитетинин төрагасы", "Жайыт комитети", "m", "member", 62, ["remote_villages"]),
      m("wg-12", "Дуйшеев Акылбек Сапарович", "Аксакалдар сотунун мүчөсү", "Аксакалдар соту", "m", "member", 70, [
        "elderly",
        "migrant_families",
      ]),
    ],
    calendar: [
      {
        id: "cal-1",
        activity: "Паспорттун маалыматтарын чогултуу (Т1–Т6)",
        start: "2024-09-15",
        end: "2024-10-31",
        responsible: "Жооптуу катчы, экономист",
      },
      {
        id: "cal-2",
        activity: "Инклюзивдүү линза жана гендердик талдоо",
        start: "2024-11-01",
        end: "2024-11-30",
        responsible: "Социалдык кызматкер",
      },
      {
        id: "cal-3",
        activity: "Айылдарда калк менен консультациялар (5 айыл)",
        start: "2024-12-01",
        end: "2025-01-31",
        responsible: "Жумушчу топтун төрагасы",
      },
      {
        id: "cal-4",
        activity: "Долбоорду коомдук угуу жана айылдык кеңеште бекитүү",
        start: "2025-02-15",
        end: "2025-04-15",
        responsible: "Айыл өкмөтүнүн башчысынын орун басары",
      },
    ],
  });
}
