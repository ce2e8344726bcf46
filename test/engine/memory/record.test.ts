import { memberKeyHash, parseRecord } from "../../../src/engine/memory/record";
import { RecordBuilder } from "../../../src/engine/memory/record-builder";
import type { RawCell } from "../../../src/engine/types";

/** The record sheet's cells as a host reads them back: numbers-looking chunks arrive as text. */
function asRead(rows: (string | number | null)[][]): RawCell[][] {
  return rows.map((row) => row.map((v) => (v === "" ? null : v)));
}

describe("run record", () => {
  test("what a run wrote, its settings and mappings come back from the very hidden sheet", () => {
    const builder = new RecordBuilder();
    builder.add("党员名单", 2, "张伟|第一党支部", "合格", "", false, false);
    builder.add("党员名单", 3, "110101199001011234", "不合格", "支委会谈话提醒", true, true);
    builder.add("二支部名单", 5, "李娜|第二党支部", "优秀（待审批）", "表彰（经上级党委审批、公示后）", false, false);
    const plan = builder.sheet("2026-12-05", { study: { minHours: 40 } }, { 党员名单: { studyHours: 4, satisfaction: null } });
    expect(plan.hidden).toBe("veryHidden");
    expect(plan.kind).toBe("record");
    const record = parseRecord({ name: plan.name, values: asRead(plan.rows as (string | number | null)[][]) })!;
    expect(record.today).toBe("2026-12-05");
    expect(record.rules).toEqual({ study: { minHours: 40 } });
    expect(record.mappings).toEqual({ 党员名单: { studyHours: 4, satisfaction: null } });
    expect(record.entries).toEqual([
      { sheet: "党员名单", row: 2, member: memberKeyHash("党员名单", "张伟|第一党支部"), grade: "合格", outcome: "", manualGrade: false, manualOutcome: false },
      { sheet: "党员名单", row: 3, member: memberKeyHash("党员名单", "110101199001011234"), grade: "不合格", outcome: "支委会谈话提醒", manualGrade: true, manualOutcome: true },
      { sheet: "二支部名单", row: 5, member: memberKeyHash("二支部名单", "李娜|第二党支部"), grade: "优秀（待审批）", outcome: "表彰（经上级党委审批、公示后）", manualGrade: false, manualOutcome: false },
    ]);
    // no personal data in the record: members are hashes
    expect(JSON.stringify(plan.rows)).not.toMatch(/张伟|110101199001011234|李娜/);
  });

  test("a city's members pack into a few cells, each within Excel's 32,767 characters", () => {
    const builder = new RecordBuilder();
    for (let i = 0; i < 160_000; i++) builder.add("党员名单", i + 3, `member${i}`, i % 7 === 0 ? "基本合格" : "合格", i % 7 === 0 ? "诫勉谈话，指出差距，帮助改进" : "", false, false);
    const plan = builder.sheet("2026-12-05", null, null);
    const cells = plan.rows.flat().filter((v) => v !== null && v !== "");
    expect(cells.length).toBeLessThan(250);
    expect(Math.max(...cells.map((v) => String(v).length))).toBeLessThanOrEqual(30000);
    const record = parseRecord({ name: plan.name, values: asRead(plan.rows as (string | number | null)[][]) })!;
    expect(record.entries).toHaveLength(160_000);
    expect(record.entries[159_998]).toMatchObject({ row: 160_001, grade: "合格" });
    expect(record.entries[159_999]).toMatchObject({ row: 160_002, grade: "基本合格" });
    // down column B, a cell a row: no row holds more than a request to Excel can carry
    expect(Math.max(...plan.rows.map((row) => row.filter((v) => v !== null).reduce<number>((n, v) => n + String(v).length, 0)))).toBeLessThanOrEqual(30_000 + 10);
  });

  test("a record an earlier version wrote across one row still reads", () => {
    const builder = new RecordBuilder();
    builder.add("党员名单", 2, "张伟|第一党支部", "合格", "", false, true);
    const down = builder.sheet("2026-12-05", null, null).rows as (string | number | null)[][];
    // the same record with each key's cells across its row
    const across: (string | number | null)[][] = [];
    for (const row of down) {
      if (row[0] === null && across.length > 0) across[across.length - 1].push(...row.slice(1));
      else across.push([...row]);
    }
    const entries = parseRecord({ name: "评议-记录", values: asRead(across) })!.entries;
    expect(entries).toEqual(parseRecord({ name: "评议-记录", values: asRead(down) })!.entries);
    expect(entries[0]).toMatchObject({ row: 2, grade: "合格", manualOutcome: true });
  });

  test("a sheet that is not a record, or damaged, gives no record", () => {
    expect(parseRecord({ name: "x", values: [["格式版本", "xianjiao-record/9"]] })).toBeNull();
    expect(parseRecord({ name: "x", values: [["格式版本", "xianjiao-record/1"], ["工作表", "[not json"]] })).toBeNull();
  });
});
