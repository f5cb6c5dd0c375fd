/**
 * The "Ask platform support" page (issue 14), served by doGet(?page=ask) to signed-in users.
 * Everything from the server or the sheet is put into the page as text (textContent) or as an href
 * that must be an http(s) URL: nothing is ever parsed as HTML.
 */
import { server, toError } from '../../lib/server';
import { $ } from '../../lib/dom';

interface Suggestion {
  topic: string;
  title: string;
  url: string;
  score: number;
}

const question = $<HTMLTextAreaElement>('q');
const team = $<HTMLSelectElement>('team');
const list = $<HTMLUListElement>('s-list');
const set = $<HTMLFieldSetElement>('s-set');
const status = $<HTMLParagraphElement>('s-status');
const answeredBtn = $<HTMLButtonElement>('answered');
const helpBtn = $<HTMLButtonElement>('help');
const alertBox = $<HTMLDivElement>('alert');
const done = $<HTMLDivElement>('done');
const who = $<HTMLParagraphElement>('who');

let suggestions: Suggestion[] = [];
let followUpUrl = '';
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let busy = false;

function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
let clientRequestId = newClientId();

function httpUrl(u: string): string | null {
  return /^https?:\/\/[^\s"'<>`]+$/i.test(u) ? u : null;
}

function selected(): Suggestion | null {
  const checked = list.querySelector<HTMLInputElement>('input[name="pick"]:checked');
  return checked ? (suggestions[Number(checked.value)] ?? null) : null;
}

function updateButtons(): void {
  answeredBtn.disabled = busy || selected() === null;
  helpBtn.disabled = busy;
}

function render(items: Suggestion[]): void {
  suggestions = items;
  list.replaceChildren();
  items.forEach((s, i) => {
    const li = document.createElement('li');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'pick';
    input.id = `pick-${i}`;
    input.value = String(i);
    input.checked = i === 0;
    input.addEventListener('change', updateButtons);
    const body = document.createElement('div');
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = s.title;
    const topic = document.createElement('span');
    topic.className = 'topic';
    topic.textContent = `Topic: ${s.topic}`;
    body.append(label, topic);
    const href = httpUrl(s.url);
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = 'Open the doc';
      a.setAttribute('aria-label', `Open the doc: ${s.title}`);
      body.append(a);
    }
    li.append(input, body);
    list.append(li);
  });
  set.hidden = items.length === 0;
  status.textContent =
    items.length === 0
      ? question.value.trim().length < 3
        ? 'Suggestions appear as you type.'
        : 'No matching doc yet: keep typing, or ask for help.'
      : `${items.length} suggested answer${items.length === 1 ? '' : 's'}.`;
  updateButtons();
}

async function suggest(): Promise<void> {
  const text = question.value;
  const mine = ++seq;
  if (text.trim().length < 3) {
    render([]);
    return;
  }
  try {
    const res = await server.getAskSuggestions(text);
    if (mine !== seq) return; // a newer keystroke won
    render(res && Array.isArray(res.suggestions) ? res.suggestions : []);
  } catch (e) {
    if (mine === seq) alertBox.textContent = toError(e).message;
  }
}

question.addEventListener('input', () => {
  alertBox.textContent = '';
  done.hidden = true;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void suggest(), 250);
});

async function submit(answered: boolean): Promise<void> {
  alertBox.textContent = '';
  const text = question.value.trim();
  if (!text) {
    alertBox.textContent = 'Type your question first.';
    question.focus();
    return;
  }
  const pick = answered ? selected() : null;
  if (answered && !pick) {
    alertBox.textContent = 'Choose the suggestion that answered your question.';
    return;
  }
  busy = true;
  updateButtons();
  try {
    const res = await server.submitAsk({
      question: text,
      vfsTeam: team.value,
      topic: pick ? pick.topic : '',
      answered,
      docUrl: pick ? pick.url : '',
      clientRequestId,
    });
    if (!res || !res.ok) {
      alertBox.textContent = res && !res.ok ? res.message : 'Not saved: please try again.';
      return;
    }
    clientRequestId = newClientId();
    done.replaceChildren();
    const p = document.createElement('p');
    p.textContent = answered
      ? `Great, glad the docs helped. Logged as ${res.requestId}.`
      : `Your question is logged as ${res.requestId}: the support team will pick it up.`;
    done.append(p);
    const link = httpUrl(res.followUpUrl || followUpUrl);
    if (!answered && link) {
      const follow = document.createElement('p');
      const a = document.createElement('a');
      a.href = link;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = 'Follow up in the support channel';
      follow.append(a);
      done.append(follow);
    }
    done.hidden = false;
    question.value = '';
    render([]);
  } catch (e) {
    alertBox.textContent = toError(e).message;
  } finally {
    busy = false;
    updateButtons();
  }
}

answeredBtn.addEventListener('click', () => void submit(true));
helpBtn.addEventListener('click', () => void submit(false));
$<HTMLFormElement>('form').addEventListener('submit', (e) => e.preventDefault());

void (async () => {
  try {
    const o = await server.getAskPageOptions();
    followUpUrl = o.followUpUrl;
    who.textContent = o.user ? `Signed in as ${o.user}.` : '';
    for (const t of o.teams) {
      const opt = document.createElement('option');
      opt.value = t;
      opt.textContent = t;
      team.append(opt);
    }
  } catch (e) {
    alertBox.textContent = toError(e).message;
  }
})();
