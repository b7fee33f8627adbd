/*
 * Timeliness dashboard: GET /api/reports/timeliness (whole period and by month) drawn as one card per
 * measure, with a bar per local authority and a monthly trend. Plain DOM, no dependencies; every string
 * from the API goes in through textContent or setAttribute, never as markup.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'statutory-clocks.dashboard.token';
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  var GREEN = 80;
  var AMBER = 60;

  var form,
    tokenInput,
    fromInput,
    toInput,
    laInput,
    showButton,
    csvButton,
    errorBox,
    statusLine,
    measuresBox,
    noRows,
    legend;
  var loading = 0;

  // ---------- small helpers ----------

  /** An HTML element; attrs set with setAttribute, children strings become text nodes. */
  function h(tag, attrs, children) {
    return build(document.createElement(tag), attrs, children);
  }

  /** An SVG element, the same way. */
  function s(tag, attrs, children) {
    return build(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function build(el, attrs, children) {
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    [].concat(children === undefined ? [] : children).forEach(function (c) {
      if (c === undefined || c === null || c === false) return;
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return el;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function todayLocal() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  /** 1 April to 31 March, as the CIN census and SSDA903 years run (same rule as the API's default). */
  function reportingYearStart(today) {
    var year = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
    return year + '-04-01';
  }

  function isDate(v) {
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  }

  /** 2026-04-01 -> "1 April 2026". */
  function longDate(iso) {
    if (!isDate(iso)) return String(iso);
    return Number(iso.slice(8, 10)) + ' ' + MONTHS[Number(iso.slice(5, 7)) - 1] + ' ' + iso.slice(0, 4);
  }

  /** 2026-10-14 -> "14 Oct 2026". */
  function shortDate(iso) {
    if (!isDate(iso)) return String(iso);
    return Number(iso.slice(8, 10)) + ' ' + MONTHS[Number(iso.slice(5, 7)) - 1].slice(0, 3) + ' ' + iso.slice(0, 4);
  }

  /** 2026-06 -> "Jun 2026". */
  function monthLabel(ym) {
    return MONTHS[Number(ym.slice(5, 7)) - 1].slice(0, 3) + ' ' + ym.slice(0, 4);
  }

  /** Every YYYY-MM from the month of `from` to the month of `to`. */
  function monthsBetween(from, to) {
    var out = [];
    var y = Number(from.slice(0, 4));
    var m = Number(from.slice(5, 7));
    var endY = Number(to.slice(0, 4));
    var endM = Number(to.slice(5, 7));
    while ((y < endY || (y === endY && m <= endM)) && out.length < 240) {
      out.push(y + '-' + pad(m));
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    return out;
  }

  /** Percent on time to one decimal place, rounded as the API rounds it; null when nothing was completed. */
  function percent(onTime, completed) {
    return completed > 0 ? Math.round((onTime / completed) * 1000) / 10 : null;
  }

  function pctText(p) {
    return p === null ? 'n/a' : p.toFixed(1) + '%';
  }

  function band(p) {
    if (p === null) return 'none';
    return p >= GREEN ? 'green' : p >= AMBER ? 'amber' : 'red';
  }

  function count(n) {
    return Number(n).toLocaleString('en-GB');
  }

  var SMALL_WORDS = { and: 1, of: 1, upon: 1, on: 1, the: 1, in: 1, under: 1, with: 1 };

  /** derbyshire -> Derbyshire, kingston-upon-thames -> Kingston upon Thames (the API gives ids only). */
  function laName(id) {
    return String(id)
      .split('-')
      .map(function (w, i) {
        if (i > 0 && SMALL_WORDS[w]) return w;
        return w.charAt(0).toUpperCase() + w.slice(1);
      })
      .join(' ');
  }

  // ---------- the request ----------

  function currentQuery() {
    var q = new URLSearchParams();
    if (fromInput.value) q.set('from', fromInput.value);
    if (toInput.value) q.set('to', toInput.value);
    var la = laInput.value.trim();
    if (la) q.set('localAuthority', la);
    return q;
  }

  function authHeaders() {
    var token = tokenInput.value.trim();
    return token ? { Authorization: 'Bearer ' + token } : {};
  }

  /** A problem+json answer (or anything else that is not 2xx) as an Error carrying `detail`. */
  function problemError(res) {
    return res.text().then(function (body) {
      var p = null;
      try {
        p = JSON.parse(body);
      } catch (e) {
        p = null;
      }
      var err = new Error('HTTP ' + res.status);
      err.status = res.status;
      err.title = (p && typeof p.title === 'string' && p.title) || res.statusText || 'Request failed';
      var detail = p && typeof p.detail === 'string' && p.detail;
      if (!detail && p && Array.isArray(p.errors)) {
        detail = p.errors
          .map(function (e) {
            return (e && e.field ? e.field + ': ' : '') + (e && e.message ? e.message : '');
          })
          .join('; ');
      }
      err.detail = detail || 'The server answered ' + res.status + (res.statusText ? ' ' + res.statusText : '') + '.';
      throw err;
    });
  }

  function get(query, accept) {
    return fetch('/api/reports/timeliness?' + query.toString(), {
      headers: Object.assign({ Accept: accept }, authHeaders()),
      cache: 'no-store',
      credentials: 'same-origin',
    }).then(
      function (res) {
        if (!res.ok) return problemError(res);
        return res;
      },
      function (e) {
        var err = new Error('network');
        err.title = 'Could not reach the API';
        err.detail = 'Could not reach the API: ' + (e && e.message ? e.message : String(e));
        throw err;
      },
    );
  }

  function showError(err) {
    clear(errorBox);
    errorBox.appendChild(h('strong', { class: 'error-title' }, err.title || 'Something went wrong'));
    errorBox.appendChild(
      h('p', { class: 'error-detail', id: 'error-detail' }, err.detail || String(err.message || err)),
    );
    if (err.status) errorBox.setAttribute('data-status', String(err.status));
    else errorBox.removeAttribute('data-status');
    errorBox.hidden = false;
  }

  function hideError() {
    errorBox.hidden = true;
    errorBox.removeAttribute('data-status');
    clear(errorBox);
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function setBusy(on) {
    loading += on ? 1 : -1;
    var busy = loading > 0;
    document.body.setAttribute('aria-busy', busy ? 'true' : 'false');
    showButton.disabled = busy;
  }

  function rememberToken() {
    var token = tokenInput.value.trim();
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      /* storage may be disabled; the form still works */
    }
  }

  /** Keep the view bookmarkable, but never leave the token in the address bar on a shared screen. */
  function updateAddress(query) {
    if (!window.history || !history.replaceState) return;
    var qs = query.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
  }

  function load() {
    hideError();
    rememberToken();
    var query = currentQuery();
    updateAddress(query);
    var monthly = new URLSearchParams(query);
    monthly.set('by', 'month');
    setBusy(true);
    statusLine.textContent = 'Loading…';
    var report;
    // One request first, so a refused token or a bad date answers once; the monthly trend follows.
    return get(query, 'application/json')
      .then(function (r) {
        return r.json();
      })
      .then(function (json) {
        report = json;
        return get(monthly, 'application/json');
      })
      .then(function (r) {
        return r.json();
      })
      .then(function (byMonth) {
        render(report, byMonth);
        var now = new Date();
        statusLine.textContent = 'Updated at ' + pad(now.getHours()) + ':' + pad(now.getMinutes()) + '.';
      })
      .catch(function (err) {
        clearReport();
        statusLine.textContent = '';
        showError(err);
      })
      .then(function () {
        setBusy(false);
      });
  }

  function downloadCsv() {
    hideError();
    rememberToken();
    var query = currentQuery();
    query.set('format', 'csv');
    csvButton.disabled = true;
    get(query, 'text/csv')
      .then(function (res) {
        var name = 'timeliness-' + (fromInput.value || 'from') + '-to-' + (toInput.value || 'today') + '.csv';
        var cd = res.headers.get('content-disposition') || '';
        var m = /filename="?([^";]+)"?/i.exec(cd);
        if (m && /^[\w.-]+$/.test(m[1])) name = m[1];
        return res.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var a = h('a', { href: url, download: name, hidden: true });
          document.body.appendChild(a);
          a.click();
          document.body.removeChild(a);
          setTimeout(function () {
            URL.revokeObjectURL(url);
          }, 10000);
          statusLine.textContent = 'Downloaded ' + name + '.';
        });
      })
      .catch(showError)
      .then(function () {
        csvButton.disabled = false;
      });
  }

  // ---------- drawing ----------

  function clearReport() {
    clear(measuresBox);
    noRows.hidden = true;
    legend.hidden = true;
    document.getElementById('scope').hidden = true;
  }

  function render(report, monthly) {
    clearReport();
    document.getElementById('area').textContent = String(report.area || '');
    document.getElementById('period').textContent = longDate(report.from) + ' to ' + longDate(report.to);
    document.getElementById('calendar-version').textContent = String(report.calendarVersion || 'unknown');
    var laFilter = currentQuery().get('localAuthority');
    var laScope = document.getElementById('local-authority-scope');
    laScope.hidden = !laFilter;
    document.getElementById('scope-la').textContent = laFilter ? laName(laFilter) : '';
    document.getElementById('scope').hidden = false;

    var rows = Array.isArray(report.rows) ? report.rows : [];
    var monthRows = monthly && Array.isArray(monthly.rows) ? monthly.rows : [];
    var measures = Array.isArray(report.measures) ? report.measures.slice() : [];
    // A row for a measure the list does not describe still gets a card.
    rows.forEach(function (r) {
      if (
        !measures.some(function (m) {
          return m.id === r.measure;
        })
      ) {
        measures.push({ id: r.measure, title: r.title || r.measure, definition: '', source: '' });
      }
    });
    var months = isDate(report.from) && isDate(report.to) ? monthsBetween(report.from, report.to) : [];

    var empty = [];
    measures.forEach(function (m) {
      var mine = rows.filter(function (r) {
        return r.measure === m.id;
      });
      if (!mine.length) {
        empty.push(m.title || m.id);
        return;
      }
      measuresBox.appendChild(
        measureCard(
          m,
          mine,
          monthRows.filter(function (r) {
            return r.measure === m.id;
          }),
          months,
        ),
      );
    });

    legend.hidden = measuresBox.childNodes.length === 0;
    if (!measuresBox.childNodes.length) {
      noRows.textContent = 'No statutory steps were completed in this period.';
      noRows.hidden = false;
    } else if (empty.length) {
      noRows.textContent = 'Nothing completed in this period for: ' + empty.join('; ') + '.';
      noRows.hidden = false;
    }
  }

  function measureCard(m, rows, monthRows, months) {
    var byLa = {};
    var order = [];
    rows.forEach(function (r) {
      var la = String(r.localAuthority);
      if (!byLa[la]) {
        byLa[la] = { la: la, completed: 0, onTime: 0, late: 0, fallback: 0, lateItems: [] };
        order.push(la);
      }
      var t = byLa[la];
      t.completed += Number(r.completed) || 0;
      t.onTime += Number(r.onTime) || 0;
      t.late += Number(r.late) || 0;
      t.fallback += Number(r.countedFromFallback) || 0;
      (Array.isArray(r.lateItems) ? r.lateItems : []).forEach(function (i) {
        t.lateItems.push({ la: la, item: i });
      });
    });
    order.sort();
    var las = order.map(function (la) {
      return byLa[la];
    });
    var total = las.reduce(
      function (acc, t) {
        acc.completed += t.completed;
        acc.onTime += t.onTime;
        acc.late += t.late;
        acc.fallback += t.fallback;
        return acc;
      },
      { completed: 0, onTime: 0, late: 0, fallback: 0 },
    );
    var p = percent(total.onTime, total.completed);
    var idBase = 'm-' + String(m.id).replace(/[^A-Za-z0-9_-]/g, '_');

    var section = h('section', {
      class: 'measure band-' + band(p),
      'data-measure': m.id,
      'aria-labelledby': idBase + '-title',
    });

    var head = h('div', { class: 'measure-head' }, [
      h('h2', { id: idBase + '-title' }, String(m.title || m.id)),
      h(
        'p',
        {
          class: 'overall band-' + band(p),
          'data-on-time': total.onTime,
          'data-completed': total.completed,
          'data-percent': p === null ? '' : String(p),
          'data-band': band(p),
        },
        [
          h('span', { class: 'overall-count' }, count(total.onTime) + ' of ' + count(total.completed) + ' on time'),
          ' ',
          h('span', { class: 'overall-pct' }, '(' + pctText(p) + ')'),
        ],
      ),
    ]);
    section.appendChild(head);

    if (m.definition) section.appendChild(h('p', { class: 'definition' }, String(m.definition)));
    if (m.source) section.appendChild(h('p', { class: 'source' }, 'Source: ' + String(m.source)));

    var charts = h('div', { class: 'charts' });
    charts.appendChild(h('h3', { class: 'chart-title' }, 'By local authority'));
    charts.appendChild(barChart(m, las));
    charts.appendChild(h('h3', { class: 'chart-title' }, 'By month, all local authorities'));
    charts.appendChild(trendChart(m, monthRows, months));
    section.appendChild(charts);

    if (total.fallback > 0) {
      section.appendChild(
        h(
          'p',
          { class: 'fallback', 'data-fallback': total.fallback },
          count(total.fallback) +
            ' of ' +
            count(total.completed) +
            ' counted from the fallback start date because the first was not recorded.',
        ),
      );
    }

    section.appendChild(lateList(las, total.late));
    return section;
  }

  var BAR = { width: 560, row: 27, barHeight: 17, labelGap: 6, valueWidth: 112 };

  var measurer = null;

  /** Width of an LA name as the chart draws it (bold 12px in the page's font), so long names never spill. */
  function textWidth(text) {
    try {
      if (!measurer) {
        measurer = document.createElement('canvas').getContext('2d');
        measurer.font = '600 12px ' + getComputedStyle(document.body).fontFamily;
      }
      return measurer.measureText(text).width;
    } catch (e) {
      return text.length * 7.8;
    }
  }

  function barChart(m, las) {
    var longest = las.reduce(function (n, t) {
      return Math.max(n, textWidth(laName(t.la)));
    }, 0);
    var nameWidth = Math.min(210, Math.max(60, Math.ceil(longest) + 12));
    var x0 = nameWidth;
    var span = BAR.width - x0 - BAR.valueWidth;
    var height = las.length * BAR.row + 4;
    var summary = las
      .map(function (t) {
        var p = percent(t.onTime, t.completed);
        return laName(t.la) + ' ' + pctText(p) + ' on time (' + t.onTime + ' of ' + t.completed + ')';
      })
      .join('; ');
    var svg = s('svg', {
      class: 'bars',
      viewBox: '0 0 ' + BAR.width + ' ' + height,
      width: BAR.width,
      height: height,
      role: 'img',
      'aria-label': (m.title || m.id) + ', percentage on time by local authority: ' + summary + '.',
      preserveAspectRatio: 'xMinYMin meet',
    });
    // Quarter gridlines so the bar lengths can be read against 0, 50 and 100%.
    [0, 25, 50, 75, 100].forEach(function (g) {
      var x = x0 + (span * g) / 100;
      svg.appendChild(
        s('line', { class: g === 0 ? 'axis' : 'grid', x1: x, x2: x, y1: 0, y2: height - 4, 'aria-hidden': 'true' }),
      );
    });
    las.forEach(function (t, i) {
      var p = percent(t.onTime, t.completed);
      var y = i * BAR.row + 2;
      var w = p === null ? 0 : Math.max((span * p) / 100, p > 0 ? 2 : 0);
      var g = s('g', {
        class: 'bar band-' + band(p),
        'data-la': t.la,
        'data-percent': p === null ? '' : String(p),
        'data-on-time': t.onTime,
        'data-completed': t.completed,
        'data-band': band(p),
      });
      g.appendChild(
        s(
          'title',
          null,
          laName(t.la) + ': ' + pctText(p) + ' on time, ' + t.onTime + ' of ' + t.completed + ' (' + t.late + ' late)',
        ),
      );
      g.appendChild(
        s(
          'text',
          {
            class: 'la-name',
            x: x0 - 8,
            y: y + BAR.barHeight / 2,
            'text-anchor': 'end',
            'dominant-baseline': 'central',
          },
          laName(t.la),
        ),
      );
      g.appendChild(s('rect', { class: 'track', x: x0, y: y, width: span, height: BAR.barHeight, rx: 2 }));
      g.appendChild(s('rect', { class: 'fill', x: x0, y: y, width: w.toFixed(1), height: BAR.barHeight, rx: 2 }));
      g.appendChild(
        s(
          'text',
          {
            class: 'value',
            x: (x0 + span + BAR.labelGap).toFixed(1),
            y: y + BAR.barHeight / 2,
            'dominant-baseline': 'central',
          },
          pctText(p) + ' (' + t.onTime + '/' + t.completed + ')',
        ),
      );
      svg.appendChild(g);
    });
    return svg;
  }

  var TREND = { width: 560, height: 132, top: 16, bottom: 32, left: 34, right: 6 };

  function trendChart(m, monthRows, months) {
    var sums = {};
    monthRows.forEach(function (r) {
      var ym = String(r.period).slice(0, 7);
      if (!/^\d{4}-\d{2}$/.test(ym)) return;
      var t = sums[ym] || (sums[ym] = { onTime: 0, completed: 0 });
      t.onTime += Number(r.onTime) || 0;
      t.completed += Number(r.completed) || 0;
    });
    // The whole range of the period, so an empty month shows as a gap rather than disappearing.
    var all = months.slice();
    Object.keys(sums).forEach(function (ym) {
      if (all.indexOf(ym) < 0) all.push(ym);
    });
    all.sort();

    var plotW = TREND.width - TREND.left - TREND.right;
    var plotH = TREND.height - TREND.top - TREND.bottom;
    var slot = all.length ? plotW / all.length : plotW;
    var colW = Math.min(44, slot * 0.62);
    var showValues = slot >= 34;
    var labelEvery = slot >= 40 ? 1 : Math.ceil(40 / slot);
    var base = TREND.top + plotH;

    var summary = all
      .map(function (ym) {
        var t = sums[ym];
        return (
          monthLabel(ym) +
          ' ' +
          (t && t.completed
            ? pctText(percent(t.onTime, t.completed)) + ' (' + t.onTime + ' of ' + t.completed + ')'
            : 'none completed')
        );
      })
      .join('; ');
    var svg = s('svg', {
      class: 'trend',
      viewBox: '0 0 ' + TREND.width + ' ' + TREND.height,
      width: TREND.width,
      height: TREND.height,
      role: 'img',
      'aria-label':
        (m.title || m.id) +
        ', percentage on time by month across all local authorities: ' +
        (summary || 'no months') +
        '.',
      preserveAspectRatio: 'xMinYMin meet',
    });
    [0, 50, 100].forEach(function (g) {
      var y = base - (plotH * g) / 100;
      svg.appendChild(
        s('line', {
          class: g === 0 ? 'axis' : 'grid',
          x1: TREND.left,
          x2: TREND.width - TREND.right,
          y1: y,
          y2: y,
          'aria-hidden': 'true',
        }),
      );
      svg.appendChild(
        s(
          'text',
          {
            class: 'tick',
            x: TREND.left - 6,
            y: y,
            'text-anchor': 'end',
            'dominant-baseline': 'central',
            'aria-hidden': 'true',
          },
          g + '%',
        ),
      );
    });
    all.forEach(function (ym, i) {
      var t = sums[ym];
      var p = t && t.completed ? percent(t.onTime, t.completed) : null;
      var cx = TREND.left + slot * i + slot / 2;
      var g = s('g', {
        class: 'month band-' + band(p),
        'data-month': ym,
        'data-percent': p === null ? '' : String(p),
        'data-on-time': t ? t.onTime : 0,
        'data-completed': t ? t.completed : 0,
        'data-band': band(p),
      });
      g.appendChild(
        s(
          'title',
          null,
          monthLabel(ym) +
            ': ' +
            (p === null ? 'nothing completed' : pctText(p) + ' on time, ' + t.onTime + ' of ' + t.completed),
        ),
      );
      if (p !== null) {
        var hgt = Math.max((plotH * p) / 100, p > 0 ? 2 : 0);
        g.appendChild(
          s('rect', {
            class: 'fill',
            x: (cx - colW / 2).toFixed(1),
            y: (base - hgt).toFixed(1),
            width: colW.toFixed(1),
            height: hgt.toFixed(1),
            rx: 2,
          }),
        );
        if (showValues) {
          g.appendChild(
            s(
              'text',
              { class: 'value', x: cx.toFixed(1), y: (base - hgt - 4).toFixed(1), 'text-anchor': 'middle' },
              pctText(p),
            ),
          );
        }
      } else {
        g.appendChild(s('text', { class: 'nodata', x: cx.toFixed(1), y: base - 5, 'text-anchor': 'middle' }, 'none'));
      }
      if (i % labelEvery === 0) {
        // Two lines ("Jun" over "2026") so twelve months fit; the text content still reads "Jun 2026".
        var label = monthLabel(ym);
        var text = s('text', { class: 'month-label', x: cx.toFixed(1), y: base + 13, 'text-anchor': 'middle' });
        text.appendChild(s('tspan', { x: cx.toFixed(1) }, label.slice(0, 4)));
        text.appendChild(s('tspan', { x: cx.toFixed(1), dy: 12, class: 'year' }, label.slice(4)));
        g.appendChild(text);
      }
      svg.appendChild(g);
    });
    return svg;
  }

  function lateList(las, lateCount) {
    var items = [];
    las.forEach(function (t) {
      items = items.concat(t.lateItems);
    });
    items.sort(function (a, b) {
      return (
        String(a.item.done).localeCompare(String(b.item.done)) ||
        a.la.localeCompare(b.la) ||
        String(a.item.caseId).localeCompare(String(b.item.caseId))
      );
    });
    var details = h('details', { class: 'late', 'data-late': lateCount });
    details.appendChild(h('summary', null, 'Late (' + count(lateCount) + ')'));
    if (!items.length) {
      details.appendChild(h('p', { class: 'none' }, 'Nothing was late in this period.'));
      return details;
    }
    var tbody = h('tbody');
    items.forEach(function (x) {
      var i = x.item || {};
      var occ =
        Number(i.occurrence) > 1
          ? h('span', { class: 'occurrence', title: 'occurrence ' + i.occurrence }, ' #' + i.occurrence)
          : null;
      tbody.appendChild(
        h(
          'tr',
          {
            class: 'late-item',
            'data-case': String(i.caseId),
            'data-la': x.la,
            'data-workflow': String(i.workflowId || ''),
          },
          [
            h('td', { class: 'case' }, [String(i.caseId), occ]),
            h('td', { class: 'la' }, laName(x.la)),
            h('td', { class: 'done' }, h('time', { datetime: String(i.done) }, shortDate(i.done))),
            h('td', { class: 'due' }, h('time', { datetime: String(i.dueBy) }, shortDate(i.dueBy))),
            h('td', { class: 'taken' }, String(i.taken)),
          ],
        ),
      );
    });
    details.appendChild(
      h('table', null, [
        h(
          'thead',
          null,
          h('tr', null, [
            h('th', { scope: 'col' }, 'Case'),
            h('th', { scope: 'col' }, 'Local authority'),
            h('th', { scope: 'col' }, 'Done'),
            h('th', { scope: 'col' }, 'Due by'),
            h('th', { scope: 'col' }, 'Taken'),
          ]),
        ),
        tbody,
      ]),
    );
    return details;
  }

  // ---------- start ----------

  function init() {
    form = document.getElementById('filters');
    tokenInput = document.getElementById('token');
    fromInput = document.getElementById('from');
    toInput = document.getElementById('to');
    laInput = document.getElementById('la');
    showButton = document.getElementById('show');
    csvButton = document.getElementById('download-csv');
    errorBox = document.getElementById('error');
    statusLine = document.getElementById('status');
    measuresBox = document.getElementById('measures');
    noRows = document.getElementById('no-rows');
    legend = document.getElementById('legend');

    var params = new URLSearchParams(location.search);
    var stored = '';
    try {
      stored = sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (e) {
      stored = '';
    }
    var today = todayLocal();
    tokenInput.value = params.get('token') || stored;
    fromInput.value = isDate(params.get('from')) ? params.get('from') : reportingYearStart(today);
    toInput.value = isDate(params.get('to')) ? params.get('to') : today;
    laInput.value = params.get('localAuthority') || '';

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      load();
    });
    csvButton.addEventListener('click', downloadCsv);

    // Printing shows the late lists open, then puts them back.
    var reopened = [];
    window.addEventListener('beforeprint', function () {
      reopened = [].slice.call(document.querySelectorAll('details.late:not([open])'));
      reopened.forEach(function (d) {
        d.open = true;
      });
    });
    window.addEventListener('afterprint', function () {
      reopened.forEach(function (d) {
        d.open = false;
      });
      reopened = [];
    });

    if (params.has('token') || params.has('from') || params.has('to') || params.has('localAuthority')) {
      load();
    } else {
      statusLine.textContent = tokenInput.value
        ? 'Choose the period and press Show.'
        : 'Enter your token and press Show.';
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
