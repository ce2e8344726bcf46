import { demoOptions, PANE_WIDTH, SAMPLE_URL } from "../../src/demo/params";

const PAGE = "http://127.0.0.1:3000/demo.html";

test("without a query the demo loads the sample next to the page, in Chinese, with a 380 px pane", () => {
  expect(demoOptions("", PAGE)).toEqual({
    ok: true,
    options: { locale: "zh-CN", workbookUrl: `http://127.0.0.1:3000/${SAMPLE_URL}`, workbookName: "示例-先教评议.xlsx", isSample: true, paneWidth: 380 },
  });
});

test("?workbook= loads another workbook of the same origin; ?pane= sets the pane width within bounds", () => {
  const parsed = demoOptions(`?workbook=${encodeURIComponent("bench/先教评议-25700人.xlsx")}&pane=320&lang=en`, PAGE);
  expect(parsed).toEqual({
    ok: true,
    options: { locale: "en", workbookUrl: "http://127.0.0.1:3000/bench/%E5%85%88%E6%95%99%E8%AF%84%E8%AE%AE-25700%E4%BA%BA.xlsx", workbookName: "先教评议-25700人.xlsx", isSample: false, paneWidth: 320 },
  });
  expect(demoOptions("?workbook=/data/big.xlsx", PAGE)).toMatchObject({ ok: true, options: { workbookUrl: "http://127.0.0.1:3000/data/big.xlsx" } });
  expect(demoOptions("?pane=100", PAGE)).toMatchObject({ options: { paneWidth: PANE_WIDTH.min } });
  expect(demoOptions("?pane=2000", PAGE)).toMatchObject({ options: { paneWidth: PANE_WIDTH.max } });
  expect(demoOptions("?pane=wide", PAGE)).toMatchObject({ options: { paneWidth: PANE_WIDTH.default } });
});

test("a workbook from another origin is refused", () => {
  expect(demoOptions("?workbook=https://example.org/a.xlsx", PAGE)).toEqual({ ok: false, locale: "zh-CN", url: "https://example.org/a.xlsx" });
  expect(demoOptions("?workbook=//evil.test/a.xlsx&lang=en", PAGE)).toEqual({ ok: false, locale: "en", url: "http://evil.test/a.xlsx" });
});
