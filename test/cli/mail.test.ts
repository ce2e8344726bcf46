import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cli, existsSync, noStrayFiles, sha256, tempDir, writeSample } from "./helpers";

/**
 * export --eml: an e-mail draft Outlook and Foxmail open as a new message, read back here by
 * Python's own `email` package (the reference parser of RFC 5322 / MIME in this environment).
 */

let tmp: ReturnType<typeof tempDir>;
let evaluated: string;

const PARSE = `
import email, email.policy, json, sys, hashlib
raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
parts = list(msg.iter_parts())
body = parts[0].get_content()
att = parts[1]
data = att.get_payload(decode=True)
print(json.dumps({
  "to": msg["To"], "subject": str(msg["Subject"]), "unsent": msg["X-Unsent"], "date": msg["Date"], "from": msg["From"],
  "type": msg.get_content_type(), "defects": [str(d) for d in msg.defects] + [str(d) for p in parts for d in p.defects],
  "body": body, "bodyType": parts[0].get_content_type(), "charset": parts[0].get_content_charset(),
  "filename": att.get_filename(), "attType": att.get_content_type(), "disposition": att.get_content_disposition(),
  "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
  "longest": max(len(line) for line in raw.split(b"\\r\\n")), "bareLf": raw.replace(b"\\r\\n", b"").count(b"\\n"),
}, ensure_ascii=False))
`;

function parse(file: string): Record<string, unknown> {
  const done = spawnSync("/usr/bin/python3", ["-c", PARSE, file], { encoding: "utf8" });
  if (done.status !== 0) throw new Error(done.stderr);
  return JSON.parse(done.stdout);
}

const sha = sha256;

beforeAll(async () => {
  tmp = tempDir();
  const sample = tmp.file("示例.xlsx");
  await writeSample(sample);
  evaluated = tmp.file("结果.xlsx");
  writeFileSync(tmp.file("规则.json"), JSON.stringify({ reportEmail: "xjb@example.gov.cn" }));
  expect((await cli("evaluate", sample, "-o", evaluated, "--unit", "县直机关工委", "--rules", tmp.file("规则.json"))).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe("export --eml", () => {
  it("writes a draft to the saved 上报邮箱 with a Chinese subject, the key figures and the summary attached byte for byte", async () => {
    const summary = tmp.file("先教评议汇总-县直机关工委-2025-03-25.xlsx");
    const eml = tmp.file("上报邮件.eml");
    const run = await cli("export", evaluated, "-o", summary, "--eml", eml);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/邮件草稿已生成：.*上报邮件\.eml（收件人 xjb@example\.gov\.cn，附件为汇总表）/);
    const mail = parse(eml);
    expect(mail).toMatchObject({
      to: "xjb@example.gov.cn",
      subject: "县直机关工委党员评议汇总表（2025年3月25日）",
      unsent: "1",
      type: "multipart/mixed",
      defects: [],
      bodyType: "text/plain",
      charset: "utf-8",
      filename: "先教评议汇总-县直机关工委-2025-03-25.xlsx",
      attType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      disposition: "attachment",
      sha256: sha(summary),
      bareLf: 0,
    });
    expect(mail.date).toMatch(/^Tue, 25 Mar 2025 10:00:00 [+-]\d{4}$/);
    expect(mail.from).toBeNull(); // the mail program sends from the user's own account
    expect(Number(mail.longest)).toBeLessThanOrEqual(78);
    const body = String(mail.body);
    expect(body).toMatch(/现报送县直机关工委党员评议汇总表（2025年3月25日）/);
    expect(body).toMatch(/参加评议党员 80 名（正式党员 \d+ 名，预备党员 \d+ 名）/);
    expect(body).toMatch(/评议等次：优秀 \d+ 名，合格 \d+ 名，基本合格 \d+ 名，不合格 \d+ 名，待定 \d+ 名/);
    expect(body).toMatch(/尚有 \d+ 条数据问题待核实处理/);
    expect(body).toMatch(/附件：先教评议汇总-县直机关工委-2025-03-25\.xlsx/);
    noStrayFiles(tmp.dir, ["示例.xlsx", "结果.xlsx", "规则.json", "先教评议汇总-县直机关工委-2025-03-25.xlsx", "上报邮件.eml"]);
  });

  it("--to names the recipient; a long Chinese file name is continued as RFC 2231 says and read back whole", async () => {
    const name = "先教评议汇总-中共某某市某某区某某街道某某社区第一联合党总支部委员会-2025-03-25.xlsx";
    const summary = tmp.file(name);
    const eml = tmp.file("邮件2.eml");
    expect((await cli("export", evaluated, "-o", summary, "--eml", eml, "--to", "zzb@city.example.cn")).code).toBe(0);
    const mail = parse(eml);
    expect(mail).toMatchObject({ to: "zzb@city.example.cn", filename: name, sha256: sha(summary), defects: [] });
    expect(Number(mail.longest)).toBeLessThanOrEqual(78);
    expect(readFileSync(eml, "latin1")).toMatch(/filename\*0\*=UTF-8''/);
  });

  it("an address that is not one is refused with a sentence, and nothing is written", async () => {
    const run = await cli("export", evaluated, "-o", tmp.file("x.xlsx"), "--eml", tmp.file("x.eml"), "--to", "组织部");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/“组织部”不是有效的邮箱地址/);
    expect(existsSync(tmp.file("x.xlsx")) || existsSync(tmp.file("x.eml"))).toBe(false);
  });

  it("a rule file with a bad 上报邮箱 is refused where it is read", async () => {
    writeFileSync(tmp.file("坏规则.json"), JSON.stringify({ reportEmail: "xjb at example" }));
    const run = await cli("evaluate", tmp.file("示例.xlsx"), "-o", tmp.file("y.xlsx"), "--rules", tmp.file("坏规则.json"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reportEmail：应为邮箱地址（如 xjb@example\.gov\.cn），或 null/);
  });
});
