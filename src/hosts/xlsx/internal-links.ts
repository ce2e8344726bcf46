/**
 * exceljs 4.4 writes every hyperlink with a relationship (an external target) and, for a target
 * like "'Sheet'!B7", a `location` too; Excel follows the relationship, a file of that name. A
 * link to a cell of the workbook is written here as Excel writes one: `location` alone.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const HyperlinkXform = require("exceljs/lib/xlsx/xform/sheet/hyperlink-xform.js");

let installed = false;

interface LinkModel {
  address: string;
  rId?: string;
  tooltip?: string;
  target?: string;
}

export function installInternalLinks(): void {
  if (installed) return;
  installed = true;
  const proto = HyperlinkXform.prototype;
  const render = proto.render;
  proto.render = function (xmlStream: { leafNode: (tag: string, attrs: object) => void }, model: LinkModel) {
    if (!this.isInternalLink(model)) return render.call(this, xmlStream, model);
    xmlStream.leafNode("hyperlink", { ref: model.address, tooltip: model.tooltip, location: model.target });
  };
}
