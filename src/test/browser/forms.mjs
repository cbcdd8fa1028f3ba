// Every task form in Tasklist, as a caseworker would get it wrong: each constrained field given one invalid value (or
// none where one is required). The form must refuse it next to the field, or the service's answer must be shown in
// words above the form; the task must stay open. And the service's own answer to a value only it can judge.
import { expect } from './browser.mjs';
import { signIn } from './tasklist.mjs';

function inputsOf(key) {
  const control = ':is(input, select, textarea)';
  return `${control}[id$="-Field_${key}"], ${control}[id*="-Field_${key}-"]`;
}

function fieldInputs(page, key) {
  return page.locator('.fjs-container').locator(inputsOf(key));
}

function fieldOf(page, key) {
  return page.locator('.fjs-form-field').filter({ has: page.locator(inputsOf(key)) }).first();
}

async function openTask(page, baseUrl, taskId) {
  // The previous task's form goes first, so that waiting for a form waits for this task's.
  await page.evaluate(() => document.querySelectorAll('.fjs-container').forEach(form => form.remove()));
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('.fjs-container').waitFor();
  // Tasklist loads the task, its form and its variables in turn; a value typed before the last render is lost.
  await page.waitForLoadState('networkidle');
}

async function type(page, key, value) {
  const input = fieldInputs(page, key).first();
  await input.fill(String(value));
  await input.press('Tab');
  expect(await input.inputValue() === String(value), `the field ${key} did not take "${value}"`);
}

/** Submits the form; Tasklist itself keeps Complete disabled while the form shows an error, which is a refusal too. */
async function complete(page) {
  const button = page.getByRole('button', { name: 'Complete' });
  if (await button.isEnabled()) {
    // Tasklist's own notice of the last refusal may lie over the button; a caseworker closes it or clicks beside it.
    await button.dispatchEvent('click');
  }
}

/** Waits until the field shows the form's own error, or the service's answer appears; says which, or fails. */
async function refusal(page, key) {
  const own = fieldOf(page, key).locator('.fjs-form-field-error').filter({ hasText: /\S/ });
  const server = page.locator('.nrm-server-errors');
  await own.or(server).first().waitFor({ timeout: 10000 });
  if (await own.first().isVisible()) {
    return { by: 'form', text: (await own.first().innerText()).trim() };
  }
  return { by: 'service', text: (await server.innerText()).trim() };
}

export async function walkForms(page, shots, { baseUrl, password, tasks }) {
  const results = [];
  let user = null;
  for (const task of tasks) {
    if (task.user !== user) {
      await page.context().clearCookies();
      await signIn(page, baseUrl, task.user, password);
      user = task.user;
    }
    await openTask(page, baseUrl, task.taskId);
    const required = task.checks.filter(check => check.kind === 'required');
    if (required.length > 0) {
      await complete(page);
      for (const check of required) {
        const answer = await refusal(page, check.key);
        results.push({ form: task.formId, key: check.key, kind: 'required', ...answer });
      }
    }
    for (const check of task.checks.filter(check => check.kind !== 'required')) {
      await type(page, check.key, check.value);
      await complete(page);
      const answer = await refusal(page, check.key);
      expect(!answer.text.includes('must match pattern'), `${task.formId}.${check.key}: the refusal shows a regular expression: ${answer.text}`);
      results.push({ form: task.formId, key: check.key, kind: check.kind, value: check.value, ...answer });
      await fieldInputs(page, check.key).first().fill('');
    }
    await shots.take(task.formId);
    expect(await page.locator('.fjs-container').isVisible(), `${task.formId}: the form went away: was it completed?`);
  }
  return { checks: results };
}

/** A value only the service can judge (here: whether a user is a guardian), answered in words next to its field. */
export async function serviceAnswersInWords(page, shots, { baseUrl, user, password, taskId, key, value }) {
  await signIn(page, baseUrl, user, password);
  await openTask(page, baseUrl, taskId);
  await type(page, key, value);
  await complete(page);
  const summary = page.locator('.nrm-server-errors');
  await summary.waitFor();
  const next = page.locator(`#nrm-server-error-${key}`);
  await next.waitFor();
  await shots.take('service-answer');
  const summaryText = (await summary.innerText()).trim();
  expect(!summaryText.includes('{') && !summaryText.includes('about:blank'), `raw JSON shown: ${summaryText}`);
  expect(await fieldInputs(page, key).first().getAttribute('aria-invalid') === 'true', 'the field is not marked invalid');
  return { summary: summaryText, field: (await next.innerText()).trim() };
}
