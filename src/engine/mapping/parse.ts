import type { ColumnOverrides, FieldId } from "../types";
import { FIELD_WORDS } from "../read/synonyms";
import { matchPlain } from "../read/match";
import { normaliseHeader } from "../read/text";
import { FIELD_LABELS } from "../plan/labels";

/**
 * A column mapping as a unit writes it by hand: per sheet, which column holds a field —
 *   { "党员名册": { "学时": "F", "满意度": "H", "身份证号": null } }
 * A field is named by its usual header (学时), any header the reader knows for it, or its key
 * (studyHours); a column by its letters; null says the sheet has no such column (the field's
 * rule is then reported as not applied, never silently passed).
 */
export type ColumnMappingResult = { ok: true; overrides: ColumnOverrides } | { ok: false; errors: string[] };

const FIELD_IDS = new Set(Object.keys(FIELD_WORDS));
/** Excel's last column, XFD. */
const LAST_COLUMN = 16383;

/** The field a mapping file's key names, or undefined. */
export function fieldOfKey(key: string): FieldId | undefined {
  const trimmed = key.trim();
  if (FIELD_IDS.has(trimmed)) return trimmed as FieldId;
  return matchPlain(normaliseHeader(trimmed));
}

/** 0-based column of letters "A"…"XFD" (any case), or undefined. */
export function columnOfLetters(text: string): number | undefined {
  const letters = text.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(letters)) return undefined;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1 <= LAST_COLUMN ? col - 1 : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Checks a parsed mapping file and turns it into the reader's overrides; every mistake is said in Chinese. */
export function parseColumnMapping(value: unknown): ColumnMappingResult {
  if (!isObject(value)) return { ok: false, errors: ["应为一个对象：每个工作表名对应一组“字段: 列字母”"] };
  const errors: string[] = [];
  const overrides: ColumnOverrides = {};
  for (const [sheet, fields] of Object.entries(value)) {
    if (!isObject(fields)) {
      errors.push(`工作表“${sheet}”应对应一组“字段: 列字母”，例如 {"学时": "F"}`);
      continue;
    }
    const mapped: Partial<Record<FieldId, number | null>> = {};
    const byColumn = new Map<number, FieldId>();
    for (const [key, target] of Object.entries(fields)) {
      const field = fieldOfKey(key);
      if (!field) {
        errors.push(`工作表“${sheet}”：不认识字段“${key}”（请写表头名称，如“${FIELD_LABELS.studyHours}”）`);
        continue;
      }
      if (field in mapped) {
        errors.push(`工作表“${sheet}”：字段“${FIELD_LABELS[field]}”写了两次`);
        continue;
      }
      if (target === null) {
        mapped[field] = null;
        continue;
      }
      const col = typeof target === "string" ? columnOfLetters(target) : undefined;
      if (col === undefined) {
        errors.push(`工作表“${sheet}”：字段“${key}”的列“${String(target)}”不是列字母（如 F），不使用该列请写 null`);
        continue;
      }
      const other = byColumn.get(col);
      if (other) {
        errors.push(`工作表“${sheet}”：列 ${String(target).trim().toUpperCase()} 同时对应“${FIELD_LABELS[other]}”和“${FIELD_LABELS[field]}”`);
        continue;
      }
      byColumn.set(col, field);
      mapped[field] = col;
    }
    overrides[sheet] = mapped;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, overrides };
}

/** The sheets a mapping names that the workbook does not have (a misspelt sheet would map nothing). */
export function unknownMappingSheets(overrides: ColumnOverrides, sheetNames: readonly string[]): string[] {
  const names = new Set(sheetNames);
  return Object.keys(overrides).filter((sheet) => !names.has(sheet));
}

/** True when a mapping maps or unmaps at least one column. */
export function hasMappings(overrides: ColumnOverrides | null | undefined): boolean {
  return !!overrides && Object.values(overrides).some((fields) => Object.keys(fields ?? {}).length > 0);
}
