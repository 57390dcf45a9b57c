import type { IndicatorRow } from "../forms/model";
import { sumScores } from "../scoring";
import { level1Group, numberOf, type Level1Group } from "./fields";
import type { Rule } from "./types";

type GuidedGroup = Exclude<Level1Group, "成本指标">;

/** The groups the profile's guidance covers, in form order. */
const GUIDED: readonly GuidedGroup[] = ["产出指标", "效益指标", "满意度指标"];

interface GroupWeights {
  firstRow: IndicatorRow;
  weights: number[];
}

/**
 * Decision: the guidance (产出 50 / 效益 30 / 满意度 10) predates the 2021 first-level 成本指标, so
 * such a group is not compared with anything; its weight is named in the 产出 hint, where it used
 * to belong, so the reader sees why 产出 may fall short.
 */
export const level1Weights: Rule = {
  meta: {
    id: "level1-weights",
    severity: "info",
    description: "产出、效益、满意度指标的分值与评分规则的建议分配（50 / 30 / 10）不同",
  },
  check({ form, profile, report }) {
    const groups = new Map<Level1Group, GroupWeights>();
    for (const row of form.indicators?.rows ?? []) {
      const group = level1Group(row.level1);
      if (group === undefined) continue;
      let entry = groups.get(group);
      if (entry === undefined) {
        entry = { firstRow: row, weights: [] };
        groups.set(group, entry);
      }
      const weight = numberOf(row.weight);
      if (weight !== undefined) entry.weights.push(weight);
    }
    const guidance = profile.level1Weights;
    const guidanceText = GUIDED.map(
      (group) => `${group.replace("指标", "")} ${guidance[group]}`,
    ).join(" / ");
    const cost = groups.get("成本指标");
    const costSum = cost && cost.weights.length > 0 ? sumScores(cost.weights) : undefined;
    for (const group of GUIDED) {
      const entry = groups.get(group);
      // No numeric weight at all: required-field reports the empty cells.
      if (entry === undefined || entry.weights.length === 0) continue;
      const sum = sumScores(entry.weights);
      const suggested = guidance[group];
      if (Math.abs(sum - suggested) < 1e-9) continue;
      const costNote =
        group === "产出指标" && costSum !== undefined
          ? `（另有一级“成本指标”合计 ${costSum} 分；该建议中成本指标归在产出指标内）`
          : "";
      report({
        cell: entry.firstRow.weight.address,
        message:
          `一级指标“${group}”的分值合计 ${sum}，评分规则“${profile.label}”建议为 ${suggested}` +
          `（${guidanceText}）${costNote}；这只是提示，如无特殊要求可按建议调整分值分配`,
        expected: String(suggested),
        actual: String(sum),
      });
    }
  },
};
