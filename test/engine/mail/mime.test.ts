import { isEmailAddress } from "../../../src/engine";
import { base64, encodedWords, extendedParameter, rfc5322Date, utf8 } from "../../../src/engine/mail/mime";

describe("addresses a mail program accepts", () => {
  test.each(["xjb@example.gov.cn", "zhang.san+dw@xn--fiqs8s.cn", "a_b-c@mail.a-b.example.org"])("%s is one", (address) => expect(isEmailAddress(address)).toBe(true));
  test.each(["", "组织部", "xjb", "xjb@", "@example.cn", "xjb@example", "xjb@@example.cn", "x jb@example.cn", "xjb@-a.cn", "xjb@example.cn.", "a..b@example.cn", "xjb@1.2.3.4", "邮箱@例子.中国"])("“%s” is not", (address) =>
    expect(isEmailAddress(address)).toBe(false),
  );
});

describe("MIME pieces", () => {
  test("UTF-8 as Node writes it, astral characters and a lone surrogate included", () => {
    for (const text of ["", "abc", "党员评议", "é", "😀汇总", "a\ud800b"]) expect(Buffer.from(utf8(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
  });

  test("base64 as Node writes it, padding included", () => {
    for (const text of ["", "a", "ab", "abc", "党员评议汇总表"]) expect(base64(new TextEncoder().encode(text))).toBe(Buffer.from(text).toString("base64"));
  });

  test("encoded words never split a character and decode to the text", () => {
    const text = "县直机关工委党员评议汇总表（2025年3月25日）😀";
    const words = encodedWords(text).split("\r\n ");
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    expect(words.map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1], "base64").toString("utf8")).join("")).toBe(text);
    expect(encodedWords("Summary 2025")).toBe("Summary 2025");
  });

  test("a long parameter continues over numbered segments, each a whole character's bytes", () => {
    const value = "先教评议汇总-某某街道第一联合党总支部委员会.xlsx";
    const param = extendedParameter("filename", value);
    const segments = param.split(";\r\n ").map((s) => /^filename\*(\d+)\*=(.*)$/.exec(s)!);
    expect(segments.map((m) => Number(m[1]))).toEqual(segments.map((_, i) => i));
    expect(decodeURIComponent(segments.map((m) => m[2]).join("").replace(/^UTF-8''/, ""))).toBe(value);
    for (const m of segments) expect(() => decodeURIComponent(m[2].replace(/^UTF-8''/, ""))).not.toThrow();
    expect(extendedParameter("filename", "汇总.xlsx")).toBe("filename*=UTF-8''%E6%B1%87%E6%80%BB.xlsx");
  });

  test("dates as RFC 5322 writes them, at the sender's offset", () => {
    expect(rfc5322Date(Date.UTC(2025, 2, 25, 2, 0, 0), 480)).toBe("Tue, 25 Mar 2025 10:00:00 +0800");
    expect(rfc5322Date(Date.UTC(2025, 0, 1, 0, 30, 5), -330)).toBe("Tue, 31 Dec 2024 19:00:05 -0530");
  });
});
