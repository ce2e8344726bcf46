import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

/** The README and the documents link only to files of the repository, and those files exist. */

const ROOT = resolve(__dirname, "../..");
const DOCS = ["README.md", ...readdirSync(resolve(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

test.each(DOCS)("%s links to nothing outside the repository and to no missing file", (doc) => {
  const text = readFileSync(resolve(ROOT, doc), "utf8");
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^(https?:|mailto:|#)/.test(href));
  for (const href of links) {
    const target = resolve(dirname(resolve(ROOT, doc)), decodeURIComponent(href.split("#")[0]));
    expect({ href, inside: !relative(ROOT, target).startsWith("..") }).toEqual({ href, inside: true });
    expect({ href, exists: existsSync(target) }).toEqual({ href, exists: true });
  }
  // no path of the machine the project came from
  expect(text).not.toMatch(/\.\.\/shared\/|\/work\//);
});

test("the README links to the rules and to the deployment guide", () => {
  const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
  expect(readme).toContain("](docs/评议规则.md)");
  expect(readme).toContain("](docs/部署指南.md)");
});
