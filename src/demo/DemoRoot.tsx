import { useCallback, useEffect, useRef, useState } from "react";
import { describeError, XianjiaoError } from "../errors";
import { createOfficeHost } from "../hosts/office";
import type { WorkbookHost } from "../hosts/host";
import type { Rect } from "../hosts/office/address";
import type { MemoryWorkbook } from "../hosts/memory/workbook";
import { t } from "../i18n/t";
import { DemoApp } from "./DemoApp";
import { DemoHeader, type DemoNotice } from "./DemoHeader";
import type { DemoOptions } from "./params";
import { bookFromSheets, sheetsFromXlsx } from "./workbookFile";

interface Loaded {
  /** A new id mounts a fresh grid and pane. */
  id: number;
  book: MemoryWorkbook;
  host: WorkbookHost;
  merges: ReadonlyMap<string, Rect[]>;
  name: string;
  isSample: boolean;
}

/** The in-memory workbook and host of an .xlsx's bytes (parsed in the page). */
async function openBytes(bytes: ArrayBuffer, name: string): Promise<Omit<Loaded, "id" | "isSample">> {
  const { book, merges } = bookFromSheets(await sheetsFromXlsx(bytes, name));
  const host = createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
  return { book, host, merges, name };
}

/** A picked file's bytes, read in the page (FileReader: every browser an Office pane runs in has it). */
function fileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsArrayBuffer(file);
  });
}

/** A workbook the page could not fetch; the message is the whole sentence to show. */
class FetchFailed extends Error {}

/** Fetches the workbook the page was asked for (the sample, or ?workbook= of the same origin). */
async function fetchBytes(options: DemoOptions): Promise<ArrayBuffer> {
  const response = await fetch(options.workbookUrl);
  if (!response.ok) throw new FetchFailed(t("ui.demo.notFound", { name: options.workbookName, status: response.status }, options.locale));
  return response.arrayBuffer();
}

/**
 * The demo page: loads the sample (or ?workbook=) on start, and any .xlsx the user picks with
 * 打开工作簿… — read in the page, never sent anywhere. A workbook that cannot be opened leaves the
 * one shown before in place and says why.
 */
export function DemoRoot({ options }: { options: DemoOptions }) {
  const { locale } = options;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [notice, setNotice] = useState<DemoNotice>({
    kind: "loading",
    text: options.isSample ? t("ui.demo.loading", {}, locale) : t("ui.demo.loadingWorkbook", { name: options.workbookName }, locale),
  });
  const nextId = useRef(0);

  const open = useCallback(
    async (name: string, isSample: boolean, bytes: () => Promise<ArrayBuffer>) => {
      setNotice({ kind: "loading", text: isSample ? t("ui.demo.loading", {}, locale) : t("ui.demo.loadingWorkbook", { name }, locale) });
      try {
        const workbook = await openBytes(await bytes(), name);
        setLoaded({ ...workbook, id: ++nextId.current, isSample });
        setNotice(null);
        document.body.dataset.loaded = "true";
      } catch (error) {
        const text =
          error instanceof FetchFailed
            ? error.message
            : error instanceof XianjiaoError
              ? describeError(error, locale)
              : isSample
                ? t("ui.demo.loadFailed", { detail: describeError(error, locale) }, locale)
                : t("ui.demo.workbookFailed", { name, detail: describeError(error, locale) }, locale);
        setNotice({ kind: "failed", text });
      }
    },
    [locale],
  );

  useEffect(() => {
    void open(options.workbookName, options.isSample, () => fetchBytes(options));
  }, [open, options]);

  const onOpenFile = useCallback((file: File) => void open(file.name, false, () => fileBytes(file)), [open]);

  if (!loaded) {
    return (
      <div style={{ display: "flex", flexDirection: "column", height: "100vh", fontFamily: "'Segoe UI', 'Microsoft YaHei', sans-serif" }}>
        <DemoHeader locale={locale} workbookName={null} isSample={options.isSample} notice={notice} onOpenFile={onOpenFile} />
      </div>
    );
  }
  return (
    <DemoApp
      key={loaded.id}
      book={loaded.book}
      host={loaded.host}
      merges={loaded.merges}
      options={{ ...options, workbookName: loaded.name, isSample: loaded.isSample }}
      notice={notice}
      onOpenFile={onOpenFile}
    />
  );
}
