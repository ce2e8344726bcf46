import type { WorkbookHost } from "../hosts/host";

/** The same host, telling the grid when the workbook changed or a cell was selected. */
export function observedHost(host: WorkbookHost, onChange: () => void): WorkbookHost {
  return {
    ...host,
    readWorkbook: (options) => host.readWorkbook(options),
    loadSettings: () => host.loadSettings(),
    applyPlan: async (plan, options) => {
      try {
        return await host.applyPlan(plan, options);
      } finally {
        onChange();
      }
    },
    selectCell: async (sheet, cell) => {
      await host.selectCell(sheet, cell);
      onChange();
    },
    saveSettings: (settings) => host.saveSettings(settings),
  };
}
