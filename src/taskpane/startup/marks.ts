/**
 * What the page, its two ES5 start-up scripts and the bundle agree on. Plain strings: the ES5
 * scripts import them too.
 */

/** Microsoft's CDN copy of Office.js. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The add-in's own copy, relative to taskpane.html (office.js finds its other files beside it). */
export const OFFICE_LOCAL = "office-js/office.js";
/** The support page, relative to taskpane.html. */
export const HELP_PAGE = "support.html";
/** The element the pane renders into, which holds a start-up sentence until then. */
export const ROOT_ID = "root";

/** Set on <html> by the bundle as soon as it runs. */
export const STARTED_MARK = "data-pane-started";
/** Set on <html> by the ES5 check when this web view cannot run the bundle (the bundle then stays quiet). */
export const UNSUPPORTED_MARK = "data-pane-unsupported";
