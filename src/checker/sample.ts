/** The sample workbook copied into the build beside checker.html (webpack.config.js). */
export const SAMPLE_FILE = "示例-北京丰台2023.xlsx";
export const SAMPLE_URL = `samples/${encodeURIComponent(SAMPLE_FILE)}`;

/** Fetches the embedded sample from the page's own server (relative URL: nothing leaves it). */
export async function loadSample(): Promise<File> {
  let response: Response;
  try {
    response = await fetch(SAMPLE_URL);
  } catch (error) {
    throw new Error(
      "无法载入示例工作簿：请通过网页服务器打开本页（直接双击打开的页面不能载入示例）",
      {
        cause: error,
      },
    );
  }
  if (!response.ok) {
    throw new Error(
      `无法载入示例工作簿（服务器返回 ${response.status}）：请确认部署时复制了 samples 文件夹`,
    );
  }
  const bytes = await response.arrayBuffer();
  // A File, as picked ones are: it is sent to the checker's worker as it is.
  return new File([bytes], SAMPLE_FILE);
}
