import type { ApplyOptions, ApplyReport, WorkbookHost } from "../../src/hosts/host";
import type { WorkbookPlan } from "../../src/engine/plan/types";
import type { WorkbookInput } from "../../src/engine/types";

/** A secretary's roster: a title row, headers on row 2 ("A2"), five members, a footer line. */
export function rosterInput(): WorkbookInput {
  return {
    sheets: [
      {
        name: "党员名单",
        values: [
          ["第一、第二党支部先进性教育评议台账", null, null, null, null, null, null, null, null, null, null, null, null],
          ["序号", "姓名", "所在支部", "党员类别", "学时（小时）", "集中学习天数", "满意度", "书面申请", "支部建议等次", "应到人数", "实到人数", "赞成", "心得篇数"],
          [1, "张伟", "第一党支部", "正式党员", 52, 4, "92%", "已提交", "合格", 10, 9, 8, 2],
          [2, "李娜", "第一党支部", "正式党员", 46, 3, 85, "是", "合格", 10, 9, 7, 1],
          [3, "王强", "第二党支部", "正式党员", 60, 5, 65, "是", "基本合格", 8, 7, 6, 3],
          [4, "赵敏", "第二党支部", "预备党员", 55, 3, 90, "是", null, null, null, null, 1],
          [5, "刘洋", null, "正式党员", "五十", 3, 88, "是", "合格", 8, 6, 5, 0],
          ["填表人：陈静", null, null, null, null, null, null, null, null, null, null, null, null],
        ],
      },
    ],
  };
}

/** A WorkbookHost over plain grids that records what the task pane asks of it. */
export class FakeHost implements WorkbookHost {
  applied: WorkbookPlan[] = [];
  selected: { sheet: string; cell: string }[] = [];
  settings: unknown = null;
  saved: unknown[] = [];
  reads = 0;
  /** When set, applyPlan waits for this promise (to test progress and cancel). */
  applyGate: Promise<void> | null = null;
  applyError: unknown = null;

  constructor(private input: WorkbookInput = rosterInput()) {}

  async readWorkbook(): Promise<WorkbookInput> {
    this.reads++;
    return JSON.parse(JSON.stringify(this.input)) as WorkbookInput;
  }

  async applyPlan(plan: WorkbookPlan, options?: ApplyOptions): Promise<ApplyReport> {
    options?.onProgress?.(0.5);
    if (this.applyGate) {
      const signal = options?.signal;
      await Promise.race([
        this.applyGate,
        new Promise<void>((_, reject) => signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
      ]);
    }
    if (this.applyError) throw this.applyError;
    this.applied.push(plan);
    const cells = plan.resultBlocks.reduce((n, b) => n + b.rows.length * b.headers.length, 0);
    return { resultSheets: plan.resultBlocks.map((b) => b.sheet), sheets: plan.sheets.map((s) => s.name), cellsWritten: cells };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push({ sheet, cell });
  }

  async loadSettings(): Promise<unknown> {
    return this.settings;
  }

  async saveSettings(settings: unknown): Promise<void> {
    this.saved.push(settings);
    this.settings = settings;
  }
}

export const TODAY = () => "2025-03-10";
