/*
 * Kefu: Chinese for the few English texts the Camunda Forms renderer (form-js) writes into Tasklist forms
 * ("Select", "Field is required." …); form-js has no translations of its own. Loaded by config.js (customScripts).
 */
const TEXTS = [
  [/^Select$/, '请选择'],
  [/^Search$/, '搜索'],
  [/^Field is required\.$/, '此项必填。'],
  [/^Field must have minimum length of (\d+)\.$/, '至少 $1 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, '最多 $1 个字符。'],
  [/^Field must have minimum value of (\S+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (\S+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern (.*)\.$/, '格式不正确。'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮件地址。'],
  [/^Field must be a valid international phone number\.$/, '请填写有效的电话号码。'],
  [/^Value is not a number\.$/, '请填写数字。'],
];

function translate(text) {
  for (const [pattern, chinese] of TEXTS) {
    if (pattern.test(text)) {
      return text.replace(pattern, chinese);
    }
  }
  return null;
}

function translateWithin(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: node => (node.parentElement && node.parentElement.closest('.fjs-container')
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT)
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chinese = translate(node.nodeValue.trim());
    if (chinese !== null) {
      node.nodeValue = chinese;
    }
  }
  // a searchable select's box says "Search" in its placeholder, an attribute rather than text
  const inputs = root.matches && root.matches('input[placeholder]') ? [root] : [];
  inputs.push(...(root.querySelectorAll ? root.querySelectorAll('.fjs-container input[placeholder]') : []));
  for (const input of inputs) {
    const chinese = translate(input.getAttribute('placeholder').trim());
    if (chinese !== null) {
      input.setAttribute('placeholder', chinese);
    }
  }
}

new MutationObserver(mutations => {
  for (const mutation of mutations) {
    const target = mutation.type === 'characterData' ? mutation.target.parentElement : mutation.target;
    if (target && target.closest && target.closest('.fjs-container')) {
      translateWithin(target);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['placeholder'] });

export default [];
