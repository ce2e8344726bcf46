import { MemoryWorkbook } from "../../../src/hosts/memory";

function book(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids([
    { name: "党员名单", values: [["姓名"], ["张伟"]] },
    { name: "Sheet 2", values: [["x"]] },
  ]);
}

describe("in-memory defined names and sheet visibility, as Excel has them", () => {
  test("a sheet-scoped name: added, read back with its formula, refused twice, deleted", async () => {
    const b = book();
    await b.run(async (context) => {
      const names = context.workbook.worksheets.getItem("党员名单").names;
      names.add("XianjiaoSheet", '="branches|abc|评议-支部汇总"');
      names.add("XianjiaoResults", "='党员名单'!$B$1:$G$1");
      await context.sync();
      names.load("items/name,items/formula");
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ["XianjiaoSheet", '="branches|abc|评议-支部汇总"'],
        ["XianjiaoResults", "=党员名单!$B$1:$G$1"],
      ]);
      names.add("xianjiaosheet", '="again"');
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      names.getItem("XIANJIAOSHEET").delete();
      await context.sync();
    });
    expect([...b.sheet("党员名单")!.names.keys()]).toEqual(["xianjiaoresults"]);
  });

  test("names that are not valid in Excel are refused", async () => {
    const b = book();
    for (const bad of ["A1", "1abc", "has space", "R1C1"]) {
      await b.run(async (context) => {
        context.workbook.worksheets.getItem("党员名单").names.add(bad, '="x"');
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      });
    }
  });

  test("hiding a name works only on one created earlier in the same batch (office-js #3878)", async () => {
    const b = book();
    await b.run(async (context) => {
      const added = context.workbook.worksheets.getItem("党员名单").names.add("Fresh", '="1"');
      await context.sync();
      added.visible = false;
      await context.sync();
    });
    await b.run(async (context) => {
      context.workbook.worksheets.getItem("党员名单").names.add("Old", '="1"');
      await context.sync();
    });
    await b.run(async (context) => {
      context.workbook.worksheets.getItem("党员名单").names.getItem("Old").visible = false;
      await context.sync();
    });
    expect(b.sheet("党员名单")!.names.get("fresh")!.visible).toBe(false);
    expect(b.sheet("党员名单")!.names.get("old")!.visible).toBe(true);
  });

  test("renaming a sheet rewrites the references to it; a very hidden sheet cannot be the last visible one", async () => {
    const b = book();
    await b.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("党员名单").names.add("XianjiaoResults", "='党员名单'!$B$1:$G$1");
      sheets.getItem("Sheet 2").names.add("Ref", "='Sheet 2'!$A$1");
      await context.sync();
      sheets.getItem("党员名单").name = "名单 2026";
      sheets.getItem("Sheet 2").name = "记录";
      sheets.getItem("记录").visibility = "VeryHidden";
      await context.sync();
      sheets.getItem("名单 2026").visibility = "Hidden";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(b.sheet("名单 2026")!.names.get("xianjiaoresults")!.formula).toBe("='名单 2026'!$B$1:$G$1");
    expect(b.sheet("记录")!.names.get("ref")!.formula).toBe("=记录!$A$1");
    expect(b.sheet("记录")!.visibility).toBe("VeryHidden");
  });
});
