import { createMemoryHost } from "../../../src/hosts/memory";
import { fullPlan, rosterBook } from "./fixtures";
test("dbg", async () => {
  const book = rosterBook(3000);
  book.payloadLimit = 200 * 1024;
  book.failAt({ sync: 4, error: { code: "GeneralException", message: "An internal error has occurred." } });
  const error = await createMemoryHost(book).applyPlan(fullPlan(3000)).catch((e) => e);
  console.log(error, Object.getPrototypeOf(error), book.counters.requestBytes);
});
