export { readPackage, type PackageRead } from "./read";
export { writePackage } from "./write";
export { prepareBlockEdit, type BlockEdit } from "./block-edit";
