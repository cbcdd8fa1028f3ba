// Sign-in through the identity provider (ADR 21): a caseworker opens Tasklist, is sent to the service's sign-in page,
// chooses the provider, signs in on the provider's own page (Spring Authorization Server, started by the test) and is
// back in Tasklist with their agency's tasks. Tasklist's "Log out" leads to the service's sign-out, which ends the
// session here and at the provider: signing in again asks the provider for the password again.
import { expect } from './browser.mjs';

export async function tasklistThroughProvider(page, shots, { baseUrl, engine, user, password }) {
  await page.goto(`${baseUrl}/camunda/app/tasklist/${engine}/`);
  expect(new URL(page.url()).pathname === '/login', `Tasklist sends an anonymous visit to sign in, not ${page.url()}`);
  await page.getByRole('link', { name: 'Sign in with Test provider' }).click();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await shots.take('provider-sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText("My group's tasks").first().waitFor();
  expect(new URL(page.url()).pathname.startsWith('/camunda/app/tasklist/'), `back in Tasklist, not ${page.url()}`);
  await page.waitForLoadState('networkidle');
  await shots.take('tasklist');
  const me = await page.evaluate(async name => (await fetch(`/camunda/api/admin/auth/user/${name}`)).json(), engine);
  const cards = await page.locator('ol.tasks-list > li.task').allInnerTexts();

  // Tasklist's own "Log out", from the account menu.
  await page.locator('li.account').first().click();
  await page.locator('li.logout a').first().click();
  await page.waitForURL(url => url.pathname === '/signout');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(url => url.pathname === '/login' && url.search.includes('signedOut'));
  await shots.take('signed-out');

  // Ended at the provider too: the provider asks for the password again.
  await page.getByRole('link', { name: 'Sign in with Test provider' }).click();
  await page.getByLabel('Username').waitFor();
  const tasklist = await page.request.get(`${baseUrl}/camunda/api/engine/engine/${engine}/task/count`);
  return { userId: me.userId, authorizedApps: me.authorizedApps, cards, afterSignOut: tasklist.status() };
}
