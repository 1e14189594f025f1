// kurdi serve: the search page. Plain JavaScript, no library, no network
// beyond this server's own API (docs/serve.md). Text from the archive is
// inserted as text; the only markup taken from the server is the <mark> of
// snippets, copied element by element (safeSnippet).
'use strict';

const STRINGS = {
  ckb: {
    brand: 'kurdi',
    title: 'kurdi · گەڕان لە ئەرشیف',
    nav_search: 'گەڕان',
    nav_analyze: 'شیکردنەوەی دەق',
    lang_toggle: 'English',
    search_label: 'وشە یان دەستەواژەیەک بنووسە',
    search_placeholder: 'بۆ نموونە: بەرپرس، هەولێر، hêz',
    search_button: 'بگەڕێ',
    filters: 'فلتەرەکان',
    from: 'لە بەرواری',
    to: 'تا بەرواری',
    source: 'سەرچاوە',
    syntax_title: 'ڕێنمایی گەڕان',
    syntax_word: 'وشەیەک هەموو شێوەکانی خۆی دەدۆزێتەوە: بەرپرسەکانی، بەرپرسێک…',
    syntax_phrase: 'دەستەواژە لە نێوان "…"دا: وشەکان پێکەوە و بەو ڕیزەوە',
    syntax_prefix: 'سەرەتای وشە: هەموو ئەو وشانەی بەم پیتانە دەست پێدەکەن',
    syntax_exclude: 'ئەو بەڵگەنامانە لادەبات کە ئەم وشەیەیان تێدایە',
    syntax_or: 'یەکێک لەو دووانە (OR بە پیتی گەورە)',
    syntax_latin: 'پیتی لاتینی (بە نیشانە یان بێ نیشانە) دەقی کوردیی عەرەبی-نووس دەدۆزێتەوە',
    syntax_spelling: 'ك و ک، ي و ی، ه‌ و ە وەک یەک دەژمێردرێن.',
    searching: 'گەڕان…',
    results: (first, last, total) => `ئەنجامی ${num(first)}–${num(last)} لە ${num(total)}`,
    results_more: (first, last, total) => `ئەنجامی ${num(first)}–${num(last)} لە ${num(total)} یان زیاتر`,
    no_results: 'هیچ بەڵگەنامەیەک نەدۆزرایەوە.',
    page: (page, pages) => `پەڕەی ${num(page)} لە ${num(pages)}`,
    page_more: (page, pages) => `پەڕەی ${num(page)} لە ${num(pages)} یان زیاتر`,
    prev: 'پێشوو',
    next: 'دواتر',
    back: 'گەڕانەوە بۆ ئەنجامەکان',
    no_title: '(بێ ناونیشان)',
    original: 'سەرچاوەی سەرەکی',
    loading: 'چاوەڕێ بکە…',
    analyze_label: 'دەقێک بنووسە یان بیلکێنە، بۆ ئەوەی ببینیت kurdi چی لێ دەکات',
    analyze_button: 'شیکردنەوە',
    normalized: 'دەقی ڕێکخراو',
    search_normalized: 'شێوەی گەڕان',
    latin: 'بە پیتی لاتینی',
    tokens: 'پارچەکان (تۆکن)',
    index_terms: 'ئەوەی لە پێڕستی گەڕاندا هەڵدەگیرێت',
    lemma: 'بنەڕەت',
    stems: 'ڕەگ',
    analysis: 'شیکاری',
    stopword: 'وشەی باو',
    unknown: 'نەناسراو',
    stats: (docs, version) => `${num(docs)} بەڵگەنامە لە ئەرشیفدا · شیکەرەوە ${version}`,
    font_licence: 'مۆڵەتی فۆنت',
    error: 'هەڵە',
  },
  en: {
    brand: 'kurdi',
    title: 'kurdi · archive search',
    nav_search: 'Search',
    nav_analyze: 'Analyze text',
    lang_toggle: 'کوردی',
    search_label: 'Type a word or a phrase',
    search_placeholder: 'e.g. بەرپرس, هەولێر, hêz',
    search_button: 'Search',
    filters: 'Filters',
    from: 'From date',
    to: 'To date',
    source: 'Source',
    syntax_title: 'How to search',
    syntax_word: 'a word finds all its forms: بەرپرسەکانی, بەرپرسێک…',
    syntax_phrase: 'a phrase in "…": the words together, in that order',
    syntax_prefix: 'a prefix: every word that starts with these letters',
    syntax_exclude: 'leaves out documents that contain this word',
    syntax_or: 'either of the two (OR in capitals)',
    syntax_latin: 'Latin letters, with or without diacritics, find Arabic-script Kurdish',
    syntax_spelling: 'ك and ک, ي and ی, ه‌ and ە count as the same letter.',
    searching: 'Searching…',
    results: (first, last, total) => `Results ${first}–${last} of ${total}`,
    results_more: (first, last, total) => `Results ${first}–${last} of ${total} or more`,
    no_results: 'No documents match.',
    page: (page, pages) => `Page ${page} of ${pages}`,
    page_more: (page, pages) => `Page ${page} of ${pages} or more`,
    prev: 'Previous',
    next: 'Next',
    back: 'Back to the results',
    no_title: '(no title)',
    original: 'Original',
    loading: 'Loading…',
    analyze_label: 'Type or paste a text to see what kurdi does with it',
    analyze_button: 'Analyze',
    normalized: 'Normalized',
    search_normalized: 'Search form',
    latin: 'Latin script',
    tokens: 'Tokens',
    index_terms: 'What the search index stores',
    lemma: 'lemma',
    stems: 'stems',
    analysis: 'analysis',
    stopword: 'stopword',
    unknown: 'unknown',
    stats: (docs, version) => `${docs} documents in the archive · analyzer ${version}`,
    font_licence: 'Font licence',
    error: 'Error',
  },
};

const PAGE_SIZE = 10;
// The deepest offset /api/search accepts (docs/serve.md, "Security and limits").
const MAX_OFFSET = 10000;
let lang = localStorage.getItem('kurdi-lang') === 'en' ? 'en' : 'ckb';
let lastStats = null;
const $ = (id) => document.getElementById(id);
const t = (key) => STRINGS[lang][key];

// Numbers in Kurdish (Arabic-Indic) digits in the Sorani interface.
function num(n) {
  return String(n).replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]);
}

function applyLanguage() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'ckb';
  document.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  const toggle = $('lang');
  toggle.textContent = t('lang_toggle');
  toggle.lang = lang === 'en' ? 'ckb' : 'en';
  toggle.dir = lang === 'en' ? 'rtl' : 'ltr';
  showStats();
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// A snippet is escaped text with <mark> around matches (made by the server).
// It is parsed in an inert document and only text and <mark> are copied.
function safeSnippet(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  const copy = (from, into) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        into.append(node.data);
      } else if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        copy(node, mark);
        into.append(mark);
      } else {
        into.append(node.textContent);
      }
    }
  };
  copy(parsed.body, out);
  return out;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

// The hash is the state: #/?q=..&from=..&to=..&source=..&page=N,
// #/doc/ID?q=.., #/analyze?text=..
function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split(/\?(.*)/s);
  return { path, params: new URLSearchParams(query) };
}

function setHash(path, params) {
  const query = params.toString();
  const hash = `#${path}${query ? `?${query}` : ''}`;
  if (location.hash === hash) route();  // the same search again: no hashchange
  else location.hash = hash;
}

function showView(name) {
  for (const view of ['search', 'document', 'analyze']) $(`${view}-view`).hidden = view !== name;
  $('nav-search').classList.toggle('active', name !== 'analyze');
  $('nav-analyze').classList.toggle('active', name === 'analyze');
}

function searchParams() {
  const params = new URLSearchParams();
  params.set('q', $('q').value.trim());
  for (const name of ['from', 'to', 'source']) if ($(name).value) params.set(name, $(name).value.trim());
  return params;
}

let searchSerial = 0;
async function runSearch(params) {
  showView('search');
  const q = params.get('q') || '';
  $('q').value = q;
  for (const name of ['from', 'to', 'source']) $(name).value = params.get(name) || '';
  if (['from', 'to', 'source'].some((name) => params.get(name))) $('filters').open = true;
  $('results').replaceChildren();
  $('pager').hidden = true;
  if (!q) {
    $('status').textContent = '';
    return;
  }
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  const request = new URLSearchParams({ q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  for (const name of ['from', 'to', 'source']) if (params.get(name)) request.set(name, params.get(name));
  const serial = ++searchSerial;
  $('status').textContent = t('searching');
  $('status').classList.remove('error');
  let body;
  try {
    body = await api(`api/search?${request}`);
  } catch (error) {
    if (serial !== searchSerial) return;
    $('status').textContent = `${t('error')}: ${error.message}`;
    $('status').classList.add('error');
    return;
  }
  if (serial !== searchSerial) return;  // a newer search has started
  const first = body.offset + 1;
  const last = body.offset + body.results.length;
  // Past the server's --count-limit the total is a lower bound ("gte").
  const more = body.total_relation === 'gte';
  $('status').textContent = body.results.length ? t(more ? 'results_more' : 'results')(first, last, body.total)
    : body.message || t('no_results');
  for (const hit of body.results) {
    const link = el('a', { href: `#/doc/${encodeURIComponent(hit.id)}?${new URLSearchParams({ q })}` });
    link.textContent = hit.title || hit.id || t('no_title');
    const meta = el('p', { className: 'meta' });
    meta.append(...[hit.source, hit.date].filter(Boolean).map((text) => el('span', { dir: 'auto' }, text)));
    // The item takes the direction of its title (dir=auto looks at the first text
    // without a dir of its own), so source and date line up with it.
    const item = el('li', { className: 'hit', dir: 'auto' }, el('h2', {}, link), meta,
      el('p', { className: 'snippet', dir: 'auto' }, safeSnippet(hit.snippet)));
    $('results').append(item);
  }
  const pages = Math.max(1, Math.ceil(body.total / PAGE_SIZE));
  if (pages > 1) {
    $('pager').hidden = false;
    $('page').textContent = t(more ? 'page_more' : 'page')(page, pages);
    $('prev').disabled = page <= 1;
    // A lower bound always reaches past this page; the API goes no deeper
    // than MAX_OFFSET.
    $('next').disabled = page >= pages || page * PAGE_SIZE > MAX_OFFSET;
    $('prev').onclick = () => { params.set('page', page - 1); setHash('/', params); };
    $('next').onclick = () => { params.set('page', page + 1); setHash('/', params); };
  }
}

async function showDocument(id, params) {
  showView('document');
  $('back').href = `#/?${new URLSearchParams({ q: params.get('q') || '' })}`;
  $('doc-title').textContent = t('loading');
  $('doc-meta').replaceChildren();
  $('doc-body').replaceChildren();
  let doc;
  try {
    doc = await api(`api/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    $('doc-title').textContent = `${t('error')}: ${error.message}`;
    return;
  }
  $('doc-title').textContent = doc.title || doc.id || t('no_title');
  const meta = [doc.source, doc.date, doc.id].filter(Boolean).map((text) => el('span', { dir: 'auto' }, text));
  if (/^https?:\/\//i.test(doc.url)) meta.push(el('a', { href: doc.url, rel: 'noopener noreferrer' }, t('original')));
  $('doc-meta').append(...meta);
  for (const paragraph of doc.body.split(/\n\s*\n|\n/)) {
    if (paragraph.trim()) $('doc-body').append(el('p', { dir: 'auto' }, paragraph));
  }
}

async function runAnalyze(params) {
  showView('analyze');
  const text = params.get('text') || '';
  $('text').value = text;
  $('analysis').hidden = true;
  if (!text) return;
  $('analyze-status').textContent = t('loading');
  $('analyze-status').classList.remove('error');
  let body;
  try {
    body = await api(`api/analyze?${new URLSearchParams({ text })}`);
  } catch (error) {
    $('analyze-status').textContent = `${t('error')}: ${error.message}`;
    $('analyze-status').classList.add('error');
    return;
  }
  $('analyze-status').textContent = '';
  $('a-normalized').textContent = body.normalized;
  $('a-search').textContent = body.search_normalized;
  $('a-latin').textContent = body.latin;
  $('a-tokens').replaceChildren();
  for (const token of body.tokens) {
    const rows = [el('div', { className: 'token-head' },
      el('bdi', { className: 'token-text' }, token.text),
      el('span', { className: 'token-type', dir: 'ltr' }, `${token.type} ${token.begin}–${token.end}`))];
    const row = (label, value, dir = 'auto') => rows.push(el('div', { className: 'row' },
      el('span', { className: 'row-label' }, label),
      typeof value === 'string' ? el('bdi', { dir }, value) : value));
    if (token.norm !== token.text) row('norm', token.norm);
    if (token.lemma !== undefined) {
      row(t('lemma'), token.lemma);
      row(t('stems'), token.stems.join(' · '));
      const best = token.analyses[0];
      if (best) {
        // Morphemes in reading order, each with its tag; then the features.
        const parts = el('span', { className: 'row-value' },
          ...best.morphemes.map((m) => el('span', { className: 'morph' }, el('bdi', {}, m.text),
            el('small', { dir: 'ltr' }, m.tag))));
        row(t('analysis'), parts);
        const features = `${best.upos} ${best.features}${best.known ? '' : ` (${t('unknown')})`}`;
        row('', el('bdi', { className: 'features', dir: 'ltr' }, features));
      }
      if (token.latin) row(t('latin'), token.latin, 'ltr');
      if (token.stopword) row(t('stopword'), '✓');
    }
    if (token.arabic) row('ckb', token.arabic, 'rtl');
    $('a-tokens').append(el('li', { className: 'token' }, ...rows));
  }
  $('a-terms').replaceChildren();
  for (const entry of body.index_terms) {
    const terms = entry.terms.map((term) => el('bdi', { className: `term ${term.kind}`, title: term.kind }, term.text));
    $('a-terms').append(el('li', {}, el('bdi', { className: 'token-text' }, entry.text), ': ', ...terms));
  }
  $('analysis').hidden = false;
}

function route() {
  const { path, params } = parseHash();
  if (path.startsWith('/doc/')) {
    showDocument(decodeURIComponent(path.slice(5)), params);
  } else if (path === '/analyze') {
    runAnalyze(params);
  } else {
    runSearch(params);
  }
}

function showStats() {
  if (!lastStats) return;
  // The version is Latin text in a right-to-left line: isolate it.
  const [before, after] = t('stats')(lastStats.documents, '\u0000').split('\u0000');
  $('stats').replaceChildren(before, el('bdi', { dir: 'ltr' }, lastStats.analyzer_version), after);
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setHash('/', searchParams());
  });
  $('analyze-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setHash('/analyze', new URLSearchParams({ text: $('text').value }));
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'en' ? 'ckb' : 'en';
    localStorage.setItem('kurdi-lang', lang);
    applyLanguage();
    route();
  });
  window.addEventListener('hashchange', route);
  applyLanguage();
  route();
  api('api/stats').then((stats) => { lastStats = stats; showStats(); }).catch(() => {});
});
