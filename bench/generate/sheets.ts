import type { CellRange, RawCell } from "../../src/engine/types";
import { Prng } from "../../scripts/examples/prng";
import type { BenchPopulation } from "./people";

/**
 * One generated sheet as plain rows (row 0 is sheet row 1) plus what a secretary's workbook
 * carries besides values: merges, header rows, widths, number formats, a frozen header and
 * (on the roster) a conditional format of the user's own. Engine grids and .xlsx files are
 * both written from this.
 */
export interface SheetSpec {
  name: string;
  rows: RawCell[][];
  merges: CellRange[];
  /** 0-based rows styled as headers (bold, filled, bordered). */
  headerRows: number[];
  /** 0-based rows printed bold (合计). */
  boldRows: number[];
  widths: number[];
  /** Number formats by 0-based row and column, where a cell has one. */
  formats: Map<number, Map<number, string>>;
  frozenRows: number;
  /** The user's own conditional formats: A1 range and an expression. */
  userConditionalFormats: { ref: string; formula: string }[];
}

function spec(name: string, widths: number[]): SheetSpec {
  return { name, rows: [], merges: [], headerRows: [], boldRows: [], widths, formats: new Map(), frozenRows: 0, userConditionalFormats: [] };
}

function setFormat(sheet: SheetSpec, row: number, col: number, format: string): void {
  let line = sheet.formats.get(row);
  if (!line) sheet.formats.set(row, (line = new Map()));
  line.set(col, format);
}

const range = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** A merged title over the table and, for two-row headers, the merges of the header cells. */
function title(sheet: SheetSpec, text: string, lastCol: number): void {
  sheet.rows.push([text]);
  sheet.merges.push(range(0, 0, 0, lastCol));
}

function twoRowHeader(sheet: SheetSpec, top: RawCell[], bottom: RawCell[], groups: [number, number][]): void {
  const r = sheet.rows.length;
  sheet.rows.push(top, bottom);
  sheet.headerRows.push(r, r + 1);
  const grouped = new Set<number>();
  for (const [from, to] of groups) {
    sheet.merges.push(range(r, from, r, to));
    for (let c = from; c <= to; c++) grouped.add(c);
  }
  top.forEach((v, c) => {
    if (v !== null && !grouped.has(c)) sheet.merges.push(range(r, c, r + 1, c));
  });
  sheet.frozenRows = r + 2;
}

function footer(sheet: SheetSpec, lastCol: number, sums: Record<number, number>): void {
  const total: RawCell[] = ["合计"];
  for (const [col, value] of Object.entries(sums)) total[Number(col)] = value;
  sheet.boldRows.push(sheet.rows.length);
  sheet.rows.push(total);
  sheet.rows.push(["填表人：李明　　审核人：王芳　　填表日期：2025年3月20日"]);
  sheet.merges.push(range(sheet.rows.length - 1, 0, sheet.rows.length - 1, lastCol));
}

const ROSTER_HEADERS = ["序号", "姓名", "身份证号", "所在支部", "党员类别", "连续未参加组织生活月数", "党性分析材料", "书面申请", "整改落实", "推荐优秀"];

/** 党员名单: title, subtitle, one header row, the members, 合计 and a signature line. */
export function rosterSpec(pop: BenchPopulation): SheetSpec {
  const sheet = spec("党员名单", [6, 10, 22, 30, 10, 12, 12, 10, 10, 10]);
  title(sheet, "先进性教育活动党员评议台账", ROSTER_HEADERS.length - 1);
  sheet.rows.push(["填报单位：市直机关工委（第一批）"]);
  sheet.headerRows.push(2);
  sheet.rows.push([...ROSTER_HEADERS]);
  sheet.frozenRows = 3;
  pop.members.forEach((m, i) => {
    const r = sheet.rows.length;
    sheet.rows.push([i + 1, m.name, m.id, m.branch, m.category, m.monthsAbsent, m.analysis, m.application, m.rectified || null, m.nominated || null]);
    setFormat(sheet, r, 2, typeof m.id === "number" ? "0" : "@");
  });
  const last = sheet.rows.length;
  sheet.userConditionalFormats.push({ ref: `F4:F${last}`, formula: "F4>=6" });
  footer(sheet, ROSTER_HEADERS.length - 1, {});
  return sheet;
}

/** 学习情况: two-row header (学习培训 over 学时/集中学习天数, 组织生活 over 应参加/实际参加). */
export function studySpec(pop: BenchPopulation): SheetSpec {
  const sheet = spec("学习情况", [6, 10, 30, 12, 12, 10, 10]);
  title(sheet, "党员学习培训及组织生活情况统计表", 6);
  twoRowHeader(sheet, ["序号", "姓名", "所在支部", "学习培训", null, "组织生活", null], [null, null, null, "学时（小时）", "集中学习天数", "应参加次数", "实际参加次数"], [[3, 4], [5, 6]]);
  let hours = 0;
  pop.members.forEach((m, i) => {
    if (typeof m.hours === "number") hours += m.hours;
    sheet.rows.push([i + 1, m.name, m.sheetBranch, m.hours, m.days, m.sessionsDue, m.sessionsAttended]);
  });
  footer(sheet, 6, { 3: hours });
  return sheet;
}

/** 满意度测评: two-row header (测评票数 over 满意…不满意), a 满意率 in percent for some branches, orphans. */
export function satisfactionSpec(pop: BenchPopulation): SheetSpec {
  const sheet = spec("满意度测评", [6, 10, 30, 8, 10, 10, 8, 10]);
  title(sheet, "党员党性分析群众满意度测评汇总表", 7);
  twoRowHeader(sheet, ["序号", "姓名", "所在支部", "测评票数", null, null, null, "满意率"], [null, null, null, "满意", "比较满意", "基本满意", "不满意"], [[3, 6]]);
  const orphans = new Map(pop.orphans.map((o) => [o.branch, o]));
  let n = 0;
  for (const branch of pop.branches) {
    const rows = branch.members.map((m) => ({ name: m.name, branch: m.sheetBranch, v: m.votes }));
    const orphan = orphans.get(branch.name);
    if (orphan) rows.push({ name: orphan.name, branch: orphan.branch, v: { satisfied: 15, fairly: 3, basic: 1, dissatisfied: 0 } });
    for (const row of rows) {
      const line: RawCell[] = [++n, row.name, row.branch, row.v.satisfied, row.v.fairly, row.v.basic, row.v.dissatisfied];
      if (branch.rateColumn) {
        const all = row.v.satisfied + row.v.fairly + row.v.basic + row.v.dissatisfied;
        line.push(Math.round(((all - row.v.dissatisfied) / all) * 1000) / 1000);
        setFormat(sheet, sheet.rows.length, 7, "0.0%");
      }
      sheet.rows.push(line);
    }
  }
  return sheet;
}

/** 民主评议表决: 支部建议等次, 应到/实到, 表决 over 赞成/反对/弃权, 上级审批 (formal members only). */
export function ballotSpec(pop: BenchPopulation, seed: number): SheetSpec {
  const rng = new Prng(seed ^ 0x5a5a);
  const sheet = spec("民主评议表决", [6, 10, 30, 12, 10, 10, 8, 8, 8, 10]);
  title(sheet, "民主评议党员表决情况登记表", 9);
  twoRowHeader(sheet, ["序号", "姓名", "所在支部", "支部建议等次", "应到人数", "实到人数", "表决", null, null, "上级审批"], [null, null, null, null, null, null, "赞成", "反对", "弃权"], [[6, 8]]);
  let n = 0;
  for (const branch of pop.branches) {
    const formal = branch.members.filter((m) => m.category === "正式党员");
    const due = Math.max(1, formal.length - 1);
    const voidBallot = rng.chance(0.01); // too few present: not more than half
    const approved = rng.chance(0.05) ? null : "同意";
    for (const m of formal) {
      const present = voidBallot ? Math.floor(due / 2) : Math.max(0, due - rng.int(0, 2));
      const against = m.proposed === "不合格" ? 1 : Math.min(present, rng.int(0, 1));
      const abstain = Math.min(present - against, rng.int(0, 1));
      sheet.rows.push([++n, m.name, m.sheetBranch, m.proposed || null, due, present, present - against - abstain, against, abstain, approved]);
    }
  }
  return sheet;
}

/** The four sheets of a generated workbook, in order. */
export function workbookSpecs(pop: BenchPopulation, seed: number): SheetSpec[] {
  return [rosterSpec(pop), studySpec(pop), satisfactionSpec(pop), ballotSpec(pop, seed)];
}
