import ExcelJS from "exceljs";

/** Members of a unit as its secretary keeps them: names, ID numbers (text and number), branches. */
export const MEMBERS: { name: string; id: string | number; branch: string; hours: number | string; satisfaction: number; application: string }[] = [
  { name: "周立新", id: "110101198003071234", branch: "财政局第一党支部", hours: 52, satisfaction: 88, application: "是" },
  { name: "吴雪梅", id: "11010119850412562X", branch: "财政局第一党支部", hours: 45, satisfaction: 65, application: "是" },
  { name: "郑振华", id: Number("110101197707071234"), branch: "财政局第一党支部", hours: "四十", satisfaction: 92, application: "否" },
  { name: "冯爱民", id: "110101196512123", branch: "财政局第二党支部", hours: 70, satisfaction: 55, application: "是" },
  { name: "陈桂芳", id: 110101199001011, branch: "财政局第二党支部", hours: 38, satisfaction: 75, application: "" },
  { name: "欧阳建国", id: "1.10101E+17", branch: "财政局第二党支部", hours: 61, satisfaction: 90, application: "是" },
  { name: "Li Ming", id: "110101199212121239", branch: "离退休党支部", hours: 50, satisfaction: 80, application: "是" },
  { name: "周立新", id: "110101198003071234", branch: "财政局第一党支部", hours: 52, satisfaction: 88, application: "是" },
];

export async function writeUnit(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员花名册");
  ws.getCell("A1").value = "县财政局机关党员花名册（2025）";
  ws.getRow(2).values = ["序号", "姓名", "身份证号", "所在支部", "学习学时", "测评满意度", "是否提交书面申请"];
  MEMBERS.forEach((m, i) => (ws.getRow(3 + i).values = [i + 1, m.name, m.id, m.branch, m.hours, m.satisfaction, m.application]));
  await wb.xlsx.writeFile(file);
}

/** The ID texts as they could show in a cell: as written, and as Excel prints the numbers. */
export const ID_TEXTS = MEMBERS.map((m) => String(m.id));
