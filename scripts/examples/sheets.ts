import type ExcelJS from "exceljs";
import { BRANCHES, ORPHAN, type SampleMember } from "./people";
import { Prng } from "./prng";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function title(ws: ExcelJS.Worksheet, text: string, lastCol: number): void {
  ws.getCell(1, 1).value = text;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.getRow(1).height = 28;
}

function headerStyle(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  }
}

const ROSTER_HEADERS = ["序号", "姓名", "身份证号", "所在支部", "党员类别", "学时（小时）", "集中学习天数", "连续未参加组织生活月数", "党性分析材料", "书面申请", "整改落实", "推荐优秀"];

/** 党员名单: merged title, a subtitle, synonym headers, ~80 rows, a 合计 row and a signature line. */
export function rosterSheet(wb: ExcelJS.Workbook, members: SampleMember[]): void {
  const ws = wb.addWorksheet("党员名单");
  const n = ROSTER_HEADERS.length;
  title(ws, "XX县直机关先进性教育活动党员评议台账", n);
  ws.getCell("A2").value = "填报单位：XX县直机关工委（第一批）";
  ws.getRow(3).values = ROSTER_HEADERS;
  headerStyle(ws.getRow(3), 1, n);
  ws.getColumn(3).numFmt = "@";
  members.forEach((m, i) => {
    const row = ws.getRow(4 + i);
    row.values = [i + 1, m.name, m.id, m.branch, m.category, m.hours, m.days, m.monthsAbsent, m.analysis, m.application, m.rectified, m.nominated];
    if (typeof m.id === "number") row.getCell(3).numFmt = "0";
  });
  const last = 3 + members.length;
  const hours = members.reduce((s, m) => s + (typeof m.hours === "number" ? m.hours : 0), 0);
  const total = ws.getRow(last + 1);
  total.getCell(1).value = "合计";
  total.getCell(6).value = { formula: `SUM(F4:F${last})`, result: hours };
  total.font = { bold: true };
  ws.getCell(last + 2, 1).value = "填表人：李明　　审核人：王芳　　填表日期：2025年3月20日";
  ws.mergeCells(last + 2, 1, last + 2, n);
  [6, 10, 22, 24, 10, 12, 12, 14, 12, 10, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 3 }];
}

/** 满意度测评: two-row header (测评票数 over 满意…不满意), a 满意率 in percent for some branches. */
export function scoreSheet(wb: ExcelJS.Workbook, members: SampleMember[]): void {
  const ws = wb.addWorksheet("满意度测评");
  title(ws, "党员党性分析群众满意度测评汇总表", 8);
  ws.getRow(2).values = ["序号", "姓名", "所在支部", "测评票数", null, null, null, "满意率"];
  ws.getRow(3).values = [null, null, null, "满意", "比较满意", "基本满意", "不满意"];
  for (const [from, to] of [["A2", "A3"], ["B2", "B3"], ["C2", "C3"], ["D2", "G2"], ["H2", "H3"]]) ws.mergeCells(`${from}:${to}`);
  headerStyle(ws.getRow(2), 1, 8);
  headerStyle(ws.getRow(3), 1, 8);
  const withRate = new Set<string>(BRANCHES.filter((b) => b.rateColumn).map((b) => b.name));
  const rows = members.map((m) => ({ name: m.name, branch: m.scoreBranch, v: m.votes }));
  rows.splice(30, 0, { name: ORPHAN.name, branch: ORPHAN.branch, v: { satisfied: 15, fairly: 3, basic: 1, dissatisfied: 0 } });
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = [i + 1, r.name, r.branch, r.v.satisfied, r.v.fairly, r.v.basic, r.v.dissatisfied];
    if (withRate.has(r.branch)) {
      const all = r.v.satisfied + r.v.fairly + r.v.basic + r.v.dissatisfied;
      row.getCell(8).value = Math.round(((all - r.v.dissatisfied) / all) * 1000) / 1000;
      row.getCell(8).numFmt = "0.0%";
    }
  });
  [6, 10, 22, 8, 10, 10, 8, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** 民主评议表决: 支部建议等次, 应到/实到, a two-row 表决 header over 赞成/反对/弃权, 上级审批. */
export function ballotSheet(wb: ExcelJS.Workbook, members: SampleMember[]): void {
  const ws = wb.addWorksheet("民主评议表决");
  const rng = new Prng(91);
  title(ws, "民主评议党员表决情况登记表", 9);
  ws.getRow(2).values = ["序号", "姓名", "所在支部", "支部建议等次", "应到人数", "实到人数", "表决", null, null, "上级审批"];
  ws.getRow(3).values = [null, null, null, null, null, null, "赞成", "反对", "弃权"];
  for (const [from, to] of [["A2", "A3"], ["B2", "B3"], ["C2", "C3"], ["D2", "D3"], ["E2", "E3"], ["F2", "F3"], ["G2", "I2"], ["J2", "J3"]]) ws.mergeCells(`${from}:${to}`);
  headerStyle(ws.getRow(2), 1, 10);
  headerStyle(ws.getRow(3), 1, 10);
  const sizes = new Map<string, number>(BRANCHES.map((b) => [b.name, b.size]));
  let r = 4;
  for (const m of members) {
    if (m.category === "预备党员") continue;
    const due = (sizes.get(m.scoreBranch) ?? 10) - 1;
    // 离退休党支部 met with too few members: the ballot is void (not more than half present)
    const present = m.scoreBranch === "离退休党支部" ? Math.floor(due / 2) : due - rng.int(0, 2);
    const against = m.proposed === "不合格" ? 1 : rng.int(0, 1);
    const abstain = rng.int(0, 1);
    const approved = m.scoreBranch === "机关第三党支部" ? "" : "同意";
    ws.getRow(r).values = [r - 3, m.name, m.scoreBranch, m.proposed, due, present, present - against - abstain, against, abstain, approved];
    r++;
  }
  [6, 10, 22, 12, 10, 10, 8, 8, 8, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** 单位测评（回头看）: 各界代表's satisfaction with each department; one is mostly dissatisfied. */
export function unitSurveySheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("单位测评（回头看）");
  title(ws, "先进性教育活动“回头看”群众满意度测评汇总", 5);
  ws.getRow(2).values = ["单位", "满意", "基本满意", "不满意", "备注"];
  headerStyle(ws.getRow(2), 1, 5);
  const rows: [string, number, number, number, string][] = [
    ["县委办公室", 42, 6, 2, ""],
    ["县财政局", 35, 10, 5, ""],
    ["县住建局", 12, 9, 29, "群众反映办事效率低"],
    ["县直机关事务中心", 38, 8, 4, ""],
  ];
  rows.forEach((values, i) => (ws.getRow(3 + i).values = values));
  [22, 8, 10, 8, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}
