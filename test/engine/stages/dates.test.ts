import { addDays, addMonths, dayNumberToIso, isIsoDate, isoToDayNumber } from "../../../src/engine/stages";

describe("ISO date arithmetic", () => {
  it("knows real calendar dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-1")).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it("day numbers agree with Date.UTC and round-trip", () => {
    for (const iso of ["1970-01-01", "2000-02-29", "2026-01-01", "2026-12-31", "2028-03-01", "2100-03-01"]) {
      const [y, m, d] = iso.split("-").map(Number);
      expect(isoToDayNumber(iso)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(dayNumberToIso(isoToDayNumber(iso))).toBe(iso);
    }
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-01-01", 44)).toBe("2026-02-14");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("addMonths", () => {
  it("moves by calendar months and keeps the day where the month has it", () => {
    expect(addMonths("2026-01-01", 6)).toBe("2026-07-01");
    expect(addMonths("2026-01-15", 12)).toBe("2027-01-15");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-12-01", -12)).toBe("2025-12-01");
  });
});
