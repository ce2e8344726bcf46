import ExcelJS from "exceljs";
import { DEFAULT_RULES, evaluateWorkbook, SHEET_NAMES } from "../../../src/engine";
import { exportSheets, summaryWorkbook } from "../../../src/taskpane/export/planWorkbook";
import { summaryFileName, toBase64 } from "../../../src/taskpane/export/exportSummary";
import { rosterInput, TODAY } from "../fixtures";

const ID = "110105198001011234";

function evaluatedWithIds() {
  const input = rosterInput();
  const rows = input.sheets[0].values;
  rows[1].push("身份证号");
  rows.slice(2, 7).forEach((row, i) => row.push(`${ID.slice(0, 17)}${i}`));
  return evaluateWorkbook(input, { rules: DEFAULT_RULES, today: TODAY(), unitName: "市直机关工委" });
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = await workbook.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as ArrayBuffer);
  return back;
}

test("the summary workbook holds the plan's branch, stage and about sheets, values as planned", async () => {
  const result = evaluatedWithIds();
  const back = await roundTrip(summaryWorkbook(ExcelJS, result.plan));
  const expectedNames = exportSheets(result.plan).map((s) => s.name);
  expect(back.worksheets.map((ws) => ws.name)).toEqual(expectedNames);
  expect(expectedNames).toEqual(expect.arrayContaining([SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.about]));
  expect(expectedNames).not.toContain(SHEET_NAMES.issues);

  const plan = result.plan.sheets.find((s) => s.kind === "branches")!;
  const ws = back.getWorksheet(SHEET_NAMES.branches)!;
  plan.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getRow(r + 1).getCell(c + 1).value;
      expect({ at: `${r + 1}:${c + 1}`, cell: cell ?? null }).toEqual({ at: `${r + 1}:${c + 1}`, cell: value === "" ? null : value });
    }),
  );
  // the header row is frozen and percentages keep their format
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: plan.headerRow + 1 });
  const percentCol = plan.percentColumns[0];
  expect(ws.getRow(plan.headerRow + 2).getCell(percentCol + 1).numFmt).toBe("0.0%");
});

test("no ID number and no member name leaves in the export", async () => {
  const result = evaluatedWithIds();
  const back = await roundTrip(summaryWorkbook(ExcelJS, result.plan));
  const texts: string[] = [];
  back.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
  const all = texts.join("\n");
  expect(all).toContain("第一党支部");
  expect(all).not.toContain(ID.slice(0, 12));
  for (const name of ["张伟", "李娜", "王强", "赵敏", "刘洋"]) expect(all).not.toContain(name);
});

test("file name and base64 of the download", () => {
  expect(summaryFileName("市直机关工委/机关一支部", "2025-03-10")).toBe("先教评议汇总-市直机关工委机关一支部-2025-03-10.xlsx");
  expect(summaryFileName("", "2025-03-10")).toBe("先教评议汇总-2025-03-10.xlsx");
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
  expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
});
