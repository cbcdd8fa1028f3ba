// Cockpit and Admin as the people who use them would open them: every view loads, and none of the calls the pages
// make is refused by the engine API's surface (config/engine-api.yml, ADR 20). Refusals the pages expect (a write a
// role may not make) are not triggered here: only views are opened.
import { expect, signInHere } from './browser.mjs';

/** Opens the app, is sent to the service's sign-in page (ADR 21), signs in with a second factor and comes back. */
async function signIn(page, baseUrl, app, user, password, codes) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  await signInHere(page, { user, password, codes });
  await page.waitForURL(url => url.pathname.startsWith(`/camunda/app/${app}/`));
  await page.waitForLoadState('networkidle');
}

/** Visits each view of an app and collects every answer of its APIs that the surface guard refused. */
export async function openEveryView(page, shots, { baseUrl, app, user, password, codes, views }) {
  const refused = [];
  const calls = new Set();
  page.on('response', async response => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/camunda/api/')) {
      return;
    }
    calls.add(`${response.request().method()} ${url.pathname}`);
    if (response.status() === 401 || response.status() === 403) {
      const body = await response.text().catch(() => '');
      if (body.includes('is not open')) {
        refused.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
      }
    }
  });
  await signIn(page, baseUrl, app, user, password, codes);
  for (const view of views) {
    await page.goto(`${baseUrl}/camunda/app/${app}/default/${view}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await shots.take(view.replace(/[^a-z0-9]+/gi, '-'));
  }
  expect(refused.length === 0, `${app} views called operations the surface refuses: ${refused.join(', ')}`);
  expect(calls.size > 5, `${app} made only ${calls.size} calls: did the views load?`);
  return { calls: [...calls].sort() };
}
