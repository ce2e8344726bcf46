import { useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookHost } from "../hosts/host";
import type { Rect } from "../hosts/office/address";
import type { MemoryWorkbook } from "../hosts/memory/workbook";
import { t } from "../i18n/t";
import { App, type PaneEvents } from "../taskpane/App";
import { DemoHeader, type DemoNotice } from "./DemoHeader";
import { observedHost } from "./demoHost";
import { GridView } from "./GridView";
import type { DemoOptions } from "./params";

interface Props {
  book: MemoryWorkbook;
  host: WorkbookHost;
  /** Merged areas per sheet name, as the loaded file had them. */
  merges: ReadonlyMap<string, Rect[]>;
  options: DemoOptions;
  /** A workbook being opened, or why the last one could not be. */
  notice?: DemoNotice;
  onOpenFile?(file: File): void;
}

/**
 * Marks the page once a run's results are painted: `document.body.dataset.evaluated` holds the
 * milliseconds from the click on 评议 to the first frame after the grid and the pane rendered
 * them (the animation frame, then a task, so the frame's paint is included). Benchmarks read it.
 */
function markEvaluated(started: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      document.body.dataset.evaluated = String(Math.round(performance.now() - started));
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** The grid of the in-memory workbook on the left, the task pane on the right. */
export function DemoApp({ book, host, merges, options, notice = null, onOpenFile = () => undefined }: Props) {
  const { locale } = options;
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState(book.sheets[0]?.name ?? "");
  const [headerRows, setHeaderRows] = useState<ReadonlyMap<string, number>>(new Map());
  const [scrollTo, setScrollTo] = useState<{ sheet: string; column: number; nonce: number } | null>(null);
  const [painted, setPainted] = useState<{ started: number } | null>(null);
  const started = useRef<number | null>(null);

  const observed = useMemo(
    () =>
      observedHost(host, {
        changed: () => setVersion((v) => v + 1),
        selected: (name) => {
          setSheet(book.sheet(name)?.name ?? name);
          setVersion((v) => v + 1);
        },
      }),
    [host, book],
  );

  const events = useMemo<PaneEvents>(
    () => ({
      recognised: (tables) => setHeaderRows(new Map(tables.map((table) => [table.sheet.toLowerCase(), table.headerRow + 1]))),
      evaluateStart: () => {
        started.current = performance.now();
        delete document.body.dataset.evaluated;
      },
      evaluateEnd: (result) => {
        if (!result || started.current === null) return;
        // the colours are the point: show the first result column of the member list
        const block = result.plan.resultBlocks[0];
        if (block) {
          const name = book.sheet(block.sheet)?.name ?? block.sheet;
          setSheet(name);
          setScrollTo((previous) => ({ sheet: name, column: block.firstColumn, nonce: (previous?.nonce ?? 0) + 1 }));
        }
        setPainted({ started: started.current });
        started.current = null;
      },
    }),
    [book],
  );

  useEffect(() => (painted ? markEvaluated(painted.started) : undefined), [painted]);

  /** Typing into a cell, as a secretary corrects a grade by hand: written through the Excel API, so our conditional formats recolour it. */
  const edit = (cell: string, text: string) => {
    const trimmed = text.trim();
    const value = trimmed !== "" && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : text;
    void book
      .run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      })
      .then(
        () => setVersion((v) => v + 1),
        () => setVersion((v) => v + 1),
      );
  };

  /** A sheet tab renamed, through the Excel API as a user's rename would be; a name Excel refuses leaves the tab as it was. */
  const rename = (from: string, to: string) => {
    void book
      .run(async (context) => {
        context.workbook.worksheets.getItem(from).name = to;
        await context.sync();
      })
      .then(
        () => {
          setSheet((current) => (current === from ? to : current));
          setVersion((v) => v + 1);
        },
        () => setVersion((v) => v + 1),
      );
  };

  const selection = book.selection && book.selection.sheet.toLowerCase() === sheet.toLowerCase() ? book.selection.address.replace(/^.*!/, "").replace(/\$/g, "") : null;
  return (
    <div style={{ display: "flex", height: "100vh", fontFamily: "'Segoe UI', 'Microsoft YaHei', sans-serif" }}>
      <div style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column" }}>
        <DemoHeader locale={locale} workbookName={options.workbookName} isSample={options.isSample} notice={notice} onOpenFile={onOpenFile} />
        <div style={{ flex: 1, minHeight: 0 }}>
          <GridView
            book={book}
            sheet={sheet}
            version={version}
            selected={selection}
            onSheetChange={setSheet}
            merges={merges.get(sheet)}
            headerRowsAbove={headerRows.get(sheet.toLowerCase())}
            scrollTo={scrollTo}
            label={t("ui.demo.grid", { sheet }, locale)}
            onEdit={edit}
            onRename={rename}
            renameLabel={(name) => t("ui.demo.renameSheet", { sheet: name }, locale)}
          />
        </div>
      </div>
      <aside
        style={{ width: options.paneWidth, flexShrink: 0, borderLeft: "1px solid #CCC", overflowY: "auto", overflowX: "hidden", boxSizing: "border-box" }}
        aria-label={t("ui.appName", {}, locale)}
        data-testid="pane"
      >
        <App host={observed} locale={locale} events={events} />
      </aside>
    </div>
  );
}
