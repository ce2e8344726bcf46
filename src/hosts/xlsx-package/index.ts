export { checkUnchanged, closePackage, readPackage, type PackageRead } from "./read";
export { checkOutputKind, writePackage, writePackageTo, type WrittenSheets } from "./write";
export { blockEdits, type BlockEdit } from "./block-edit";
