/// <reference types="office-js" />
import type { WorkbookPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
import type { ApplyOptions, ApplyReport, WorkbookHost } from "../host";
import { parseA1 } from "./address";
import { applyPlanWith } from "./apply";
import { mapOfficeError } from "./errors";
import type { ExcelRunner, OfficeErrorLike, SettingsStore } from "./excel-api";
import { readWorkbookWith } from "./read";
import { officeCreateWorkbook, officeSettingsStore, type IsSetSupported } from "./runner";

/** Key under which the unit's rule settings are kept in the document. */
export const SETTINGS_KEY = "xianjiao.rules";

/** Office.context.platform values where a download link in the task pane does nothing (WKWebView). */
const NO_DOWNLOADS = new Set(["Mac", "iOS"]);

export interface OfficeHostOptions {
  /** The document's settings; defaults to Office.context.document.settings. */
  settings?: SettingsStore;
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Opens a workbook from .xlsx bytes; defaults to Excel.createWorkbook where ExcelApi 1.8 is there. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Where Excel runs ("PC", "Mac", "OfficeOnline", "iOS"); defaults to Office.context.platform. */
  platform?: string;
}

function defaultIsSetSupported(): IsSetSupported {
  if (typeof Office === "undefined" || !Office.context?.requirements) return () => false;
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

function defaultPlatform(): string | undefined {
  if (typeof Office === "undefined" || !Office.context) return undefined;
  return Office.context.platform === undefined || Office.context.platform === null ? undefined : String(Office.context.platform);
}

/** What a failed settings save said, for the message. */
function saveDetail(error: unknown): string {
  const e = error as OfficeErrorLike & { name?: string };
  return String(e?.message || e?.name || e?.code || error);
}

/**
 * The WorkbookHost over the Excel JavaScript API. `run` is `officeRunner()` inside Excel, or a
 * MemoryWorkbook's runner for the demo, tests and benchmarks. Every Office error comes out as a
 * XianjiaoError whose message says what to do.
 */
export function createOfficeHost(run: ExcelRunner, options: OfficeHostOptions = {}): WorkbookHost {
  const isSetSupported = options.isSetSupported ?? defaultIsSetSupported();
  let store: SettingsStore | undefined = options.settings;
  const settings = () => (store ??= officeSettingsStore());
  const createWorkbook = isSetSupported("ExcelApi", "1.8") ? (options.createWorkbook ?? (options.isSetSupported ? undefined : officeCreateWorkbook(isSetSupported))) : undefined;
  const platform = options.platform ?? defaultPlatform();

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw mapOfficeError(error);
    }
  };

  const host: WorkbookHost = {
    canDownload: platform === undefined || !NO_DOWNLOADS.has(platform),

    readWorkbook: (opts) => guarded(() => run((context) => readWorkbookWith(context, { signal: opts?.signal, onProgress: opts?.onProgress, isSetSupported }))),

    applyPlan: (plan: WorkbookPlan, opts: ApplyOptions = {}): Promise<ApplyReport> =>
      guarded(() =>
        run((context) =>
          applyPlanWith(context, plan, {
            ...opts,
            canNameCategories: isSetSupported("ExcelApi", "1.7"),
            canAskReadOnly: isSetSupported("ExcelApi", "1.8"),
            canFormatAxis: isSetSupported("ExcelApi", "1.8"),
            canPrint: isSetSupported("ExcelApi", "1.9"),
          }),
        ),
      ),

    selectCell: (sheet, cell) =>
      guarded(() =>
        run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(parseA1(cell) ? cell : "A1").select();
          await context.sync();
        }),
      ),

    loadSettings: async () => {
      const value = settings().get(SETTINGS_KEY);
      return value === undefined ? null : value;
    },

    // saveAsync writes the settings into the open document; the file keeps them once it is saved
    saveSettings: async (value) => {
      try {
        settings().set(SETTINGS_KEY, value);
        await settings().saveAsync();
      } catch (error) {
        throw error instanceof XianjiaoError ? error : new XianjiaoError("OFFICE_SETTINGS_NOT_SAVED", { detail: saveDetail(error) }, { cause: error });
      }
    },
  };
  if (createWorkbook) host.openWorkbook = (base64) => guarded(() => createWorkbook(base64));
  return host;
}
