/**
 * Text from a workbook or a file name, made safe to print on a terminal: escape sequences
 * (colours, cursor moves, window titles), other control characters and the invisible marks
 * that reorder how a line is shown are removed, so a cell cannot repaint or disguise what the
 * command line says. Line breaks and tabs stay.
 */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(ESCAPES, "").replace(/\r\n?/g, "\n").replace(CONTROLS, "");
}
