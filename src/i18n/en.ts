import { errorsEn } from "./errors";
import { issuesEn } from "./issues";
import { labelsEn } from "./labels";
import { rulesOffEn } from "./rules-off";
import { settingsEn } from "./settings";
import { buildEn, startupEn } from "./startup";
import { uiEn } from "./ui";
import type { MessageKey } from "./zh-CN";

/** The English catalogue: every zh-CN key must be here (the type checks it). */
export const en: Record<MessageKey, string> = { ...uiEn, ...labelsEn, ...settingsEn, ...rulesOffEn, ...issuesEn, ...errorsEn, ...startupEn, ...buildEn };
