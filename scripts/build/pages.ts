import { createHash } from "node:crypto";
import { DEFAULT_RULES, STAGE_PRESETS, type RuleSet } from "../../src/engine/rules";
import { HIGHLIGHT_COLOURS, RESULT_HEADERS, SHEET_NAMES, type Highlight } from "../../src/engine/plan/types";
import { escapeHtml, markdownToHtml } from "./markdown";

/** The support pages' file names in dist/ (the manifest's SupportUrl is the first). */
export const SUPPORT_PAGE = "support.html";
export const RULES_PAGE = "rules.html";
/** The pages' icon: one of the manifest's, so it is in dist/ beside them. */
const ICON = "assets/icon-32.png";

const STYLE = `
body { margin: 0; font: 15px/1.7 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1f1f1f; background: #fafafa; }
main { max-width: 52em; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; } h3 { font-size: 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; } th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } code { background: #f3f3f3; padding: 0 3px; } .note { color: #555; }
${(Object.keys(HIGHLIGHT_COLOURS) as Highlight[]).map((c) => `.${c} { background: ${HIGHLIGHT_COLOURS[c].fill}; color: ${HIGHLIGHT_COLOURS[c].font}; white-space: nowrap; }`).join("\n")}
`.trim();

/** A static page with no script at all: its CSP allows its own <style> (by hash) and same-site images only. */
export function htmlPage(title: string, body: string): string {
  const styleHash = createHash("sha256").update(STYLE).digest("base64");
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${ICON}">
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The rules document (docs/评议规则.md) as a page beside the support page. */
export function rulesPage(markdown: string): string {
  const body = markdownToHtml(markdown).replace(/^<h1>/, `<p><a href="${SUPPORT_PAGE}">← 使用说明</a></p>\n<h1>`);
  return htmlPage("先教评议助手的评议规则", body);
}

/** What each colour of our result cells means, with texts the add-in writes that get it (checked by a test). */
export const COLOUR_GUIDE: { colour: Highlight; name: string; meaning: string; samples: string[] }[] = [
  { colour: "red", name: "红色", meaning: "需要组织处理的情况", samples: ["不合格", "未提出书面申请", "连续六个月不参加组织生活，按党章第九条视为自行脱党", "依照党章和《中国共产党纪律处分条例》处理", "组织处置：限期改正"] },
  { colour: "amber", name: "黄色", meaning: "需要跟进或等待决定", samples: ["基本合格", "合格（待审批）", "未达标", "重点帮助，重新撰写党性分析材料", "诫勉谈话", "复核评优资格", "补学：学时", "延长预备期或取消预备党员资格"] },
  { colour: "green", name: "绿色", meaning: "没有问题", samples: ["合格", "表彰"] },
  { colour: "deepGreen", name: "深绿色", meaning: "评为优秀", samples: ["优秀"] },
  { colour: "grey", name: "灰色", meaning: "等次尚未形成，待支委会研究", samples: ["待定"] },
  { colour: "blue", name: "浅蓝色", meaning: "预备党员不评定等次", samples: ["不评定"] },
];

const share = (value: number) => (Math.abs(value - 1 / 3) < 1e-9 ? "三分之一" : Math.abs(value - 0.5) < 1e-9 ? "半数" : `${Math.round(value * 100)}%`);

function rulesSummary(rules: RuleSet): string {
  const stages = STAGE_PRESETS[rules.stages.scheme === "四阶段" ? "四阶段" : "三阶段"];
  const items = [
    `学习学时不少于 ${rules.study.minHours} 学时，集中学习不少于 ${rules.study.minConcentratedDays} 天（R1、R2）`,
    rules.attendance.minRate === null ? "考勤：默认不检查，单位可以设定出勤率下限（R3）" : `考勤：出勤率不低于 ${rules.attendance.minRate}%（R3）`,
    `连续 ${rules.absence.maxMonths} 个月不参加组织生活的，按党章第九条视为自行脱党，由支部确认（R4）`,
    `测评满意度低于 ${rules.satisfaction.rewriteBelow} 的，重点帮助、重新撰写党性分析材料（R5）`,
    "没有提交书面申请的，原则上按自愿退党或自行脱党处理，由支部确认（R6）",
    `民主评议表决：实到人数须超过应到人数的${share(rules.ballot.quorumShare)}；赞成票或某一等次的得票超过应到人数的${share(rules.ballot.passShare)}才形成初步等次（R7—R10）`,
    "经上级党委审批（和公示）后才是最终等次，否则标“待审批”（“待公示”）；预备党员不评定等次（R11、R12）",
    `每个支部的优秀人数一般不超过正式党员的${share(rules.excellent.maxShare)}，超出只提示、不改等次（R15）`,
    `阶段：${stages.map((s) => `${s.name} ${s.days} 天`).join(" → ")}（默认${rules.stages.scheme === "四阶段" ? "四" : "三"}阶段方案，可在“规则设置”中修改）`,
  ];
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

/** The support page (the manifest's SupportUrl), in Chinese. */
export function supportPage(options: { contact: string; version: string; officeJs: "cdn" | "local" }): string {
  const sheets = [SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.issues, SHEET_NAMES.about].map((name) => `“${name}”`).join("、");
  const colours = COLOUR_GUIDE.map(
    (row) => `<tr><td><span class="${row.colour}">${row.name}</span></td><td>${escapeHtml(row.meaning)}</td><td>${row.samples.map((s) => `<span class="${row.colour}">${escapeHtml(s)}</span>`).join(" ")}</td></tr>`,
  ).join("");
  const downloads =
    options.officeJs === "local"
      ? "任务窗格只从安装本加载项的单位服务器下载程序文件"
      : "任务窗格只从安装本加载项的单位服务器和微软的 Office.js 地址（appsforoffice.microsoft.com）下载程序文件";
  const body = `
<h1>先教评议助手 · 使用说明</h1>
<p class="note">Excel 加载项，版本 ${escapeHtml(options.version)}</p>

<h2>它做什么</h2>
<p>先教评议助手读取您自己的党员台账（名单、学时、满意度测评、民主评议表决等工作表，按原样读取，不要求固定格式），
按先进性教育活动的评议规则逐人检查，把结果写在名单右侧新加的结果列（${RESULT_HEADERS.join("、")}）中并标上颜色，
另外生成${sheets}等工作表，还可以导出一份汇总工作簿报送上级。</p>
<p>它<strong>从不改动您自己填写的单元格</strong>：结果只写在它自己的列和工作表中，重新评议时整体替换；您在结果列中手工改过的内容会保留。</p>

<h2>使用步骤</h2>
<ol>
<li>在 Excel 中打开台账工作簿，在“开始”选项卡点击“先教评议”，右侧打开任务窗格。</li>
<li><strong>识别结果</strong>：检查找到的名单表、表头所在行和各列的对应关系；没认出的列可以在“查看和修改列对应”中指定。</li>
<li>点击<strong>评议</strong>。结果列、颜色和汇总工作表写入工作簿；表格很大时会显示进度，可以取消。</li>
<li><strong>评议结果</strong>：查看等次统计、各支部情况和数据问题清单；点击一条数据问题，Excel 会跳到那个单元格。改正原表后再点“评议”即可。</li>
<li><strong>导出汇总工作簿</strong>：生成只含支部汇总、阶段汇总、单位测评和说明的工作簿（不含证件号和个人问题清单），保存后报送上级；点旁边的<strong>生成邮件</strong>，得到附有这份汇总工作簿的邮件草稿，用 Outlook 或 Foxmail 打开即可发送。</li>
<li><strong>规则设置</strong>：单位的阈值、阶段方案、单位名称和上报邮箱保存在本工作簿中，随文件一起保存和传递。</li>
<li><strong>汇总上报</strong>（上级单位用）：一次选择各单位报来的汇总工作簿，在本机读取、不上传，合并写入当前工作簿；不是汇总表、重复报送或规则不同的文件会逐个说明，不合并。</li>
</ol>
<p>登记表（评议-登记表）、各汇总表都已按 A4 设好打印：每页重复标题和表头，页脚有页码，可以直接打印。</p>
<p>评议后请保存工作簿（Ctrl+S）：结果和规则设置都在工作簿里。</p>

<h2>颜色的含义</h2>
<table><thead><tr><th>颜色</th><th>表示</th><th>例如</th></tr></thead><tbody>${colours}</tbody></table>
<p>颜色是 Excel 的条件格式：手工修改等次后，颜色会跟着变化。</p>

<h2>评议规则</h2>
<p>默认规则如下（单位可以在“规则设置”中修改）：</p>
${rulesSummary(DEFAULT_RULES)}
<p>空白的单元格按“未录入”处理，不会被当作“否”或 0；缺少某一列时，相应规则不启用并会写明。
每条规则、默认值和依据见<a href="${RULES_PAGE}">《评议规则》全文</a>。</p>

<h2>数据去向</h2>
<p>先教评议助手不把工作簿的任何内容发往网络：读表、评议、汇总和导出都在您电脑上的 Excel 中完成，${downloads}，
网页的内容安全策略禁止它向任何地方发送数据。导出的汇总工作簿保存在您选择的位置，由您自己报送。
（工作簿本身存放在哪里，由您和单位决定；例如在 Excel 网页版中打开的工作簿本来就存放在 OneDrive 或 SharePoint 上。）</p>

<h2>遇到问题找谁</h2>
<p>${escapeHtml(options.contact)}</p>
<p class="note">联系时请说明：任务窗格中显示的原话、Excel 的版本（“文件”→“账户”→“关于 Excel”）和出问题的工作簿（如可以提供）。</p>
`;
  return htmlPage("先教评议助手 · 使用说明", body.trim());
}
