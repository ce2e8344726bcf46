import { readWorkbook } from "../../../src/engine/read";
import type { ColumnOverrides, DataIssue, MemberRecord, SheetGrid } from "../../../src/engine/types";

export function sheet(name: string, values: unknown[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, values, ...extra };
}

export function read(sheets: SheetGrid[], overrides?: ColumnOverrides) {
  return readWorkbook({ sheets }, overrides);
}

export function member(members: MemberRecord[], name: string): MemberRecord {
  const m = members.find((x) => x.name === name);
  if (!m) throw new Error(`no member ${name} among ${members.map((x) => x.name).join(",")}`);
  return m;
}

/** Issues as "CODE@sheet!cell" for compact assertions. */
export function codes(issues: DataIssue[]): string[] {
  return issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`);
}
