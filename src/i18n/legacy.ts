/**
 * What the small ES5 script says that runs before the bundle, in an Internet Explorer or old Edge
 * web view that cannot run the bundle at all (part of the `startup.*` messages). Kept in a file of
 * their own so that script carries these few sentences and nothing else of the catalogue.
 */
export const legacyZh = {
  "startup.oldWebview":
    "此 Excel 使用的网页组件太旧（如 Internet Explorer、旧版 Edge 或旧版 Safari），无法运行先教评议助手。请改用 Microsoft 365 或 Office 2021 及以上版本的 Excel、更新操作系统，或在 Excel 网页版中打开；也可以把工作簿交给单位管理员，用先教评议助手的命令行版本评议",
  "startup.bundleFailed": "先教评议助手的程序文件没有完整加载。请关闭任务窗格后重新打开；如果仍然这样，请联系管理员检查加载项服务器",
  "startup.help": "使用说明和联系人",
} as const;

export const legacyEn: Record<keyof typeof legacyZh, string> = {
  "startup.oldWebview":
    "The web component this Excel uses is too old (such as Internet Explorer, the old Edge or an old Safari) to run Xianjiao Review. Use Excel from Microsoft 365 or Office 2021 or later, update the operating system, or use Excel on the web; or ask your administrator to evaluate the workbook with the command-line version",
  "startup.bundleFailed": "The add-in's program files did not load completely. Close the task pane and open it again; if this persists, ask your administrator to check the add-in server",
  "startup.help": "Help and contacts",
};
