// Runs one page scenario: node run.mjs <scenario> <json-arguments>
// Prints one JSON line with the outcome; exit code 0 when the scenario passed.
import * as tasklist from './tasklist.mjs';
import * as oversight from './oversight.mjs';
import * as audit from './audit.mjs';
import * as statistics from './statistics.mjs';
import * as transnational from './transnational.mjs';
import * as webapps from './webapps.mjs';
import * as provider from './provider.mjs';
import * as forms from './forms.mjs';
import * as languages from './languages.mjs';
import * as field from './field.mjs';
import { withBrowser } from './browser.mjs';

const scenarios = {
  'tasklist-walk-case': tasklist.walkCase,
  'tasklist-does-not-see': tasklist.doesNotSee,
  'tasklist-filter-shows': tasklist.filterShows,
  'oversight-supervise-overdue-case': oversight.superviseOverdueCase,
  'oversight-refuses-others': oversight.refusesOthers,
  'oversight-change-guardian': oversight.changeGuardian,
  'audit-reconstruct-case': audit.reconstructCase,
  'statistics-coordinator-reads': statistics.coordinatorReads,
  'statistics-refuses-others': statistics.refusesOthers,
  'webapps-open-every-view': webapps.openEveryView,
  'provider-tasklist-sign-in': provider.tasklistThroughProvider,
  'transnational-coordinator-reads-incoming': transnational.coordinatorReadsIncoming,
  'transnational-refuses-others': transnational.refusesOthers,
  'tasklist-walk-forms': forms.walkForms,
  'tasklist-service-answers-in-words': forms.serviceAnswersInWords,
  'languages-chosen-on-a-page': languages.chosenOnAPage,
  'languages-tasklist-speaks-the-users-language': languages.tasklistSpeaksTheUsersLanguage,
  'languages-nothing-untranslated': languages.nothingUntranslated,
  'field-screen-on-phone': field.screenOnPhone,
  'field-resume-on-another-phone': field.resumeOnAnotherPhone,
};

const [name, json] = process.argv.slice(2);
const scenario = scenarios[name];
if (!scenario) {
  console.log(JSON.stringify({ passed: false, error: `unknown scenario ${name}` }));
  process.exit(2);
}
const args = JSON.parse(json);
try {
  const result = await withBrowser({ outDir: args.outDir, name, locale: args.locale }, (page, shots) => scenario(page, shots, args));
  console.log(JSON.stringify({ passed: true, result }));
} catch (error) {
  console.log(JSON.stringify({ passed: false, error: String(error && error.stack || error) + (error?.traffic || '') }));
  process.exit(1);
}
