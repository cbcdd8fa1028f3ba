// OpenNRM: Tasklist, Cockpit and Admin are signed in by the service's own sign-in page (password and second factor,
// or the identity provider; ADR 21), and their own login form is closed. This script, loaded by each app through its
// config.js, sends the app's login route to that page and its "Log out" to the service's sign-out page, which ends
// the session here and, after a provider's sign-in, at the provider too.
const base = document.querySelector('base');
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const serviceRoot = appRoot.replace(/\/camunda\/?$/, '');

function signInAgain() {
  if (window.location.hash.startsWith('#/login')) {
    // The app's own index, without the login route: signed in, it opens; otherwise the service asks to sign in.
    window.location.replace(window.location.pathname);
  }
}

window.addEventListener('hashchange', signInAgain);
signInAgain();

document.addEventListener('click', event => {
  const logout = event.target instanceof Element && event.target.closest('li.logout a, a.logout, [cam-logout]');
  if (logout) {
    event.preventDefault();
    event.stopImmediatePropagation();
    window.location.assign(serviceRoot + '/signout');
  }
}, true);

export default [];
