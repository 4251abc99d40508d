/*
 * Suggestions while typing in a search box (progressive enhancement: without this script the form searches as
 * before). Each search form whose action is a site's search page (/{site}/{locale}/search) gets an ARIA 1.2
 * combobox: the input controls a listbox of questions from /api/v1/suggest. Down and Up move through them, Enter
 * opens the one highlighted (or searches when none is), Escape closes the list, Tab leaves it; a click opens one.
 * A polite status says how many there are. Texts come from the script tag's data attributes (the server's UiText).
 */
(function () {
  'use strict';

  var DELAY = 150; // ms after the last keystroke: a word typed at speed asks once
  var MIN_LENGTH = 2;
  var LIMIT = 8;
  var HTML_LANG = { ru: 'ru-RU', kz: 'kk-KZ' };

  var tag = document.currentScript;
  var texts = {
    label: (tag && tag.dataset.label) || 'Suggestions',
    count: (tag && tag.dataset.count) || '%d',
    none: (tag && tag.dataset.none) || '',
    other: (tag && tag.dataset.other) || ''
  };

  function start() {
    var forms = document.querySelectorAll('form[role="search"]');
    for (var i = 0; i < forms.length; i++) {
      enhance(forms[i], i);
    }
  }

  /** The path of the search page a form goes to, as {site, locale}; null for any other form. */
  function target(form) {
    var path = new URL(form.getAttribute('action') || location.pathname, location.href).pathname;
    var m = /^\/([^/]+)\/(ru|kz)\/search$/.exec(path);
    return m ? { site: decodeURIComponent(m[1]), locale: m[2] } : null;
  }

  /** In the app's webview every link keeps platform=app (as the server's Chrome.sticky does). */
  function sticky(href, app) {
    if (!app || /[?&]platform=app(&|#|$)/.test(href)) {
      return href;
    }
    var hash = href.indexOf('#');
    var path = hash < 0 ? href : href.slice(0, hash);
    var fragment = hash < 0 ? '' : href.slice(hash);
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'platform=app' + fragment;
  }

  function enhance(form, n) {
    var input = form.querySelector('input[name="q"]');
    var where = target(form);
    if (!input || !where || !input.parentElement) {
      return;
    }
    var app = !!form.querySelector('input[name="platform"][value="app"]') ||
      /[?&]platform=app(&|$)/.test(location.search);
    var id = (input.id || 'search-' + n) + '-suggestions';

    var list = document.createElement('ul');
    list.id = id;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', texts.label);
    list.hidden = true;

    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    var anchor = input.parentElement;
    anchor.classList.add('suggest-anchor');
    anchor.appendChild(list);
    form.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.setAttribute('autocomplete', 'off');

    var items = []; // [{title, href}]
    var active = -1;
    var timer = 0;
    var asked = 0; // the number of the last request: an answer to an earlier one is dropped
    var controller = null;

    function open() {
      if (items.length === 0) {
        return;
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      highlight(-1);
    }

    function highlight(i) {
      var options = list.children;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'false');
      }
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[i].id);
        if (options[i].scrollIntoView) {
          options[i].scrollIntoView({ block: 'nearest' });
        }
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function go(i) {
      if (items[i]) {
        close();
        location.assign(items[i].href);
      }
    }

    function show(suggestions) {
      items = suggestions.map(function (s) {
        return { title: s.title, href: sticky(s.url, app), locale: s.locale };
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      items.forEach(function (item, i) {
        var option = document.createElement('li');
        option.id = id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        var title = document.createElement('span');
        title.textContent = item.title;
        if (item.locale !== where.locale) {
          title.lang = HTML_LANG[item.locale] || item.locale;
        }
        option.appendChild(title);
        if (item.locale !== where.locale && texts.other) {
          var badge = document.createElement('span');
          badge.className = 'badge';
          badge.textContent = texts.other;
          option.appendChild(badge);
        }
        // pressed, the option keeps the focus in the input; released, it opens
        option.addEventListener('mousedown', function (e) { e.preventDefault(); });
        option.addEventListener('click', function () { go(i); });
        list.appendChild(option);
      });
      status.textContent = items.length > 0 ? texts.count.replace('%d', String(items.length)) : texts.none;
      if (items.length > 0 && document.activeElement === input) {
        open();
      } else {
        close();
      }
    }

    function ask() {
      var q = input.value.trim();
      var number = ++asked;
      if (controller) {
        controller.abort();
      }
      if (q.length < MIN_LENGTH) {
        items = [];
        close();
        status.textContent = '';
        return;
      }
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      var url = '/api/v1/suggest?site=' + encodeURIComponent(where.site) + '&locale=' + where.locale +
        '&limit=' + LIMIT + '&q=' + encodeURIComponent(q);
      fetch(url, { headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          if (number === asked) {
            show(body.suggestions || []);
          }
        })
        .catch(function () { /* aborted or offline: the form still searches */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });

    input.addEventListener('keydown', function (e) {
      var expanded = !list.hidden;
      switch (e.key) {
        case 'ArrowDown':
        case 'Down':
          if (items.length === 0) {
            return;
          }
          e.preventDefault();
          open();
          // past the last, back to the first
          highlight(expanded && active < items.length - 1 ? active + 1 : 0);
          break;
        case 'ArrowUp':
        case 'Up':
          if (items.length === 0) {
            return;
          }
          e.preventDefault();
          open();
          highlight(active > 0 ? active - 1 : items.length - 1);
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            e.preventDefault();
            go(active);
          }
          // none highlighted: the form searches
          break;
        case 'Escape':
        case 'Esc':
          if (expanded) {
            e.preventDefault();
            close();
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    // a tap on a phone may take the focus before its click lands: the list waits a moment before it goes
    input.addEventListener('blur', function () {
      setTimeout(function () {
        if (document.activeElement !== input) {
          close();
        }
      }, 200);
    });

    input.addEventListener('focus', function () {
      if (items.length > 0 && input.value.trim().length >= MIN_LENGTH) {
        open();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
