import type { WorkbookHost } from "../hosts/host";

export interface HostObserver {
  /** The workbook changed (a plan was applied, even in part). */
  changed(): void;
  /** A cell was selected through the host (an issue clicked in the pane). */
  selected(sheet: string, cell: string): void;
}

/** The same host, telling the grid when the workbook changed or a cell was selected. */
export function observedHost(host: WorkbookHost, observer: HostObserver): WorkbookHost {
  return {
    ...host,
    readWorkbook: (options) => host.readWorkbook(options),
    loadSettings: () => host.loadSettings(),
    applyPlan: async (plan, options) => {
      try {
        return await host.applyPlan(plan, options);
      } finally {
        observer.changed();
      }
    },
    selectCell: async (sheet, cell) => {
      await host.selectCell(sheet, cell);
      observer.selected(sheet, cell);
    },
    saveSettings: (settings) => host.saveSettings(settings),
  };
}
