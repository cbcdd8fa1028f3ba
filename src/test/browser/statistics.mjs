// The statistics page (/statistics), a page of the service: the national coordinator signs in and lands on this year's
// statistics, reads the three charts and the tables, checks that withheld figures show as c and that no figure below
// the threshold is shown, switches to last year, and downloads the releases as CSV. Every page state is checked with
// axe (serious or critical violations fail); screenshots and axe reports go to the report folder.
import { expect, signInHere } from './browser.mjs';
import { accessible } from './oversight.mjs';

/** A case reference of any prefix (NRM-2026-000001, DEMO-2026-000004). */
const CASE_REFERENCE = /[A-Z]{2,10}-[0-9]{4}-[0-9]{6,}/;

async function signIn(page, baseUrl, path, user, password, codes) {
  await page.goto(`${baseUrl}${path}`);
  await signInHere(page, { user, password, codes });
}

/**
 * What the page shows, checked: the three charts by their accessible names, a table behind each, every number in a
 * table cell or above a bar either a count of at least the threshold or a figure in days, no case reference.
 */
async function released(page, { year, threshold }) {
  for (const name of [`Registered victims by quarter of registration, ${year}`,
    `Registered victims by form of exploitation, ${year}`, `Median days from registration to a decision, ${year}`,
    `Decisions in time and late, ${year}`]) {
    const chart = page.getByRole('img', { name });
    expect(await chart.count() === 1, `one chart named "${name}", saw ${await chart.count()}`);
  }
  const quarters = page.getByRole('table', { name: 'Registered victims by quarter of registration' });
  expect((await quarters.getByRole('rowheader').allInnerTexts()).includes(`${year}-Q1`),
    `the quarter table shows ${year}-Q1`);
  const tables = await page.locator('table[data-table]').count();
  expect(tables >= 13, `every national table is shown, saw ${tables}`);

  const figures = await page.evaluate(() => {
    const numeric = /^[0-9]+(\.[0-9]+)?$/;
    const cells = [...document.querySelectorAll('main td, main th')]
      .map(cell => ({ text: cell.textContent.trim(), kind: cell.classList.contains('count') ? 'count'
        : cell.classList.contains('days') ? 'days' : 'other' }))
      .filter(cell => numeric.test(cell.text));
    const labels = [...document.querySelectorAll('svg.chart text.value')]
      .map(label => ({ text: label.textContent.trim(), kind: label.classList.contains('count') ? 'count'
        : label.classList.contains('days') ? 'days' : 'withheld' }));
    const withheld = [...document.querySelectorAll('main td.withheld')].map(cell => cell.textContent.trim());
    return { cells, labels, withheld, hatched: document.querySelectorAll('svg.chart rect.withheld').length,
      html: document.documentElement.outerHTML };
  });
  const unexplained = figures.cells.filter(cell => cell.kind === 'other');
  expect(unexplained.length === 0, `every number in a table is a count or days: ${JSON.stringify(unexplained)}`);
  const counts = figures.cells.concat(figures.labels).filter(figure => figure.kind === 'count');
  const small = counts.filter(figure => Number(figure.text) < threshold);
  expect(counts.length > 0, 'some counts are released');
  expect(small.length === 0, `no count below ${threshold} is shown: ${JSON.stringify(small)}`);
  expect(figures.labels.filter(label => label.kind === 'withheld').every(label => label.text === 'c'),
    'a withheld bar is labelled c');
  expect(figures.withheld.length > 0 && figures.withheld.every(text => text === 'c'),
    `withheld cells show c: ${figures.withheld.length}`);
  expect(!CASE_REFERENCE.test(figures.html), 'no case reference anywhere on the page');
  return { counts: counts.length, withheld: figures.withheld.length, hatched: figures.hatched };
}

export async function coordinatorReads(page, shots, { baseUrl, user, password, codes, year, previousYear, jurisdiction,
  threshold, outDir }) {
  const checks = [];
  await signIn(page, baseUrl, '/login', user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
  expect(new URL(page.url()).pathname === '/statistics', `a coordinator lands on the statistics page, not ${page.url()}`);
  const explanation = await page.getByRole('region', { name: 'Why some figures are shown as c' }).innerText();
  expect(explanation.includes(`no count below ${threshold}`) && explanation.includes('fewer than'),
    `the threshold is explained: ${explanation}`);
  const thisYear = await released(page, { year, threshold });
  checks.push(await accessible(page, outDir, 'statistics-this-year'));
  await shots.take('this-year');

  // Another year: the pickers are an ordinary GET form.
  await page.getByLabel('Year', { exact: true }).selectOption(String(previousYear));
  await page.getByLabel('Jurisdiction', { exact: true }).selectOption(jurisdiction);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(url => url.searchParams.get('year') === String(previousYear));
  await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
  const intro = await page.locator('main > p').first().innerText();
  expect(intro.includes(`registered in ${previousYear}`), `the page says which year it shows: ${intro}`);
  const lastYear = await released(page, { year: previousYear, threshold });
  expect(lastYear.hatched > 0, 'a withheld value is drawn as a hatched bar');
  checks.push(await accessible(page, outDir, 'statistics-last-year'));
  await shots.take('last-year');

  // Download: served as CSV, the table ids in it, under the release's name.
  const link = page.getByRole('link', { name: 'National tables (CSV)' });
  const href = await link.getAttribute('href');
  const response = await page.request.get(new URL(href, page.url()).toString());
  const body = await response.text();
  expect(response.status() === 200 && response.headers()['content-type'].startsWith('text/csv'),
    `the national tables come as text/csv: ${response.status()} ${response.headers()['content-type']}`);
  expect(body.includes('registered-victims-by-quarter') && body.includes(`${previousYear}-Q1`),
    'the CSV holds the quarter table of the year shown');
  expect(!CASE_REFERENCE.test(body), 'no case reference in the CSV');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const expected = `statistics-national-${jurisdiction}-${previousYear}.csv`;
  expect(download.suggestedFilename() === expected, `the download is named ${expected}: ${download.suggestedFilename()}`);
  for (const name of ['Eurostat table (CSV)', 'Regional exchange template (CSV)', 'CTDC records (CSV)']) {
    const other = await page.request.get(new URL(await page.getByRole('link', { name }).getAttribute('href'),
      page.url()).toString());
    expect(other.status() === 200 && other.headers()['content-type'].startsWith('text/csv'),
      `${name} comes as text/csv: ${other.status()} ${other.headers()['content-type']}`);
  }

  // A year that is not one is explained, not a stack trace.
  const refused = await page.goto(`${baseUrl}/statistics?year=20x6`);
  expect(refused.status() === 400, `a bad year answers 400, not ${refused.status()}`);
  const alert = await page.getByRole('alert').innerText();
  expect(alert.includes('four digits'), `a bad year is explained: ${alert}`);
  checks.push(await accessible(page, outDir, 'statistics-refused'));
  await shots.take('refused');

  // Keyboard: on a fresh visit the first tab stop is the skip link.
  await page.goto(`${baseUrl}/statistics`);
  await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
  expect(focused && focused.includes('Skip to content'), `first tab stop is the skip link, was ${focused}`);
  return { checks, countsChecked: thisYear.counts + lastYear.counts, withheldCells: thisYear.withheld };
}

/** A caseworker signs in and asks for the statistics page: refused with 403. */
export async function refusesOthers(page, shots, { baseUrl, user, password, codes, outDir }) {
  await signIn(page, baseUrl, '/statistics', user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Your role does not allow this page' }).waitFor();
  const again = await page.goto(`${baseUrl}/statistics`);
  expect(again.status() === 403, `the statistics page answers ${user} with 403, not ${again.status()}`);
  await shots.take('refused-role');
  return { checks: [await accessible(page, outDir, 'statistics-refused-role')] };
}
