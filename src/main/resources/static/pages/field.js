// The field page's script: sends each form in the background so that a dropped connection keeps the answers on the
// screen (never in the browser's storage), keeps the checklist's answers on the server as they are given, says when
// the phone is offline, resends when it is back, and signs out after the idle time the server also enforces.
(() => {
  'use strict';
  const body = document.body;
  const offline = document.getElementById('offline');
  const saved = document.getElementById('saved');
  const problem = document.getElementById('problem');
  const idle = document.getElementById('idle');
  let pending = null;

  const showOffline = (on) => { offline.hidden = !on; };
  window.addEventListener('offline', () => showOffline(true));
  window.addEventListener('online', () => { showOffline(false); saved.textContent = body.dataset.online; resend(); });
  showOffline(!navigator.onLine);

  const labelOf = (field) => {
    const input = document.querySelector(`[name="${field}"]`);
    const label = input && (input.closest('fieldset')?.querySelector('legend') || document.querySelector(`label[for="${input.id}"]`));
    return label ? label.textContent.trim() : field;
  };

  const refused = async (response) => {
    let answer = {};
    try { answer = await response.json(); } catch (e) { /* not a problem response */ }
    problem.querySelector('p').textContent = answer.detail || answer.title || String(response.status);
    const list = problem.querySelector('ul');
    list.replaceChildren(...Object.entries(answer.errors || {}).map(([field, text]) => {
      const item = document.createElement('li');
      item.textContent = `${labelOf(field)}: ${text}`;
      return item;
    }));
    problem.hidden = false;
    problem.focus();
  };

  // Sends a form; on a network failure keeps it to send again when the connection is back. The server knows a form
  // it has seen (the opening form's key, the step's task), so sending again never opens a second case.
  async function send(form, url, done) {
    problem.hidden = true;
    saved.textContent = body.dataset.sending;
    const data = new URLSearchParams(new FormData(form));
    let response;
    try {
      response = await fetch(url, { method: 'POST', body: data, credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/json' } });
    } catch (e) {
      pending = { form, url, done };
      showOffline(true);
      saved.textContent = '';
      return;
    }
    if (response.redirected && new URL(response.url).pathname === '/login') { location.assign('/login'); return; }
    if (!response.ok) { saved.textContent = ''; await refused(response); return; }
    await done(await response.json());
  }

  function resend() {
    if (pending) {
      const { form, url, done } = pending;
      pending = null;
      send(form, url, done);
    }
  }

  document.querySelectorAll('form[data-send]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(form, form.action, (answer) => location.assign(answer.location));
    });
    const autosave = form.dataset.autosave;
    if (autosave) {
      form.addEventListener('change', () => send(form, autosave, () => { saved.textContent = body.dataset.saved; }));
    }
  });

  // Idle sign-out: a minute's warning, then the sign-out form (the server's session ends at the same time anyway).
  const seconds = Number(body.dataset.idleSeconds || 0);
  if (seconds > 0) {
    let warn; let out;
    const arm = () => {
      clearTimeout(warn); clearTimeout(out); idle.hidden = true;
      warn = setTimeout(() => { idle.hidden = false; }, Math.max(0, seconds - 60) * 1000);
      out = setTimeout(() => document.getElementById('sign-out').submit(), seconds * 1000);
    };
    ['pointerdown', 'keydown'].forEach((type) => document.addEventListener(type, arm, { passive: true }));
    arm();
  }
})();
