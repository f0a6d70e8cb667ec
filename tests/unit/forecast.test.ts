/**
 * The baseline forecast (stage 4): which rows count as filled, how a linked indicator's final target
 * is compared with the forecast, and rule r05 on the compliance fixture.
 */
import { describe, expect, it } from "vitest";
import { evaluators } from "~/domain/compliance/evaluators";
import type { RuleResult } from "~/domain/compliance/types";
import { forecastRowsFilled, targetChecks, type ForecastData } from "~/domain/forecast";
import type { ProgramData } from "~/domain/program-data";
import { methodology } from "~/methodology/templates.server";
import { programWith, type Elements } from "./compliance-fixture";

/** The fixture program (2025–2029; outcome indicators i1 and i2, target 5 in 2029) with this forecast. */
const withForecast = (forecast: ForecastData | null, change: (e: Elements) => void = () => {}) =>
  programWith((e) => {
    if (forecast) e.fc = { kind: "forecast", data: forecast };
    else delete e.fc;
    change(e);
  });

const rule = methodology.compliance.rules.find((r) => r.evaluator === "targetsConsistentWithForecast")!;
const r05 = (data: ProgramData): RuleResult => evaluators[rule.evaluator](data, rule.params, { methodology });

describe("forecastRowsFilled", () => {
  it("counts rows with a figure for a program year; actuals alone and blanks do not count", () => {
    const data = withForecast({
      rows: {
        population: { values: { "2024": 100, "2027": 110 } },
        households: { values: { "2022": 20, "2024": 22 } },
        livestock: { values: { "2025": undefined, "2026": "" as never, "2027": " " as never } },
        // Typed but not yet parsed (the live form): a comma decimal still counts.
        preschool: { values: { "2029": "26,5" as never } },
        own_revenue: { values: { "2029": 0 } },
      },
    });
    expect(forecastRowsFilled(data)).toEqual(["population", "preschool", "own_revenue"]);
  });

  it("is empty without a forecast element", () => {
    expect(forecastRowsFilled(withForecast(null))).toEqual([]);
  });
});

describe("targetChecks", () => {
  const targets: Record<string, number> = { i1: 5, i2: 12 };
  const targetOf = (id: string, year: number) => (year === 2029 ? targets[id] : undefined);

  it("compares the final-year target of each linked row with its forecast", () => {
    const data = withForecast({
      rows: {
        drinking_water: { values: { "2028": 3, "2029": 4 }, indicatorId: "i1" },
        preschool: { values: { "2029": -8 }, indicatorId: "i2" },
        population: { values: { "2029": 100 } },
      },
    });
    expect(targetChecks(data, targetOf)).toEqual([
      { rowId: "drinking_water", indicatorId: "i1", year: 2029, forecast: 4, target: 5, deviation: 0.25 },
      // Measured against |forecast|, so a negative forecast keeps the sign of the gap.
      { rowId: "preschool", indicatorId: "i2", year: 2029, forecast: -8, target: 12, deviation: 2.5 },
    ]);
  });

  it("leaves out rows without a final-year forecast or a target, and links to unknown indicators", () => {
    const data = withForecast({
      rows: {
        drinking_water: { values: { "2028": 4 }, indicatorId: "i1" },
        preschool: { values: { "2029": 3 }, indicatorId: "gone" },
        households: { values: { "2029": 3 }, indicatorId: "i2" },
      },
    });
    expect(targetChecks(data, (id, y) => (id === "gone" ? undefined : targetOf(id, y))).map((c) => c.rowId)).toEqual(["households"]);
  });

  it("gives an infinite deviation for a non-zero target against a zero forecast, none for zero against zero", () => {
    const data = withForecast({
      rows: { own_revenue: { values: { "2029": 0 }, indicatorId: "i1" }, preschool: { values: { "2029": 0 }, indicatorId: "i2" } },
    });
    const checks = targetChecks(data, (id) => (id === "i1" ? 5 : 0));
    expect(checks.map((c) => c.deviation)).toEqual([Infinity, 0]);
  });
});

describe("rule r05: targets consistent with the forecast", () => {
  it("fails without a program-year forecast, pointing to the forecast page", () => {
    for (const data of [withForecast(null), withForecast({ rows: { population: { values: { "2024": 100 } } } })]) {
      const result = r05(data);
      expect(result.status).toBe("fail");
      expect(result.evidence).toEqual([{ key: "evidence.forecastMissing", href: "/programs/1/situation/forecast" }]);
    }
  });

  it("fails when a target is further from the forecast than maxTrendDeviation, naming the indicator", () => {
    expect(rule.params.maxTrendDeviation).toBe(0.5);
    const result = r05(
      withForecast({
        rows: { drinking_water: { values: { "2029": 2 }, indicatorId: "i1" }, preschool: { values: { "2029": 4.5 }, indicatorId: "i2" } },
      }),
    );
    expect(result.status).toBe("fail");
    expect(result.evidence).toEqual([
      {
        key: "evidence.targetFarFromForecast",
        values: {
          number: "1.1.1.a",
          indicator: "Суу менен камсыздалган үйлөрдүн үлүшү",
          target: 5,
          forecast: 2,
          year: 2029,
          share: 150,
          max: 50,
        },
        elementId: "i1",
        href: "/programs/1/indicators/i1",
      },
    ]);
  });

  it("counts a target far below the forecast too, and a zero forecast without a share", () => {
    const below = r05(withForecast({ rows: { drinking_water: { values: { "2029": 20 }, indicatorId: "i1" } } }));
    expect(below.status).toBe("fail");
    expect(below.evidence[0].values).toMatchObject({ target: 5, forecast: 20, share: 75 });
    const zero = r05(withForecast({ rows: { drinking_water: { values: { "2029": 0 }, indicatorId: "i1" } } }));
    expect(zero.status).toBe("fail");
    expect(zero.evidence[0]).toMatchObject({ key: "evidence.targetFromZeroForecast", elementId: "i1" });
    expect(zero.evidence[0].values).not.toHaveProperty("share");
  });

  it("passes when every linked target is within maxTrendDeviation of the forecast (the limit included)", () => {
    const result = r05(
      withForecast({
        rows: { drinking_water: { values: { "2029": 4 }, indicatorId: "i1" }, preschool: { values: { "2029": 10 }, indicatorId: "i2" } },
      }),
    );
    expect(result.status).toBe("pass");
    expect(result.evidence).toEqual([{ key: "evidence.targetsNearForecast", values: { count: 2, year: 2029, max: 50 } }]);
  });

  it("passes with a note when the forecast exists but no row is linked to an outcome target", () => {
    // i2 moved under an action is an output indicator now: its old link no longer counts.
    const data = withForecast(
      { rows: { population: { values: { "2029": 100 } }, preschool: { values: { "2029": 100 }, indicatorId: "i2" } } },
      (e) => {
        e.i2 = { ...e.i2, parent: "a1", data: { ...e.i2.data, type: "output" } };
      },
    );
    const result = r05(data);
    expect(result.status).toBe("pass");
    expect(result.evidence).toEqual([
      { key: "evidence.forecastNoLinkedTargets", values: { year: 2029 }, href: "/programs/1/situation/forecast" },
    ]);
  });
});
