// OpenNRM: when the service refuses a form Tasklist submitted, the caseworker sees why, in words, next to each field the
// answer names, and in a summary above the form; never raw JSON. Loaded through the webapp's supported customScripts
// (config.js). The service answers every refused submission with a problem response (RFC 9457) whose `errors` map
// names each field by its key; our forms give each field the id `Field_<key>` (FormConstraintsIT checks it).
// Everything it says, and what the form itself says about a value it refuses, is in the reader's language: the words
// come from config.js (globalThis.nrmTexts), which the service writes for the signed-in user's language.

/** A text of this script's in the reader's language, its {0} replaced. */
function say(name, argument) {
  const texts = globalThis.nrmTexts || {};
  const text = texts[name] || name;
  return argument === undefined ? text : text.replace('{0}', argument);
}
const SUBMIT = /\/submit-form(\?|$)/;
const SUMMARY_CLASS = 'nrm-server-errors';
const FIELD_ERROR_CLASS = 'nrm-server-error';

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.nrmFormSubmission = String(method).toUpperCase() === 'POST' && SUBMIT.test(String(url));
  return open.call(this, method, url, ...rest);
};

XMLHttpRequest.prototype.send = function (...args) {
  if (this.nrmFormSubmission) {
    clear();
    this.addEventListener('load', () => {
      if (this.status >= 400) {
        show(problem(this.responseText, this.status));
      }
    });
  }
  return send.apply(this, args);
};

function problem(text, status) {
  try {
    const body = JSON.parse(text);
    return { detail: body.detail || body.message || fallback(status), errors: body.errors || {} };
  } catch (error) {
    return { detail: fallback(status), errors: {} };
  }
}

function fallback(status) {
  return status >= 500 ? say('notSavedOurSide') : say('notSaved');
}

function clear() {
  document.querySelectorAll(`.${SUMMARY_CLASS}, .${FIELD_ERROR_CLASS}`).forEach(element => element.remove());
  document.querySelectorAll('[data-nrm-invalid]').forEach(input => {
    input.removeAttribute('data-nrm-invalid');
    input.setAttribute('aria-invalid', 'false');
  });
}

function show({ detail, errors }) {
  const form = document.querySelector('.fjs-container');
  if (!form) {
    return;
  }
  const summary = document.createElement('div');
  summary.className = SUMMARY_CLASS;
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const heading = document.createElement('p');
  heading.textContent = `${say('nothingSaved')} ${detail}`;
  summary.appendChild(heading);
  const list = document.createElement('ul');
  Object.entries(errors).forEach(([key, message]) => {
    const field = fieldOf(form, key);
    const item = document.createElement('li');
    item.textContent = `${field ? field.label : readable(key)}: ${message}`;
    list.appendChild(item);
    if (field) {
      markField(field, key, message);
    }
  });
  if (list.children.length > 0) {
    summary.appendChild(list);
  }
  form.parentNode.insertBefore(summary, form);
  summary.focus();
}

/** The form-js field of a key: its container, its inputs and its label, found by the id `Field_<key>`. */
function fieldOf(form, key) {
  const id = new RegExp(`-Field_${key.replace(/[^A-Za-z0-9_]/g, '')}(-\\d+)?$`);
  const inputs = [...form.querySelectorAll('input, select, textarea')].filter(input => id.test(input.id));
  if (inputs.length === 0) {
    return null;
  }
  const container = inputs[0].closest('.fjs-form-field');
  const labelElement = container && container.querySelector('.fjs-form-field-label');
  const label = labelElement ? labelElement.childNodes[0].textContent.trim() : readable(key);
  return { container, inputs, label };
}

function markField({ container, inputs }, key, message) {
  const error = document.createElement('div');
  error.className = `fjs-form-field-error ${FIELD_ERROR_CLASS}`;
  error.id = `nrm-server-error-${key}`;
  error.textContent = message;
  (container || inputs[0].parentNode).appendChild(error);
  inputs.forEach(input => {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('data-nrm-invalid', 'true');
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(error.id)) {
      input.setAttribute('aria-describedby', [...described, error.id].join(' '));
    }
  });
}

/** A key the form has no field for (a rule across fields): its words, not its spelling in code. */
function readable(key) {
  const words = key.replace(/([A-Z])/g, ' $1').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The form's own refusals are in English and name the rule's syntax: each becomes a sentence in the reader's language.
// A refused pattern points to the field's description, which says in words what the field takes (for example
// "Letters, digits and / _ . - only.").
const FORM_MESSAGES = [
  [/^Field is required\.$/, 'required'],
  [/^Field must have minimum length of (.+)\.$/, 'minLength'],
  [/^Field must have maximum length of (.+)\.$/, 'maxLength'],
  [/^Field must have minimum value of (.+)\.$/, 'min'],
  [/^Field must have maximum value of (.+)\.$/, 'max'],
];
const PATTERN_MESSAGE = /^Field must match pattern /;

// What the form shows in an empty choice and a search box.
const FORM_WORDS = { Select: 'select', Search: 'search', '<none>': 'none' };

function explain(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    const message = item.textContent;
    if (PATTERN_MESSAGE.test(message)) {
      const field = item.closest('.fjs-form-field');
      const description = field && field.querySelector('.fjs-form-field-description');
      replaceText(item, description ? `${say('pattern')} ${description.textContent.trim()}` : say('pattern'));
      return;
    }
    for (const [english, name] of FORM_MESSAGES) {
      const found = english.exec(message);
      if (found) {
        replaceText(item, say(name, found[1]));
        return;
      }
    }
  });
  root.querySelectorAll('.fjs-container input[placeholder], .fjs-container textarea[placeholder]').forEach(input => {
    const name = FORM_WORDS[input.getAttribute('placeholder')];
    if (name && say(name) !== input.getAttribute('placeholder')) {
      input.setAttribute('placeholder', say(name));
    }
  });
  root.querySelectorAll('.fjs-container .fjs-select-display, .fjs-container option').forEach(element => {
    const name = element.children.length === 0 && FORM_WORDS[element.textContent.trim()];
    if (name) {
      replaceText(element, say(name));
    }
  });
}

/**
 * Changes an element's text only when it differs, so that the observer does not wake itself for ever. The form's own
 * text node keeps its place (its data changes): the form updates that node when its message changes, and a node put
 * in its stead would keep showing an old message.
 */
function replaceText(element, text) {
  if (element.textContent === text) {
    return;
  }
  const only = element.childNodes.length === 1 && element.firstChild.nodeType === Node.TEXT_NODE ? element.firstChild
    : null;
  if (only) {
    only.data = text;
  }
  else {
    element.textContent = text;
  }
}

new MutationObserver(() => explain(document)).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
});
