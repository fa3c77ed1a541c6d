// Polls a running import and moves its progress bar; reloads when the run ends so the results show.
(function () {
    "use strict";
    var box = document.querySelector("[data-run-status]");
    if (!box || box.getAttribute("data-finished") === "true") {
        return;
    }
    var url = box.getAttribute("data-run-status");
    var bar = box.querySelector("progress");

    function set(field, value) {
        var el = box.querySelector('[data-field="' + field + '"]');
        if (el) {
            el.textContent = value;
        }
    }

    function poll() {
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (status) {
                if (!status) {
                    return;
                }
                bar.max = Math.max(status.filesTotal, 1);
                bar.value = status.filesDone;
                set("text", status.text);
                set("filesDone", status.filesDone);
                set("filesTotal", status.filesTotal);
                set("articlesDone", status.articlesDone);
                if (status.finished) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }

    window.setTimeout(poll, 500);
})();
