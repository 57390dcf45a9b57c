import {
  Body1,
  Button,
  Caption1,
  Card,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  functions: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

/** The PERF functions users can type today, with what each returns. */
const FUNCTION_SUMMARY: ReadonlyArray<[string, string]> = [
  ["PERF.RATE(全年预算数, 全年执行数)", "预算执行率"],
  ["PERF.RATESCORE(执行率, [分值], [评分方案])", "执行率得分"],
  ["PERF.SCORE(年度指标值, 实际完成值, 分值, [方向])", "指标得分"],
  ["PERF.TOTAL(得分…)", "总分"],
  ["PERF.GRADE(总分)", "评分等级"],
  ["PERF.DEVIATION(年度指标值, 实际完成值)", "偏差率"],
  ["PERF.VALUE(文本)", "读取文本中的数字"],
];

export interface AppProps {
  /** Office host the pane runs in ("Excel"), undefined in a plain browser. */
  hostName: string | undefined;
}

export function App({ hostName }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title2 as="h1">绩效自评助手</Title2>
        <Body1>
          帮助填报和审核《项目支出绩效自评表》：在单元格中使用 PERF
          自定义函数计算执行率、得分和评分等级。
        </Body1>
        <Card>
          <Subtitle2 as="h2">可用的自定义函数</Subtitle2>
          <ul className={styles.functions}>
            {FUNCTION_SUMMARY.map(([call, meaning]) => (
              <li key={call}>
                <Body1>{call}</Body1> <Caption1>— {meaning}</Caption1>
              </li>
            ))}
          </ul>
        </Card>
        <MessageBar intent="info">
          <MessageBarBody>表格校验、标记和空白模板将在后续版本提供。</MessageBarBody>
        </MessageBar>
        <Button appearance="primary" disabled>
          校验当前工作表（即将推出）
        </Button>
        {hostName === undefined && (
          <Caption1>未检测到 Excel 或 WPS：当前在普通浏览器中打开，表格功能不可用。</Caption1>
        )}
      </main>
    </FluentProvider>
  );
}
