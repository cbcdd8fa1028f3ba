// The national coordinator's page of transnational referrals (/transnational), a page of the service: the coordinator
// of the receiving instance signs in, finds the referral that arrived from the peer among those waiting for an answer,
// opens it, asks to see what it carries (a look the audit trail records) and reads the fields that travelled. Every
// page state is checked with axe (serious or critical violations fail); screenshots and axe reports go to the report
// folder. Someone who is not the coordinator is refused.
import { expect, signInHere } from './browser.mjs';
import { accessible } from './oversight.mjs';

async function signIn(page, baseUrl, user, password, codes) {
  await page.goto(`${baseUrl}/transnational`);
  await signInHere(page, { user, password, codes });
}

export async function coordinatorReadsIncoming(page, shots, { baseUrl, user, password, codes, referralId, fromCountry,
  expectedValue, outDir }) {
  const checks = [];
  await signIn(page, baseUrl, user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Transnational referrals' }).waitFor();
  expect(new URL(page.url()).pathname === '/transnational', `the coordinator lands on the page, not ${page.url()}`);
  const waiting = page.getByRole('table', { name: 'Referrals from peers not yet answered, as they arrived' });
  const row = waiting.locator(`tr[data-referral-id="${referralId}"]`);
  expect(await row.count() === 1, `the referral ${referralId} waits for an answer`);
  expect((await row.innerText()).includes(fromCountry), `it came from ${fromCountry}`);
  checks.push(await accessible(page, outDir, 'transnational-overview'));
  await shots.take('transnational-overview');

  await row.getByRole('link', { name: /Open referral/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Incoming referral' }).waitFor();
  const before = await page.locator('main').innerText();
  expect(!before.includes(expectedValue), 'what the referral carries is not shown before it is asked for');
  checks.push(await accessible(page, outDir, 'transnational-incoming'));
  await shots.take('transnational-incoming');

  await page.getByRole('button', { name: 'Show what the referral carries' }).click();
  const identity = page.getByRole('table', { name: 'Section identity' });
  await identity.waitFor();
  expect((await identity.innerText()).includes(expectedValue), 'the identity that travelled is shown on request');
  checks.push(await accessible(page, outDir, 'transnational-content'));
  await shots.take('transnational-content');
  return { checks };
}

export async function refusesOthers(page, shots, { baseUrl, user, password, codes, outDir }) {
  await signIn(page, baseUrl, user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Your role does not allow this page' }).waitFor();
  await shots.take('transnational-refused');
  return { checks: [await accessible(page, outDir, 'transnational-refused')] };
}
