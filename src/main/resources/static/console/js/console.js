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
