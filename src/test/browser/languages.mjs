// Languages: the service's pages and Tasklist as people in North Macedonia, Albania, Kosovo and Serbia get them. A
// supervisor chooses a language on a page and every page follows, written in it, saying so (lang) and passing axe; a
// caseworker whose chosen language is Macedonian gets Tasklist, the task's name and the service's refusals in it; and
// in the pseudo-language (every catalogue text accented and bracketed ⟦…⟧) no page or form visited shows words that
// did not come from a catalogue.
import { expect, signInHere } from './browser.mjs';
import { accessible, signIn as signInToPages } from './oversight.mjs';
import { complete, openTask, type } from './forms.mjs';

/** Opens Tasklist, signs in on the service's sign-in page it is sent to, and waits for the task list. */
async function signInToTasklist(page, baseUrl, user, password, codes) {
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
  await signInHere(page, { user, password, codes });
  await page.locator('ol.tasks-list').waitFor();
  await page.waitForLoadState('networkidle');
}

async function documentLanguage(page) {
  return page.evaluate(() => document.documentElement.lang);
}

/**
 * Signs in once and, for each language in turn, chooses it with the switch of its first page and visits each of its
 * pages: each in that language, with its lang, its heading the catalogue's, and passing axe; then, without the
 * browser's language cookie, its first page again, which speaks the choice only if it was kept for the user. Answers
 * the pages seen and the language each choice was kept in.
 */
export async function chosenOnAPage(page, shots, { baseUrl, user, password, codes, languages, outDir }) {
  await signInToPages(page, baseUrl, user, password, codes);
  const seen = [];
  const kept = [];
  for (const { language, pages } of languages) {
    await page.goto(`${baseUrl}${pages[0].path}`);
    await page.locator('#language-switch').selectOption(language);
    await Promise.all([page.waitForNavigation(), page.locator('form.language button[type=submit]').click()]);
    expect(await documentLanguage(page) === language, `after choosing ${language} the page says lang="${await documentLanguage(page)}"`);
    expect(page.url().endsWith(pages[0].path), `the switch came back to ${pages[0].path}, not ${page.url()}`);
    for (const { path, heading } of pages) {
      await page.goto(`${baseUrl}${path}`);
      const lang = await documentLanguage(page);
      expect(lang === language, `${path} says lang="${lang}", not ${language}`);
      const h1 = (await page.locator('h1').first().innerText()).trim();
      expect(h1 === heading, `${path} is headed "${h1}", not "${heading}"`);
      const selected = await page.locator('#language-switch').inputValue();
      expect(selected === language, `the switch on ${path} shows ${selected}`);
      await shots.take(`${language}${path.replaceAll('/', '-')}`);
      await accessible(page, outDir, `language-${language}${path.replaceAll('/', '-')}`);
      seen.push({ language, path, lang, heading: h1 });
    }
    // The choice is the user's, not only this browser's: without the language cookie the page still speaks it.
    await page.context().clearCookies({ name: 'NRM_LANG' });
    await page.goto(`${baseUrl}${pages[0].path}`);
    kept.push({ language, lang: await documentLanguage(page) });
  }
  return { seen, kept };
}

/**
 * A caseworker whose chosen language is the given one: Tasklist in it (lang, the group filter's name), a task's name
 * in it, and the service's refusal of a value shown in it next to the field.
 */
export async function tasklistSpeaksTheUsersLanguage(page, shots, {
  baseUrl, user, password, language, filterName, taskId, taskName, completeLabel, key, value,
}) {
  await signInToTasklist(page, baseUrl, user, password);
  const lang = await documentLanguage(page);
  expect(lang === language, `Tasklist says lang="${lang}", not ${language}`);
  await page.getByText(filterName).first().waitFor();
  await shots.take(`tasklist-${language}`);
  await openTask(page, baseUrl, taskId);
  await page.getByRole('heading', { level: 2, name: taskName }).waitFor();
  await type(page, key, value);
  await complete(page, completeLabel);
  const summary = page.locator('.nrm-server-errors');
  await summary.waitFor();
  const field = page.locator(`#nrm-server-error-${key}`);
  await field.waitFor();
  await shots.take(`tasklist-${language}-refused`);
  return { summary: (await summary.innerText()).trim(), field: (await field.innerText()).trim() };
}

/**
 * Every text node and every attribute people read (placeholder, title, aria-label, alt, value of buttons) that has
 * letters outside the pseudo-language's brackets, after removing what is not text of the service: names of people
 * and products, case references, dates, numbers, codes.
 */
async function untranslated(page, allowed) {
  return page.evaluate(allowedWords => {
    const allow = new Set(allowedWords);
    const found = new Set();
    const check = (text, where) => {
      const outside = text.replace(/⟦[^⟧]*⟧/g, ' ');
      for (const word of outside.match(/[A-Za-z][A-Za-z'-]+/g) || []) {
        if (!allow.has(word) && !/^[A-Z0-9-]+$/.test(word) && !/^demo-/.test(word)) {
          found.add(`${where}: ${word} (in "${text.trim().slice(0, 80)}")`);
        }
      }
    };
    const visible = element => {
      const style = getComputedStyle(element);
      return style.display !== 'none' && style.visibility !== 'hidden'
        && (element.offsetParent !== null || style.position === 'fixed');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      if (!element || element.closest('script, style, noscript, svg desc') || !visible(element)) {
        continue;
      }
      check(node.textContent, element.tagName.toLowerCase());
    }
    for (const element of document.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')) {
      if (!visible(element)) {
        continue;
      }
      for (const attribute of ['placeholder', 'title', 'aria-label', 'alt']) {
        if (element.hasAttribute(attribute)) {
          check(element.getAttribute(attribute), `@${attribute}`);
        }
      }
    }
    check(document.title, 'title');
    return [...found];
  }, allowed);
}

/**
 * In the pseudo-language: the pages and Tasklist's list and forms show nothing that did not come from a catalogue.
 * Answers, per place visited, the words found outside the brackets (the Java side expects none).
 */
export async function nothingUntranslated(page, shots, { baseUrl, password, codes, visits, tasklistUser, taskIds, allowed }) {
  const findings = {};
  for (const { user, paths } of visits) {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}${paths[0]}`);
    await signInHere(page, { user, password, codes });
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      expect(await documentLanguage(page) === 'en-XA', `${path} is not in the pseudo-language for ${user}`);
      findings[`${user} ${path}`] = await untranslated(page, allowed);
      await shots.take(`pseudo${path.replaceAll('/', '-')}`);
    }
  }
  await page.context().clearCookies();
  await signInToTasklist(page, baseUrl, tasklistUser, password);
  findings.tasklist = await untranslated(page, allowed);
  for (const taskId of taskIds) {
    await openTask(page, baseUrl, taskId);
    findings[`task ${taskId}`] = await untranslated(page, allowed);
  }
  await shots.take('pseudo-language');
  return { findings };
}
