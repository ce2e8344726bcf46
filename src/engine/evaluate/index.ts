export { evaluateMembers } from "./evaluateMembers";
export type { MemberEvaluation } from "./evaluateMembers";
export { chineseNumeral, shareText } from "./text";
