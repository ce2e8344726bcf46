/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for node -r */
// office-addin-manifest's ajv-draft-04 needs ajv 8, but npm hoisted eslint's ajv 6 beside it;
// resolve its "ajv/…" requests from @microsoft/app-manifest, which carries ajv 8.
const Module = require("module");
const path = require("path");
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (/^ajv(\/|$)/.test(request) && parent && parent.filename && parent.filename.includes(`${path.sep}ajv-draft-04${path.sep}`)) {
    try {
      const base = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
      return original.call(this, request, { ...parent, paths: [path.join(base, "node_modules")] }, ...rest);
    } catch {
      /* fall through to the normal resolution */
    }
  }
  return original.call(this, request, parent, ...rest);
};
