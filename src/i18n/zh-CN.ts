import { errorsZh } from "./errors";
import { issuesZh } from "./issues";
import { labelsZh } from "./labels";
import { settingsZh } from "./settings";
import { buildZh, startupZh } from "./startup";
import { uiZh } from "./ui";

/** The zh-CN catalogue: the first language and the source of every key. Placeholders: {name}. */
export const zhCN = { ...uiZh, ...labelsZh, ...settingsZh, ...issuesZh, ...errorsZh, ...startupZh, ...buildZh } as const;

export type MessageKey = keyof typeof zhCN;
