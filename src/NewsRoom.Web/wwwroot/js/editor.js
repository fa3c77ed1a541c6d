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

// The edit lock: while the form is open it is renewed every minute, so others keep seeing "X 正在编辑"; when someone
// took it over the page says so. Without script the lock simply lapses a few minutes after the form was opened.
(function () {
  'use strict';
  var status = document.getElementById('edit-lock');
  var form = document.getElementById('article-form');
  if (!status || !form || !window.fetch) {
    return;
  }
  var token = form.querySelector('input[name="__RequestVerificationToken"]');
  var timer = setInterval(function () {
    var body = new FormData();
    if (token) {
      body.append(token.name, token.value);
    }
    fetch(status.getAttribute('data-renew-url'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 409) {
          clearInterval(timer);
          return response.text().then(function (text) {
            status.textContent = text;
            status.hidden = false;
          });
        }
        return null;
      })
      .catch(function () { /* A missed renewal is retried on the next tick. */ });
  }, 60000);
})();
