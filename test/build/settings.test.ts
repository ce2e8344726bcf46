import { addinBaseUrl, BuildSettingError, DEFAULT_SUPPORT_CONTACT, manifestVersion, readBuildSettings } from "../../scripts/build/settings";

const DEV = "https://localhost:3000/";
const read = (env: Record<string, string>, production = true) => readBuildSettings(env, { production, devUrl: DEV, packageVersion: "0.1.0" });

/** The sentence a failed setting stops the build with. */
function failure(run: () => unknown): { key: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildSettingError) return { key: error.key, message: error.message };
    throw error;
  }
  throw new Error("no failure");
}

describe("ADDIN_URL", () => {
  test("is the folder dist/ is served from, always ending in /", () => {
    expect(addinBaseUrl("https://oa.example.gov.cn/xianjiao/")).toBe("https://oa.example.gov.cn/xianjiao/");
    expect(addinBaseUrl(" https://oa.example.gov.cn/xianjiao ")).toBe("https://oa.example.gov.cn/xianjiao/");
    expect(addinBaseUrl("https://OA.Example.gov.cn:8443")).toBe("https://oa.example.gov.cn:8443/");
    expect(addinBaseUrl("https://10.1.2.3/先教/")).toBe("https://10.1.2.3/%E5%85%88%E6%95%99/");
  });

  test("a production build without it stops with a sentence that says what to set, in Chinese first", () => {
    const { key, message } = failure(() => read({}));
    expect(key).toBe("build.addinUrlMissing");
    const [zh, en] = message.split("\n");
    expect(zh).toContain("没有设置 ADDIN_URL");
    expect(zh).toContain("ADDIN_URL=https://oa.example.gov.cn/xianjiao/ npm run build");
    expect(zh).toContain("$env:ADDIN_URL=");
    expect(en).toContain("ADDIN_URL is not set");
    expect(failure(() => read({ ADDIN_URL: "  " })).key).toBe("build.addinUrlMissing");
  });

  test("must be https, a full address, and a folder without query, fragment or credentials", () => {
    expect(failure(() => read({ ADDIN_URL: "http://oa.example.gov.cn/xianjiao/" }))).toEqual({ key: "build.addinUrlNotHttps", message: expect.stringContaining("必须以 https:// 开头") });
    expect(failure(() => read({ ADDIN_URL: "oa.example.gov.cn/xianjiao/" })).key).toBe("build.addinUrlInvalid");
    expect(failure(() => read({ ADDIN_URL: "https://oa.example.gov.cn/x/?v=1" })).key).toBe("build.addinUrlExtra");
    expect(failure(() => read({ ADDIN_URL: "https://oa.example.gov.cn/x/#top" })).key).toBe("build.addinUrlExtra");
    expect(failure(() => read({ ADDIN_URL: "https://it:secret@oa.example.gov.cn/x/" })).key).toBe("build.addinUrlExtra");
    expect(failure(() => read({ ADDIN_URL: "https://oa.example.gov.cn/x/taskpane.html" })).key).toBe("build.addinUrlFile");
  });

  test("a development build defaults to the development manifest's address", () => {
    expect(read({}, false).addinUrl).toBe(DEV);
    expect(read({ ADDIN_URL: "https://test.example.gov.cn/" }, false).addinUrl).toBe("https://test.example.gov.cn/");
  });
});

describe("the other settings", () => {
  test("OFFICE_JS is cdn (default) or local", () => {
    const url = { ADDIN_URL: "https://oa.example.gov.cn/xianjiao/" };
    expect(read(url).officeJs).toBe("cdn");
    expect(read({ ...url, OFFICE_JS: "LOCAL" }).officeJs).toBe("local");
    expect(read({ ...url, OFFICE_JS: "cdn" }).officeJs).toBe("cdn");
    expect(failure(() => read({ ...url, OFFICE_JS: "offline" }))).toEqual({ key: "build.officeJsInvalid", message: expect.stringContaining("OFFICE_JS“offline”无效") });
  });

  test("SUPPORT_CONTACT is what IT wrote, else a sentence naming who to turn to (not a made-up person)", () => {
    const url = { ADDIN_URL: "https://oa.example.gov.cn/xianjiao/" };
    expect(read(url).supportContact).toBe(DEFAULT_SUPPORT_CONTACT);
    expect(DEFAULT_SUPPORT_CONTACT).toMatch(/管理员/);
    expect(DEFAULT_SUPPORT_CONTACT).not.toMatch(/\d{3,}|@/);
    expect(read({ ...url, SUPPORT_CONTACT: " 县委组织部信息科，电话 0000-1234567 " }).supportContact).toBe("县委组织部信息科，电话 0000-1234567");
  });

  test("the manifest version is package.json's, as the four numbers a manifest takes", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("2.10")).toBe("2.10.0.0");
    expect(manifestVersion("1.2.3.4")).toBe("1.2.3.4");
    expect(manifestVersion("01.2.3")).toBe("1.2.3.0");
    for (const bad of ["1.2.3-beta.1", "1.2.3.4.5", "123456.0.0", "v1.0.0", ""]) expect(failure(() => manifestVersion(bad)).key).toBe("build.versionInvalid");
    expect(read({ ADDIN_URL: "https://oa.example.gov.cn/" }).manifestVersion).toBe("0.1.0.0");
  });
});
