// The auditor workspace (/audit), a page of the service: an auditor signs in, reconstructs a case's timeline, finds
// who read its identity section and why, narrows it to reads, exports it, verifies the trail, and opens the workspace
// as a browser asking for Macedonian. Every page state is checked with axe (serious or critical violations fail);
// screenshots and axe reports go to the report folder.
import { expect, signInHere } from './browser.mjs';
import { accessible, inLanguage } from './oversight.mjs';

/** Opens the auditor workspace, is sent to sign in, signs in and comes back. */
async function signIn(page, baseUrl, user, password, codes) {
  await page.goto(`${baseUrl}/audit`);
  await signInHere(page, { user, password, codes });
}

export async function reconstructCase(page, shots, { baseUrl, user, password, codes, caseReference, reader, outDir }) {
  const checks = [];
  await signIn(page, baseUrl, user, password, codes);
  await page.getByRole('heading', { level: 1, name: 'Auditor workspace' }).waitFor();
  expect(new URL(page.url()).pathname === '/audit', `an auditor lands on the audit workspace, not ${page.url()}`);
  checks.push(await accessible(page, outDir, 'audit-start'));
  await shots.take('audit-start');

  // Look: the case's timeline, narrowed to the reader (a demo case may have a long history by now).
  await page.getByLabel('Case reference').fill(caseReference);
  await page.getByLabel('User id').fill(reader);
  await page.getByRole('button', { name: 'Show' }).click();
  const timeline = page.getByRole('table', { name: new RegExp(`Timeline of case ${caseReference}`) });
  await timeline.waitFor();
  const reads = timeline.getByRole('row').filter({ hasText: 'Section read' }).filter({ hasText: reader })
    .filter({ hasText: 'identity' });
  expect(await reads.count() > 0, `the timeline shows that ${reader} read the identity section`);
  const kinds = await timeline.getByRole('row').allInnerTexts();
  expect(kinds.every(row => !row.includes('\t') || row.includes(reader) || row.includes('When')),
    `only ${reader}'s part of the case`);
  checks.push(await accessible(page, outDir, 'audit-timeline'));
  await shots.take('audit-timeline');

  // Narrow it: only section reads.
  await page.getByLabel('Kind of event').selectOption('SectionRead');
  await page.getByRole('button', { name: 'Show' }).click();
  await timeline.waitFor();
  const rows = await timeline.locator('tbody tr').allInnerTexts();
  expect(rows.length > 0 && rows.every(row => row.includes('Section read')), `only section reads: ${rows.length}`);
  await shots.take('audit-filtered');

  // Export: a CSV download of what is shown.
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export as CSV' }).click()]);
  expect(download.suggestedFilename() === `timeline-${caseReference}.csv`,
    `the export is named after the case: ${download.suggestedFilename()}`);

  // Verify the trail.
  await page.getByRole('button', { name: 'Verify the audit trail' }).click();
  const status = page.getByRole('status');
  await status.waitFor();
  const verdict = await status.innerText();
  expect(verdict.includes('intact'), `the trail verifies: ${verdict}`);
  checks.push(await accessible(page, outDir, 'audit-verified'));
  await shots.take('audit-verified');

  // A mistake in the form is explained, not a stack trace.
  await page.getByLabel('Case reference').fill('not a reference');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByRole('alert').waitFor();
  expect((await page.getByRole('alert').innerText()).includes('looks like'), 'a bad reference is explained');
  checks.push(await accessible(page, outDir, 'audit-refused'));
  await shots.take('audit-refused');

  // Language: a browser asking for Macedonian gets the workspace in Macedonian.
  const macedonian = await inLanguage(page, baseUrl, '/audit', 'mk');
  await shots.take('audit-mk');
  return { checks, verdict, macedonian };
}
