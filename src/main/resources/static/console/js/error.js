// The error page's "返回上一页": back in the browser's history, or to the console's start page when there is none.
document.getElementById('error-back')?.addEventListener('click', (event) => {
  event.preventDefault();
  if (window.history.length > 1 && document.referrer) {
    window.history.back();
  } else {
    window.location.href = document.getElementById('error-home').href;
  }
});
