/** Task pane and command-line wording (`ui.*`, `cli.*`). */
export const uiZh = {
  "ui.appName": "先教评议助手",
} as const;

export const uiEn: Record<keyof typeof uiZh, string> = {
  "ui.appName": "Xianjiao Review",
};
