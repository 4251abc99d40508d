// Click-to-load videos (decision 0036): a YouTube or Vimeo video is shown as a poster of our own, and nothing is
// asked of YouTube or Vimeo until the reader clicks it. Then the poster gives way to the host's player (YouTube's
// cookie-less host, Vimeo with dnt=1), which starts playing. Without this script the poster is a plain link to the
// video's page, so every video stays reachable.
(function () {
  "use strict";
  if (document.documentElement.hasAttribute("data-komek-videos")) {
    return; // a page with two lists of videos includes this script twice
  }
  document.documentElement.setAttribute("data-komek-videos", "");
  // only these players are framed, whatever a page says (the page's Content-Security-Policy allows no other)
  var PLAYERS = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;

  document.addEventListener("click", function (event) {
    var poster = event.target.closest ? event.target.closest("a.video-poster[data-player]") : null;
    if (!poster || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // a new tab or window opens the video's page, as the link says
    }
    var src = poster.getAttribute("data-player");
    if (!PLAYERS.test(src)) {
      return;
    }
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = poster.getAttribute("data-title") || "";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.className = "video-player";
    poster.parentNode.replaceChild(frame, poster);
    frame.focus(); // keyboard readers stay where they were: on the video
  });
})();
