import { describeError, XianjiaoError, type ErrorCode } from "../src/errors";
import { errorsEn, errorsZh } from "../src/i18n/errors";
import { LOCALES } from "../src/i18n/t";

const codes = Object.keys(errorsZh).map((key) => key.slice("error.".length)) as ErrorCode[];

describe("XianjiaoError", () => {
  test("its code is a key of the error catalogue: an unknown code does not compile", () => {
    // @ts-expect-error -- no catalogue sentence "error.NO_SUCH_CODE"
    const unknown = () => new XianjiaoError("NO_SUCH_CODE");
    // were it to reach t() at run time, the lookup of a missing template would throw
    expect(unknown).toThrow(TypeError);
  });

  test("every code has a sentence in every language, its placeholders filled from vars", () => {
    expect(Object.keys(errorsEn).sort()).toEqual(Object.keys(errorsZh).sort());
    for (const code of codes) {
      const template = errorsZh[`error.${code}`];
      const vars = Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `〈${m[1]}〉`]));
      const error = new XianjiaoError(code, vars);
      for (const locale of LOCALES) {
        const text = describeError(error, locale);
        expect({ code, locale, text: /\{\w+\}/.test(text) || text.trim() === "" }).toEqual({ code, locale, text: false });
      }
    }
  });
});
