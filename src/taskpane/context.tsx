import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { WorkbookHost } from "../hosts/host";
import { t, type Locale, type MessageKey, type MessageVars } from "../i18n/t";

interface Pane {
  host: WorkbookHost;
  locale: Locale;
}

const PaneContext = createContext<Pane | null>(null);

export function PaneProvider(props: Pane & { children: ReactNode }) {
  return <PaneContext.Provider value={{ host: props.host, locale: props.locale }}>{props.children}</PaneContext.Provider>;
}

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside PaneProvider");
  return pane;
}

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** `t` bound to the pane's locale. */
export function useT(): Translate {
  const { locale } = usePane();
  return useCallback((key: MessageKey, vars?: MessageVars) => t(key, vars, locale), [locale]);
}

/** zh-CN unless Office reports an English display language. */
export function localeFor(displayLanguage: string | undefined): Locale {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

/** Today in the user's time zone, ISO "YYYY-MM-DD" (the engine takes the date as an input). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
