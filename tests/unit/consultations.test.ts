import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import {
  consultationsCompleteness,
  meetingFormSchema,
  meetingsByDate,
  ofWhomErrors,
  participationSummary,
  type Meeting,
} from "~/domain/consultations";
import { prioritiesOf } from "~/domain/element-kinds";
import { consultationsTable } from "~/domain/tables/consultations";
import { seedConsultations } from "../../db/demo/consultations";
import { seedSituation } from "../../db/demo/situation";

const meta: ProgramMeta = {
  id: 1,
  title: "T",
  startYear: 2025,
  endYear: 2029,
  language: "ky",
  status: "draft",
  methodologyVersion: "x",
  municipality: { id: 1, nameRu: "", nameKy: "", kind: "aiyl_aimak", raion: "", oblast: "" },
};
function program(elements: { kind: string; data: unknown }[]) {
  return buildProgramData(
    meta,
    elements.map((e, i) => ({ id: `e${i}`, kind: e.kind, parent_id: null, position: i, version: 1, data: JSON.stringify(e.data) })),
  );
}
const villages = {
  kind: "passport_population",
  data: {
    villages: [
      { id: "v1", name: "Кок-Жайык" },
      { id: "v2", name: "Тал-Булак" },
    ],
  },
};
const problems = {
  kind: "problems",
  data: { rows: [{ id: "p1", title: "Суу", sectorId: "water", villageIds: [], groups: [], priorityScore: 10 }] },
};
const meeting = (m: Partial<Meeting>): Meeting => ({
  id: "m",
  date: "2024-10-01",
  format: "village_meeting",
  men: 0,
  women: 0,
  pwd: 0,
  youth: 0,
  priorities: [],
  ...m,
});

describe("participationSummary", () => {
  it("is all zeros for a program without meetings", () => {
    const s = participationSummary(program([villages]));
    expect(s).toMatchObject({
      meetings: 0,
      participants: 0,
      womenShare: null,
      villagesTotal: 2,
      villagesCovered: 0,
      uncoveredVillageIds: ["v1", "v2"],
      priorities: 0,
    });
  });
  it("adds participants, women share, PWD, youth, villages and linked priorities", () => {
    const data = program([
      villages,
      problems,
      {
        kind: "consultations",
        data: {
          meetings: [
            meeting({
              id: "a",
              villageId: "v1",
              men: 30,
              women: 20,
              pwd: 2,
              youth: 10,
              priorities: [
                { id: "x", text: "Суу", problemId: "p1" },
                { id: "y", text: "Жол" },
              ],
            }),
            meeting({
              id: "b",
              format: "public_hearing",
              men: 91,
              women: 55,
              pwd: 4,
              youth: 20,
              priorities: [{ id: "z", text: "?", problemId: "gone" }],
            }),
          ],
        },
      },
    ]);
    const s = participationSummary(data);
    expect(s).toMatchObject({ meetings: 2, men: 121, women: 75, participants: 196, pwd: 6, youth: 30, publicHearings: 1 });
    expect(s.womenShare).toBeCloseTo(75 / 196);
    // The all-villages hearing does not cover Тал-Булак.
    expect(s).toMatchObject({ villagesTotal: 2, villagesCovered: 1, uncoveredVillageIds: ["v2"] });
    // A link to a problem that no longer exists does not count.
    expect(s).toMatchObject({ priorities: 3, prioritiesLinked: 1, prioritiesUnlinked: 2 });
  });
});

describe("consultations completeness", () => {
  it("counts a meeting, every village, a public hearing and all priorities linked", () => {
    expect(consultationsCompleteness(program([villages])).done).toBe(0);
    const data = (meetings: Meeting[]) => program([villages, problems, { kind: "consultations", data: { meetings } }]);
    const linked = [{ id: "x", text: "Суу", problemId: "p1" }];
    expect(consultationsCompleteness(data([meeting({ villageId: "v1", priorities: linked })])).done).toBe(2);
    const full = data([
      meeting({ id: "a", villageId: "v1", priorities: linked }),
      meeting({ id: "b", villageId: "v2" }),
      meeting({ id: "c", format: "public_hearing" }),
    ]);
    expect(consultationsCompleteness(full)).toEqual({ done: 4, total: 4, summaryKey: "completeness.consultations" });
  });
  it("without villages in the passport any meeting covers them", () => {
    const d = program([{ kind: "consultations", data: { meetings: [meeting({ format: "public_hearing" })] } }]);
    // a meeting, villages (none to cover) and a hearing; no priorities yet
    expect(consultationsCompleteness(d).done).toBe(3);
  });
});

describe("meeting form: the 'of whom' rule and the date", () => {
  const schema = meetingFormSchema({
    endYear: 2029,
    formatIds: ["village_meeting", "public_hearing"],
    villageIds: ["v1"],
    problemIds: ["p1"],
  });
  const submit = (over: Record<string, string>) => {
    const fd = new FormData();
    const base: Record<string, string> = {
      version: "0",
      date: "2024-10-01",
      format: "village_meeting",
      men: "10",
      women: "5",
      pwd: "1",
      youth: "3",
      ...over,
    };
    for (const [k, v] of Object.entries(base)) fd.append(k, v);
    return parseWithZod(fd, { schema });
  };
  it("ofWhomErrors flags PWD or youth above men + women", () => {
    expect(ofWhomErrors({ men: 10, women: 5, pwd: 15, youth: 16 })).toEqual(["youth"]);
    expect(ofWhomErrors({ men: 0, women: 0, pwd: 1, youth: 1 })).toEqual(["pwd", "youth"]);
  });
  it("accepts a valid meeting with a linked priority; 'all villages' is empty", () => {
    const s = submit({ villageId: "", "priorities[0].text": "Суу", "priorities[0].problemId": "p1", "priorities[0].votes": "12" });
    expect(s.status).toBe("success");
    if (s.status === "success") {
      expect(s.value.villageId).toBeUndefined();
      expect(s.value.priorities).toEqual([{ text: "Суу", problemId: "p1", votes: 12 }]);
    }
  });
  it("puts the error on the field, with the maximum", () => {
    const s = submit({ pwd: "16", youth: "15" });
    expect(s.status).toBe("error");
    const error = s.reply().error!;
    expect(error.pwd).toEqual(['analysis:errors.ofWhomTooMany|{"max":15}']);
    expect(error.youth).toBeUndefined();
  });
  it("refuses a date after the program end, an impossible date, negatives and unknown links", () => {
    expect(submit({ date: "2030-01-01" }).reply().error!.date).toEqual(['analysis:errors.dateAfterEnd|{"end":2029}']);
    expect(submit({ date: "2029-12-31" }).status).toBe("success");
    expect(submit({ date: "2025-02-30" }).reply().error!.date).toEqual(["errors.date"]);
    expect(submit({ men: "-1" }).reply().error!.men).toEqual(["errors.negative"]);
    expect(submit({ format: "party" }).reply().error!.format).toEqual(["errors.choose"]);
    expect(submit({ "priorities[0].text": "x", "priorities[0].problemId": "p9" }).reply().error!["priorities[0].problemId"]).toEqual([
      "errors.choose",
    ]);
  });
});

describe("demo seed", () => {
  it("covers every village, has the 2024 budget hearing and links every priority", async () => {
    const elements: { kind: string; data: unknown }[] = [
      {
        kind: "passport_population",
        data: {
          villages: ["vil-kok-jaiyk", "vil-orto-suu", "vil-kara-tash", "vil-tal-bulak", "vil-kyzyl-dobo"].map((id) => ({ id, name: id })),
        },
      },
    ];
    const add = async (kind: string, data: unknown) => {
      elements.push({ kind, data });
      return kind;
    };
    await seedSituation(add);
    await seedConsultations(add);
    const data = program(elements);
    expect(consultationsCompleteness(data)).toMatchObject({ done: 4, total: 4 });
    const hearing = (elements.at(-1)!.data as { meetings: Meeting[] }).meetings.find((m) => m.format === "public_hearing")!;
    expect(hearing).toMatchObject({ men: 91, women: 55, pwd: 4 });
    expect(hearing.men + hearing.women).toBe(146);
    expect(prioritiesOf(data).every((p) => p.problemId)).toBe(true);
  });
  it("the annex table lists meetings by date with totals", () => {
    const rows = meetingsByDate([
      meeting({ id: "late", date: "2024-11-01", men: 1, women: 2 }),
      meeting({ id: "early", date: "2024-01-01" }),
    ]);
    expect(rows.map((r) => r.id)).toEqual(["early", "late"]);
    const ctx = {
      sector: () => "",
      village: (id: string) => id,
      group: (id: string) => id,
      t: (k: string) => k,
      format: (id: string) => id,
      allVillages: "all",
      date: (d: string) => d,
    };
    const total = consultationsTable.columns.find((c) => c.id === "total")!;
    expect(total.accessor(rows[1], ctx)).toBe(3);
    expect(consultationsTable.columns.find((c) => c.id === "village")!.accessor(rows[1], ctx)).toBe("all");
  });
});
