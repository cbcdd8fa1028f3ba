// OpenNRM branding through the webapps' supported configuration (see the Camunda 7 webapp customisation docs).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'OpenNRM'
  },
  // No vendor welcome box on first login: it means nothing to caseworkers.
  disableWelcomeMessage: true,
  // When the service refuses a submitted form, say why next to each field (scripts/server-errors.js).
  customScripts: ['scripts/server-errors'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
