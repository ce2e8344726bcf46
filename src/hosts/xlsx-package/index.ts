export { readPackage, type PackageRead } from "./read";
export { writePackage, type WrittenSheets } from "./write";
export { blockEdits, type BlockEdit } from "./block-edit";
