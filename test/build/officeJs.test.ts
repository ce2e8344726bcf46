import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { officeJsFiles, officeJsTables } from "../../scripts/build/officeJs";

const DIST = dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const files = officeJsFiles(DIST);
const tables = officeJsTables(readFileSync(join(DIST, "office.js"), "utf8"));

/*
 * office.js picks its other files by name at run time, from beside itself: the host file
 * `<host>-<platform>-<version>.js` (the version capped by its own table), the Office 2013 table
 * and `<locale>/office_strings.js`. Our copy must hold every one Excel can ask for.
 */
test("office.js's own tables are read: Excel's platforms and the locales it has strings for", () => {
  expect(tables.excelHostVersions).toMatchObject({ win32: expect.stringMatching(/^16\.\d\d$/), mac: expect.any(String), web: expect.any(String), ios: expect.any(String) });
  expect(tables.locales).toEqual(expect.arrayContaining(["zh-cn", "zh-tw", "en-us"]));
  expect(tables.defaultLocale).toBe("en-us");
});

test("the copy holds every Excel host file office.js can name, for every platform and every older version", () => {
  for (const [platform, version] of Object.entries(tables.excelHostVersions)) {
    expect(files).toContain(`excel-${platform}-${version}.js`);
    // hosts reporting an older version than the table's load that one (a Windows Excel at 16.00)
    for (const older of ["16.00"]) if (Number(older) <= Number(version)) expect(files).toContain(`excel-${platform}-${older}.js`);
  }
  expect(files).toEqual(expect.arrayContaining(["office.js", "o15apptofilemappingtable.js", "excel-15.js", "excelwebapp-15.js", "excel-android-16.00.js"]));
  for (const locale of [...tables.locales, tables.defaultLocale]) expect(files).toContain(`${locale}/office_strings.js`);
  expect(files).toEqual(expect.arrayContaining(["telemetry/oteljs_agave.js", "ariatelemetry/aria-web-telemetry.js"]));
});

test("and nothing for other Office programs, no debug copies, no custom-functions runtime", () => {
  expect(files.filter((f) => /^(word|powerpoint|outlook|onenote|project|access|visio)/.test(f))).toEqual([]);
  expect(files.filter((f) => /debug|vsdoc|-core\.js$|custom-functions|outlook_strings/.test(f))).toEqual([]);
  expect(new Set(files).size).toBe(files.length);
  const bytes = files.reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0);
  expect(files.length).toBeLessThan(100); // of the package's 700-odd files
  expect(bytes).toBeLessThan(15 * 1024 * 1024);
});

test("a package whose office.js no longer has the tables stops the build", () => {
  expect(() => officeJsTables("var OSF = {};")).toThrow(/office\.js no longer holds the Excel host file versions/);
});
