import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readPackage } from "../../../src/hosts/xlsx-package";
import { XianjiaoError } from "../../../src/errors";
import { makeTempDir } from "./helpers";
import { everyKindOfCell } from "./workbooks";

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

describe("readPackage", () => {
  it("reads every kind of cell as a primitive with its sheet position", async () => {
    const { input, read } = await readPackage(await everyKindOfCell(tmp.file("名单.xlsx")));
    expect(read.sheets.map((s) => s.entry.name)).toEqual(["党员名单", "空表"]);
    const grid = input.sheets[0];
    expect(grid.name).toBe("党员名单");
    expect(grid.origin).toEqual({ row: 1, col: 1 }); // B2
    const at = (addr: string) => {
      const col = addr.charCodeAt(0) - 65;
      const row = Number(addr.slice(1)) - 1;
      return grid.values[row - grid.origin!.row]?.[col - grid.origin!.col];
    };
    expect(at("B2")).toBe("XX县直机关先进性教育活动党员评议台账");
    expect(at("C2") ?? null).toBeNull(); // inside the merged title: the value lives in B2 only
    expect(at("D3")).toBe("学时（小时）");
    expect(at("C4")).toBe("王建国");
    expect(at("D4")).toBe(48);
    expect(at("E4")).toBe(0.85);
    expect(at("F4")).toEqual(new Date(Date.UTC(1998, 6, 1)));
    expect(at("G4")).toBe("材料链接");
    expect(at("D5")).toEqual({ error: "#N/A" });
    expect(at("E5")).toEqual({ error: "#DIV/0!" });
    expect(at("F5")).toBe(true);
    expect(at("G5")).toBe("=不是公式");
    expect(at("B6")).toBe(50);
    expect(grid.numberFormats![4 - 1 - 1][4 - 1]).toBe("0%"); // E4
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
    expect(grid.values).toHaveLength(5); // rows 2–6
    // each row as long as its own last cell: the title row holds B2 only, the longest reaches G
    expect(grid.values.map((row) => row.length)).toEqual([1, 6, 6, 6, 1]);
    // number formats only on rows that have one (row 4: E4 is "0%")
    expect(grid.numberFormats!.map((row) => row.length)).toEqual([0, 0, 6, 0, 0]);
    expect(input.sheets[1]).toEqual({ name: "空表", values: [], numberFormats: [], merges: [], origin: { row: 0, col: 0 } });
  });
});

describe("readPackage on bad files", () => {
  async function failure(file: string): Promise<XianjiaoError> {
    try {
      await readPackage(file);
    } catch (error) {
      expect(error).toBeInstanceOf(XianjiaoError);
      return error as XianjiaoError;
    }
    throw new Error("expected a failure");
  }

  it("a missing file", async () => {
    const error = await failure(tmp.file("没有这个文件.xlsx"));
    expect(error.code).toBe("FILE_NOT_FOUND");
    expect(error.message).toContain("没有这个文件.xlsx");
  });

  it("a zero-byte file", async () => {
    writeFileSync(tmp.file("空.xlsx"), "");
    const error = await failure(tmp.file("空.xlsx"));
    expect(error.code).toBe("FILE_EMPTY");
    expect(error.message).toContain("另存为 .xlsx");
  });

  it("a CSV renamed .xlsx", async () => {
    writeFileSync(tmp.file("名单csv.xlsx"), "姓名,所在支部,学时\n王建国,机关第一党支部,48\n");
    const error = await failure(tmp.file("名单csv.xlsx"));
    expect(error.code).toBe("NOT_A_ZIP");
    expect(error.message).toContain("另存为 .xlsx 后重试");
  });

  it("a truncated workbook", async () => {
    const { readFileSync } = await import("node:fs");
    const whole = readFileSync(await everyKindOfCell(tmp.file("名单.xlsx")));
    writeFileSync(tmp.file("半截.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await failure(tmp.file("半截.xlsx"));
    expect(error.code).toBe("ZIP_CORRUPT");
    expect(error.message).toContain("损坏");
  });

  it("an OLE file: old .xls or a password-protected .xlsx", async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(tmp.file("加密.xlsx"), ole);
    const error = await failure(tmp.file("加密.xlsx"));
    expect(error.code).toBe("OLE_FILE");
    expect(error.message).toContain(".xls");
    expect(error.message).toContain("密码");
  });

  it("a workbook with no worksheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.writeFile(tmp.file("无表.xlsx"));
    const error = await failure(tmp.file("无表.xlsx"));
    expect(error.code).toBe("NO_WORKSHEET");
  });

  it("gives an English message too", async () => {
    const error = await failure(tmp.file("没有这个文件.xlsx"));
    expect(error.localized("en")).toContain("was not found");
  });
});
