// The address the add-in is built for (`npm run build -- --env PUBLIC_URL=…`), shared by
// webpack.config.js and its tests. CommonJS because webpack.config.js is.
"use strict";

const DEV_PORT = 3000;
/** The address manifest.xml is written for: the dev server unless the build names another. */
const DEV_URL = `https://localhost:${DEV_PORT}`;

/**
 * `npm run build -- --env PUBLIC_URL=https://intranet.example.gov.cn/perf` writes every URL of
 * the manifest for the intranet site that will serve dist/web/. Office loads add-ins over https
 * only, so anything else is refused here rather than at sideload time.
 */
function publicUrl(env) {
  const wanted = env && typeof env.PUBLIC_URL === "string" ? env.PUBLIC_URL : DEV_URL;
  let url;
  try {
    url = new URL(wanted);
  } catch {
    throw new Error(`PUBLIC_URL 不是有效的网址：“${wanted}”，应形如 https://内网地址/perf`);
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `PUBLIC_URL 必须以 https:// 开头（Office 只加载 https 的加载项），收到“${wanted}”`,
    );
  }
  if (url.search || url.hash) {
    throw new Error(`PUBLIC_URL 不能带 ? 或 # 部分，收到“${wanted}”`);
  }
  return url.href.replace(/\/+$/, "");
}

/** manifest.xml with the dev address replaced: URLs by the site's, AppDomain by its origin. */
function manifestFor(content, siteUrl) {
  const origin = new URL(siteUrl).origin;
  return content
    .toString()
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(siteUrl);
}

module.exports = { DEV_PORT, DEV_URL, manifestFor, publicUrl };
