/* app.js — the phone page's script (Rapport: phones as voting pads).
 * Served from memory by the game; no third-party code. The page works
 * without it (its forms post to /join and /vote); with it, the forms are
 * sent in the background and the page follows the game through a long
 * poll of /api/state, without reloading. Texts from the game are put in
 * with textContent, never as HTML. The script has no words of its own:
 * the page's words, in the facilitator's language, come from the server
 * as data-w-NAME attributes of <body> ("%s" marks where a value goes);
 * the scenario's texts carry the scenario's lang (in /api/state). */
(function () {
  'use strict';

  var main = document.getElementById('main');
  if (!main || !window.fetch) {
    return; /* the plain forms work on their own */
  }
  var version = 0;
  var shown = ''; /* what the options on screen belong to */
  var state = null;
  var joined = !document.getElementById('join');
  var words = document.body.dataset;

  /* The page's word NAME, with value where its "%s" is. */
  function word(name, value) {
    var w = words['w' + name.charAt(0).toUpperCase() +
                  name.slice(1).replace(/-([a-z])/g, function (m, c) {
                    return c.toUpperCase();
                  })] || '';
    return value === undefined ? w : w.replace('%s', value);
  }

  /* Appends word NAME to parent, its "%s" as a <bdi> holding value (a
   * nickname or a team's name, in the language lang when given). */
  function wordWith(parent, name, value, lang) {
    var w = word(name);
    var at = w.indexOf('%s');
    if (at < 0) { parent.appendChild(document.createTextNode(w)); return; }
    parent.appendChild(document.createTextNode(w.slice(0, at)));
    parent.appendChild(el('bdi', '', value, lang));
    parent.appendChild(document.createTextNode(w.slice(at + 2)));
  }

  /* An element; lang: a text of the scenario, in its language with its
   * direction found from the text (the page's words need none). */
  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (lang) {
      e.lang = lang;
      e.dir = 'auto';
    }
    return e;
  }

  function send(path, fields) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (k) { body.append(k, fields[k]); });
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString()
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; });
    });
  }

  function notice(text) {
    var old = main.querySelector('.notice');
    if (old) { old.parentNode.removeChild(old); }
    if (!text) { return; }
    var p = el('p', 'notice', text);
    p.setAttribute('role', 'alert');
    main.insertBefore(p, main.firstChild);
  }

  function footer(s) {
    var f = document.querySelector('footer');
    if (!f) {
      f = el('footer');
      f.id = 'footer';
      document.body.appendChild(f);
    }
    f.textContent = '';
    if (s.nick) {
      wordWith(f, 'joined-as', s.nick);
    } else {
      f.appendChild(document.createTextNode(word('joined')));
    }
    if (s.team) {
      var t = el('span', 'myteam');
      wordWith(t, 'team', s.team, s.lang);
      f.appendChild(t);
    }
  }

  function statusText(s) {
    var open = s.state === 'open';
    if (s.vote) {
      if (!open) { return word('closed-vote', s.vote); }
      return word(s.saved ? 'received' : 'sent', s.vote);
    }
    return word(open ? 'choose' : 'closed');
  }

  function message(cls, text) {
    var p = el('p', cls, text);
    p.id = 'status';
    p.setAttribute('role', 'status');
    return p;
  }

  function render(s) {
    state = s;
    if (s.joined) { joined = true; }
    if (!s.joined) {
      if (!document.getElementById('join')) { window.location.reload(); }
      return;
    }
    footer(s);
    var key = s.state + ':' + s.ballot;
    if (s.state === 'waiting' || s.state === 'ended') {
      if (shown !== key) {
        main.textContent = '';
        main.appendChild(message('waiting',
          word(s.state === 'ended' ? 'ended' : 'waiting')));
        shown = key;
      }
      return;
    }
    var open = s.state === 'open';
    if (shown !== key) {
      main.textContent = '';
      main.appendChild(message('status', ''));
      var hint = el('p', 'hint', word('hint'));
      hint.id = 'hint';
      main.appendChild(hint);
      var form = el('form');
      form.id = 'vote';
      form.method = 'post';
      form.action = '/vote';
      var set = el('fieldset');
      set.appendChild(el('legend', '', word('question', String(s.ballot))));
      s.options.forEach(function (o) {
        var b = el('button', 'option');
        b.type = 'submit';
        b.name = 'option';
        b.value = o.letter;
        var l = el('span', 'letter', o.letter);
        l.setAttribute('aria-hidden', 'true');
        b.appendChild(l);
        b.appendChild(el('span', 'sr', word('option', o.letter)));
        b.appendChild(el('span', 'text', o.text, s.lang));
        set.appendChild(b);
      });
      form.appendChild(set);
      main.appendChild(form);
      shown = key;
    }
    document.getElementById('status').textContent = statusText(s);
    document.getElementById('hint').hidden = !(open && s.vote);
    Array.prototype.forEach.call(main.querySelectorAll('button.option'), function (b) {
      var chosen = b.value === s.vote;
      b.classList.toggle('chosen', chosen);
      b.setAttribute('aria-pressed', chosen ? 'true' : 'false');
      b.disabled = !open;
    });
  }

  /* One long poll at a time. A poll still open after 30 s (the server
   * answers within 20) is dropped and sent again: Wi-Fi loses requests. */
  var pollAbort = null;
  var chain = 0;
  function poll(wait) {
    var mine = ++chain;
    if (pollAbort) { pollAbort.abort(); }
    var ctl = window.AbortController ? new AbortController() : null;
    pollAbort = ctl;
    var watchdog = ctl ? window.setTimeout(function () { ctl.abort(); }, 30000) : 0;
    var url = '/api/state' + (wait ? '?since=' + version : '');
    fetch(url, { credentials: 'same-origin', cache: 'no-store',
                 signal: ctl ? ctl.signal : undefined })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (s) {
        window.clearTimeout(watchdog);
        if (mine !== chain) { return; } /* a newer poll took over */
        if (joined && !s.joined) {
          /* sent before this phone joined (no cookie yet): ask again */
          poll(false);
          return;
        }
        version = s.version;
        render(s);
        if (s.state !== 'ended') { poll(true); }
      })
      .catch(function () {
        window.clearTimeout(watchdog);
        if (mine !== chain) { return; }
        window.setTimeout(function () { if (mine === chain) { poll(false); } }, 1000);
      });
  }

  function answered(res) {
    if (res.status === 200 || res.status === 202) {
      notice(null);
      version = res.body.version;
      render(res.body);
      if (res.status === 202) {
        window.setTimeout(function () { refresh(); }, 1500);
      }
    } else {
      notice(res.body && res.body.message ? res.body.message : word('try-again'));
      if (res.body && res.body.error === 'not_joined') {
        window.location.reload();
      }
    }
  }

  function refresh() {
    fetch('/api/state', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        render(s);
        if (s.vote && !s.saved) { window.setTimeout(refresh, 1500); }
      })
      .catch(function () { window.setTimeout(refresh, 2000); });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.id === 'join') {
      e.preventDefault();
      var fields = { code: form.elements.code.value.trim() };
      if (form.elements.nick) { fields.nick = form.elements.nick.value; }
      if (form.querySelector('input[name=team]')) {
        var team = form.querySelector('input[name=team]:checked');
        fields.team = team ? team.value : '';
      }
      send('/api/join', fields).then(function (res) {
        if (res.status === 200 || res.status === 202) {
          main.textContent = '';
          shown = '';
          joined = true;
          answered(res);
          poll(true); /* with the cookie, instead of the poll before */
        } else {
          answered(res);
        }
      }).catch(function () { notice(word('no-connection')); });
    }
  });

  main.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button.option') : null;
    if (!b || !state) { return; }
    e.preventDefault();
    if (b.disabled) { return; }
    var status = document.getElementById('status');
    if (status) { status.textContent = word('sending', b.value); }
    send('/api/vote', { ballot: String(state.ballot), option: b.value })
      .then(answered)
      .catch(function () { notice(word('no-connection')); });
  });

  poll(false);
}());
