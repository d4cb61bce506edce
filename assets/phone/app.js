/* app.js — the phone page's script (Rapport: phones as voting pads).
 * Served from memory by the game; no third-party code. The page works
 * without it (its forms post to /join and /vote); with it, the forms are
 * sent in the background and the page follows the game through a long
 * poll of /api/state, without reloading. Texts from the game are put in
 * with textContent, never as HTML. */
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

  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (lang) {
      e.lang = lang;
      if (lang === 'en') { e.dir = 'ltr'; } /* the page's own words */
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
    var p = el('p', 'notice', text, 'en');
    p.setAttribute('role', 'alert');
    main.insertBefore(p, main.firstChild);
  }

  function footer(s) {
    var f = document.querySelector('footer');
    if (!f) {
      f = el('footer', '', null, 'en');
      document.body.appendChild(f);
    }
    f.textContent = s.nick ? 'Joined as ' : 'Joined';
    if (s.nick) { f.appendChild(el('bdi', '', s.nick)); }
    if (s.team) {
      var t = el('span', 'myteam', ', team ');
      t.appendChild(el('bdi', '', s.team, document.documentElement.lang));
      f.appendChild(t);
    }
  }

  function statusText(s) {
    var open = s.state === 'open';
    if (s.vote) {
      if (!open) { return 'The vote is closed. Your vote: ' + s.vote + '.'; }
      return (s.saved ? 'Vote received: ' : 'Vote sent: ') + s.vote + '.';
    }
    return open ? 'Choose one option.' : 'The vote is closed.';
  }

  function message(cls, text) {
    var p = el('p', cls, text, 'en');
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
        main.appendChild(message('waiting', s.state === 'ended' ?
          'The session is over. Thank you!' : 'Waiting for the next question…'));
        shown = key;
      }
      return;
    }
    var open = s.state === 'open';
    if (shown !== key) {
      main.textContent = '';
      main.appendChild(message('status', ''));
      var hint = el('p', 'hint', 'You can change it until the vote closes.', 'en');
      hint.id = 'hint';
      main.appendChild(hint);
      var form = el('form');
      form.id = 'vote';
      form.method = 'post';
      form.action = '/vote';
      var set = el('fieldset');
      set.appendChild(el('legend', '', 'Question ' + s.ballot + ': choose one', 'en'));
      s.options.forEach(function (o) {
        var b = el('button', 'option');
        b.type = 'submit';
        b.name = 'option';
        b.value = o.letter;
        var l = el('span', 'letter', o.letter);
        l.setAttribute('aria-hidden', 'true');
        b.appendChild(l);
        b.appendChild(el('span', 'sr', 'Option ' + o.letter + ': ', 'en'));
        b.appendChild(el('span', 'text', o.text));
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
      notice(res.body && res.body.message ? res.body.message : 'Try again.');
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
      }).catch(function () { notice('No connection to the game. Try again.'); });
    }
  });

  main.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button.option') : null;
    if (!b || !state) { return; }
    e.preventDefault();
    if (b.disabled) { return; }
    var status = document.getElementById('status');
    if (status) { status.textContent = 'Sending ' + b.value + '…'; }
    send('/api/vote', { ballot: String(state.ballot), option: b.value })
      .then(answered)
      .catch(function () { notice('No connection to the game. Try again.'); });
  });

  poll(false);
}());
