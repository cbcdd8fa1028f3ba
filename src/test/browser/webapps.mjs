// Cockpit and Admin as the people who use them would open them: every view loads, and none of the calls the pages
// make is refused by the engine API's surface (config/engine-api.yml, ADR 20). Refusals the pages expect (a write a
// role may not make) are not triggered here: only views are opened.
import { expect } from './browser.mjs';

async function signIn(page, baseUrl, app, user, password) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  await page.waitForLoadState('networkidle');
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill(password);
  await page.click('button[type=submit]');
  await page.waitForLoadState('networkidle');
}

/** Visits each view of an app and collects every answer of its APIs that the surface guard refused. */
export async function openEveryView(page, shots, { baseUrl, app, user, password, views }) {
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
  await signIn(page, baseUrl, app, user, password);
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
