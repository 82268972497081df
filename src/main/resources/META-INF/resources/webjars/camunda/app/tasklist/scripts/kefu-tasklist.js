/*
 * Kefu: Tasklist behaviour that its configuration alone cannot give. Loaded by config.js (customScripts) before
 * Tasklist starts.
 *
 * Search by case number or customer code from the search box. Tasklist's box turns typed text into a "task name
 * like" criterion; the criteria live in the page address (searchQuery). A typed case number (TS2026-00019, HT000012,
 * JY2026-00003 …) becomes the criterion 案件信息: 案件编号 = TS2026-00019, a typed customer code (C00012) 客户编号 =
 * C00012; Tasklist reads the address again and shows the criterion as its own pill, which the user can change or
 * remove like any other. Both are case variables every case carries (io.kefu.task.TaskCards); neither is personal.
 *
 * Refusals do not pile up. Tasklist adds a new red notice for every refused submission and keeps the old ones until
 * each is closed by hand, so a corrected start form still showed the refusals of what it no longer says. A refusal
 * is closed — with its own close button, as the user would — as soon as the form it is about is changed, or is
 * submitted again (the answer to that submission then stands alone).
 */
const CUSTOMER_CODE = /^C\d{5,}$/i;
const CASE_NUMBER = /^[A-Z]{2}\d{4}-\d{3,}$|^[A-Z]{2}\d{6,}$/i;

/** The case variable a typed word names, or null when it is neither a case number nor a customer code. */
function caseVariableFor(text) {
  const word = String(text).trim().replace(/^%|%$/g, '');
  if (CUSTOMER_CODE.test(word)) {
    return { name: 'customerCode', label: '客户编号', value: word.toUpperCase() };
  }
  if (CASE_NUMBER.test(word)) {
    return { name: 'caseNo', label: '案件编号', value: word.toUpperCase() };
  }
  return null;
}

function rewriteSearch() {
  const hash = window.location.hash;
  const queryStart = hash.indexOf('?');
  if (queryStart < 0) {
    return;
  }
  const params = new URLSearchParams(hash.substring(queryStart + 1));
  const raw = params.get('searchQuery');
  if (!raw) {
    return;
  }
  let criteria;
  try {
    criteria = JSON.parse(raw);
  } catch (e) {
    return;
  }
  if (!Array.isArray(criteria)) {
    return;
  }
  let changed = false;
  const rewritten = criteria.map(criterion => {
    const variable = criterion && criterion.type === 'name' ? caseVariableFor(criterion.value) : null;
    if (!variable) {
      return criterion;
    }
    changed = true;
    // a name given as key and label: Tasklist queries by the key and shows the label on the pill
    return {
      type: 'processVariables', operator: 'eq', name: { key: variable.name, value: variable.label },
      value: variable.value
    };
  });
  if (changed) {
    params.set('searchQuery', JSON.stringify(rewritten));
    window.location.replace(hash.substring(0, queryStart + 1) + params.toString());
  }
}

/** The notices a form's refusals show in: its dialog's, or the page's for a task form. */
function refusalsAbout(element) {
  const dialog = element.closest('.modal');
  const notices = Array.from((dialog || document).querySelectorAll('.notifications .alert-danger'));
  return notices.filter(notice => (dialog !== null) === (notice.closest('.modal') !== null));
}

function closeRefusalsAbout(element) {
  for (const notice of refusalsAbout(element)) {
    const close = notice.querySelector('button.close[ng-click^="removeNotification"]');
    if (close) {
      close.click();
    }
  }
}

function isForm(element) {
  return element instanceof Element && element.closest('.fjs-container, [cam-tasklist-form]') !== null;
}

function isSubmission(element) {
  if (!(element instanceof Element)) {
    return false;
  }
  const button = element.closest('button');
  return button !== null && button.closest('.modal-footer, [cam-tasklist-form], .form-actions') !== null
    && !button.classList.contains('close');
}

document.addEventListener('input', event => isForm(event.target) && closeRefusalsAbout(event.target), true);
document.addEventListener('change', event => isForm(event.target) && closeRefusalsAbout(event.target), true);
document.addEventListener('click', event => isSubmission(event.target) && closeRefusalsAbout(event.target), true);

// Tasklist writes the address right after the user presses Enter; rewrite once it has settled.
window.addEventListener('hashchange', () => window.setTimeout(rewriteSearch, 50));
window.addEventListener('load', rewriteSearch);

export default [];
