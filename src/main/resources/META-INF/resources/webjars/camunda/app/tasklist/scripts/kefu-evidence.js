/*
 * Kefu: the 附件 tab of a task in Tasklist (plugin point tasklist.task.detail, loaded by config.js customScripts).
 * Lists the files of the task's case and, for those who may work on it, attaches a new one (签字单, 收据照片, 通话录音,
 * 信函, 邮件) to the case from this task: a step whose rule demands evidence (客户签字, 借出登记) then counts as proved.
 *
 * It calls Kefu's API (/api/tasks/{id}/attachments, /api/cases/{key}/attachments/{id}) with Tasklist's own login:
 * the session cookie, and Camunda's CSRF token (api.CSRFToken) in X-XSRF-TOKEN, which Kefu checks against the
 * session's (io.kefu.identity.CamundaWebappSession). Files are downloaded with the same header, never by plain link.
 */
const TEXT = {
  loading: '正在加载附件……',
  none: '本案件还没有附件。',
  caseLabel: '案件',
  fileName: '文件',
  size: '大小',
  by: '上传人',
  at: '上传时间',
  from: '上传时所在步骤',
  choose: '选择文件',
  nothingChosen: '未选择文件',
  upload: '上传到本案件',
  uploading: '正在上传……',
  uploaded: '已上传:',
  readOnly: '您可以查看本案件的附件,但不能在此任务中上传。',
  failed: '操作失败:',
  tooLarge: '文件过大,最大 ',
  pick: '请先选择文件'
};

function apiRoot() {
  const base = document.querySelector('base');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  // Tasklist runs under <context>/camunda; Kefu's API is <context>/api
  return appRoot.replace(/\/camunda\/?$/, '') + '/api';
}

function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'text') { node.textContent = value; } else { node.setAttribute(name, value); }
  });
  (children || []).forEach(child => node.appendChild(child));
  return node;
}

function size(bytes) {
  return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + ' KB'
    : (bytes / (1024 * 1024)).toFixed(1) + ' MB';
}

function time(instant) {
  const d = new Date(instant);
  const two = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
    + two(d.getMinutes());
}

/** The problem's messages (Chinese, naming the field), or the status when the answer is no problem detail. */
async function problemText(response) {
  try {
    const problem = await response.json();
    if (problem.errors && problem.errors.length) {
      return problem.errors.map(e => e.message).join(';');
    }
    return problem.detail || problem.title || ('HTTP ' + response.status);
  } catch (notJson) {
    return 'HTTP ' + response.status;
  }
}

function render(node, { api, taskId }, scope) {
  const root = apiRoot();
  const headers = () => ({ 'X-XSRF-TOKEN': api.CSRFToken, Accept: 'application/json' });
  const box = el('div', { class: 'kefu-evidence', id: 'kefu-evidence' });
  node.appendChild(box);
  let currentTask = taskId;

  async function download(caseKey, attachment) {
    const response = await fetch(root + '/cases/' + encodeURIComponent(caseKey) + '/attachments/' + attachment.id,
      { headers: { 'X-XSRF-TOKEN': api.CSRFToken }, credentials: 'same-origin' });
    if (!response.ok) {
      status(TEXT.failed + await problemText(response), true);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: attachment.fileName });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function status(message, error) {
    const line = box.querySelector('.kefu-evidence-status');
    if (line) {
      line.textContent = message;
      line.className = 'kefu-evidence-status ' + (error ? 'text-danger' : 'text-success');
    }
  }

  function table(evidence) {
    if (!evidence.attachments.length) {
      return el('p', { class: 'kefu-evidence-empty', text: TEXT.none });
    }
    const head = el('tr', {}, [TEXT.fileName, TEXT.size, TEXT.by, TEXT.at, TEXT.from]
      .map(t => el('th', { text: t })));
    const rows = evidence.attachments.map(a => {
      const name = el('a', { href: '', class: 'kefu-evidence-file', text: a.fileName });
      name.addEventListener('click', event => { event.preventDefault(); download(evidence.caseKey, a); });
      return el('tr', {}, [el('td', {}, [name]), el('td', { text: size(a.size) }), el('td', { text: a.uploadedBy }),
        el('td', { text: time(a.uploadedAt) }), el('td', { text: a.taskName || '案件页' })]);
    });
    return el('table', { class: 'table table-condensed kefu-evidence-list' },
      [el('thead', {}, [head]), el('tbody', {}, rows)]);
  }

  function uploader(evidence) {
    if (!evidence.mayUpload) {
      return el('p', { class: 'text-muted', text: TEXT.readOnly });
    }
    // the browser's own file button speaks the browser's language: a Chinese button stands for it
    const input = el('input', { type: 'file', id: 'kefu-evidence-file', name: 'file', class: 'kefu-evidence-input' });
    const chosen = el('span', { class: 'kefu-evidence-chosen text-muted', text: TEXT.nothingChosen });
    input.addEventListener('change', () => {
      chosen.textContent = input.files[0] ? input.files[0].name : TEXT.nothingChosen;
    });
    const button = el('button', { type: 'button', class: 'btn btn-primary', id: 'kefu-evidence-upload',
      text: TEXT.upload });
    const hint = el('p', { class: 'help-block',
      text: '可上传 ' + evidence.accepted + ',单个文件不超过 ' + size(evidence.maxSize) + '。附件不能删除。' });
    button.addEventListener('click', async () => {
      const file = input.files[0];
      if (!file) { status(TEXT.pick, true); return; }
      if (file.size > evidence.maxSize) { status(TEXT.tooLarge + size(evidence.maxSize), true); return; }
      const data = new FormData();
      data.append('file', file, file.name);
      button.disabled = true;
      status(TEXT.uploading, false);
      try {
        const response = await fetch(root + '/tasks/' + encodeURIComponent(currentTask) + '/attachments',
          { method: 'POST', body: data, headers: headers(), credentials: 'same-origin' });
        if (!response.ok) {
          status(TEXT.failed + await problemText(response), true);
          return;
        }
        const saved = await response.json();
        await load();
        status(TEXT.uploaded + saved.fileName, false);
      } finally {
        button.disabled = false;
      }
    });
    return el('div', { class: 'kefu-evidence-upload' }, [
      el('label', { for: 'kefu-evidence-file', class: 'btn btn-default', text: TEXT.choose }), input, chosen, hint,
      button]);
  }

  async function load() {
    box.replaceChildren(el('p', { class: 'text-muted', text: TEXT.loading }));
    const response = await fetch(root + '/tasks/' + encodeURIComponent(currentTask) + '/attachments',
      { headers: headers(), credentials: 'same-origin' });
    if (!response.ok) {
      box.replaceChildren(el('p', { class: 'text-danger', text: TEXT.failed + await problemText(response) }));
      return;
    }
    const evidence = await response.json();
    box.replaceChildren(
      el('h4', { text: TEXT.caseLabel + ' ' + evidence.caseKey + ' 的附件' }),
      table(evidence),
      uploader(evidence),
      el('p', { class: 'kefu-evidence-status', role: 'status' }));
  }

  load();
  // the tab stays while another task is selected: follow the selected task
  if (scope && scope.$watch) {
    scope.$watch('task.id', id => {
      if (id && id !== currentTask) {
        currentTask = id;
        load();
      }
    });
  }
}

export default [{
  id: 'kefu-evidence',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  render,
  properties: { label: '附件' }
}];
