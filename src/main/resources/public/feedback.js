/*
 * Footnote web chat: readers' feedback. "Supports this sentence? yes / no" on each footnote in the side panel, and
 * thumbs up / down with an optional comment on each answer, sent to POST /api/feedback. Plain JS, no innerHTML:
 * every text is inserted as text. app.js calls window.FootnoteFeedback where it renders a footnote or an answer, and
 * lends it its element builder and token-aware fetch (window.FootnoteApp).
 */
'use strict';

(function () {
  /** Verdicts already sent in this page, so a reopened footnote shows what the reader said. */
  const sent = new Map();

  /** app.js's helpers (window.FootnoteApp): app.js runs after this file, before any of these functions is called. */
  const app = () => window.FootnoteApp;
  const el = (...args) => app().el(...args);

  const THUMB_UP = 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';
  const THUMB_DOWN = 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z';

  /** A thumb icon as SVG built node by node (no markup strings), coloured by the button's text colour. */
  function icon(d) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    return svg;
  }

  /** Sends a report with the page's API token (asked for once, as for every other call). */
  async function send(report) {
    const res = await app().apiFetch('api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(report),
    });
    if (!res.ok) {
      const problem = (await app().readProblem(res)).problem;
      throw new Error(problem.detail || 'Could not send (' + res.status + ')');
    }
    return res.json();
  }

  /** The answer as the server gave it: its id, and its text in case the server no longer remembers it. */
  function about(answer) {
    return { answerId: answer.id || null, question: answer.question || '', answer: answer.answer || '' };
  }

  function pressed(buttons, chosen) {
    for (const b of buttons) b.setAttribute('aria-pressed', b === chosen ? 'true' : 'false');
  }

  /** "Supports this sentence? yes / no" for footnote c of answer; empties the container when there is no answer. */
  function renderCitation(container, answer, c) {
    while (container.firstChild) container.removeChild(container.firstChild);
    container.hidden = !answer || !answer.id || !c;
    if (container.hidden) return;
    const key = answer.id + '#' + c.id;
    const labelId = 'fb-q-' + Math.random().toString(36).slice(2, 8);
    const status = el('p', { class: 'fb-status', role: 'status', 'data-testid': 'feedback-status' });
    const yes = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'feedback-yes', 'aria-pressed': 'false' }, 'Yes');
    const no = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'feedback-no', 'aria-pressed': 'false' }, 'No');
    const choose = async (button, verdict) => {
      yes.disabled = no.disabled = true;
      status.textContent = 'Sending…';
      try {
        await send(Object.assign(about(answer), {
          citationId: c.id,
          citation: { chunkId: c.chunkId, start: c.start, end: c.end },
          verdict,
        }));
        sent.set(key, verdict);
        pressed([yes, no], button);
        status.textContent = verdict === 'supports'
          ? 'Thanks: recorded that this footnote supports the sentence.'
          : 'Thanks: recorded that this footnote does not support the sentence.';
      } catch (e) {
        status.textContent = e.message;
      } finally {
        yes.disabled = no.disabled = false;
      }
    };
    yes.addEventListener('click', () => choose(yes, 'supports'));
    no.addEventListener('click', () => choose(no, 'does_not_support'));
    const previous = sent.get(key);
    if (previous) pressed([yes, no], previous === 'supports' ? yes : no);
    container.append(
      el('div', { class: 'fb-row', role: 'group', 'aria-labelledby': labelId },
        el('span', { id: labelId, class: 'fb-question' }, 'Supports this sentence?'), yes, no),
      status);
  }

  /** Thumbs up / down for a whole answer; choosing one opens an optional comment, then sends. */
  function answerControls(answer) {
    const root = el('div', { class: 'fb-answer', 'data-testid': 'answer-feedback' });
    if (!answer || !answer.id) return root;
    const up = el('button', { type: 'button', class: 'btn btn-quiet btn-small', 'data-testid': 'answer-up', 'aria-pressed': 'false', 'aria-label': 'Helpful answer', title: 'Helpful' }, icon(THUMB_UP));
    const down = el('button', { type: 'button', class: 'btn btn-quiet btn-small', 'data-testid': 'answer-down', 'aria-pressed': 'false', 'aria-label': 'Unhelpful answer', title: 'Not helpful' }, icon(THUMB_DOWN));
    const commentId = 'fb-c-' + Math.random().toString(36).slice(2, 8);
    const comment = el('textarea', { id: commentId, rows: '2', maxlength: '2000', 'data-testid': 'feedback-comment' });
    const submit = el('button', { type: 'submit', class: 'btn btn-primary btn-small', 'data-testid': 'feedback-send' }, 'Send feedback');
    const form = el('form', { class: 'fb-form', hidden: true },
      el('label', { for: commentId }, 'Comment (optional)'), comment, submit);
    const status = el('span', { class: 'fb-status', role: 'status', 'data-testid': 'answer-feedback-status' });
    let verdict = null;
    const choose = (button, v) => {
      verdict = v;
      pressed([up, down], button);
      form.hidden = false;
      comment.focus();
    };
    up.addEventListener('click', () => choose(up, 'up'));
    down.addEventListener('click', () => choose(down, 'down'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!verdict) return;
      submit.disabled = true;
      status.textContent = 'Sending…';
      try {
        await send(Object.assign(about(answer), { verdict, comment: comment.value.trim() || null }));
        form.hidden = true;
        status.textContent = 'Thanks for the feedback.';
        up.focus();
      } catch (err) {
        status.textContent = err.message;
      } finally {
        submit.disabled = false;
      }
    });
    root.append(el('span', { class: 'fb-question' }, 'Helpful?'), up, down, status, form);
    return root;
  }

  window.FootnoteFeedback = { renderCitation, answerControls };
})();
