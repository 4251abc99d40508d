// The question editor's live preview: while the editor types, the form is sent (unsaved) to the preview
// endpoint for each platform and the answer is shown as readers will see it. Without this script the frames show
// the saved revision, and the editor still works.
(function () {
  "use strict";
  var frames = document.querySelectorAll(".q-frames iframe[data-platform]");

  // Each frame holds the whole reader's page (header, list, the answer open in it); it is scrolled to the answer
  // (#q-title, the reader's page's title of the open answer), so the editor sees what they edit. The frames are of
  // this origin, so their page is scrolled from here: a fragment in their address would scroll this page too.
  function showAnswer(frame) {
    try {
      var doc = frame.contentDocument;
      var win = frame.contentWindow;
      var answer = doc && (doc.getElementById("q-title") || doc.querySelector(".answer"));
      if (answer) {
        win.scrollTo(0, Math.max(0, answer.getBoundingClientRect().top + win.pageYOffset - 12));
      }
    } catch (e) {
      // a frame this page may not read: left as it is
    }
  }
  frames.forEach(function (frame) {
    frame.addEventListener("load", function () { showAnswer(frame); });
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") {
      showAnswer(frame);
    }
  });

  var form = document.getElementById("question-form");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var radios = document.querySelectorAll("input[name=preview_locale]");
  var timer = null;
  var generation = 0;

  // after a save the address is the question's own page, so that reloading does not send the form again
  if (history.replaceState && form.dataset.preview && /\/admin\/questions\/\d+\/preview$/.test(form.dataset.preview)) {
    var own = form.dataset.preview.replace(/\/preview$/, "") + "?lang=" + form.dataset.lang;
    if (location.pathname + location.search !== own) {
      history.replaceState(null, "", own);
    }
  }

  function locale() {
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].checked) {
        return radios[i].value;
      }
    }
    return form.dataset.lang;
  }

  function refresh() {
    var mine = ++generation;
    var data = new URLSearchParams(new FormData(form));
    data.delete("action");
    frames.forEach(function (frame) {
      var url = form.dataset.preview + "?locale=" + encodeURIComponent(locale()) +
        "&platform=" + encodeURIComponent(frame.dataset.platform);
      fetch(url, {method: "POST", body: data, credentials: "same-origin"})
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (mine === generation) {
            frame.removeAttribute("src");
            frame.srcdoc = html;
            frame.setAttribute("data-generation", String(mine));
          }
        })
        .catch(function () { /* the next keystroke tries again */ });
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  // typed and not saved: leaving the page asks first; Ctrl+S (Cmd+S) saves the draft
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      var save = document.getElementById("q-save");
      if (save) {
        event.preventDefault();
        save.click();
      }
    }
  });

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  radios.forEach(function (r) { r.addEventListener("change", refresh); });
  // a new question has nothing saved to show: render what the form holds at once
  if (!/\/admin\/questions\/\d+\/preview$/.test(form.dataset.preview)) {
    refresh();
  }
})();
