/**
 * Why a rule is switched off and what to do about it (`rulesOff.*`): the command line's summary,
 * the 评议-说明 sheet and the task pane say the same sentence.
 */
export const rulesOffZh = {
  "rulesOff.line": "{rule} {label}：{detail}",
  "rulesOff.detail": "没有识别到{missing}列，{advice}",
  "rulesOff.rename": "表头{candidates}可能就是这一列：请把表头改为{target}，或在{where}中把它对应到{target}",
  "rulesOff.add": "表中也没有相近的表头：如果有这一列，请把表头改为{target}，或在{where}中选出这一列；没有这一列则此规则不检查",
  "rulesOff.addMany": "表中也没有相近的表头：如果有这些列，请把表头改为{target}，或在{where}中选出它们；没有则此规则不检查",
  "rulesOff.candidate": "“{header}”（{sheet}!{cell}）",
  "rulesOff.field": "“{label}”",
  "rulesOff.where.pane": "上面“1. 识别结果”的列对应",
  "rulesOff.where.file": "加载项的“1. 识别结果”",
} as const;

export const rulesOffEn: Record<keyof typeof rulesOffZh, string> = {
  "rulesOff.line": "{rule} {label}: {detail}",
  "rulesOff.detail": "no {missing} column was recognised; {advice}",
  "rulesOff.rename": "the header {candidates} may be that column: rename it {target}, or map it to {target} in {where}",
  "rulesOff.add": "no header looks like it either: if the sheet has this column, rename its header {target} or pick it in {where}; without it the rule is not checked",
  "rulesOff.addMany": "no header looks like them either: if the sheet has these columns, rename their headers {target} or pick them in {where}; without them the rule is not checked",
  "rulesOff.candidate": "“{header}” ({sheet}!{cell})",
  "rulesOff.field": "“{label}”",
  "rulesOff.where.pane": "the column mapping under “1. What was recognised” above",
  "rulesOff.where.file": "the add-in's “1. What was recognised”",
};
