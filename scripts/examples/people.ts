import { Prng } from "./prng";

/** The members of the sample unit, with the data problems a real roster has. */
export interface SampleMember {
  name: string;
  /** 18-digit ID as text, or (one member) as a number that lost its last digits. */
  id: string | number;
  /** null: the branch cell was left blank. */
  branch: string | null;
  /** The branch used for the other sheets (a blank roster branch is still known there). */
  scoreBranch: string;
  category: "正式党员" | "预备党员";
  hours: number | string;
  days: number;
  monthsAbsent: number | null;
  analysis: string;
  application: string;
  rectified: string;
  nominated: string;
  votes: { satisfied: number; fairly: number; basic: number; dissatisfied: number };
  proposed: string;
}

export const BRANCHES = [
  { name: "机关第一党支部", size: 16, rateColumn: true },
  { name: "机关第二党支部", size: 15, rateColumn: false },
  { name: "机关第三党支部", size: 13, rateColumn: false },
  { name: "县直机关事务中心党支部", size: 12, rateColumn: true },
  { name: "县财政局党支部", size: 9, rateColumn: false },
  { name: "离退休党支部", size: 15, rateColumn: false },
] as const;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = ["建国", "红", "伟", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "志强", "海燕", "晓东", "文华", "玉兰", "国庆", "春梅", "德华", "永红", "卫东", "淑珍", "建华", "立新", "雪梅", "振华", "爱民", "桂芳"];

/** A made-up but well-formed 18-digit ID (GB 11643 check digit). */
function idNumber(rng: Prng, retired: boolean): string {
  const birthYear = retired ? rng.int(1938, 1962) : rng.int(1965, 1998);
  const body = `341122${birthYear}${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(1, 28)).padStart(2, "0")}${String(rng.int(1, 999)).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + "10X98765432"[sum % 11];
}

function votes(rng: Prng, voters: number, low: boolean) {
  const dissatisfied = low ? rng.int(Math.ceil(voters * 0.35), Math.ceil(voters * 0.45)) : rng.int(0, 1);
  const basic = rng.int(0, Math.max(0, Math.floor((voters - dissatisfied) / 5)));
  const fairly = rng.int(0, Math.floor((voters - dissatisfied - basic) / 3));
  return { satisfied: voters - dissatisfied - basic - fairly, fairly, basic, dissatisfied };
}

/** ~80 members over six branches; every irregularity is placed at a fixed member. */
export function makeMembers(seed = 20250320): SampleMember[] {
  const rng = new Prng(seed);
  const used = new Set<string>();
  const members: SampleMember[] = [];
  for (const branch of BRANCHES) {
    const retired = branch.name === "离退休党支部";
    for (let i = 0; i < branch.size; i++) {
      let name = "";
      do name = rng.pick([...SURNAMES]) + rng.pick(GIVEN);
      while (used.has(name));
      used.add(name);
      const probationary = !retired && i === branch.size - 1 && branch.size > 12;
      members.push({
        name,
        id: idNumber(rng, retired),
        branch: branch.name,
        scoreBranch: branch.name,
        category: probationary ? "预备党员" : "正式党员",
        hours: rng.chance(0.12) ? rng.int(40, 49) : rng.int(50, 78),
        days: rng.chance(0.08) ? 2 : rng.int(3, 6),
        monthsAbsent: retired && rng.chance(0.3) ? rng.int(0, 2) : 0,
        analysis: rng.chance(0.06) ? "未提交" : "已提交",
        application: rng.chance(0.05) ? "×" : "√",
        rectified: rng.chance(0.1) ? "" : rng.chance(0.1) ? "否" : "是",
        nominated: "",
        votes: votes(rng, branch.size + rng.int(4, 10), false),
        proposed: probationary ? "" : "合格",
      });
    }
  }
  const at = (branch: string, index: number) => members.filter((m) => m.scoreBranch === branch)[index];
  // 优秀 nominations: a few per branch, too many in the small 县财政局 branch (over the ⅓ cap)
  for (const [branch, count] of [["机关第一党支部", 3], ["机关第二党支部", 2], ["县直机关事务中心党支部", 2], ["县财政局党支部", 5], ["离退休党支部", 2]] as const) {
    for (let i = 0; i < count; i++) Object.assign(at(branch, i), { proposed: "优秀", nominated: "是" });
  }
  Object.assign(at("县直机关事务中心党支部", 11), { category: "预备党员", proposed: "" });
  Object.assign(at("机关第二党支部", 5), { hours: "四十" }); // text instead of a number
  Object.assign(at("机关第一党支部", 6), { hours: "４８" }); // full-width digits
  Object.assign(at("机关第三党支部", 4), { branch: null }); // branch left blank
  const lostId = at("县直机关事务中心党支部", 3);
  lostId.id = Number(String(lostId.id).replace(/X$/, "0")); // stored as a number: digits lost
  Object.assign(at("机关第三党支部", 7), { votes: votes(new Prng(7), 20, true), proposed: "基本合格" }); // low satisfaction
  Object.assign(at("离退休党支部", 9), { monthsAbsent: 7, application: "", proposed: "不合格" }); // 自行脱党
  Object.assign(at("机关第一党支部", 10), { application: "×", analysis: "未提交" });
  Object.assign(at("机关第二党支部", 12), { proposed: "不合格", rectified: "否" });
  // the same name twice in one branch: the score sheet cannot tell them apart
  const twin = at("机关第二党支部", 9);
  Object.assign(at("机关第二党支部", 11), { name: twin.name });
  return members;
}

/** Someone on the score sheet who is not on the roster (left, or a typo). */
export const ORPHAN = { name: "欧阳明远", branch: "机关第三党支部" };
