import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { cli, existsSync, tempDir } from "./helpers";

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

/**
 * A bureau's ledger as its office keeps it: the table from column B under a merged title, a
 * hidden ID column, a two-row header (merged groups), a notes line, a section row per branch,
 * the header typed again for the second branch, a merged 序号, and a score sheet whose names use
 * another middle dot. No 填报单位 line, and no approval column (审批日期 is a date, not approval).
 */
async function bureauLedger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.getCell("B1").value = "XX局机关党委先进性教育活动台账";
  ws.mergeCells("B1:K1");
  const top = [null, "序号", "姓名", "身份证号", "学习情况", null, "民主测评", "是否提交申请", "初评等次", "审批日期", "连续缺席组织生活月数"];
  const sub = [null, null, null, null, "学时合计", "脱产学习天数", "群众满意率"];
  const header = (row: number) => {
    ws.getRow(row).values = top;
    ws.getRow(row + 1).values = sub;
    for (const col of ["B", "C", "D", "H", "I", "J", "K"]) ws.mergeCells(`${col}${row}:${col}${row + 1}`);
    ws.mergeCells(`E${row}:F${row}`);
  };
  header(3);
  ws.getRow(5).values = [null, "注：学时按小时填写"];
  ws.getRow(6).values = [null, "一、机关第一党支部"];
  ws.mergeCells("B6:K6");
  ws.getRow(7).values = [null, 1, "张伟", "110101198001010011", 52, 3, "92%", "是", "合格", null, 0];
  ws.getRow(8).values = [null, 2, "李娜", "110101198502020022", 46, 3, "65%", "否", "基本合格", null, 0];
  ws.getRow(9).values = [null, "二、机关第二党支部"];
  ws.mergeCells("B9:K9");
  header(10);
  ws.getRow(12).values = [null, 3, "买买提·艾力", "650101199003030033", 60, 4, "88%", "是", "优秀", null, 0];
  ws.getRow(13).values = [null, null, "王强", "110101197504040044", 30, 1, "75%", "是", "不合格", null, 7];
  ws.mergeCells("B12:B13");
  ws.getRow(15).values = [null, "填表人：陈静"];
  ws.getColumn("D").hidden = true;
  const notes = wb.addWorksheet("学习心得");
  notes.getRow(1).values = ["姓名", "心得篇数"];
  notes.getRow(2).values = ["买买提•艾力", 3];
  await wb.xlsx.writeFile(file);
}

describe("xianjiao evaluate on a ledger as an office keeps it", () => {
  it("reads its layout and wording, names its unit from the title, and says which rule is off and which header to rename", async () => {
    const input = tmp.file("机关党委台账.xlsx");
    await bureauLedger(input);
    const out = tmp.file("结果.xlsx");
    const report = tmp.file("明细.json");
    const run = await cli("evaluate", input, "-o", out, "--report", report, "--today", "2025-03-25");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("已评议“XX局机关党委”");
    expect(run.stdout).toMatch(/党员 4 人（正式 4，预备 0），2 个支部/);
    expect(run.stdout).toContain("没有发现数据问题");
    expect(run.stdout).toContain(
      "  R11 上级审批：没有识别到“上级审批”列，表头“审批日期”（台账!J4）可能就是这一列：请把表头改为“上级审批”，或在加载项的“1. 识别结果”中把它对应到“上级审批”",
    );
    for (const rule of ["R1", "R2", "R4", "R5", "R6", "R13"]) expect(run.stdout).not.toMatch(new RegExp(`^  ${rule} `, "m"));
    const json = JSON.parse(readFileSync(report, "utf8")) as {
      members: { name: string; branch: string; row: number; grade: string }[];
      rulesOff: { rule: string; candidates: { header: string; cell: string }[] }[];
    };
    expect(json.members.map((m) => [m.name, m.branch, m.row])).toEqual([
      ["张伟", "机关第一党支部", 7],
      ["李娜", "机关第一党支部", 8],
      ["买买提·艾力", "机关第二党支部", 12],
      ["王强", "机关第二党支部", 13],
    ]);
    expect(json.rulesOff.find((off) => off.rule === "R11")!.candidates).toEqual([{ field: "approved", sheet: "台账", cell: "J4", header: "审批日期" }]);
  });

  it("refuses a workbook that holds only a list of 入党积极分子, saying so in one sentence", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("积极分子");
    ws.getCell("A1").value = "城关镇党委入党积极分子名单";
    ws.getRow(2).values = ["序号", "姓名", "所在支部", "确定为积极分子时间"];
    ws.getRow(3).values = [1, "陈晨", "第一党支部", "2024-05-01"];
    const input = tmp.file("积极分子.xlsx");
    await wb.xlsx.writeFile(input);
    const out = tmp.file("不应生成.xlsx");
    const run = await cli("evaluate", input, "-o", out);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "“积极分子.xlsx”中没有党员名单：“积极分子”是入党积极分子、发展对象或群众的名单，不按党员评议；党员名单请另表填写（可加“入党时间”或“党员类别”列）后重试",
    );
    expect(existsSync(out)).toBe(false);
  });
});
