const { chromium } = require("playwright-core");
(async () => {
  const [url, out, w, h, action] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"], headless: true });
  const page = await browser.newPage({ viewport: { width: Number(w || 1400), height: Number(h || 900) } });
  page.on("console", (m) => console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.goto(url);
  await page.getByRole("tab").first().waitFor({ timeout: 120000 });
  await page.getByRole("button", { name: /^(评议|Evaluate)$/ }).waitFor();
  await page.waitForTimeout(500);
  if (action === "eval") {
    const t0 = Date.now();
    await page.getByRole("button", { name: "评议", exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.evaluated, null, { timeout: 300000 });
    console.log("evaluated", await page.evaluate(() => document.body.dataset.evaluated), "wall", Date.now() - t0);
    console.log("rows in DOM", await page.evaluate(() => document.querySelectorAll("[data-testid=grid] tbody tr").length));
  }
  const metrics = await page.evaluate(() => { const a = document.querySelector("[data-testid=pane]"); return { sw: a.scrollWidth, cw: a.clientWidth }; });
  console.log(JSON.stringify(metrics));
  await page.screenshot({ path: out });
  await browser.close();
})();
