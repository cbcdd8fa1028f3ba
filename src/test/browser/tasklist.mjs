// Tasklist scenarios: a caseworker signs in to the real Camunda Tasklist, finds a task by its case reference,
// claims it and completes its Camunda Form; another agency's worker does not see it.
import { expect } from './browser.mjs';

export async function signIn(page, baseUrl, user, password) {
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
  // The login form renders while the app boots; wait until it is settled, and check what was typed.
  await page.waitForLoadState('networkidle');
  const username = page.locator('input[ng-model="username"]');
  const passwordField = page.locator('input[ng-model="password"]');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await username.fill(user);
    await passwordField.fill(password);
    if (await username.inputValue() === user && await passwordField.inputValue() === password) {
      break;
    }
  }
  await page.click('button[type=submit]');
  await page.getByText("My group's tasks").first().waitFor();
}

export function taskCards(page) {
  return page.locator('ol.tasks-list > li.task');
}

/** Claims and completes the needs assessment of one case, choosing a shelter hand-off. */
export async function completeAssessment(page, shots, { baseUrl, user, password, caseReference }) {
  await signIn(page, baseUrl, user, password);
  const card = taskCards(page).filter({ hasText: caseReference });
  await card.first().waitFor();
  expect(await card.count() === 1, `expected one task card for ${caseReference}, saw ${await card.count()}`);
  expect((await card.innerText()).includes('Assess immediate needs and safety'), 'the card names the task');
  await shots.take('task-list');

  await card.click();
  await page.getByRole('heading', { level: 2, name: 'Assess immediate needs and safety' }).waitFor();
  await page.getByRole('link', { name: /^\s*Claim\s*$/ }).or(page.getByRole('button', { name: /^\s*Claim\s*$/ }))
    .first().click();
  await page.getByLabel('Medium').check();
  await page.getByLabel('Shelter is needed').check();
  await shots.take('form-filled');

  await page.getByRole('button', { name: 'Complete' }).click();
  await card.waitFor({ state: 'detached' });
  await shots.take('completed');
  return { completed: caseReference };
}

/** Another agency's worker signs in: the case's task is not in their list. */
export async function doesNotSee(page, shots, { baseUrl, user, password, caseReference }) {
  await signIn(page, baseUrl, user, password);
  await page.waitForLoadState('networkidle');
  const cards = await taskCards(page).allInnerTexts();
  await shots.take('task-list');
  expect(cards.every(card => !card.includes(caseReference)), `${user} must not see ${caseReference}: ${cards}`);
  return { visibleCards: cards.length };
}
