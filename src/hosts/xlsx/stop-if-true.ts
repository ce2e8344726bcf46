/**
 * exceljs 4.4 neither writes nor reads `stopIfTrue` on conditional-format rules. Our highlight
 * rules rely on it (the first matching text wins), so the rule xform is extended once here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CfRuleXform = require("exceljs/lib/xlsx/xform/sheet/cf/cf-rule-xform.js");

let installed = false;

export function installStopIfTrue(): void {
  if (installed) return;
  installed = true;
  const proto = CfRuleXform.prototype;
  const renderExpression = proto.renderExpression;
  proto.renderExpression = function (xmlStream: { openNode: (tag: string, attrs: object) => void }, model: { stopIfTrue?: boolean }) {
    if (!model.stopIfTrue) return renderExpression.call(this, xmlStream, model);
    const openNode = xmlStream.openNode;
    xmlStream.openNode = function (tag: string, attrs: object) {
      xmlStream.openNode = openNode;
      return openNode.call(this, tag, { ...attrs, stopIfTrue: "1" });
    };
    return renderExpression.call(this, xmlStream, model);
  };
  const createNewModel = proto.createNewModel;
  proto.createNewModel = function (node: { attributes: Record<string, string> }) {
    const model = createNewModel.call(this, node);
    if (node.attributes.stopIfTrue === "1" || node.attributes.stopIfTrue === "true") model.stopIfTrue = true;
    return model;
  };
}
