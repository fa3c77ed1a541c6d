// Live preview of the article body: posts the form to the page's PreviewFragment handler, which renders with
// the same Markdown pipeline as the reader page. Without script the 预览 button does the same by a plain POST.
(function () {
  'use strict';
  var body = document.querySelector('textarea[data-preview-url]');
  if (!body || !window.fetch) {
    return;
  }
  var target = document.getElementById(body.getAttribute('data-preview-target'));
  var url = body.getAttribute('data-preview-url');
  var timer = null;
  var latest = 0;

  function render() {
    var ticket = ++latest;
    fetch(url, { method: 'POST', body: new FormData(body.form), credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // Only the newest answer is shown, so a slow response never overwrites a fresher preview.
        if (html !== null && ticket === latest) {
          target.innerHTML = html;
        }
      })
      .catch(function () { /* The preview is a convenience; typing goes on without it. */ });
  }

  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 400);
  });
  if (!target.innerHTML.trim()) {
    render();
  }
})();
