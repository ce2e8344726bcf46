import { Prng } from "../../scripts/examples/prng";

/**
 * Members of a generated unit (or a whole city): branches of 5–60 members inside departments,
 * with the data problems real workbooks have at a few per thousand.
 */
export interface BenchMember {
  name: string;
  /** 18-digit ID as text; a few stored as numbers that lost their last digits. */
  id: string | number;
  /** null: the branch cell was left blank on the roster. */
  branch: string | null;
  /** The branch the other sheets give. */
  sheetBranch: string;
  category: "正式党员" | "预备党员";
  /** A number, text ("四十", full-width digits) or null (not entered). */
  hours: number | string | null;
  days: number;
  sessionsDue: number;
  sessionsAttended: number;
  monthsAbsent: number;
  analysis: string;
  application: string;
  rectified: string;
  nominated: string;
  votes: { satisfied: number; fairly: number; basic: number; dissatisfied: number };
  proposed: string;
}

export interface BenchBranch {
  name: string;
  members: BenchMember[];
  /** This branch's satisfaction sheet carries a 满意率 column. */
  rateColumn: boolean;
}

export interface BenchPopulation {
  branches: BenchBranch[];
  members: BenchMember[];
  /** Rows on the satisfaction sheet with no roster member (left, or typos). */
  orphans: { name: string; branch: string }[];
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "建国红伟英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚芳志海燕晓东文华玉春梅德永卫淑珍立新雪振爱民桂秀云凤宏斌俊峰辉鹏飞亮波宁健琳娜丹萍慧鑫佳欣怡瑞浩宇轩博彬凯";
const DISTRICTS = ["市直", "东城区", "西城区", "南湖区", "北山区", "高新区", "经开区", "临江县", "青石县", "白河县"];
const DEPARTMENTS = [
  "财政局", "教育局", "卫健委", "住建局", "交通局", "水利局", "农业农村局", "商务局", "民政局", "司法局",
  "审计局", "统计局", "税务局", "公安局", "人社局", "自然资源局", "生态环境局", "文旅局", "应急管理局", "市场监管局",
  "医保局", "林业局", "退役军人事务局", "信访局", "机关事务中心", "供销社", "城管局", "档案馆", "图书馆", "人民医院",
  "第一中学", "实验小学", "街道办事处", "社区党委", "国资委", "发改委", "工信局", "科技局", "粮食局", "烟草局",
];
const ORDINALS = "一二三四五六七八九十";

function ordinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1];
  if (n < 20) return `十${ORDINALS[n - 11]}`;
  return `${n}`;
}

/** A made-up but well-formed 18-digit ID (GB 11643 check digit). */
function idNumber(rng: Prng, retired: boolean): string {
  const birthYear = retired ? rng.int(1938, 1962) : rng.int(1965, 2000);
  const body = `3411${String(rng.int(1, 99)).padStart(2, "0")}${birthYear}${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(1, 28)).padStart(2, "0")}${String(rng.int(1, 999)).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * weights[i];
  return body + "10X98765432"[sum % 11];
}

function personName(rng: Prng): string {
  const given = rng.chance(0.3) ? rng.pick([...GIVEN]) : rng.pick([...GIVEN]) + rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

/** Branch sizes 5–60, most around 10–20 (mean ≈ 16). */
function branchSize(rng: Prng): number {
  return Math.min(60, 5 + Math.round(-Math.log(1 - rng.next()) * 11));
}

function votes(rng: Prng, voters: number, low: boolean) {
  const dissatisfied = low ? rng.int(Math.ceil(voters * 0.35), Math.ceil(voters * 0.45)) : rng.int(0, 1);
  const basic = rng.int(0, Math.max(0, Math.floor((voters - dissatisfied) / 5)));
  const fairly = rng.int(0, Math.floor((voters - dissatisfied - basic) / 3));
  return { satisfied: voters - dissatisfied - basic - fairly, fairly, basic, dissatisfied };
}

function makeMember(rng: Prng, branch: string, size: number, index: number, retired: boolean, used: Set<string>): BenchMember {
  let name = personName(rng);
  while (used.has(name)) name = personName(rng);
  used.add(name);
  const probationary = !retired && rng.chance(0.04);
  const due = 12;
  const excellent = !probationary && index < Math.floor(size / 4) && rng.chance(0.5);
  return {
    name,
    id: idNumber(rng, retired),
    branch,
    sheetBranch: branch,
    category: probationary ? "预备党员" : "正式党员",
    hours: rng.chance(0.1) ? rng.int(40, 49) : rng.int(50, 80),
    days: rng.chance(0.06) ? 2 : rng.int(3, 6),
    sessionsDue: due,
    sessionsAttended: rng.chance(0.08) ? rng.int(6, 11) : due,
    monthsAbsent: retired && rng.chance(0.2) ? rng.int(0, 3) : 0,
    analysis: rng.chance(0.04) ? "未提交" : "已提交",
    application: rng.chance(0.03) ? "×" : "√",
    rectified: rng.chance(0.1) ? "" : rng.chance(0.05) ? "否" : "是",
    nominated: excellent ? "是" : "",
    votes: votes(rng, size + rng.int(3, 10), rng.chance(0.01)),
    proposed: probationary ? "" : excellent ? "优秀" : rng.chance(0.01) ? "基本合格" : "合格",
  };
}

/** Puts the irregularities real workbooks have on a few members (about 6 per thousand). */
function spoil(rng: Prng, members: BenchMember[]): void {
  for (const m of members) {
    if (!rng.chance(0.006)) continue;
    switch (rng.int(0, 6)) {
      case 0: m.hours = "四十"; break; // text instead of a number
      case 1: m.hours = String(m.hours).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))); break; // full-width digits
      case 2: m.branch = null; break; // branch left blank on the roster
      case 3: m.id = Number(String(m.id).replace(/X$/, "0")); break; // ID stored as a number
      case 4: m.hours = null; break; // not entered
      case 5: Object.assign(m, { monthsAbsent: 7, application: "", proposed: "不合格" }); break;
      default: m.sessionsAttended = m.sessionsDue + 2; break; // attended more than due
    }
  }
}

/** `count` members (exactly) in branches of 5–60, deterministic for a seed. */
export function makePopulation(count: number, seed = 20250320): BenchPopulation {
  const rng = new Prng(seed);
  const branches: BenchBranch[] = [];
  const members: BenchMember[] = [];
  const perUnit = new Map<string, number>();
  const units = DISTRICTS.length * DEPARTMENTS.length;
  while (members.length < count) {
    const unitIndex = branches.length % units;
    const unit = DISTRICTS[unitIndex % DISTRICTS.length] + DEPARTMENTS[Math.floor(unitIndex / DISTRICTS.length)];
    const k = (perUnit.get(unit) ?? 0) + 1;
    perUnit.set(unit, k);
    const retired = k % 7 === 0;
    const name = retired ? `${unit}离退休第${ordinal(Math.ceil(k / 7))}党支部` : `${unit}第${ordinal(k)}党支部`;
    const size = Math.min(branchSize(rng), count - members.length);
    const used = new Set<string>();
    const list: BenchMember[] = [];
    for (let i = 0; i < size; i++) list.push(makeMember(rng, name, size, i, retired, used));
    // one branch in fifty has the same name twice: the other sheets cannot tell them apart
    if (size >= 8 && rng.chance(0.02)) list[size - 1].name = list[size - 2].name;
    branches.push({ name, members: list, rateColumn: rng.chance(0.3) });
    members.push(...list);
  }
  spoil(rng, members);
  const orphans = branches
    .filter(() => rng.chance(0.01))
    .map((b) => ({ name: personName(rng) + "（已调出）", branch: b.name }));
  return { branches, members, orphans };
}
