import { errorsZh } from "./errors";
import { issuesZh } from "./issues";
import { uiZh } from "./ui";

/** The zh-CN catalogue: the first language and the source of every key. Placeholders: {name}. */
export const zhCN = { ...uiZh, ...issuesZh, ...errorsZh } as const;

export type MessageKey = keyof typeof zhCN;
