// Tasklist scenarios: caseworkers of each agency sign in to the real Camunda Tasklist, find a task by its case
// reference, claim it and complete its Camunda Form; another agency's worker does not see it.
import { expect, signInHere } from './browser.mjs';

/** Opens Tasklist, is sent to the service's sign-in page (ADR 21), signs in there and comes back to Tasklist. */
export async function signIn(page, baseUrl, user, password, codes) {
  // Off the page first: a Tasklist still open for the previous user finds its cookies gone and sends itself to the
  // sign-in page, which would abort this navigation half-way.
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
  expect(new URL(page.url()).pathname === '/login', `Tasklist sends an anonymous visit to sign in, not ${page.url()}`);
  await signInHere(page, { user, password, codes });
  await page.getByText("My group's tasks").first().waitFor();
}

export function taskCards(page) {
  return page.locator('ol.tasks-list > li.task');
}

/**
 * Walks a case through several tasks in Tasklist, each as the user of the agency that holds it: finds the task card by
 * the case reference and the task's name, claims it, fills its Camunda Form and completes it. A step's answers are
 * { field: "question label", choose: "option label" } for radios and selects, or { field, check: ["item label", …] }
 * for checklists.
 */
export async function walkCase(page, shots, { baseUrl, password, caseReference, steps }) {
  const done = [];
  for (const step of steps) {
    await page.context().clearCookies();
    await signIn(page, baseUrl, step.user, password);
    const card = taskCards(page).filter({ hasText: caseReference }).filter({ hasText: step.task });
    await card.first().waitFor();
    expect(await card.count() === 1, `expected one "${step.task}" card for ${caseReference}, saw ${await card.count()}`);
    await card.click();
    await page.getByRole('heading', { level: 2, name: step.task }).waitFor();
    await offersOnlyWhatTheEngineAllows(page);
    await page.getByRole('link', { name: /^\s*Claim\s*$/ }).or(page.getByRole('button', { name: /^\s*Claim\s*$/ }))
      .first().click();
    for (const answer of step.answers) {
      const field = page.locator('.fjs-form-field').filter({
        has: page.locator('.fjs-form-field-label', { hasText: answer.field }),
      }).last();
      await field.waitFor();
      if (answer.check) {
        for (const item of answer.check) {
          await field.getByLabel(item, { exact: true }).check();
        }
      } else if (await field.locator('input[type=radio]').count() > 0) {
        await field.getByLabel(answer.choose, { exact: true }).check();
      } else {
        await field.locator('input, select').first().click();
        await page.locator('.fjs-dropdownlist-item', { hasText: answer.choose }).first().click();
      }
    }
    await shots.take(`${slug(step.task)}-filled`);
    await page.getByRole('button', { name: 'Complete' }).click();
    await card.waitFor({ state: 'detached' });
    done.push(step.task);
  }
  return { completed: done };
}

/**
 * Tasks come from the case's process (ADR 20): the engine refuses new tasks, comments and edits of a task's dates or
 * groups, so Tasklist must not offer them.
 */
async function offersOnlyWhatTheEngineAllows(page) {
  for (const text of ['Set due date', 'Set follow up', 'Add groups']) {
    expect(!(await page.getByText(text, { exact: true }).first().isVisible()), `Tasklist offers "${text}"`);
  }
  for (const selector of ['.create-task-action', '.createCommentLink']) {
    expect(!(await page.locator(selector).first().isVisible()), `Tasklist offers ${selector}`);
  }
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

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A worker signs in to Tasklist, opens a filter by name and sees the case's task there. */
export async function filterShows(page, shots, { baseUrl, user, password, filter, caseReference, task }) {
  await signIn(page, baseUrl, user, password);
  // Not an exact match: Tasklist puts the filter's task count into the same element once it has loaded it.
  await page.getByText(filter).first().click();
  const card = taskCards(page).filter({ hasText: caseReference }).filter({ hasText: task });
  await card.first().waitFor();
  await shots.take(slug(filter));
  return { cards: await card.count() };
}
