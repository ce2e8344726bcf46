/**
 * What the task pane says while it starts and when it cannot (`startup.*`), and what the build
 * tells IT about its settings (`build.*`).
 *
 * The sentences of the ES5 start-up script are in ./legacy (kept apart: that script carries them
 * and nothing else of the catalogue).
 */
import { legacyEn, legacyZh } from "./legacy";

export const startupZh = {
  ...legacyZh,
  "startup.loading": "正在启动先教评议助手…",
  "startup.noScript": "先教评议助手需要运行脚本，但此窗口禁止了脚本。请联系管理员",
  "startup.officeMissing":
    "没有加载到 Office 的脚本库（office.js），先教评议助手无法连接 Excel。请关闭任务窗格后重新打开；如果仍然这样，请联系管理员检查加载项服务器上的 office-js 文件夹",
  "startup.officeFailed": "Office 的脚本库启动出错（{detail}），先教评议助手无法连接 Excel。请关闭任务窗格后重新打开；如果仍然这样，请联系管理员",
  "startup.officeSlow": "正在等待 Excel 响应…如果一直停在这里，请关闭任务窗格后重新打开",
  "startup.notInExcel": "这是 Excel 加载项“先教评议助手”的任务窗格，不能直接在浏览器中使用。请在 Excel 中打开：“开始”选项卡 → “先教评议”",
  "startup.wrongHost": "先教评议助手只能在 Excel 中使用（当前是 {host}）",
} as const;

export const startupEn: Record<keyof typeof startupZh, string> = {
  ...legacyEn,
  "startup.loading": "Starting Xianjiao Review…",
  "startup.noScript": "Xianjiao Review needs scripts, which this window does not allow. Ask your administrator",
  "startup.officeMissing":
    "Office's script library (office.js) did not load, so Xianjiao Review cannot reach Excel. Close the task pane and open it again; if this persists, ask your administrator to check the office-js folder on the add-in server",
  "startup.officeFailed": "Office's script library failed to start ({detail}), so Xianjiao Review cannot reach Excel. Close the task pane and open it again; if this persists, ask your administrator",
  "startup.officeSlow": "Waiting for Excel… if this does not go away, close the task pane and open it again",
  "startup.notInExcel": "This is the task pane of the Excel add-in Xianjiao Review; it does not work in a plain browser. Open it in Excel: Home tab → “先教评议”",
  "startup.wrongHost": "Xianjiao Review works in Excel only (this is {host})",
};

/** The production build's settings, said to whoever runs `npm run build`. */
export const buildZh = {
  "build.addinUrlMissing":
    "没有设置 ADDIN_URL：生产构建需要加载项将要发布到的 HTTPS 地址（dist/ 文件夹在服务器上的地址），例如 ADDIN_URL=https://oa.example.gov.cn/xianjiao/ npm run build；Windows PowerShell 中先执行 $env:ADDIN_URL=\"https://oa.example.gov.cn/xianjiao/\"",
  "build.addinUrlInvalid": "ADDIN_URL“{value}”不是完整的网址，请写成 https://服务器/路径/ 的形式，例如 https://oa.example.gov.cn/xianjiao/",
  "build.addinUrlNotHttps": "ADDIN_URL“{value}”必须以 https:// 开头：Office 只从 HTTPS 地址加载加载项",
  "build.addinUrlExtra": "ADDIN_URL“{value}”应为 dist/ 文件夹的地址，不能带用户名、密码、“?”查询或“#”片段",
  "build.addinUrlFile": "ADDIN_URL“{value}”应为 dist/ 文件夹的地址（以“/”结尾），不是其中某个文件",
  "build.officeJsInvalid": "OFFICE_JS“{value}”无效：只能是 cdn（先从微软 CDN 加载 Office.js，不通时改用加载项自带的副本）或 local（只用自带的副本）",
  "build.versionInvalid": "package.json 的版本号“{value}”不能写进清单：清单版本号只能是 1 到 4 段数字（如 1.2.0），每段不超过 5 位",
  "build.templateUrl": "manifest.xml 中的“{value}”不在开发地址 {base} 之下，无法换成 ADDIN_URL；请让清单里的所有网址都以同一个地址开头",
} as const;

export const buildEn: Record<keyof typeof buildZh, string> = {
  "build.addinUrlMissing":
    "ADDIN_URL is not set: the production build needs the HTTPS address the add-in will be served from (where dist/ will be on the server), e.g. ADDIN_URL=https://oa.example.gov.cn/xianjiao/ npm run build; in Windows PowerShell first run $env:ADDIN_URL=\"https://oa.example.gov.cn/xianjiao/\"",
  "build.addinUrlInvalid": "ADDIN_URL “{value}” is not a full address; write it as https://server/path/, e.g. https://oa.example.gov.cn/xianjiao/",
  "build.addinUrlNotHttps": "ADDIN_URL “{value}” must start with https://: Office loads add-ins from HTTPS addresses only",
  "build.addinUrlExtra": "ADDIN_URL “{value}” must be the address of the dist/ folder, without user name, password, “?” query or “#” fragment",
  "build.addinUrlFile": "ADDIN_URL “{value}” must be the address of the dist/ folder (ending in “/”), not of a file in it",
  "build.officeJsInvalid": "OFFICE_JS “{value}” is not valid: use cdn (Office.js from Microsoft's CDN, falling back to the add-in's own copy) or local (the add-in's own copy only)",
  "build.versionInvalid": "The version “{value}” in package.json cannot go into the manifest: a manifest version is 1 to 4 numbers (like 1.2.0) of at most 5 digits each",
  "build.templateUrl": "“{value}” in manifest.xml is not under the development address {base}, so it cannot be moved to ADDIN_URL; start every address in the manifest with the same address",
};
