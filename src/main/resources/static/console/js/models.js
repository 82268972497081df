/* The process-redesign page (/console/models): validate and deploy uploads, list what runs, diff two versions and
   migrate running cases. Writes go through kefu.fetch (console.js), which adds the CSRF token. */
(function () {
  const $ = id => document.getElementById(id);
  const mayDeploy = $('may-deploy').dataset.value === 'true';
  const esc = s => String(s == null ? '' : s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const json = async (url, options) => {
    const response = await kefu.fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, options || {}));
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
    return { status: response.status, body: body };
  };
  let viewer = null;
  // the forms only hold inputs for the buttons: Enter must not post them
  document.querySelectorAll('main form').forEach(f => f.addEventListener('submit', e => e.preventDefault()));

  // ---- upload: validate or deploy, problems in plain words ----------------------------------------------------
  function report(result, deployed) {
    const box = $('upload-result');
    const body = result.body || {};
    const problems = body.problems || (body.validation && body.validation.problems) || [];
    const notes = body.notes || (body.validation && body.validation.notes) || [];
    let html = '';
    if (result.status === 403) {
      html = '<p class="problems">无权部署:只有客服经理和系统管理员可以部署流程。</p>';
    } else if (problems.length) {
      html = '<p><strong>发现 ' + problems.length + ' 个问题,未部署:</strong></p><ul class="problems" id="problem-list">'
        + problems.map(p => '<li>' + esc(p.message) + ' <code>' + esc(p.code) + (p.elementId ? ' · ' + esc(p.elementId) : '')
          + ' · ' + esc(p.resource) + '</code></li>').join('') + '</ul>';
    } else if (result.status >= 400) {
      html = '<p class="problems">' + esc(body.detail || ('错误 ' + result.status)) + '</p>';
    } else if (deployed) {
      const defs = (body.definitions || []).map(d => esc(d.name || d.key) + ' 第 ' + d.version + ' 版').join(',');
      html = '<p class="ok" id="deploy-ok">' + (body.unchanged ? '内容未变化,没有产生新版本' : '已部署:' + (defs || esc(body.name)))
        + '</p>';
      loadModels();
    } else {
      html = '<p class="ok" id="validation-ok">校验通过,可以部署</p>';
    }
    if (notes.length) {
      html += '<ul class="notes muted">' + notes.map(n => '<li>' + esc(n) + '</li>').join('') + '</ul>';
    }
    box.innerHTML = html;
  }
  async function upload(path, deployed) {
    const data = new FormData();
    for (const file of $('upload-files').files) { data.append('files', file, file.name); }
    if ($('upload-name').value) { data.append('name', $('upload-name').value); }
    $('upload-result').textContent = '处理中……';
    report(await json(path, { method: 'POST', body: data }), deployed);
  }
  $('validate-button').addEventListener('click', () => upload('/api/models/validate', false));
  if ($('deploy-button')) { $('deploy-button').addEventListener('click', () => upload('/api/models/deployments', true)); }

  // ---- ready variants a manager can switch to ----------------------------------------------------------------
  async function loadVariants() {
    const result = await json('/api/models/variants');
    if (result.status !== 200) { $('variant-list').textContent = '无法加载:' + result.status; return; }
    $('variant-list').innerHTML = '<table class="grid" id="variant-table"><thead><tr><th>方案</th><th>说明</th><th>文件</th>'
      + '<th>状态</th><th></th></tr></thead><tbody>' + result.body.map(v => '<tr data-variant="' + esc(v.id) + '"><td><strong>'
      + esc(v.name) + '</strong></td><td>' + esc(v.description) + '</td><td>' + v.files.map(esc).join('<br>') + '</td><td>'
      + (v.current ? '<span class="ok">当前运行</span>' : '—') + '</td><td>'
      + (mayDeploy && !v.current ? '<button type="button" class="deploy-variant" data-id="' + esc(v.id) + '">部署为当前版本</button>' : '')
      + '</td></tr>').join('') + '</tbody></table>';
    document.querySelectorAll('.deploy-variant').forEach(b => b.addEventListener('click', async () => {
      $('variant-result').textContent = '处理中……';
      const deployed = await json('/api/models/variants/' + encodeURIComponent(b.dataset.id) + '/deployments', { method: 'POST' });
      const defs = ((deployed.body || {}).definitions || []).map(d => esc(d.name || d.key) + ' 第 ' + d.version + ' 版').join(',');
      $('variant-result').innerHTML = deployed.status < 300
        ? '<p class="ok" id="variant-ok">已切换:' + (defs || '内容未变化') + '。运行中的案件仍在原版本,可在下方“版本差异与案件迁移”中选择迁移。</p>'
        : '<p class="problems">' + esc((deployed.body || {}).detail || ('错误 ' + deployed.status)) + '</p>';
      loadVariants();
      loadModels();
    }));
  }

  // ---- what runs --------------------------------------------------------------------------------------------
  async function loadModels() {
    const result = await json('/api/models');
    if (result.status !== 200) { $('model-list').textContent = '无法加载:' + result.status; return; }
    const catalog = result.body;
    const keySelect = $('process-key');
    const chosen = keySelect.value;
    keySelect.innerHTML = catalog.processes.map(p => '<option value="' + esc(p.key) + '">' + esc(p.name || p.key) + '</option>').join('');
    if (chosen) { keySelect.value = chosen; }
    const rows = [];
    const add = (label, model, diagram) => model.versions.forEach((v, i) => rows.push('<tr data-key="' + esc(model.key)
      + '" data-version="' + v.version + '">' + (i === 0 ? '<td rowspan="' + model.versions.length + '">' + label + '</td><td rowspan="'
      + model.versions.length + '"><strong>' + esc(model.name || model.key) + '</strong><br><code>' + esc(model.key) + '</code></td>' : '')
      + '<td class="num">' + v.version + '</td><td>' + esc(v.deployedAt ? new Date(v.deployedAt).toLocaleString('zh-CN') : '')
      + '</td><td>' + esc(v.deployedBy) + '</td><td>' + esc(v.source || '') + '</td><td class="num">'
      + (v.runningCases == null ? '' : v.runningCases) + '</td><td>'
      + (diagram ? '<button type="button" class="show-diagram" data-key="' + esc(model.key) + '" data-version="' + v.version + '">流程图</button>' : esc(v.resource || ''))
      + '</td></tr>'));
    catalog.processes.forEach(m => add('流程', m, true));
    catalog.decisions.forEach(m => add('决策表', m, false));
    catalog.forms.forEach(m => add('表单', m, false));
    $('model-list').innerHTML = '<table class="grid" id="model-table"><thead><tr><th>类型</th><th>模型</th><th class="num">版本</th>'
      + '<th>部署时间</th><th>部署人</th><th>来源</th><th class="num">运行中案件</th><th></th></tr></thead><tbody>'
      + rows.join('') + '</tbody></table>';
    document.querySelectorAll('.show-diagram').forEach(b => b.addEventListener('click', () => {
      $('process-key').value = b.dataset.key;
      $('to-version').value = b.dataset.version;
      showDiagram(b.dataset.key, b.dataset.version, []).catch(e => { $('diagram-status').textContent = '流程图无法显示:' + e.message; });
    }));
  }

  async function showDiagram(key, version, markers) {
    const status = $('diagram-status');
    status.dataset.rendered = 'false';
    const response = await fetch('/api/models/processes/' + encodeURIComponent(key) + '/versions/' + version + '/xml');
    if (!response.ok) { status.textContent = '流程图无法显示:' + response.status; return; }
    if (!viewer) { viewer = new BpmnJS({ container: $('diagram') }); }
    await viewer.importXML(await response.text());
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    canvas.zoom('fit-viewport');
    markers.forEach(m => registry.get(m.id) && canvas.addMarker(m.id, m.marker));
    const option = Array.from($('process-key').options).find(o => o.value === key);
    status.textContent = (option ? option.textContent : key) + ' 第 ' + version + ' 版' + (markers.length ? '(绿色:新增,橙色:修改)' : '');
    status.dataset.rendered = 'true';
  }

  // ---- diff -------------------------------------------------------------------------------------------------
  const versions = () => ({ key: $('process-key').value, from: $('from-version').value, to: $('to-version').value });
  $('diff-button').addEventListener('click', async () => {
    const v = versions();
    const result = await json('/api/models/processes/' + encodeURIComponent(v.key) + '/diff?from=' + v.from + '&to=' + v.to);
    if (result.status !== 200) { $('diff-result').innerHTML = '<p class="problems">' + esc(result.body && result.body.detail) + '</p>'; return; }
    const d = result.body;
    $('migration-plan').innerHTML = '';
    const types = { userTask: '人工任务', serviceTask: '自动任务', businessRuleTask: '决策任务', sequenceFlow: '连线',
      exclusiveGateway: '排他网关', inclusiveGateway: '包容网关', parallelGateway: '并行网关', startEvent: '开始事件',
      endEvent: '结束事件', boundaryEvent: '边界事件', subProcess: '子流程', callActivity: '调用子流程' };
    const attrs = { name: '名称', targetRef: '流向', sourceRef: '来源', formRef: '表单', candidateGroups: '候选组',
      assignee: '处理人', dueDate: '期限', conditionExpression: '条件', decisionRef: '决策表', delegateExpression: '执行逻辑' };
    const attr = a => attrs[String(a).replace(/^camunda:/, '')] || a;
    // the diagram first: its elements give the names of the steps a flow or a change refers to
    await showDiagram(v.key, v.to, d.added.map(e => ({ id: e.id, marker: 'diff-added' }))
      .concat(d.changed.map(e => ({ id: e.id, marker: 'diff-changed' }))));
    const registry = viewer.get('elementRegistry');
    const nameOf = id => {
      const element = registry.get(id);
      const bo = element && element.businessObject;
      return bo ? (bo.name || ('未命名的' + (types[bo.$type.replace('bpmn:', '')] || '元素'))) : '旧版本中的元素';
    };
    const refs = new Set(['targetRef', 'sourceRef', 'attachedToRef', 'default']);
    const value = (c, x) => x == null || x === '' ? '—' : refs.has(String(c.attribute)) ? '「' + nameOf(x) + '」' : x;
    const title = e => e.name || (e.type === 'sequenceFlow' && registry.get(e.id)
      ? '连线「' + nameOf(registry.get(e.id).businessObject.sourceRef.id) + '」→「' + nameOf(registry.get(e.id).businessObject.targetRef.id) + '」'
      : '未命名的' + (types[e.type] || e.type));
    const item = (kind, e) => '<tr class="diff-' + kind + '" data-element="' + esc(e.id) + '"><td>' + ({added: '新增', removed: '删除', changed: '修改'})[kind]
      + '</td><td>' + esc(title(e)) + '</td><td>' + esc(types[e.type] || e.type) + '</td><td>'
      + (e.changes || []).map(c => esc(attr(c.attribute)) + ':' + esc(value(c, c.from)) + ' → ' + esc(value(c, c.to))).join('<br>') + '</td></tr>';
    const rows = d.added.map(e => item('added', e)).concat(d.removed.map(e => item('removed', e)), d.changed.map(e => item('changed', e)));
    $('diff-result').innerHTML = '<h2>第 ' + d.from + ' 版 → 第 ' + d.to + ' 版</h2>' + (rows.length
      ? '<table class="grid" id="diff-table"><thead><tr><th>变化</th><th>步骤</th><th>类型</th><th>修改内容</th></tr></thead><tbody>'
        + rows.join('') + '</tbody></table>' : '<p id="diff-none">两个版本没有差异</p>');
  });

  // ---- migration --------------------------------------------------------------------------------------------
  $('plan-button').addEventListener('click', async () => {
    const v = versions();
    const result = await json('/api/models/processes/' + encodeURIComponent(v.key) + '/migration-plan?from=' + v.from + '&to=' + v.to);
    if (result.status !== 200) { $('migration-plan').innerHTML = '<p class="problems">' + esc(result.body && result.body.detail) + '</p>'; return; }
    const plan = result.body;
    const kinds = { ADDED: '新增', REMOVED: '删除', RENAMED: '改名', NOT_MAPPED: '不能对应' };
    let html = '<h2>迁移方案:第 ' + plan.from + ' 版 → 第 ' + plan.to + ' 版</h2>';
    if (plan.planProblems.length) { html += '<ul class="problems">' + plan.planProblems.map(p => '<li>' + esc(p) + '</li>').join('') + '</ul>'; }
    html += plan.differences.length
      ? '<h3>两个版本不同的步骤(' + plan.differences.length + ')</h3><table class="grid" id="plan-differences"><thead><tr><th>步骤</th><th>变化</th><th>说明</th></tr></thead><tbody>'
        + plan.differences.map(d => '<tr data-activity="' + esc(d.activityId) + '"><td>' + esc(d.name) + '</td><td>' + esc(kinds[d.kind] || d.kind)
          + '</td><td>' + esc(d.text) + '</td></tr>').join('') + '</tbody></table>'
      : '<p id="plan-no-differences">两个版本的步骤相同,所有案件可以原地迁移。</p>';
    html += '<p class="muted">其余 ' + Math.max(0, plan.mappings.length - plan.differences.filter(d => d.kind === 'RENAMED').length)
      + ' 个步骤两个版本相同,等在那里的案件迁移后停在同一步骤。请勾选要迁移的案件:</p>';
    html += '<table class="grid" id="migration-cases"><thead><tr><th>选择</th><th>案件</th><th>当前步骤</th><th>能否迁移</th></tr></thead><tbody>'
      + plan.cases.map(c => '<tr data-instance="' + esc(c.processInstanceId) + '"><td><input type="checkbox" class="case-choice" value="'
        + esc(c.processInstanceId) + '"' + (c.canMigrate === false ? ' disabled' : '') + ' aria-label="迁移案件 ' + esc(c.businessKey || '') + '"></td><td>'
        + esc(c.businessKey || '(无案件编号)') + '</td><td>' + esc((c.activeSteps || []).join('、')) + '</td><td>'
        + (c.canMigrate === true ? '<span class="ok">可以</span>' : c.canMigrate === false ? '不能:' + esc(c.reasons.join(';')) : '未试')
        + '</td></tr>').join('')
      + '</tbody></table>';
    if (!plan.cases.length) { html += '<p>第 ' + plan.from + ' 版没有运行中的案件。</p>'; }
    if (mayDeploy && plan.cases.length) { html += '<button type="button" id="migrate-button" disabled>迁移选中的案件</button>'; }
    $('migration-plan').innerHTML = html;
    $('diff-result').innerHTML = '';
    const chosen = () => Array.from(document.querySelectorAll('.case-choice:checked')).map(c => c.value);
    document.querySelectorAll('.case-choice').forEach(c => c.addEventListener('change', () => {
      if ($('migrate-button')) { $('migrate-button').disabled = chosen().length === 0; }
    }));
    const marker = { ADDED: 'diff-added', RENAMED: 'diff-changed', REMOVED: 'diff-changed', NOT_MAPPED: 'diff-changed' };
    showDiagram(v.key, v.to, plan.differences.filter(d => d.kind !== 'REMOVED').map(d => ({ id: d.activityId, marker: marker[d.kind] })))
      .catch(e => { $('diagram-status').textContent = '流程图无法显示:' + e.message; });
    if ($('migrate-button')) {
      $('migrate-button').addEventListener('click', async () => {
        const ids = chosen();
        const done = await json('/api/models/processes/' + encodeURIComponent(v.key) + '/migrations', {
          method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ from: Number(v.from), to: Number(v.to), processInstanceIds: ids })
        });
        $('migration-result').innerHTML = done.status === 200
          ? '<p class="ok" id="migration-ok">已把 ' + done.body.migrated.length + ' 个案件从第 ' + done.body.from + ' 版迁移到第 '
            + done.body.to + ' 版' + (done.body.batchId ? '(后台批量执行)' : '') + '</p>'
          : '<p class="problems">' + esc((done.body && (done.body.detail || done.body.title)) || done.status) + '</p>';
        loadModels();
      });
    }
  });

  loadModels();
  loadVariants();
})();
