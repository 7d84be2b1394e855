/*
 * Footnote web chat. Plain JS, no build step, no dependencies.
 *
 * Security rule for this file: every piece of document or model text is inserted with textContent /
 * document.createTextNode (directly or via el()/append()). innerHTML is never used.
 */
'use strict';

(function () {
  const STORE_KEY = 'footnote.chat.v1';
  const MAX_PAST = 20;
  const MAX_HISTORY_TURNS = 12;
  const TOP_K = 8;

  // ---------------------------------------------------------------- helpers

  /** Creates an element. attrs: class, text, dataset-like "data-*", "aria-*", other attributes, on<Event> handlers. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2).toLowerCase(), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c == null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  const $ = (id) => document.getElementById(id);

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function uid() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function formatDate(d) {
    if (!d) return '';
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    if (!m) return String(d);
    const dt = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (isNaN(dt)) return String(d);
    return dt.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  function formatSize(n) {
    if (typeof n !== 'number') return '';
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }

  /** Wraps text in curly quotes, unless it already opens with a quotation mark of its own. */
  function quoted(s) {
    return /^\s*[“"‘'«„]/.test(s) ? s : '“' + s + '”';
  }

  function truncate(s, n) {
    s = String(s || '').replace(/\s+/g, ' ').trim();
    return s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s;
  }

  let toastTimer = 0;
  function toast(msg) {
    const t = $('toast');
    t.textContent = msg;
    t.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => t.classList.remove('show'), 2200);
  }

  /** Reads an error response (application/problem+json or anything else) into {title, detail}. */
  async function readProblem(res) {
    let title = 'Request failed (' + res.status + ')';
    let detail = '';
    try {
      const text = await res.text();
      try {
        const p = JSON.parse(text);
        if (p && typeof p === 'object') {
          if (p.title) title = String(p.title);
          if (p.detail) detail = String(p.detail);
        }
      } catch (_) {
        detail = truncate(text, 300);
      }
    } catch (_) { /* ignore */ }
    const err = new Error(title);
    err.problem = { title, detail };
    return err;
  }

  // ---------------------------------------------------------------- API token
  // A server with FOOTNOTE_API_TOKEN answers 401. The page then asks for the token once (one dialog however many
  // calls were refused), keeps it for this tab only (sessionStorage, never localStorage) and sends it on every call.

  const TOKEN_KEY = 'footnote.apiToken';
  let apiToken = null;
  try { apiToken = sessionStorage.getItem(TOKEN_KEY); } catch (_) { /* storage unavailable: memory only */ }
  let tokenPrompt = null;

  function askForToken(wrong) {
    if (!tokenPrompt) {
      tokenPrompt = new Promise((resolve) => {
        const dialog = $('token-dialog');
        const input = $('token-input');
        $('token-hint').textContent = wrong
          ? 'That token was not accepted. Enter the API token again; it is kept only for this tab.'
          : 'This Footnote server asks for its API token. It is kept only for this tab.';
        input.value = '';
        const finish = (value) => {
          $('token-form').onsubmit = null;
          $('token-cancel').onclick = null;
          dialog.onclose = null;
          if (dialog.open) dialog.close();
          tokenPrompt = null;
          resolve(value);
        };
        $('token-form').onsubmit = (e) => { e.preventDefault(); finish(input.value.trim() || null); };
        $('token-cancel').onclick = () => finish(null);
        dialog.onclose = () => finish(null);
        dialog.showModal();
        input.focus();
      });
    }
    return tokenPrompt;
  }

  /**
   * fetch() with the API token; on 401 (or 403 for a token once accepted) asks for it and tries once more. A quiet
   * call (what the page loads on its own, such as example questions) never opens the dialog: the reader is asked only
   * when something they did was refused.
   */
  async function apiFetch(url, init, quiet) {
    const send = () => {
      const headers = Object.assign({}, (init && init.headers) || {});
      if (apiToken) headers.Authorization = 'Bearer ' + apiToken;
      return fetch(url, Object.assign({}, init, { headers }));
    };
    let res = await send();
    if (!quiet && (res.status === 401 || (res.status === 403 && apiToken))) {
      const token = await askForToken(res.status === 403);
      if (token) {
        apiToken = token;
        try { sessionStorage.setItem(TOKEN_KEY, token); } catch (_) { /* memory only */ }
        res = await send();
        if (res.ok && !examplesLoaded) loadExamples();
      }
    }
    return res;
  }

  // feedback.js builds its controls and sends its reports with these: one element builder, one token-aware fetch
  window.FootnoteApp = { el, apiFetch, readProblem };

  async function getJson(url) {
    const res = await apiFetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw await readProblem(res);
    return res.json();
  }

  // ---------------------------------------------------------------- storage

  function newConversation() {
    return { id: uid(), created: Date.now(), turns: [] };
  }

  function loadStore() {
    try {
      const raw = localStorage.getItem(STORE_KEY);
      if (raw) {
        const s = JSON.parse(raw);
        if (s && s.current && Array.isArray(s.current.turns)) {
          for (const t of s.current.turns) {
            if (t.role === 'assistant' && t.status === 'streaming') t.status = 'stopped';
          }
          if (!Array.isArray(s.past)) s.past = [];
          return s;
        }
      }
    } catch (_) { /* corrupted or unavailable storage: start fresh */ }
    return { version: 1, current: newConversation(), past: [] };
  }

  const store = loadStore();

  function saveStore() {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(store));
    } catch (_) { /* quota or privacy mode: keep going in memory */ }
  }

  // ---------------------------------------------------------------- SSE over fetch

  /**
   * POSTs the question and parses the text/event-stream answer. Calls handlers[eventName](data) for each event.
   * Falls back to a plain JSON Answer if the server did not stream. Resolves with the final Answer.
   */
  async function ask(body, signal, handlers) {
    const res = await apiFetch('api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal,
    });
    if (!res.ok) throw await readProblem(res);
    const type = (res.headers.get('Content-Type') || '').toLowerCase();
    if (!type.includes('text/event-stream') || !res.body) {
      const answer = await res.json();
      handlers.done && handlers.done(answer);
      return answer;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let eventName = '';
    let data = [];
    let final = null;

    const dispatch = () => {
      if (data.length === 0) { eventName = ''; return; }
      const name = eventName || 'message';
      const raw = data.join('\n');
      eventName = '';
      data = [];
      let payload;
      try { payload = JSON.parse(raw); } catch (_) { payload = raw; }
      if (name === 'done') final = payload;
      if (name === 'error') {
        const p = payload && typeof payload === 'object' ? payload : { title: String(payload) };
        const err = new Error(p.title || 'The answer failed');
        err.problem = { title: p.title || 'The answer failed', detail: p.detail || p.message || '' };
        throw err;
      }
      const h = handlers[name];
      if (h) h(payload);
    };

    const processLine = (line) => {
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') { dispatch(); return; }
      if (line.startsWith(':')) return;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') eventName = value;
      else if (field === 'data') data.push(value);
    };

    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        processLine(line);
      }
    }
    buffer += decoder.decode();
    if (buffer) processLine(buffer);
    dispatch();
    if (!final) {
      const err = new Error('The answer stream ended early');
      err.problem = { title: 'The answer stream ended early', detail: 'The server closed the connection before the answer was complete.' };
      throw err;
    }
    return final;
  }

  // ---------------------------------------------------------------- chat rendering

  const messagesEl = $('messages');
  const input = $('question-input');
  const sendBtn = $('send');
  const stopBtn = $('stop');
  let inflight = null; // { controller, turn, view }

  function citationMap(answer) {
    const m = new Map();
    for (const c of (answer && answer.citations) || []) m.set(Number(c.id), c);
    return m;
  }

  /** Citations that the answer actually cites, in order of first use; all citations for an abstention. */
  function citedCitations(answer) {
    const byId = citationMap(answer);
    if (answer.abstained) return answer.citations || [];
    const ids = [];
    const push = (id) => { id = Number(id); if (byId.has(id) && !ids.includes(id)) ids.push(id); };
    const sentences = answer.sentences || [];
    if (sentences.length) {
      for (const s of sentences) for (const id of s.citations || []) push(id);
    } else {
      const re = /\[(\d+)\]/g;
      let m;
      while ((m = re.exec(answer.answer || ''))) push(m[1]);
    }
    return ids.map((id) => byId.get(id));
  }

  function markerButton(id, citation, view) {
    const label = 'Footnote ' + id + (citation && citation.title ? ': ' + citation.title : '');
    if (!citation) return el('span', { class: 'marker marker-dead', title: 'No source for footnote ' + id }, String(id));
    return el('button', {
      type: 'button',
      class: 'marker',
      'data-testid': 'citation-marker',
      'data-citation-id': id,
      'aria-label': label,
      title: label,
      onclick: (e) => openSource(citation, e.currentTarget, view),
    }, String(id));
  }

  function markers(ids, byId, view, interactive) {
    const sup = el('sup', { class: 'markers' });
    for (const id of ids) {
      if (interactive) sup.append(markerButton(id, byId.get(Number(id)), view));
      else sup.append(el('span', { class: 'marker marker-pending' }, String(id)));
    }
    return sup;
  }

  /** Renders text containing [n] markers into container, turning markers into superscripts. */
  function renderMarkedText(container, text, byId, view, interactive) {
    const re = /((?:\s*\[\d+\])+)/g;
    let last = 0;
    let m;
    text = String(text || '');
    while ((m = re.exec(text))) {
      if (m.index > last) container.append(document.createTextNode(text.slice(last, m.index)));
      const ids = (m[1].match(/\d+/g) || []).map(Number);
      container.append(markers(ids, byId, view, interactive));
      last = m.index + m[1].length;
    }
    if (last < text.length) container.append(document.createTextNode(text.slice(last)));
  }

  /** Appends text[0, cut) to head and text[cut, end) to tail, with [from, to) in a <strong>. */
  function appendWithBold(head, tail, text, cut, from, to, testid) {
    const pieces = [[0, from, false], [from, to, true], [to, text.length, false]];
    for (const [a, b, bold] of pieces) {
      for (const [node, lo, hi] of [[head, 0, cut], [tail, cut, text.length]]) {
        const x = Math.max(a, lo);
        const y = Math.min(b, hi);
        if (y <= x) continue;
        const piece = text.slice(x, y);
        node.append(bold ? el('strong', { class: 'short-answer', 'data-testid': testid }, piece) : document.createTextNode(piece));
      }
    }
  }

  /** A <mark> of quote, with the short answer bold when it lies inside the quote's [start, end). */
  function highlightMark(attrs, quote, start, shortAnswer) {
    const mark = el('mark', attrs);
    const s = shortAnswer;
    const from = s ? Number(s.start) - Number(start) : -1;
    const to = s ? Number(s.end) - Number(start) : -1;
    if (s && from >= 0 && to <= quote.length && to > from && quote.slice(from, to) === s.text) {
      appendWithBold(mark, mark, quote, quote.length, from, to, 'highlight-short');
    } else {
      mark.append(document.createTextNode(quote));
    }
    return mark;
  }

  /** The answer's short answer when it lies in this citation's quote. */
  function shortIn(view, c) {
    const s = view && view.answer && !view.answer.abstained && view.answer.shortAnswer;
    return s && Number(s.citationId) === Number(c.id) ? s : null;
  }

  function supportLabel(support) {
    if (support === 'partial') return 'Only partly supported by the cited text';
    if (support === 'unsupported') return 'Not supported by the cited text';
    if (support === 'uncited') return 'Cites no source';
    return '';
  }

  /** The verdict a sentence is shown with: a sentence without citations is "uncited", not "partly supported". */
  function verdictOf(s) {
    const support = s.support || 'supported';
    return support !== 'supported' && !(s.citations && s.citations.length) ? 'uncited' : support;
  }

  function renderSentences(container, answer, view) {
    const byId = citationMap(answer);
    const p = el('p', { class: 'answer-text' });
    const flagged = new Set();
    (answer.sentences || []).forEach((s, i) => {
      if (i > 0) p.append(document.createTextNode(' '));
      const support = verdictOf(s);
      const span = el('span', { class: 'sentence support-' + support, 'data-support': support });
      const text = String(s.text || '');
      const hasMarkers = s.citations && s.citations.length;
      // Keep the last word and its markers together so a marker never wraps onto a line of its own.
      const cut = hasMarkers ? text.trimEnd().lastIndexOf(' ') + 1 : text.length;
      const short = i === 0 && answer.shortAnswer && !answer.abstained ? String(answer.shortAnswer.text || '') : '';
      const at = short ? text.indexOf(short) : -1;
      const tail = el('span', { class: 'nowrap' });
      if (at >= 0) {
        // the words that answer, bold where they stand in the sentence
        appendWithBold(span, tail, text, cut, at, at + short.length, 'answer-short');
      } else {
        span.append(document.createTextNode(text.slice(0, cut)));
        tail.append(document.createTextNode(text.slice(cut)));
      }
      if (hasMarkers) tail.append(markers(s.citations, byId, view, true));
      span.append(tail);
      if (support !== 'supported') {
        flagged.add(support);
        const why = supportLabel(support) + (s.reason ? ': ' + s.reason : '');
        span.setAttribute('title', why);
        span.setAttribute('data-reason', why);
        span.setAttribute('tabindex', '0');
        span.append(el('span', { class: 'visually-hidden' }, ' (' + why + ')'));
      }
      p.append(span);
    });
    container.append(p);
    return flagged;
  }

  /** Where a citation's quote is in the original: "p. 3", "pp. 3–4", "slide 2", then the section; '' if unknown. */
  function citationWhere(c) {
    const parts = [];
    if (Number.isInteger(c.page)) parts.push(Number.isInteger(c.pageEnd) ? 'pp. ' + c.page + '–' + c.pageEnd : 'p. ' + c.page);
    if (Number.isInteger(c.slide)) parts.push('slide ' + c.slide);
    if (c.section) parts.push(String(c.section));
    return parts.join(', ');
  }

  /** The original file, opened at the cited page when it is a PDF (browsers' viewers honour #page=N). */
  function originalHref(c) {
    return 'api/documents/' + encodeURIComponent(c.docId) + '/file' + (Number.isInteger(c.page) ? '#page=' + c.page : '');
  }

  /** One card per document: its title once, then each distinct quote it is cited for, with that quote's numbers. */
  function sourceGroup(citations, view, nearest) {
    const first = citations[0];
    const li = el('li', { class: 'source-group', 'data-testid': 'source-group', 'data-doc-id': first.docId });
    const byQuote = new Map();
    for (const c of citations) {
      const key = String(c.quote || c.passage || '');
      if (!byQuote.has(key)) byQuote.set(key, []);
      byQuote.get(key).push(c);
    }
    let head = true;
    for (const [quote, same] of byQuote) {
      const c = same[0];
      const where = citationWhere(c);
      li.append(el('button', {
        type: 'button',
        class: 'source-card' + (head ? '' : ' source-card-more'),
        'data-testid': nearest ? 'nearest-passage' : 'source-card',
        'data-citation-id': c.id,
        onclick: (e) => openSource(c, e.currentTarget, view),
      },
      el('span', { class: 'source-nums' }, ...same.map((x) => el('span', { class: 'source-num', 'aria-hidden': 'true' }, String(x.id)))),
      el('span', { class: 'source-main' },
        head ? el('span', { class: 'source-head' },
          el('span', { class: 'source-title' }, c.title || c.docId || 'Untitled document'),
          c.date ? el('span', { class: 'source-date' }, formatDate(c.date)) : null) : null,
        where ? el('span', { class: 'source-loc', 'data-testid': 'source-card-location' }, where) : null,
        el('span', { class: 'source-quote' }, quoted(truncate(quote, 160))))));
      head = false;
    }
    return li;
  }

  function groupByDocument(citations) {
    const groups = new Map();
    for (const c of citations) {
      const key = c.docId || ('#' + c.id);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(c);
    }
    return Array.from(groups.values());
  }

  function answerPlainText(answer) {
    let text;
    if (answer.sentences && answer.sentences.length && !answer.abstained) {
      text = answer.sentences.map((s) => (s.text || '') + (s.citations || []).map((n) => '[' + n + ']').join('')).join(' ');
    } else {
      text = answer.answer || '';
    }
    const cited = citedCitations(answer);
    if (cited.length) {
      text += '\n\n' + (answer.abstained ? 'Nearest passages:' : 'Sources:') + '\n';
      text += cited.map((c) => '[' + c.id + '] ' + (c.title || c.docId) + (c.date ? ' (' + c.date + ')' : '') +
        ' — ' + quoted(c.quote || '')).join('\n');
    }
    return text;
  }

  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (_) { /* fall through */ }
    const ta = el('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (_) { ok = false; }
    ta.remove();
    return ok;
  }

  function userMessage(turn) {
    return el('div', { class: 'msg msg-user', 'data-testid': 'question' },
      el('span', { class: 'visually-hidden' }, 'You asked: '),
      el('p', { class: 'user-text' }, turn.content));
  }

  /** Creates the DOM shell for an assistant message; returns a view object used by render/update functions. */
  function assistantShell() {
    const root = el('article', { class: 'msg msg-assistant', 'data-testid': 'answer', 'aria-label': 'Answer' });
    const body = el('div', { class: 'msg-body' });
    const sources = el('div', { class: 'sources' });
    const meta = el('footer', { class: 'msg-meta' });
    root.append(body, sources, meta);
    return { root, body, sources, meta };
  }

  function setStatus(view, text, busy) {
    clear(view.body);
    view.body.append(el('p', { class: 'status-line' + (busy ? ' busy' : ''), 'data-testid': 'answer-status' },
      busy ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, text));
  }

  function renderStreaming(view, text) {
    clear(view.body);
    const p = el('p', { class: 'answer-text streaming-text' });
    renderMarkedText(p, text, new Map(), view, false);
    p.append(el('span', { class: 'caret', 'aria-hidden': 'true' }));
    view.body.append(p);
  }

  function renderAnswer(view, answer, turn) {
    view.root.setAttribute('data-status', 'done');
    view.root.classList.remove('is-streaming');
    view.root.classList.toggle('is-abstained', !!answer.abstained);
    view.answer = answer;
    clear(view.body);
    clear(view.sources);
    clear(view.meta);
    const byId = citationMap(answer);
    let flagged = false;

    if (answer.abstained) {
      const box = el('div', { class: 'abstain', 'data-testid': 'abstention' });
      box.append(el('p', { class: 'abstain-head' },
        el('span', { class: 'abstain-icon', 'aria-hidden': 'true' }, '∅'),
        el('strong', null, 'The documents don’t say.')));
      const detail = el('div', { class: 'abstain-text' });
      const nearestCount = ((answer.citations) || []).length;
      if (answer.sentences && answer.sentences.length) flagged = renderSentences(detail, answer, view);
      else if (isGenericAbstention(answer.answer)) {
        detail.append(el('p', { class: 'answer-text' }, nearestCount
          ? 'No indexed passage answers this question. The closest ones are below, in case they help.'
          : 'No indexed passage answers this question.'));
      } else if (answer.answer) {
        const p = el('p', { class: 'answer-text' });
        renderMarkedText(p, answer.answer, byId, view, true);
        detail.append(p);
      }
      box.append(detail);
      view.body.append(box);
    } else if (answer.sentences && answer.sentences.length) {
      flagged = renderSentences(view.body, answer, view);
      if (answer.removed && answer.removed.length) {
        const n = answer.removed.length;
        const box = el('details', { class: 'removed', 'data-testid': 'removed-sentences' },
          el('summary', null, n + (n === 1 ? ' sentence' : ' sentences') + ' of the model\'s answer removed: the cited text does not support '
            + (n === 1 ? 'it' : 'them')));
        const list = el('ul');
        for (const r of answer.removed) list.append(el('li', null, String(r.text || ''), el('span', { class: 'removed-reason' }, ' — ' + String(r.reason || ''))));
        box.append(list);
        view.body.append(box);
      }
    } else {
      const p = el('p', { class: 'answer-text' });
      renderMarkedText(p, answer.answer, byId, view, true);
      view.body.append(p);
    }

    if (flagged && flagged.size) {
      // one entry per verdict shown, so partial, unsupported and uncited sentences are never confused
      const legend = el('p', { class: 'support-legend', 'data-testid': 'support-legend' });
      const entries = [['partial', 'Dotted amber underline', 'the cited text only partly supports the sentence'],
        ['unsupported', 'Wavy red underline', 'the cited text does not support the sentence'],
        ['uncited', 'Grey text', 'the sentence cites no source']];
      for (const [kind, sample, meaning] of entries) {
        if (!flagged.has(kind)) continue;
        legend.append(el('span', { class: 'legend-sample legend-' + kind, 'data-legend': kind }, sample), ': ' + meaning + '. ');
      }
      legend.append('Hover or focus a marked sentence to see why.');
      view.body.append(legend);
    }
    if (answer.fallbackReason && MISCONFIGURED.includes(String(answer.fallbackReason))) {
      view.body.prepend(el('p', { class: 'model-notice', role: 'status', 'data-testid': 'model-notice' },
        'The language model is not answering (' + String(answer.fallbackReason).replace(/_/g, ' ')
        + '): its API key or model name is refused, so answers come from the local answerer until the configuration is fixed.'));
    }

    const cited = citedCitations(answer);
    if (cited.length) {
      const headingId = 'src-h-' + uid();
      view.sources.append(el('h3', { class: 'sources-title', id: headingId },
        answer.abstained ? 'Nearest passages' : 'Sources'));
      const list = el('ul', { class: 'source-list', 'aria-labelledby': headingId });
      for (const group of groupByDocument(cited)) list.append(sourceGroup(group, view, !!answer.abstained));
      view.sources.append(list);
    }

    renderMeta(view, answer, turn);
  }

  /** Fallback reasons that come from the model's configuration (key, model name), not a passing fault. */
  const MISCONFIGURED = ['auth_failed', 'unknown_model', 'http_404', 'http_400'];

  /** True for an abstention text that says no more than "the documents don't say" (the local answerer's). */
  function isGenericAbstention(text) {
    const t = String(text || '').trim().replace(/[’‘]/g, "'").toLowerCase();
    return !t || /^the (indexed )?documents (don't|do not) (say|answer this|contain (the|an) answer)( to this( question)?)?\.?$/.test(t);
  }

  function renderMeta(view, answer, turn) {
    clear(view.meta);
    const info = el('span', { class: 'meta-info', 'data-testid': 'answer-generator' });
    if (answer) {
      info.append('Answered by ', el('span', { class: 'generator' }, answer.generator || 'unknown'));
      if (answer.fallbackReason) {
        const reason = String(answer.fallbackReason);
        info.append(el('span', { class: 'fallback', title: 'reason: ' + reason },
          reason === 'no_model_configured' ? ' · no model configured' : ' · fallback: ' + reason.replace(/_/g, ' ')));
      }
      const total = answer.timingsMs && (answer.timingsMs.total ?? answer.timingsMs.totalMs);
      if (typeof total === 'number') info.append(' · ' + (total < 1000 ? Math.max(1, Math.round(total)) + ' ms' : (total / 1000).toFixed(1) + ' s'));
      if (answer.rewrittenQuestion && answer.rewrittenQuestion !== answer.question) {
        info.append(el('span', { class: 'rewritten', title: 'The follow-up was rewritten into this standalone search' },
          ' · searched for “' + answer.rewrittenQuestion + '”'));
      }
    } else if (turn && turn.status === 'stopped') {
      info.append('Stopped');
    }
    view.meta.append(info);
    // feedback (feedback.js): thumbs up / down with an optional comment
    if (answer && window.FootnoteFeedback) view.meta.append(window.FootnoteFeedback.answerControls(answer));
    if (answer || (turn && turn.text)) {
      view.meta.append(el('button', {
        type: 'button', class: 'btn btn-quiet btn-small', 'data-testid': 'copy-answer',
        onclick: async (e) => {
          const btn = e.currentTarget;
          const ok = await copyText(answer ? answerPlainText(answer) : turn.text);
          btn.textContent = ok ? 'Copied' : 'Copy failed';
          toast(ok ? 'Answer copied' : 'Could not copy');
          setTimeout(() => { btn.textContent = 'Copy answer'; }, 1600);
        },
      }, 'Copy answer'));
    }
  }

  function renderError(view, problem) {
    view.root.setAttribute('data-status', 'error');
    view.root.classList.remove('is-streaming');
    clear(view.body);
    view.body.append(el('div', { class: 'error-box', role: 'alert', 'data-testid': 'answer-error' },
      el('strong', null, problem.title || 'Something went wrong'),
      problem.detail ? el('p', null, problem.detail) : null));
  }

  function renderAssistantTurn(turn) {
    const view = assistantShell();
    if (turn.status === 'done' && turn.answer) {
      renderAnswer(view, turn.answer, turn);
    } else if (turn.status === 'error') {
      renderError(view, turn.error || {});
      clear(view.meta);
    } else {
      view.root.setAttribute('data-status', 'stopped');
      clear(view.body);
      if (turn.text) {
        const p = el('p', { class: 'answer-text' });
        renderMarkedText(p, turn.text, new Map(), view, false);
        view.body.append(p);
      }
      view.body.append(el('p', { class: 'status-line' }, 'Stopped before the answer was complete.'));
      renderMeta(view, null, turn);
    }
    return view;
  }

  function renderRecent() {
    const box = emptyState.querySelector('#recent');
    clear(box);
    const past = store.past.filter((c) => c.turns && c.turns.length).slice(0, 5);
    if (!past.length) { box.hidden = true; return; }
    box.hidden = false;
    box.append(el('h2', { class: 'recent-title', id: 'recent-title' }, 'Recent conversations'));
    const list = el('ul', { class: 'recent-list', 'aria-labelledby': 'recent-title' });
    for (const c of past) {
      const first = c.turns.find((t) => t.role === 'user');
      const n = c.turns.filter((t) => t.role === 'user').length;
      list.append(el('li', null, el('button', {
        type: 'button', class: 'recent-item', 'data-testid': 'recent-conversation',
        onclick: () => restoreConversation(c.id),
      }, el('span', { class: 'recent-q' }, truncate(first ? first.content : 'Conversation', 90)),
      el('span', { class: 'recent-meta' }, n + ' question' + (n === 1 ? '' : 's') + ' · ' + new Date(c.created).toLocaleDateString()))));
    }
    box.append(list);
  }

  /** Three questions drawn from the indexed documents, so a new reader sees what to ask. */
  let examplesLoaded = false;
  async function loadExamples() {
    if (examplesLoaded) return;
    examplesLoaded = true;
    const box = emptyState.querySelector('#examples');
    let res;
    try {
      // quiet: a server that wants the token gets it when the reader first asks, then the examples load
      const r = await apiFetch('api/examples', { headers: { Accept: 'application/json' } }, true);
      if (!r.ok) throw new Error('examples: HTTP ' + r.status);
      res = await r.json();
    } catch (e) {
      examplesLoaded = false;
      return;
    }
    const questions = (res && res.questions) || [];
    clear(box);
    if (!questions.length) { box.hidden = true; return; }
    box.append(el('h2', { class: 'examples-title', id: 'examples-title' }, 'Try asking'));
    const list = el('ul', { class: 'example-list', 'aria-labelledby': 'examples-title' });
    for (const q of questions.slice(0, 3)) {
      list.append(el('li', null, el('button', {
        type: 'button', class: 'example-question', 'data-testid': 'example-question',
        onclick: () => { input.value = q; autoresize(); submitQuestion(); },
      }, q)));
    }
    box.append(list);
    box.hidden = false;
  }

  function restoreConversation(id) {
    const i = store.past.findIndex((c) => c.id === id);
    if (i < 0 || inflight) return;
    const [c] = store.past.splice(i, 1);
    if (store.current.turns.length) store.past.unshift(store.current);
    store.current = c;
    saveStore();
    renderConversation();
    input.focus();
  }

  function renderConversation() {
    clear(messagesEl);
    const turns = store.current.turns;
    if (!turns.length) {
      renderRecent();
      loadExamples();
      messagesEl.append(emptyState);
      return;
    }
    for (const t of turns) {
      messagesEl.append(t.role === 'user' ? userMessage(t) : renderAssistantTurn(t).root);
    }
    scrollToBottom(true);
  }

  // While an answer streams we follow it, unless the reader scrolls away.
  let follow = true;
  for (const ev of ['wheel', 'touchmove']) messagesEl.addEventListener(ev, () => { if (inflight) follow = false; }, { passive: true });
  messagesEl.addEventListener('keydown', (e) => {
    if (inflight && ['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' '].includes(e.key)) follow = false;
  });

  /** After an answer completes: show its start if it is taller than the view, else the bottom. */
  function revealAnswer(view) {
    if (!follow) return;
    const root = view.root;
    if (root.offsetHeight > messagesEl.clientHeight - 24) messagesEl.scrollTop = root.offsetTop - 16;
    else messagesEl.scrollTop = messagesEl.scrollHeight;
  }

  function scrollToBottom(force) {
    const nearBottom = messagesEl.scrollHeight - messagesEl.scrollTop - messagesEl.clientHeight < 120;
    if (force || nearBottom) messagesEl.scrollTop = messagesEl.scrollHeight;
  }

  function historyFor(turns) {
    const out = [];
    for (let i = 0; i + 1 < turns.length; i++) {
      const u = turns[i];
      const a = turns[i + 1];
      if (u.role === 'user' && a.role === 'assistant' && a.status === 'done' && a.answer) {
        out.push({ role: 'user', content: u.content });
        out.push({ role: 'assistant', content: a.answer.answer || '' });
        i++;
      }
    }
    return out.slice(-MAX_HISTORY_TURNS);
  }

  function setBusy(busy) {
    sendBtn.hidden = busy;
    stopBtn.hidden = !busy;
    document.body.classList.toggle('is-busy', busy);
    if (!busy && document.activeElement === document.body) input.focus();
  }

  async function submitQuestion() {
    const question = input.value.trim();
    if (!question || inflight) return;
    const history = historyFor(store.current.turns);
    const userTurn = { role: 'user', content: question };
    const turn = { role: 'assistant', status: 'streaming', text: '', answer: null };
    store.current.turns.push(userTurn, turn);
    saveStore();
    input.value = '';
    autoresize();

    if (emptyState.parentNode) emptyState.remove();
    messagesEl.append(userMessage(userTurn));
    const view = assistantShell();
    view.root.setAttribute('data-status', 'streaming');
    view.root.setAttribute('aria-busy', 'true');
    view.root.classList.add('is-streaming');
    setStatus(view, 'Searching the documents…', true);
    messagesEl.append(view.root);
    scrollToBottom(true);

    const controller = new AbortController();
    inflight = { controller, turn, view };
    follow = true;
    setBusy(true);

    try {
      const answer = await ask({ question, history, topK: TOP_K }, controller.signal, {
        retrieval(d) {
          const n = (d && d.passages && d.passages.length) || 0;
          if (!turn.text) setStatus(view, n ? 'Read ' + n + ' passage' + (n === 1 ? '' : 's') + ' · writing…' : 'No matching passages · writing…', true);
        },
        delta(d) {
          turn.text += (d && typeof d.text === 'string') ? d.text : '';
          renderStreaming(view, turn.text);
          if (follow) scrollToBottom(true);
        },
        reset() {
          turn.text = '';
          setStatus(view, 'Switching to the local answerer…', true);
        },
        citation() { /* the done event carries all citations; nothing to do incrementally */ },
        done(a) {
          turn.status = 'done';
          turn.answer = a;
          renderAnswer(view, a, turn);
        },
      });
      if (turn.status !== 'done') {
        turn.status = 'done';
        turn.answer = answer;
        renderAnswer(view, answer, turn);
      }
    } catch (e) {
      if (e && e.name === 'AbortError') {
        turn.status = 'stopped';
        const v2 = renderAssistantTurn(turn);
        view.root.replaceWith(v2.root);
      } else {
        turn.status = 'error';
        turn.error = (e && e.problem) || { title: 'Could not reach the server', detail: String((e && e.message) || e) };
        renderError(view, turn.error);
      }
    } finally {
      view.root.removeAttribute('aria-busy');
      inflight = null;
      saveStore();
      setBusy(false);
      revealAnswer(view);
    }
  }

  function stop() {
    if (inflight) inflight.controller.abort();
  }

  function newChat() {
    stop();
    if (store.current.turns.length) {
      store.past.unshift(store.current);
      store.past = store.past.slice(0, MAX_PAST);
    }
    store.current = newConversation();
    saveStore();
    closePanel();
    renderConversation();
    location.hash = '#chat';
    input.focus();
  }

  function autoresize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 200) + 'px';
  }

  const emptyState = $('empty-state');

  $('composer').addEventListener('submit', (e) => { e.preventDefault(); submitQuestion(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submitQuestion();
    }
  });
  input.addEventListener('input', autoresize);
  stopBtn.addEventListener('click', () => { stop(); input.focus(); });
  $('new-chat').addEventListener('click', newChat);

  // ---------------------------------------------------------------- side panel

  const panel = $('panel');
  const sourceView = $('source-view');
  const documentView = $('document-view');
  let panelTrigger = null;
  let panelCitation = null;
  let panelView = null;
  const docCache = new Map();

  function fetchDocument(docId) {
    if (!docCache.has(docId)) {
      const p = getJson('api/documents/' + encodeURIComponent(docId));
      p.catch(() => docCache.delete(docId));
      docCache.set(docId, p);
    }
    return docCache.get(docId);
  }

  function showPanel(mode) {
    panel.hidden = false;
    panel.setAttribute('data-mode', mode);
    document.body.classList.add('panel-open');
    document.body.setAttribute('data-panel', mode);
    sourceView.hidden = mode !== 'source';
    documentView.hidden = mode !== 'document';
    $('panel-back').hidden = !(mode === 'document' && panelCitation);
    $('panel-title').textContent = mode === 'source' ? 'Source' : 'Document';
  }

  function setActiveTrigger(trigger) {
    document.querySelectorAll('.is-active-source').forEach((n) => n.classList.remove('is-active-source'));
    if (trigger) trigger.classList.add('is-active-source');
  }

  /** Splits passage text around the quote: returns [before, quote, after] or null when the quote can't be located. */
  function locateQuote(c) {
    const passage = String(c.passage || '');
    const quote = String(c.quote || '');
    if (!quote) return null;
    const off = Number(c.start) - Number(c.passageStart);
    if (Number.isFinite(off) && off >= 0 && passage.substr(off, quote.length) === quote) {
      return [passage.slice(0, off), quote, passage.slice(off + quote.length)];
    }
    const i = passage.indexOf(quote);
    if (i >= 0) return [passage.slice(0, i), quote, passage.slice(i + quote.length)];
    return null;
  }

  function openSource(c, trigger, view) {
    panelCitation = c;
    panelView = view || panelView;
    panelTrigger = trigger || null;
    setActiveTrigger(trigger);
    const nearest = !!(panelView && panelView.answer && panelView.answer.abstained);
    $('source-kicker').textContent = nearest ? 'Nearest passage' : 'Footnote ' + c.id;
    $('source-title').textContent = c.title || c.docId || 'Untitled document';
    $('source-date').textContent = c.date ? formatDate(c.date) : '';
    $('source-date').hidden = !c.date;
    const where = citationWhere(c);
    $('source-location').textContent = where;
    $('source-location').hidden = !where;
    $('open-original').setAttribute('href', originalHref(c));
    const passageEl = $('source-passage');
    clear(passageEl);
    const parts = locateQuote(c);
    const note = $('source-note');
    if (parts) {
      const before = parts[0].replace(/^\s+/, '');
      const after = parts[2].replace(/\s+$/, '');
      // Ellipses only where the passage is visibly cut mid-sentence.
      const cutBefore = c.passageStart > 0 && /^[a-z,;]/.test(before || parts[1]);
      const cutAfter = !/[.!?"”’)\]]$/.test(after || parts[1]);
      if (before || cutBefore) passageEl.append(el('span', { class: 'passage-context' }, (cutBefore ? '…' : '') + before));
      passageEl.append(highlightMark({ class: 'hl', 'data-testid': 'source-highlight' }, parts[1], c.start, shortIn(panelView, c)));
      if (after || cutAfter) passageEl.append(el('span', { class: 'passage-context' }, after + (cutAfter ? '…' : '')));
      note.textContent = nearest ? 'Closest text found; it does not answer the question.' : 'Highlighted: the exact text this footnote relies on.';
    } else {
      passageEl.append(el('span', { class: 'passage-context' }, c.passage || ''));
      if (c.quote) passageEl.append(el('mark', { class: 'hl', 'data-testid': 'source-highlight' }, c.quote));
      note.textContent = '';
    }
    const shortAnswer = shortIn(panelView, c);
    $('view-in-document').onclick = () => openDocument(c.docId, c.start, c.end, c.title, c.date, null, shortAnswer);
    // feedback (feedback.js): "Supports this sentence?" on a footnote of an answer, not on a nearest passage
    if (window.FootnoteFeedback) window.FootnoteFeedback.renderCitation($('source-feedback'), nearest ? null : panelView && panelView.answer, c);
    showPanel('source');
    $('panel-title').focus({ preventScroll: true });
  }

  async function openDocument(docId, start, end, title, date, trigger, shortAnswer) {
    if (trigger) { panelCitation = null; panelView = null; panelTrigger = trigger; setActiveTrigger(trigger); }
    showPanel('document');
    const titleEl = $('document-title');
    const dateEl = $('document-date');
    const textEl = $('document-text');
    const status = $('document-status');
    titleEl.textContent = title || docId;
    dateEl.textContent = date ? formatDate(date) : '';
    clear(textEl);
    status.textContent = 'Loading document…';
    documentView.setAttribute('aria-busy', 'true');
    $('panel-title').focus({ preventScroll: true });
    let doc;
    try {
      doc = await fetchDocument(docId);
    } catch (e) {
      status.textContent = 'Could not load the document: ' + ((e.problem && (e.problem.detail || e.problem.title)) || e.message);
      documentView.removeAttribute('aria-busy');
      return;
    }
    documentView.removeAttribute('aria-busy');
    status.textContent = '';
    titleEl.textContent = doc.title || title || docId;
    dateEl.textContent = (doc.date || date) ? formatDate(doc.date || date) : '';
    const text = String(doc.text || '');
    // a "date …" header or front matter is metadata, shown as the date above, not as text
    const body = Number.isInteger(doc.bodyStart) && doc.bodyStart > 0 && doc.bodyStart <= text.length ? doc.bodyStart : 0;
    const hasSpan = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
    if (hasSpan) {
      textEl.append(document.createTextNode(text.slice(Math.min(body, start), start)));
      const mark = highlightMark({ class: 'hl', 'data-testid': 'document-highlight', id: 'document-highlight', tabindex: '-1' },
        text.slice(start, end), start, shortAnswer);
      textEl.append(mark, document.createTextNode(text.slice(end)));
      requestAnimationFrame(() => mark.scrollIntoView({ block: 'center', behavior: 'auto' }));
    } else {
      textEl.append(document.createTextNode(text.slice(body)));
      textEl.scrollTop = 0;
      documentView.scrollTop = 0;
    }
  }

  function closePanel() {
    if (panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove('panel-open');
    document.body.removeAttribute('data-panel');
    setActiveTrigger(null);
    const t = panelTrigger;
    panelTrigger = null;
    panelCitation = null;
    if (t && document.contains(t)) t.focus();
  }

  $('panel-close').addEventListener('click', closePanel);
  $('panel-back').addEventListener('click', () => { if (panelCitation) openSource(panelCitation, panelTrigger, panelView); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) { e.preventDefault(); closePanel(); }
  });

  // ---------------------------------------------------------------- documents view

  let docsLoaded = false;

  async function loadDocuments() {
    const list = $('doc-list');
    const status = $('doc-list-status');
    status.textContent = 'Loading documents…';
    try {
      const docs = await getJson('api/documents');
      docsLoaded = true;
      clear(list);
      $('doc-count').textContent = '(' + docs.length + ')';
      status.textContent = docs.length ? '' : 'No documents are indexed yet. Run the ingest command, then reload.';
      for (const d of docs) {
        const bits = [d.date ? formatDate(d.date) : null,
          typeof d.chunks === 'number' ? d.chunks + ' passage' + (d.chunks === 1 ? '' : 's') : null,
          formatSize(d.size) || null].filter(Boolean).join(' · ');
        list.append(el('li', null, el('button', {
          type: 'button', class: 'doc-item', 'data-testid': 'document-item', 'data-doc-id': d.id,
          onclick: (e) => openDocument(d.id, null, null, d.title, d.date, e.currentTarget),
        }, el('span', { class: 'doc-title' }, d.title || d.id), el('span', { class: 'doc-meta' }, bits))));
      }
    } catch (e) {
      status.textContent = 'Could not load documents: ' + ((e.problem && (e.problem.detail || e.problem.title)) || e.message);
    }
  }

  /** Appends text to node with the query's words highlighted (all via text nodes). */
  function appendHighlighted(node, text, query) {
    const words = Array.from(new Set(String(query).toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) || []));
    if (!words.length) { node.append(document.createTextNode(text)); return; }
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // whole words only: "aid" never lights up inside "said"
    const re = new RegExp('(?<![\\p{L}\\p{N}])(' + escaped.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) node.append(document.createTextNode(text.slice(last, m.index)));
      node.append(el('mark', { class: 'term' }, m[0]));
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < text.length) node.append(document.createTextNode(text.slice(last)));
  }

  /** A ~260 char window of the hit text around the first query word. */
  function snippetOf(hit, query) {
    const text = String(hit.text || hit.snippet || '').replace(/\s+/g, ' ').trim();
    if (text.length <= 260) return text;
    const words = String(query).toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) || [];
    const lower = text.toLowerCase();
    let at = -1;
    for (const w of words) {
      const m = new RegExp('(?<![\\p{L}\\p{N}])' + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![\\p{L}\\p{N}])', 'u').exec(lower);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    const from = Math.max(0, at < 0 ? 0 : at - 80);
    return (from > 0 ? '…' : '') + text.slice(from, from + 260).trim() + '…';
  }

  async function search(q) {
    const out = $('search-results');
    clear(out);
    if (!q.trim()) return;
    out.append(el('p', { class: 'status-line busy' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Searching…'));
    try {
      const res = await getJson('api/search?q=' + encodeURIComponent(q) + '&k=10');
      clear(out);
      const hits = res.hits || [];
      out.append(el('h2', { class: 'section-title' }, hits.length ? hits.length + ' passage' + (hits.length === 1 ? '' : 's') + ' for “' + q + '”' : 'No passages match “' + q + '”'));
      const list = el('ol', { class: 'hit-list' });
      for (const h of hits) {
        const snip = el('span', { class: 'hit-text' });
        appendHighlighted(snip, snippetOf(h, q), q);
        list.append(el('li', null, el('button', {
          type: 'button', class: 'hit', 'data-testid': 'search-hit', 'data-doc-id': h.docId,
          onclick: (e) => openDocument(h.docId, h.start, h.end, h.title, h.date, e.currentTarget),
        }, el('span', { class: 'hit-head' }, el('span', { class: 'doc-title' }, h.title || h.docId),
          h.date ? el('span', { class: 'doc-meta' }, formatDate(h.date)) : null), snip)));
      }
      out.append(list);
    } catch (e) {
      clear(out);
      out.append(el('div', { class: 'error-box', role: 'alert' },
        el('strong', null, (e.problem && e.problem.title) || 'Search failed'),
        e.problem && e.problem.detail ? el('p', null, e.problem.detail) : null));
    }
  }

  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); search($('search-input').value); });

  // ---------------------------------------------------------------- routing

  function route() {
    const view = location.hash === '#documents' ? 'documents' : 'chat';
    $('chat-view').hidden = view !== 'chat';
    $('documents-view').hidden = view !== 'documents';
    document.querySelectorAll('.tab').forEach((t) => {
      if (t.dataset.view === view) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    });
    document.body.setAttribute('data-view', view);
    if (view === 'documents' && !docsLoaded) loadDocuments();
  }

  // ---------------------------------------------------------------- indexing progress

  /** While the server indexes in the background, a quiet line says how far it is; answers use what is done. */
  async function pollIndexing() {
    const line = $('indexing-status');
    try {
      const health = await getJson('health');
      const ix = health && health.indexing;
      if (ix && ix.active && typeof ix.documentsTotal === 'number') {
        line.textContent = 'indexing ' + ix.documentsDone.toLocaleString('en-US') + ' / '
          + ix.documentsTotal.toLocaleString('en-US') + ' documents';
        line.hidden = false;
        setTimeout(pollIndexing, 3000);
        return;
      }
      if (ix && ix.active) { setTimeout(pollIndexing, 3000); return; }
      line.hidden = true;
    } catch (e) {
      line.hidden = true; // a server without progress reporting simply shows none
    }
  }

  window.addEventListener('hashchange', route);
  pollIndexing();
  route();
  renderConversation();
  autoresize();
  if (!('ontouchstart' in window) && location.hash !== '#documents') input.focus({ preventScroll: true });
})();
