// OpenNRM branding through the webapps' supported configuration (see the Camunda 7 webapp customisation docs).
export default {
  app: {
    name: 'Welcome',
    vendor: 'OpenNRM'
  },
  // No vendor welcome box on first login: it means nothing to caseworkers.
  disableWelcomeMessage: true
};
