export { draftEml, XLSX_TYPE, type DraftMail } from "./eml";
export { summaryMail, type SummaryMailInput } from "./summaryMail";
export { isEmailAddress } from "../rules/email";
