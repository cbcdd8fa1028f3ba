// The mobile teams' field page (/field) on a phone: 375 px wide, a throttled slow connection (CDP), the connection
// dropped mid-way. Every page state is checked with axe. Answers what it measured for the Java side and the benchmark.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from './browser.mjs';

const BLOCKING = new Set(['serious', 'critical']);

/** A slow 3G-like link: 400 ms latency, 400 kbit/s down, 400 kbit/s up. */
export const SLOW = { offline: false, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 50 * 1024 };

async function accessible(page, outDir, state) {
  // On the throttled link the page is read as soon as its heading is there, while its stylesheet may still be on the
  // way: axe measures the page as the team sees it, styled.
  await page.waitForLoadState('load');
  await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
    'best-practice']).analyze();
  fs.writeFileSync(path.join(outDir, `field-axe-${state}.json`), JSON.stringify(results.violations, null, 2));
  const blocking = results.violations.filter(violation => BLOCKING.has(violation.impact));
  expect(blocking.length === 0, `axe (${state}): ${blocking.map(violation => `${violation.id} (${violation.impact}): `
    + violation.nodes.map(node => node.target.join(' ')).join(', ')).join('; ')}`);
  return state;
}

/** A phone: 375 px, touch, throttled; counts every response's bytes and checks each says no-store. */
export async function phone(browser, network = SLOW) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true,
    deviceScaleFactor: 2, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', network);
  const traffic = { bytes: 0, requests: 0, urls: [], cacheable: [] };
  cdp.on('Network.loadingFinished', event => { traffic.bytes += event.encodedDataLength; });
  cdp.on('Network.responseReceived', event => {
    traffic.requests += 1;
    traffic.urls.push(event.response.url);
    const cache = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'cache-control');
    if (!cache || !/no-store/.test(cache[1])) {
      traffic.cacheable.push(`${event.response.status} ${event.response.url}`);
    }
  });
  return { context, page, cdp, traffic };
}

async function signIn(page, baseUrl, user, password) {
  await page.goto(`${baseUrl}/field`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mobile team' }).waitFor();
}

/** Time to interactive of the page now loaded: navigation start to the end of loading with the script run. */
async function timeToInteractive(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return Math.round(nav.domInteractive > 0 ? Math.max(nav.domContentLoadedEventEnd, nav.domInteractive) : 0);
  });
}

/**
 * Open a case as the team and screen it on a phone: indicators ticked one by one (each kept on the server), the
 * connection dropped after a few, more ticked while offline, the screening submitted while offline and sent by itself
 * when the connection is back; the opening form sent twice. Then the recommendation is confirmed.
 */
export async function screenOnPhone(page, shots, { baseUrl, user, password, indicators, outDir }) {
  const { context, page: mobile, cdp, traffic } = await phone(page.context().browser());
  const started = Date.now();
  const checks = [];
  const tti = {};
  await signIn(mobile, baseUrl, user, password);
  tti.home = await timeToInteractive(mobile);
  checks.push(await accessible(mobile, outDir, 'home'));

  // Open the case: routing facts, the team, the interview's language and interpreter.
  await mobile.getByLabel('Where did first contact happen?').selectOption('Outreach');
  await mobile.getByRole('radio', { name: 'Adult' }).check();
  await mobile.getByLabel('Suspected form of exploitation').selectOption('LabourExploitation');
  await mobile.getByRole('group', { name: 'Is the person a foreign national?' }).getByRole('radio', { name: 'Yes' }).check();
  await mobile.getByRole('group', { name: 'Is an interpreter interpreting?' }).getByRole('radio', { name: 'Yes' }).check();
  await mobile.getByLabel('Language of the interview').fill('ro');
  // The same form sent twice (a double tap on a slow link): one case.
  const form = mobile.locator('form[action="/field/cases"]');
  const twice = await mobile.evaluate(async () => {
    const formElement = document.querySelector('form[action="/field/cases"]');
    const send = () => fetch(formElement.action, { method: 'POST', body: new URLSearchParams(new FormData(formElement)),
      headers: { Accept: 'application/json' } }).then(response => response.json());
    const [first, second] = await Promise.all([send(), send()]);
    return [first.location, second.location];
  });
  expect(twice[0] === twice[1], `the same opening form sent twice opens one case: ${twice}`);
  await mobile.screenshot({ path: path.join(outDir, 'field-opening.png'), fullPage: true });
  await form.getByRole('button', { name: 'Open the case and screen' }).click();
  await mobile.waitForURL(url => url.pathname === new URL(twice[0], baseUrl).pathname);
  const screeningUrl = mobile.url();
  const caseReference = (await mobile.getByRole('heading', { level: 1 }).innerText()).replace('Case ', '').trim();
  expect(/^[A-Z]+-\d{4}-\d{6,}$/.test(caseReference), `a case reference in the heading: ${caseReference}`);
  tti.screening = await timeToInteractive(mobile);
  checks.push(await accessible(mobile, outDir, 'indicators'));

  const boxes = mobile.locator('input[name="indicator"]');
  const codes = indicators;
  const half = Math.ceil(codes.length / 2);
  for (const code of codes.slice(0, half)) {
    await mobile.locator(`input[name="indicator"][value="${code}"]`).check();
    await mobile.getByRole('status').filter({ hasText: 'Saved on the server.' }).waitFor();
  }
  // The connection drops: the page says so; answers given meanwhile stay on the screen.
  await context.setOffline(true);
  await cdp.send('Network.emulateNetworkConditions', { ...SLOW, offline: true });
  await mobile.evaluate(() => window.dispatchEvent(new Event('offline')));
  for (const code of codes.slice(half)) {
    await mobile.locator(`input[name="indicator"][value="${code}"]`).check();
  }
  await mobile.locator('#offline').waitFor({ state: 'visible' });
  checks.push(await accessible(mobile, outDir, 'offline'));
  await mobile.screenshot({ path: path.join(outDir, 'field-offline.png'), fullPage: true });
  await mobile.getByRole('button', { name: 'Submit the screening' }).click();
  await mobile.waitForTimeout(500);
  expect(mobile.url() === screeningUrl, 'an offline submit keeps the page and its answers');
  const kept = await boxes.evaluateAll(list => list.filter(box => box.checked).map(box => box.value));
  expect(codes.every(code => kept.includes(code)), `answers kept on screen while offline: ${kept}`);
  // Back online: the submit goes out by itself.
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  await context.setOffline(false);
  await mobile.getByRole('heading', { level: 2, name: 'The recommendation' }).waitFor();
  checks.push(await accessible(mobile, outDir, 'recommendation'));
  const recommendation = await mobile.locator('.recommendation').innerText();

  // The same screening submitted again (a resubmission after the connection dropped): nothing changes.
  await mobile.getByRole('radio', { name: 'Yes' }).check();
  await mobile.getByRole('button', { name: 'Record the decision' }).click();
  await mobile.getByRole('heading', { level: 2, name: 'Nothing for the team to do now' }).waitFor();
  checks.push(await accessible(mobile, outDir, 'waiting'));
  await mobile.screenshot({ path: path.join(outDir, 'field-waiting.png'), fullPage: true });
  const seconds = (Date.now() - started) / 1000;
  const storage = await deviceStorage(mobile, context);
  await context.close();
  return { caseReference, screeningUrl, recommendation, seconds, tti, bytes: traffic.bytes, requests: traffic.requests,
    cacheable: traffic.cacheable, urls: traffic.urls, storage, checks };
}

/**
 * Another phone: a team member signs in, finds the screening on the team's page, records the person's consent, and
 * the case goes to case management. Answers what the device holds afterwards.
 */
export async function resumeOnAnotherPhone(page, shots, { baseUrl, user, password, caseReference, outDir }) {
  const { context, page: mobile, traffic } = await phone(page.context().browser());
  await signIn(mobile, baseUrl, user, password);
  await mobile.getByRole('link', { name: new RegExp(caseReference) }).click();
  await mobile.getByRole('heading', { level: 2, name: 'The person\'s consent' }).waitFor();
  const checks = [await accessible(mobile, outDir, 'consent')];
  for (const purpose of ['Referral for protection and assistance', 'Receiving services', 'Cooperating with police']) {
    await mobile.getByRole('group', { name: purpose }).getByRole('radio', { name: 'Yes' }).check();
  }
  await mobile.getByRole('checkbox', { name: 'Social services' }).check();
  await mobile.getByRole('button', { name: 'Record consent and hand over' }).click();
  // Case management takes over in a step of its own (asynchronous): until it has, the team has nothing to do.
  await mobile.getByRole('heading', { level: 2, name: /Handed over|Nothing for the team to do now/ }).waitFor();
  checks.push(await accessible(mobile, outDir, 'handed-over'));
  await mobile.screenshot({ path: path.join(outDir, 'field-handed-over.png'), fullPage: true });
  const storage = await deviceStorage(mobile, context);
  const handedOverText = await mobile.locator('.state').innerText();
  await context.close();
  return { checks, storage, handedOverText, cacheable: traffic.cacheable, urls: traffic.urls };
}

/** Everything the browser keeps for the site: web storage, IndexedDB, Cache Storage, cookies. */
async function deviceStorage(page, context) {
  const inPage = await page.evaluate(async () => {
    const local = Object.fromEntries(Object.entries(localStorage));
    const session = Object.fromEntries(Object.entries(sessionStorage));
    const databases = indexedDB.databases ? (await indexedDB.databases()).map(db => db.name) : [];
    const caches = self.caches ? await self.caches.keys() : [];
    const workers = navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0;
    return { local, session, databases, caches, workers };
  });
  const cookies = (await context.cookies()).map(cookie => ({ name: cookie.name, value: cookie.value,
    httpOnly: cookie.httpOnly, sameSite: cookie.sameSite }));
  return { ...inPage, cookies };
}
