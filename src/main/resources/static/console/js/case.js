/* A case's page (/console/cases/{key}): the process diagram with the path the case took, and attaching evidence. */
(function () {
  const form = document.getElementById('attachment-form');
  if (!form) { return; }
  const status = document.getElementById('attachment-status');
  const input = document.getElementById('attachment-file');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) { status.textContent = '请先选择文件'; return; }
    const data = new FormData();
    data.append('file', file, file.name);
    status.textContent = '正在上传……';
    const response = await kefu.fetch(form.dataset.uploadUrl, { method: 'POST', body: data,
      headers: { Accept: 'application/json' } });
    if (response.ok) {
      status.textContent = '已上传';
      window.location.reload();
      return;
    }
    let message = '上传失败(HTTP ' + response.status + ')';
    try {
      const problem = await response.json();
      message = '上传失败:' + ((problem.errors || []).map(e => e.message).join(';') || problem.detail || message);
    } catch (notJson) { /* the status says enough */ }
    status.textContent = message;
  });
})();

(async function () {
  const container = document.getElementById('diagram');
  const status = document.getElementById('diagram-status');
  try {
    const response = await fetch(container.dataset.diagramUrl, { headers: { Accept: 'application/json' } });
    if (!response.ok) { throw new Error('HTTP ' + response.status); }
    const diagram = await response.json();
    const viewer = new BpmnJS({ container: container });
    await viewer.importXML(diagram.bpmnXml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    canvas.zoom('fit-viewport');
    const executed = new Set(diagram.executed);
    executed.forEach(id => registry.get(id) && canvas.addMarker(id, 'executed'));
    // a sequence flow was taken when both of its ends were reached
    registry.filter(e => e.type === 'bpmn:SequenceFlow').forEach(flow => {
      if (flow.source && flow.target && executed.has(flow.source.id) && executed.has(flow.target.id)) {
        canvas.addMarker(flow.id, 'executed');
      }
    });
    diagram.active.forEach(id => registry.get(id) && canvas.addMarker(id, 'active'));
    diagram.incidents.forEach(id => registry.get(id) && canvas.addMarker(id, 'incident'));
    status.textContent = '已走过 ' + executed.size + ' 个节点';
    status.dataset.rendered = 'true';
  } catch (e) {
    status.textContent = '流程图无法显示:' + e.message;
  }
})();
