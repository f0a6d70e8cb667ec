import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import { buildProgramData, type ProgramMeta } from "~/domain/program-data";
import {
  consultationParticipation,
  decisionShares,
  gapOf,
  genderActionCheck,
  genderCompleteness,
  genderGapsFormSchema,
  genderHarvardFormSchema,
  genderProfile,
} from "~/domain/gender";
import { genderGapChartData, genderGapChartSvg } from "~/domain/gender-chart";
import { genderGapsTable, genderGapTableRows } from "~/domain/tables/gender-gaps";
import { methodology } from "~/methodology/templates.server";

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
function program(elements: { kind: string; data: unknown; id?: string }[]) {
  return buildProgramData(
    meta,
    elements.map((e, i) => ({ id: e.id ?? `e${i}`, kind: e.kind, parent_id: null, position: i, version: 1, data: JSON.stringify(e.data) })),
  );
}
const tpl = { profileRows: methodology.gender.profileRows, ageBands: methodology.reference.ageBands };
const passport = [
  {
    kind: "passport_population",
    data: {
      villages: [
        {
          id: "v1",
          name: "Кок-Жайык",
          byAge: { "0-2": { m: 300, f: 280 }, "16-29": { m: 900, f: 850 } },
          households: 1200,
          femaleHeaded: 200,
        },
        { id: "v2", name: "Тал-Булак", byAge: { "0-2": { m: 235, f: 225 } }, households: 400, femaleHeaded: 80 },
      ],
    },
  },
  {
    kind: "passport_economy",
    data: { rows: { individual_entrepreneurs: { total: 412, men: 292, women: 120 }, neet_youth: { men: 270, women: 475 } } },
  },
  { kind: "passport_vulnerable", data: { rows: [{ groupId: "pwd", total: 448, male: 241, female: 207 }] } },
];

describe("gap computation", () => {
  it("gap is women − men and ratio women / men, null when a side is missing", () => {
    expect(gapOf({ women: 31, men: 17 })).toEqual({ gap: 14, ratio: 1.824 });
    expect(gapOf({ women: 5.0, men: 1.6 })).toEqual({ gap: 3.4, ratio: 3.125 });
    expect(gapOf({ women: 0, men: 5 })).toEqual({ gap: -5, ratio: 0 });
    expect(gapOf({ women: 1.6 })).toEqual({ gap: null, ratio: null });
    expect(gapOf({ women: 3, men: 0 })).toEqual({ gap: 3, ratio: null });
  });
  it("the T10 table resolves labels and computes the gap column", () => {
    const rows = genderGapTableRows(
      [{ id: "g1", domain: "economy", indicator: "NEET", women: 31, men: 17, unit: "%", needType: "strategic", actionIds: ["a1", "gone"] }],
      {
        domain: (id) => `D:${id}`,
        needType: (id) => `N:${id}`,
        action: (id) => (id === "a1" ? "Training" : undefined),
      },
    );
    const byCol = Object.fromEntries(genderGapsTable.map((c) => [c.id, c.accessor(rows[0])]));
    expect(byCol).toMatchObject({ domain: "D:economy", women: 31, men: 17, gap: 14, needType: "N:strategic", actions: "Training" });
  });
  it("a gap row cannot carry an unknown need type", () => {
    const fd = new FormData();
    fd.set("version", "0");
    fd.set("gaps[0].indicator", "NEET");
    fd.set("gaps[0].needType", "other");
    const r = parseWithZod(fd, { schema: genderGapsFormSchema(methodology.gender) });
    expect(r.status).toBe("error");
  });
});

describe("profile from the passport", () => {
  it("sums villages by age band and sex, derives male-headed households and reads economy and PWD rows", () => {
    const { rows, hasData } = genderProfile(program(passport), tpl);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(hasData).toBe(true);
    expect(byId["age:0-2"]).toMatchObject({ women: 505, men: 535, total: 1040 });
    expect(byId["age:3-6"]).toMatchObject({ women: null, men: null, total: null });
    expect(byId["age:total"]).toMatchObject({ women: 1355, men: 1435, total: 2790 });
    expect(byId.female_headed).toMatchObject({ women: 280, men: 1320, total: 1600 });
    expect(byId.entrepreneurs).toMatchObject({ women: 120, men: 292, total: 412 });
    expect(byId.neet).toMatchObject({ women: 475, men: 270, total: 745 });
    expect(byId.pwd).toMatchObject({ women: 207, men: 241, total: 448 });
    expect(byId.unemployed).toMatchObject({ women: null, men: null, total: null });
  });
  it("is empty (—) with no passport", () => {
    const { rows, hasData } = genderProfile(program([]), tpl);
    expect(hasData).toBe(false);
    expect(rows.every((r) => r.total === null)).toBe(true);
  });
  it("maps profile rows to passport rows and groups that exist", () => {
    const economy = methodology.passport.economy.rows.map((r) => r.id);
    const groups = methodology.reference.vulnerableGroups.map((g) => g.id);
    for (const r of methodology.gender.profileRows) {
      if (r.source === "economy") expect(economy).toContain(r.rowId);
      if (r.source === "vulnerable") expect(groups).toContain(r.rowId);
    }
  });
});

describe("decision-making, participation and the action check", () => {
  it("computes shares of women", () => {
    const d = program([
      { kind: "gender", data: { decisionBodies: { kenesh_deputies: { women: 5, total: 15 }, village_heads: { women: 0, total: 5 } } } },
      {
        kind: "consultations",
        data: {
          meetings: [
            { men: 91, women: 55 },
            { men: 10, women: 30 },
          ],
        },
      },
    ]);
    const shares = decisionShares(d.byKind.gender[0].data as never, methodology.gender.decisionBodies);
    expect(shares.find((s) => s.bodyId === "kenesh_deputies")!.share).toBeCloseTo(1 / 3);
    expect(shares.find((s) => s.bodyId === "village_heads")!.share).toBe(0);
    expect(shares.find((s) => s.bodyId === "water_users")!.share).toBeNull();
    expect(consultationParticipation(d)).toMatchObject({ women: 85, men: 101, meetings: 2 });
    expect(consultationParticipation(d).share).toBeCloseTo(85 / 186);
  });
  it("refuses more women than members", () => {
    const fd = new FormData();
    fd.set("version", "0");
    fd.set("decisionBodies.kenesh_deputies.women", "16");
    fd.set("decisionBodies.kenesh_deputies.total", "15");
    const r = parseWithZod(fd, { schema: genderHarvardFormSchema(methodology.gender) });
    expect(r.status).toBe("error");
    expect(r.reply().error?.["decisionBodies.kenesh_deputies.women"]).toEqual(["inclusion:gender.errors.womenAboveTotal"]);
  });
  it("counts actions by gender tag, unpaid care and beneficiaries", () => {
    const d = program([
      { kind: "action", id: "a1", data: { title: "Water", genderTag: "sensitive", beneficiaries: { women: 1100, men: 1050 } } },
      { kind: "action", id: "a2", data: { title: "Ashar", genderTag: "neutral", addsUnpaidCare: true, beneficiaries: { women: 10 } } },
      { kind: "action", id: "a3", data: { title: "Untagged" } },
    ]);
    const c = genderActionCheck(d, methodology.gender.genderTags);
    expect(c.total).toBe(3);
    expect(c.byTag).toEqual({ neutral: 1, sensitive: 1, transformative: 0, none: 1 });
    expect(c.addsUnpaidCare).toEqual([{ id: "a2", title: "Ashar" }]);
    expect(c.beneficiaries).toEqual({ women: 1110, men: 1050 });
    expect(genderActionCheck(program([]), methodology.gender.genderTags).total).toBe(0);
  });
});

describe("gender completeness", () => {
  it("needs profile data, both Harvard profiles and ≥3 gaps each with a need type", () => {
    const activities = Object.fromEntries(methodology.gender.activities.map((a) => [a.id, "both"]));
    const resources = Object.fromEntries(methodology.gender.resources.map((r) => [r.id, { accessWomen: true }]));
    const gap = (id: string, needType?: string) => ({ id, indicator: id, women: 1, men: 2, needType, actionIds: [] });
    const full = { activities, resources, gaps: [gap("a", "practical"), gap("b", "strategic"), gap("c", "practical")] };
    expect(genderCompleteness(program([...passport, { kind: "gender", data: full }]), methodology)).toMatchObject({ done: 3, total: 3 });
    const missingNeed = { ...full, gaps: [...full.gaps, gap("d")] };
    expect(genderCompleteness(program([...passport, { kind: "gender", data: missingNeed }]), methodology).done).toBe(2);
    expect(genderCompleteness(program([{ kind: "gender", data: { ...full, resources: {} } }]), methodology).done).toBe(1);
  });
});

describe("gap chart", () => {
  const rows = [
    { id: "g1", indicator: "NEET 16–29 <youth>", women: 31, men: 17, unit: "%" },
    { id: "g2", indicator: "Суу ташуу", women: 1.6, unit: "саат/күн" },
    { id: "g3", indicator: "No figures" },
  ];
  const labels = {
    title: "Гендердик ажырымдар",
    desc: "Аялдар жана эркектер",
    women: "Аялдар",
    men: "Эркектер",
    formatNumber: (v: number) => String(v).replace(".", ","),
  };
  it("draws a bar pair per row with values, each pair on its own scale", () => {
    const bars = genderGapChartData(rows);
    expect(bars.map((b) => b.id)).toEqual(["g1", "g2"]);
    expect(bars[0]).toMatchObject({ womenShare: 1, gap: 14 });
    expect(bars[0].menShare).toBeCloseTo(17 / 31);
    expect(bars[1]).toMatchObject({ womenShare: 1, menShare: 0, men: null });
  });
  it("returns SVG with a <title>, <desc>, the labels in the UI language and escaped text", () => {
    const svg = genderGapChartSvg(rows, labels);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('<title id="gender-gap-chart-title">Гендердик ажырымдар</title>');
    expect(svg).toContain("<desc");
    expect(svg).toContain("Аялдар");
    expect(svg).toContain("Эркектер");
    expect(svg).toContain("NEET 16–29 &lt;youth&gt; (%)");
    expect(svg).toContain("1,6");
    expect(svg).not.toContain("style=");
    expect(svg.match(/<rect /g)!.length).toBe(2 + 4);
  });
});
