// browser_check.mjs opens an htmap map.html in Debian's Chromium, driven
// by playwright-core, with every network request refused except the file
// itself, and reports what it saw as JSON on stdout. The Go test
// (TestBrowser in ../browser_test.go) writes the page and the config and
// judges the report; this script only observes.
//
// usage: node browser_check.mjs CONFIG.json
// CONFIG: {html, nodeModules, chromium, outDir, expected: {paneId: paths},
//          toggle: paneId, cube: paneId, tooltip: {id, index}}
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { chromium } = await import(pathToFileURL(join(cfg.nodeModules, 'playwright-core', 'index.mjs')).href);

const report = { consoleErrors: [], pageErrors: [], refused: [], requests: [], counts: {}, steps: [] };
const userDataDir = mkdtempSync(join(tmpdir(), 'htmap-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: cfg.chromium,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = context.pages()[0] || await context.newPage();
  const fileURL = pathToFileURL(cfg.html).href;
  await page.route('**', (route) => {
    const url = route.request().url();
    report.requests.push(url);
    if (url === fileURL) return route.continue();
    report.refused.push(url);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => report.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => { if (r.url() !== fileURL && !report.refused.includes(r.url())) report.refused.push(r.url()); });

  await page.goto(fileURL, { waitUntil: 'load' });
  await page.waitForFunction(() => window.htmap && window.htmap.map);
  report.layers = await page.evaluate(() => window.htmap.layers);
  report.steps = await page.evaluate(() => window.htmap.steps);
  report.checkedAtStart = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#panel input[type=checkbox]:checked')).map((c) => c.getAttribute('data-pane')));

  // The view a user first sees.
  const shot = join(cfg.outDir, 'screenshot.png');
  await page.screenshot({ path: shot });
  report.screenshot = shot;

  const paths = (id) => page.locator(`.leaflet-${id}-pane path`).count();
  const signature = (id) => page.evaluate((id) =>
    Array.from(document.querySelectorAll(`.leaflet-${id}-pane path`))
      .map((p) => (p.getAttribute('fill') || '') + (p.getAttribute('d') || '')).join('|'), id);

  // Every layer on: count the SVG paths in its pane.
  for (const id of Object.keys(cfg.expected)) {
    const cb = page.locator(`#cb-${id}`);
    if (!(await cb.isChecked())) await cb.check();
    report.counts[id] = await paths(id);
  }

  // Toggle one layer off and on again with the keyboard (Space on the
  // focused checkbox).
  await page.focus(`#cb-${cfg.toggle}`);
  await page.keyboard.press('Space');
  report.toggleOff = await paths(cfg.toggle);
  report.toggleOffLegendHidden = await page.evaluate((id) => document.getElementById('lg-' + id)?.hidden ?? null, cfg.toggle);
  await page.keyboard.press('Space');
  report.toggleOn = await paths(cfg.toggle);

  // Move the time slider to the first step with the keyboard (Home).
  if (cfg.cube) {
    report.sliderBefore = await page.inputValue('#hm-step');
    const before = await signature(cfg.cube);
    await page.focus('#hm-step');
    await page.keyboard.press('Home');
    report.sliderAfter = await page.inputValue('#hm-step');
    report.sliderOutput = await page.textContent('#hm-step-out');
    report.sliderPaths = await paths(cfg.cube);
    report.sliderChanged = before !== (await signature(cfg.cube));
  }

  if (cfg.tooltip) {
    report.tooltip = await page.evaluate(({ id, index }) => window.htmap.tooltip(id, index), cfg.tooltip);
  }
  report.arrowMarkers = await page.evaluate(() => document.querySelectorAll('path[marker-end="url(#hm-arrow)"]').length);
  report.labels = await page.locator('.hm-label').count();

} finally {
  await context.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
