/** The PERF functions users can type in a cell, with what each returns (a reminder, folded). */
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  details: { color: tokens.colorNeutralForeground2 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const FUNCTION_SUMMARY: ReadonlyArray<[string, string]> = [
  ["PERF.RATE(全年预算数, 全年执行数)", "预算执行率"],
  ["PERF.RATESCORE(执行率, [分值], [评分方案])", "执行率得分"],
  ["PERF.SCORE(年度指标值, 实际完成值, 分值, [方向])", "指标得分"],
  ["PERF.TOTAL(得分…)", "总分"],
  ["PERF.GRADE(总分)", "评分等级"],
  ["PERF.DEVIATION(年度指标值, 实际完成值)", "偏差率"],
  ["PERF.VALUE(文本)", "读取文本中的数字"],
];

export function FunctionList() {
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>可用的自定义函数</summary>
      <ul className={styles.list}>
        {FUNCTION_SUMMARY.map(([call, meaning]) => (
          <li key={call}>
            <Body1>{call}</Body1> <Caption1>— {meaning}</Caption1>
          </li>
        ))}
      </ul>
    </details>
  );
}
