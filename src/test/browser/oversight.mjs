// The supervisor workspace (/oversight), a page of the service: a supervisor signs in, finds the overdue case,
// reassigns its task with a reason and records a colleague's absence with a substitute, then opens it as a browser
// asking for Macedonian. Every page state is checked with axe; serious or critical violations fail the scenario.
// Screenshots and axe reports go to the report folder.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, signInHere } from './browser.mjs';

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page as it is now; fails on serious or critical violations and keeps the full report. */
export async function accessible(page, outDir, state) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
    'best-practice']).analyze();
  fs.writeFileSync(path.join(outDir, `oversight-axe-${state}.json`), JSON.stringify(results.violations, null, 2));
  const blocking = results.violations.filter(violation => BLOCKING.has(violation.impact));
  expect(blocking.length === 0, `axe (${state}): ${blocking.map(violation => `${violation.id} (${violation.impact}): `
    + violation.nodes.map(node => node.target.join(' ')).join(', ')).join('; ')}`);
  return { state, violations: results.violations.map(violation => `${violation.id}:${violation.impact}`) };
}

/**
 * Asks for a page of the service, in the signed-in session, as a browser set to another language would
 * (Accept-Language; the browser's own locale header cannot be replaced per page), shows the answer and returns the
 * document's language and its main heading.
 */
export async function inLanguage(page, baseUrl, path, language) {
  const answer = await page.request.get(`${baseUrl}${path}`, { headers: { 'Accept-Language': language } });
  expect(answer.ok(), `${path} in ${language}: ${answer.status()}`);
  await page.setContent(await answer.text());
  const heading = page.getByRole('heading', { level: 1 });
  return { lang: await page.evaluate(() => document.documentElement.lang), heading: (await heading.innerText()).trim() };
}

export async function signIn(page, baseUrl, user, password, codes) {
  await page.goto(`${baseUrl}/oversight`);
  await signInHere(page, { user, password, codes });
}

/**
 * Look, act: the overdue case is in the deadlines table; its task goes to another worker; an absence is recorded with
 * a substitute. Answers what the page showed, for the Java side to check against the API.
 */
export async function superviseOverdueCase(page, shots, { baseUrl, user, password, codes, caseReference, taskName, assignee,
  reason, absentUser, substitute, absenceReason, outDir }) {
  const checks = [];
  await page.goto(`${baseUrl}/oversight`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(new URL(page.url()).pathname === '/login', `an anonymous visit is sent to sign in, not ${page.url()}`);
  checks.push(await accessible(page, outDir, 'sign-in'));
  await shots.take('sign-in');

  await signIn(page, baseUrl, user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Supervisor workspace' }).waitFor();
  checks.push(await accessible(page, outDir, 'workspace'));
  await shots.take('workspace');

  // Look: the overdue case, escalated, among the deadlines.
  const deadlines = page.getByRole('table', { name: /Tasks with a deadline/ });
  const row = deadlines.getByRole('row').filter({ hasText: caseReference }).filter({ hasText: taskName });
  await row.first().waitFor();
  expect(await row.count() === 1, `one "${taskName}" row for ${caseReference}, saw ${await row.count()}`);
  const rowText = await row.innerText();
  expect(/overdue/.test(rowText), `the ${caseReference} task is shown overdue: ${rowText}`);
  const escalations = page.getByRole('table', { name: /Overdue tasks to follow up/ });
  expect(await escalations.getByRole('row').filter({ hasText: caseReference }).count() > 0,
    `the escalation of ${caseReference} is waiting`);
  const taskId = await row.getAttribute('data-task-id');

  // Act: reassign it with a reason.
  await row.getByRole('checkbox', { name: `Select ${taskName} of case ${caseReference}` }).check();
  await page.getByLabel('New assignee (user id)').fill(assignee);
  await page.getByLabel('Reason', { exact: true }).first().fill(reason);
  await shots.take('reassignment-filled');
  await page.getByRole('button', { name: 'Reassign selected tasks' }).click();
  const status = page.getByRole('status');
  await status.waitFor();
  expect((await status.innerText()).includes(`1 task(s) reassigned to ${assignee}`),
    `reassignment confirmed: ${await status.innerText()}`);
  const moved = page.getByRole('table', { name: /Tasks with a deadline/ }).getByRole('row')
    .filter({ hasText: caseReference }).filter({ hasText: taskName });
  expect((await moved.innerText()).includes(assignee), `the row now names ${assignee}: ${await moved.innerText()}`);
  checks.push(await accessible(page, outDir, 'reassigned'));
  await shots.take('reassigned');

  // Act: a rejected reassignment says why and changes nothing.
  await page.getByLabel('New assignee (user id)').fill(assignee);
  await page.getByLabel('Reason', { exact: true }).first().fill('no reason but long enough');
  await page.getByRole('button', { name: 'Reassign selected tasks' }).click();
  await page.getByRole('alert').waitFor();
  expect((await page.getByRole('alert').innerText()).includes('Selected tasks'),
    `a reassignment without tasks is refused: ${await page.getByRole('alert').innerText()}`);
  checks.push(await accessible(page, outDir, 'refused'));
  await shots.take('refused');

  // Act: cover an absent colleague.
  await page.getByLabel('Absent worker (user id)').fill(absentUser);
  await page.getByLabel('Substitute (user id)').fill(substitute);
  await page.locator('#absence-reason').fill(absenceReason);
  await shots.take('absence-filled');
  await page.getByRole('button', { name: 'Record absence' }).click();
  await page.getByRole('status').waitFor();
  expect((await page.getByRole('status').innerText()).includes(`Absence of ${absentUser} recorded`),
    `absence confirmed: ${await page.getByRole('status').innerText()}`);
  const absence = page.getByRole('table', { name: 'Absences not yet over' }).getByRole('row')
    .filter({ hasText: absentUser });
  expect((await absence.innerText()).includes(substitute) && (await absence.innerText()).includes('active now'),
    `the absence is listed and active: ${await absence.innerText()}`);
  checks.push(await accessible(page, outDir, 'absence-recorded'));
  await shots.take('absence-recorded');

  // Keyboard: on a fresh visit the first tab stop is the skip link.
  await page.goto(`${baseUrl}/oversight`);
  await page.getByRole('heading', { level: 1, name: 'Supervisor workspace' }).waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
  expect(focused && focused.includes('Skip to content'), `first tab stop is the skip link, was ${focused}`);

  // Language: a browser asking for Macedonian gets the workspace in Macedonian.
  const macedonian = await inLanguage(page, baseUrl, '/oversight', 'mk');
  await shots.take('workspace-mk');
  return { taskId, checks, macedonian };
}

/**
 * A child's guardian changed on the page: a user who is not a guardian is refused with the field named, and nothing
 * changes; the new guardian is then appointed with a reason.
 */
export async function changeGuardian(page, shots, { baseUrl, user, password, codes, caseReference, notAGuardian,
  guardian, reason, outDir }) {
  const checks = [];
  await signIn(page, baseUrl, user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Supervisor workspace' }).waitFor();
  const section = page.getByRole('region', { name: 'Children\'s guardians' });
  // The fields carry the server's forms (Case.REFERENCE, UserIds.FORM), and the browser can read them: a pattern it
  // cannot compile would be ignored without a word.
  const mismatches = async (label, value) => {
    const field = section.getByLabel(label);
    await field.fill(value);
    return field.evaluate((input) => input.validity.patternMismatch);
  };
  expect(await mismatches('Case reference', 'demo-2026-3') && await mismatches('New guardian (user id)', 'ana..b')
    && !await mismatches('Case reference', caseReference) && !await mismatches('New guardian (user id)', 'ana.b-c_d'),
    'the reference and user-id fields check their form in the browser');
  await section.getByLabel('Case reference').fill(caseReference);
  await section.getByLabel('New guardian (user id)').fill(notAGuardian);
  await section.getByLabel('Reason for the change').fill(reason);
  await section.getByRole('button', { name: 'Change guardian' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect((await alert.innerText()).includes('New guardian: must be a user in the guardians group'),
    `a user who is not a guardian is refused: ${await alert.innerText()}`);
  checks.push(await accessible(page, outDir, 'guardian-refused'));
  await shots.take('guardian-refused');

  await section.getByLabel('Case reference').fill(caseReference);
  await section.getByLabel('New guardian (user id)').fill(guardian);
  await section.getByLabel('Reason for the change').fill(reason);
  await shots.take('guardian-filled');
  await section.getByRole('button', { name: 'Change guardian' }).click();
  const status = page.getByRole('status');
  await status.waitFor();
  expect((await status.innerText()).includes(`The guardian of ${caseReference} is now ${guardian}.`),
    `the change is confirmed: ${await status.innerText()}`);
  checks.push(await accessible(page, outDir, 'guardian-changed'));
  await shots.take('guardian-changed');
  return { checks };
}

/** Someone who is not a supervisor signs in: the workspace refuses them. */
export async function refusesOthers(page, shots, { baseUrl, user, password, codes, outDir }) {
  await signIn(page, baseUrl, user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Your role does not allow this page' }).waitFor();
  await shots.take('refused-role');
  return { checks: [await accessible(page, outDir, 'refused-role')] };
}
