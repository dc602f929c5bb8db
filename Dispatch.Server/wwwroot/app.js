// The first, thin command screen: the incident queue, newest first, kept live over SignalR.
// `signalR` is the global from lib/signalr/signalr.min.js. Everything the server sends is data:
// it only ever reaches the page through textContent or attributes, never as HTML.

const TIME_ZONE = 'Asia/Shanghai';
const PAGE_SIZE = 100;
// A wall display runs for days; keep the page bounded.
const MAX_ROWS = 200;
const RETRY_MS = 5000;
const LANG_KEY = 'dispatch.lang';

const TEXT = {
  zh: {
    htmlLang: 'zh-CN',
    title: '指挥中心 · 警情队列',
    queue: '警情队列',
    colReceived: '接警时间',
    colKind: '警情性质',
    colStatus: '状态',
    colCategory: '类别',
    colDescription: '报警内容',
    colAddress: '地址',
    colArea: '辖区',
    colOrganisation: '责任单位',
    noArea: '辖区外 / 无定位',
    colClocks: '响应时钟',
    acknowledge: '确认',
    clockKind: { Respond: '响应', Arrive: '到场', Reinforce: '增援' },
    overdue: '超时',
    alarm: (kind, category, address) => `超时告警：${kind}未按时完成 — ${category}，${address}`,
    loginTitle: '登录',
    userName: '用户名',
    password: '密码',
    signIn: '登录',
    logout: '退出',
    empty: '暂无警情',
    switchTo: 'English',
    switchToLang: 'en',
    shown: (n) => `显示 ${n} 起警情`,
    callers: (n) => `${n} 人报警`,
    announce: (kind, category, address) => `新警情：${kind}，${category}，${address}`,
    state: { connected: '在线', reconnecting: '重连中', disconnected: '离线' },
    kind: { Police: '警务类', NonPolice: '非警务类', Dispute: '纠纷类', Unknown: '待研判' },
    status: { Open: '待派', NeedsTriage: '待研判', InProgress: '处置中', Closed: '已结' },
  },
  en: {
    htmlLang: 'en',
    title: 'Command centre · Incident queue',
    queue: 'Incident queue',
    colReceived: 'Received',
    colKind: 'Kind',
    colStatus: 'Status',
    colCategory: 'Category',
    colDescription: 'Description',
    colAddress: 'Address',
    colArea: 'Area',
    colOrganisation: 'Responsible',
    noArea: 'No area / no location',
    colClocks: 'Clocks',
    acknowledge: 'Acknowledge',
    clockKind: { Respond: 'Respond', Arrive: 'Arrive', Reinforce: 'Reinforce' },
    overdue: 'late',
    alarm: (kind, category, address) => `Clock breached: ${kind} — ${category}, ${address}`,
    loginTitle: 'Sign in',
    userName: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    logout: 'Sign out',
    empty: 'No incidents',
    switchTo: '中文',
    switchToLang: 'zh-CN',
    shown: (n) => `${n} incident${n === 1 ? '' : 's'} shown`,
    callers: (n) => `${n} callers`,
    announce: (kind, category, address) => `New incident: ${kind}, ${category}, ${address}`,
    state: { connected: 'Online', reconnecting: 'Reconnecting', disconnected: 'Offline' },
    kind: { Police: 'Police', NonPolice: 'Non-police', Dispute: 'Dispute', Unknown: 'Unknown' },
    status: { Open: 'Open', NeedsTriage: 'Needs triage', InProgress: 'In progress', Closed: 'Closed' },
  },
};

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
// en-CA writes dates as YYYY-MM-DD.
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
});

const list = document.querySelector('[data-testid="incident-list"]');
const rowTemplate = document.getElementById('row-template');
const countLine = document.querySelector('[data-testid="incident-count"]');
const emptyLine = document.querySelector('.empty');
const announcer = document.querySelector('[data-testid="announcer"]');
const indicator = document.querySelector('[data-testid="connection-state"]');
const langToggle = document.querySelector('[data-testid="lang-toggle"]');
const loginSection = document.querySelector('[data-testid="login"]');
const loginForm = loginSection.querySelector('form');
const loginError = document.querySelector('[data-testid="login-error"]');
const whoami = document.querySelector('[data-testid="whoami"]');
const main = document.querySelector('main');
let antiforgeryToken = '';

/** incident id → { Respond, Arrive, Reinforce } clock views, kept live by ClockChanged and ClockAlarm. */
const clocks = new Map();
const alarmBanner = document.querySelector('[data-testid="clock-alarm"]');
const CLOCK_KINDS = ['Respond', 'Arrive', 'Reinforce'];
// Clocks are only fetched for the newest open incidents on load; later ones arrive by push.
const CLOCK_FETCH_LIMIT = 30;

/** id → { incident, row }: one row per incident however often it arrives. */
const shown = new Map();
let lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
let connectionState = 'disconnected';
// Rows seen on the first load are not "new"; only later arrivals are highlighted.
let loadedOnce = false;

const receivedMs = (incident) => Date.parse(incident.receivedAt);
const newestFirst = (a, b) => receivedMs(b.incident) - receivedMs(a.incident) || a.incident.id.localeCompare(b.incident.id);
const kindOf = (incident) => (incident.kind in TEXT.zh.kind ? incident.kind : 'Unknown');
const categoryOf = (incident) => incident.categoryName || incident.categoryCode || '—';

function upsert(incidents, highlight) {
  for (const incident of incidents) {
    let entry = shown.get(incident.id);
    if (!entry) {
      entry = { row: newRow(incident.id) };
      if (highlight) entry.row.classList.add('is-new');
      shown.set(incident.id, entry);
    }
    entry.incident = incident;
  }
  render();
}

function newRow(id) {
  const row = rowTemplate.content.firstElementChild.cloneNode(true);
  row.dataset.incidentId = id;
  row.addEventListener('animationend', () => row.classList.remove('is-new'));
  return row;
}

/** Refills every row (cheap at this size) so language and "is it today?" stay current, and moves only rows out of place. */
function render() {
  const entries = [...shown.values()].sort(newestFirst);
  for (const dropped of entries.splice(MAX_ROWS)) {
    dropped.row.remove();
    shown.delete(dropped.incident.id);
  }

  const today = dayFormat.format(Date.now());
  entries.forEach(({ incident, row }, index) => {
    fillRow(row, incident, today);
    // Moving a row that is already in place would restart its highlight.
    if (list.children[index] !== row) list.insertBefore(row, list.children[index] ?? null);
  });

  countLine.textContent = TEXT[lang].shown(entries.length);
  emptyLine.hidden = entries.length > 0;
}

function fillRow(row, incident, today) {
  const t = TEXT[lang];
  const received = new Date(incident.receivedAt);
  const day = dayFormat.format(received);
  const cell = (selector) => row.querySelector(selector);

  cell('time').dateTime = incident.receivedAt;
  cell('.clock').textContent = clockFormat.format(received);
  cell('.date').textContent = day === today ? '' : day;

  const kind = kindOf(incident);
  cell('.badge').dataset.kind = kind;
  cell('.badge').textContent = t.kind[kind];

  cell('.pill').dataset.status = incident.status;
  cell('.pill').textContent = t.status[incident.status] ?? incident.status;

  cell('.category').textContent = categoryOf(incident);
  cell('.callers').textContent = incident.alertCount > 1 ? t.callers(incident.alertCount) : '';
  cell('.text').textContent = incident.description;
  cell('.address').textContent = incident.address ?? '';

  const where = incident.jurisdiction;
  const area = where?.community?.name ?? where?.street?.name ?? where?.precinct?.name;
  cell('.community').textContent = area ?? t.noArea;
  cell('.grid').textContent = where?.grid?.name ?? '';

  // Routed: who is responsible. In triage: the last reason, which says what an operator must decide.
  const routing = incident.routing;
  cell('.org').textContent = routing?.organisation?.name ?? '';
  fillClocks(cell('.clocks'), incident.id);
  cell('.why').textContent = routing?.outcome === 'NeedsTriage' ? (routing.reasons.at(-1) ?? '') : '';
}

/** Three chips counting down to each clock's due time: running, warned (amber), met (✓ time taken), breached (red). */
function fillClocks(cellElement, incidentId) {
  const t = TEXT[lang];
  const views = clocks.get(incidentId) ?? {};
  const chips = CLOCK_KINDS.filter((kind) => views[kind]).map((kind) => {
    const view = views[kind];
    const chip = document.createElement('span');
    chip.className = 'clock-chip';
    chip.dataset.kind = kind;
    chip.dataset.state = view.state;
    let value;
    if (view.state === 'Met') value = `✓ ${Math.round(view.takenSeconds ?? 0)}s`;
    else if (view.state === 'Breached') value = t.overdue;
    else if (view.state === 'Cancelled') value = '—';
    else {
      const left = Math.round((Date.parse(view.dueAt) - Date.now()) / 1000);
      value = left >= 0 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` : t.overdue;
    }
    chip.textContent = `${t.clockKind[kind]} ${value}`;
    return chip;
  });
  cellElement.replaceChildren(...chips);
}

function setClock(view) {
  const views = clocks.get(view.incidentId) ?? {};
  views[view.kind] = view;
  clocks.set(view.incidentId, views);
  const entry = shown.get(view.incidentId);
  if (entry) fillClocks(entry.row.querySelector('.clocks'), view.incidentId);
}

/** Loads the clocks of the newest open incidents (the list carries none); pushes keep them current afterwards. */
async function loadClocks() {
  const open = [...shown.values()].map((e) => e.incident).filter((i) => i.status !== 'Closed').slice(0, CLOCK_FETCH_LIMIT);
  for (const incident of open) {
    const response = await fetch(`/api/incidents/${incident.id}`, { headers: { accept: 'application/json' } });
    if (!response.ok) continue;
    const detail = await response.json();
    for (const view of detail.clocks ?? []) setClock(view);
  }
}

/** A breach alarms until an operator acknowledges it: a banner, the row flashing, and a tone where the browser allows. */
function raiseAlarm(alarm) {
  const t = TEXT[lang];
  setClock(alarm.clock);
  const incident = alarm.incident;
  alarmBanner.querySelector('.alarm-text').textContent = t.alarm(t.clockKind[alarm.clock.kind], categoryOf(incident), incident.address ?? '');
  alarmBanner.hidden = false;
  shown.get(incident.id)?.row.classList.add('is-alarm');
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
  } catch {
    // No sound before the user has interacted with the page, or no audio device: the banner still shows.
  }
}

alarmBanner.querySelector('button').addEventListener('click', () => {
  alarmBanner.hidden = true;
  for (const entry of shown.values()) entry.row.classList.remove('is-alarm');
});

function announce(incident) {
  const t = TEXT[lang];
  announcer.textContent = t.announce(t.kind[kindOf(incident)], categoryOf(incident), incident.address ?? '');
}

function showState(state) {
  connectionState = state;
  indicator.dataset.state = state;
  indicator.querySelector('.connection-label').textContent = TEXT[lang].state[state];
}

function applyLanguage() {
  const t = TEXT[lang];
  document.documentElement.lang = t.htmlLang;
  document.title = t.title;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t[element.dataset.i18n];
  }
  langToggle.textContent = t.switchTo;
  langToggle.lang = t.switchToLang;
  showState(connectionState);
  render();
}

async function loadList() {
  try {
    const response = await fetch(`/api/incidents?pageSize=${PAGE_SIZE}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.json();
    upsert(page.items, loadedOnce);
    loadedOnce = true;
    loadClocks();
  } catch (error) {
    console.warn('Could not load the incident list', error);
  }
}

const connection = new signalR.HubConnectionBuilder()
  // WebSockets straight away: no negotiate round trip, so several nodes behind a load balancer need no sticky sessions.
  .withUrl('/hubs/command', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
  .withAutomaticReconnect()
  .build();

connection.on('IncidentOpened', (incident) => {
  const isNew = !shown.has(incident.id);
  upsert([incident], true);
  if (isNew) announce(incident);
});
connection.on('IncidentUpdated', (incident) => upsert([incident], true));
connection.on('ClockChanged', (view) => setClock(view));
connection.on('ClockAlarm', (alarm) => raiseAlarm(alarm));
connection.onreconnecting(() => showState('reconnecting'));
connection.onreconnected(watch);
// Automatic reconnect gives up after a few tries; a wall display must keep trying.
connection.onclose(() => {
  showState('disconnected');
  connect();
});

/** Joins the queue's group, then re-reads the list: whatever opened while we were away was never pushed to us. */
async function watch() {
  showState('connected');
  try {
    await connection.invoke('WatchIncidents');
  } catch (error) {
    // The connection dropped again; onreconnected or onclose will bring us back here.
    console.warn('WatchIncidents failed', error);
    return;
  }
  await loadList();
}

async function connect() {
  for (;;) {
    try {
      await connection.start();
      break;
    } catch (error) {
      console.warn(`Hub connection failed; retrying in ${RETRY_MS / 1000} s`, error);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  await watch();
}

langToggle.addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, lang);
  applyLanguage();
});

// The countdowns tick every second; only the clock cells are redrawn.
setInterval(() => {
  for (const [id, entry] of shown) if (clocks.has(id)) fillClocks(entry.row.querySelector('.clocks'), id);
}, 1000);

// So that yesterday's rows gain their date after midnight even when nothing arrives.
setInterval(render, 60_000);

/** Signed in: show who, fetch the token that every change must carry, then the queue and the live connection. */
async function start(me) {
  whoami.querySelector('.who').textContent = `${me.displayName} (${me.userName})`;
  whoami.hidden = false;
  loginSection.hidden = true;
  main.hidden = false;
  const token = await fetch('/api/auth/antiforgery');
  if (token.ok) antiforgeryToken = (await token.json()).token;
  // Fetch straight away so the queue shows even if the hub is slow or unreachable; watch() fetches again once subscribed.
  loadList();
  connect();
}

function showLogin(message) {
  loginSection.hidden = false;
  main.hidden = true;
  whoami.hidden = true;
  loginError.textContent = message ?? '';
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(loginForm);
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ userName: form.get('userName'), password: form.get('password') }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    loginForm.reset();
    start(body);
  } else {
    showLogin(body.title ?? `HTTP ${response.status}`);
  }
});

whoami.querySelector('.logout').addEventListener('click', async () => {
  await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': antiforgeryToken } });
  location.reload();
});

applyLanguage();
const me = await fetch('/api/auth/me', { headers: { accept: 'application/json' } });
if (me.ok) start(await me.json()); else showLogin();
