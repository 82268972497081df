/* Kefu console, on every page (layout.html). A page's writes go through kefu.fetch, which adds the session's CSRF
   token: Spring Security refuses a write in a browser session without it (a page of another site cannot know it).
   The layout puts the token and its header name in <meta name="_csrf"> and <meta name="_csrf_header">. */
window.kefu = Object.freeze({
  fetch(url, options) {
    const request = Object.assign({}, options);
    const method = (request.method || 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      const token = document.querySelector('meta[name="_csrf"]');
      const header = document.querySelector('meta[name="_csrf_header"]');
      request.headers = new Headers(request.headers);
      if (token && header && token.content) { request.headers.set(header.content, token.content); }
    }
    return window.fetch(url, request);
  }
});

/* A browser's own file button speaks the browser's language ("Choose Files"): every file field marked data-picker gets
   a Chinese button (its label) and the names of the chosen files beside it; the field itself stays in the page,
   hidden from sight but not from the form, the keyboard or a test driver. */
document.querySelectorAll('input[type=file][data-picker]').forEach(input => {
  const button = document.createElement('label');
  button.htmlFor = input.id;
  button.className = 'button';
  button.id = input.id + '-choose';
  button.textContent = input.multiple ? '选择文件(可多选)' : '选择文件';
  const chosen = document.createElement('span');
  chosen.className = 'muted';
  chosen.id = input.id + '-chosen';
  chosen.textContent = '未选择文件';
  input.classList.add('visually-hidden');
  input.after(button, ' ', chosen);
  input.addEventListener('change', () => {
    const names = Array.from(input.files).map(file => file.name);
    chosen.textContent = names.length ? names.join('、') : '未选择文件';
  });
});
