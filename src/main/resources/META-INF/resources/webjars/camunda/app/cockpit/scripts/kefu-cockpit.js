/*
 * Kefu: a process opens on the version its running cases are on. Cockpit links a process to its newest version,
 * and lists only that version's instances; Kefu's running cases often sit on an earlier version (a case stays on
 * the version it started with). When a process version is opened that has no running instance while another
 * version of the same process has some, Cockpit is sent to the newest such version — once per version and browser
 * session, so a user who then chooses the empty version in Cockpit's version menu stays there.
 * Loaded by config.js (customScripts); reads the engine through Cockpit's own API with the user's rights.
 */
const ENGINE = (document.querySelector('base')?.getAttribute('engine-api') || '/camunda/api/engine/')
  + 'engine/default/';
const VISITED = 'kefu.cockpit.versionsOpened';

function opened() {
  try {
    return JSON.parse(window.sessionStorage.getItem(VISITED) || '[]');
  } catch (e) {
    return [];
  }
}

async function json(path) {
  const response = await fetch(ENGINE + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

async function openVersionWithCases() {
  const match = /^#\/process-definition\/([^/?]+)(\/runtime)?(\?.*)?$/.exec(window.location.hash);
  if (!match) {
    return;
  }
  const id = decodeURIComponent(match[1]);
  const seen = opened();
  if (seen.includes(id)) {
    return;
  }
  window.sessionStorage.setItem(VISITED, JSON.stringify(seen.concat(id)));
  const running = await json('process-instance/count?processDefinitionId=' + encodeURIComponent(id));
  if (running.count > 0) {
    return;
  }
  const definition = await json('process-definition/' + encodeURIComponent(id));
  const versions = await json('process-definition?sortBy=version&sortOrder=desc&key='
    + encodeURIComponent(definition.key));
  for (const version of versions) {
    if (version.id === id) {
      continue;
    }
    const count = await json('process-instance/count?processDefinitionId=' + encodeURIComponent(version.id));
    if (count.count > 0) {
      window.sessionStorage.setItem(VISITED, JSON.stringify(opened().concat(version.id)));
      window.location.replace('#/process-definition/' + encodeURIComponent(version.id) + '/runtime');
      return;
    }
  }
}

function check() {
  openVersionWithCases().catch(error => console.warn('Kefu: version with running cases not found', error));
}

window.addEventListener('hashchange', check);
check();

export default [];
