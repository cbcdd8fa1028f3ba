// OpenNRM branding through the webapps' supported configuration (see the Camunda 7 webapp customisation docs).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'OpenNRM'
  },
  // No vendor welcome box on first login: it means nothing to caseworkers.
  disableWelcomeMessage: true,
  // Signing in and out happens on the service's own pages (ADR 21), not on the app's login form.
  customScripts: ['../opennrm/signin']
};
