// VoteAlign report: paints the agreement heatmap and draws the splits table from the data embedded above.
// Hand-written, no library, no network. User text only ever goes in through textContent.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('va-data').textContent);
  var members = data.members; // [id, name, bloc]
  var n = members.length;

  function u16(base64) {
    var bin = atob(base64), out = new Uint16Array(bin.length >> 1);
    for (var i = 0; i < out.length; i++) out[i] = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
    return out;
  }
  function pct(x) { return (100 * x).toFixed(1) + '%'; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function colour(bloc) { return bloc === null ? '#9a9a9a' : (data.colours[String(bloc)] || '#9a9a9a'); }

  // ---- Heatmap -------------------------------------------------------------------------------------------------
  (function heatmap() {
    var canvas = document.getElementById('heat');
    if (!canvas || n === 0) return;
    var agree = u16(data.heat.agree), shared = u16(data.heat.shared);
    var cell = Math.max(1, Math.min(22, Math.floor(900 / n)));
    var names = cell >= 10;
    var band = 14, offset = (names ? 170 : 0) + band + 2;
    var size = offset + n * cell;
    canvas.width = size;
    canvas.height = size;
    canvas.dataset.cell = cell;
    canvas.dataset.offset = offset;
    canvas.dataset.n = n;
    var ctx = canvas.getContext('2d');
    function index(i, j) { if (i > j) { var t = i; i = j; j = t; } return i * n - (i * (i - 1)) / 2 + (j - i); }
    // Light to dark blue: readable as lightness alone, without colour.
    function ramp(v) {
      var stops = [[247, 251, 255], [107, 174, 214], [8, 48, 107]];
      var x = v * 2, k = Math.min(1, Math.floor(x)), f = x - k;
      return [0, 1, 2].map(function (c) { return Math.round(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * f); });
    }
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    var img = ctx.createImageData(n * cell, n * cell), px = img.data, w = n * cell;
    for (var y = 0; y < w; y++) {
      var i = (y / cell) | 0;
      for (var x = 0; x < w; x++) {
        var j = (x / cell) | 0, a = agree[index(i, j)], o = 4 * (y * w + x), rgb;
        if (a === 65535) rgb = ((x + y) % 4 < 2) ? [200, 200, 200] : [255, 255, 255];
        else rgb = ramp(a / 10000);
        px[o] = rgb[0]; px[o + 1] = rgb[1]; px[o + 2] = rgb[2]; px[o + 3] = 255;
      }
    }
    ctx.putImageData(img, offset, offset);
    // Bloc bands, numbers and boundaries.
    var runs = [], start = 0;
    for (var r = 1; r <= n; r++) {
      if (r === n || members[r][2] !== members[start][2]) { runs.push([start, r, members[start][2]]); start = r; }
    }
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    runs.forEach(function (run) {
      var a = offset + run[0] * cell, len = (run[1] - run[0]) * cell;
      ctx.fillStyle = colour(run[2]);
      ctx.fillRect(offset - band - 2, a, band, len);
      ctx.fillRect(a, offset - band - 2, len, band);
      if (len >= 12) {
        var label = run[2] === null ? '–' : String(run[2]);
        ctx.fillStyle = '#fff';
        ctx.fillText(label, offset - band / 2 - 2, a + len / 2);
        ctx.fillText(label, a + len / 2, offset - band / 2 - 2);
      }
      if (run[0] > 0) {
        ctx.strokeStyle = '#111';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(offset, a); ctx.lineTo(offset + n * cell, a);
        ctx.moveTo(a, offset); ctx.lineTo(a, offset + n * cell);
        ctx.stroke();
      }
    });
    if (names) {
      ctx.fillStyle = '#1d1d1f';
      ctx.textAlign = 'right';
      for (var m = 0; m < n; m++) {
        var label = members[m][1].length > 26 ? members[m][1].slice(0, 25) + '…' : members[m][1];
        ctx.fillText(label, offset - band - 6, offset + (m + 0.5) * cell);
        ctx.save();
        ctx.translate(offset + (m + 0.5) * cell, offset - band - 6);
        ctx.rotate(-Math.PI / 2);
        ctx.textAlign = 'left';
        ctx.fillText(label, 0, 0);
        ctx.restore();
      }
    }
    var base = ctx.getImageData(0, 0, size, size);
    var readout = document.getElementById('heat-readout'), tip = document.getElementById('heat-tip');
    var current = null;
    function show(i, j, clientX, clientY) {
      current = [i, j];
      ctx.putImageData(base, 0, 0);
      ctx.strokeStyle = '#ff00aa';
      ctx.lineWidth = 2;
      ctx.strokeRect(offset + j * cell - 1, offset + i * cell - 1, cell + 2, cell + 2);
      var t = index(i, j), a = agree[t], s = shared[t];
      var what = data.heat.expected ? 'expected agreement' : 'agreement';
      var text = members[i][1] + ' × ' + members[j][1] + ': ' +
        (a === 65535 ? 'no shared vote' : what + ' ' + pct(a / 10000) + ' on ' + s + ' shared vote' + (s === 1 ? '' : 's'));
      readout.textContent = text;
      readout.dataset.a = members[i][0];
      readout.dataset.b = members[j][0];
      readout.dataset.value = a === 65535 ? '' : String(a / 10000);
      readout.dataset.shared = String(s);
      if (clientX !== undefined) {
        var box = canvas.parentNode.getBoundingClientRect();
        tip.textContent = text;
        tip.hidden = false;
        tip.style.left = Math.min(clientX - box.left + 14, box.width - 200) + 'px';
        tip.style.top = (clientY - box.top + 14) + 'px';
      }
    }
    canvas.addEventListener('mousemove', function (e) {
      var box = canvas.getBoundingClientRect(), k = canvas.width / box.width;
      var x = (e.clientX - box.left) * k - offset, y = (e.clientY - box.top) * k - offset;
      var i = Math.floor(y / cell), j = Math.floor(x / cell);
      if (i >= 0 && j >= 0 && i < n && j < n) show(i, j, e.clientX, e.clientY);
      else tip.hidden = true;
    });
    canvas.addEventListener('mouseleave', function () { tip.hidden = true; });
    canvas.addEventListener('keydown', function (e) {
      var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (!moves[e.key]) return;
      e.preventDefault();
      var c = current || [0, 0];
      show(Math.max(0, Math.min(n - 1, c[0] + moves[e.key][0])), Math.max(0, Math.min(n - 1, c[1] + moves[e.key][1])));
    });
    canvas.addEventListener('focus', function () { if (!current) show(0, Math.min(1, n - 1)); });
  })();

  // ---- Splits table --------------------------------------------------------------------------------------------
  (function splits() {
    var table = document.getElementById('splits-table');
    if (!table) return;
    var s = data.splits, rows = s.rows, groups = s.groups, per = s.inferred ? 9 : 5;
    var body = table.tBodies[0], status = document.getElementById('splits-status');
    var pageInfo = document.getElementById('splits-page');
    var prev = document.getElementById('splits-prev'), next = document.getElementById('splits-next');
    var order = rows.map(function (_, i) { return i; }), page = 0, sortKey = 'date', sortDir = 1;
    var keys = {
      date: function (r) { return r[1]; },
      title: function (r) { return r[2].toLowerCase(); },
      tally: function (r) { return r[3]; },
      margin: function (r) { return r[6]; },
      outcome: function (r) { return r[7]; },
      line: function (r) { return r[8]; }
    };
    function sort(key, dir) {
      var f = keys[key];
      order.sort(function (a, b) {
        var x = f(rows[a]), y = f(rows[b]);
        // Unknown values go last whichever the direction.
        if (x === null || y === null) return x === null ? (y === null ? a - b : 1) : -1;
        if (x < y) return -dir;
        if (x > y) return dir;
        return a - b;
      });
      sortKey = key; sortDir = dir; page = 0;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        if (th.dataset.key && keys[th.dataset.key]) th.setAttribute('aria-sort', th.dataset.key === key ? (dir > 0 ? 'ascending' : 'descending') : 'none');
      });
      render();
    }
    var names = ['for', 'against', 'abstain', 'absent', 'unknown'];
    function bars(r) {
      var box = el('div', 'blocs'), counts = r[9];
      groups.forEach(function (g, gi) {
        var o = gi * per, seg = [];
        for (var v = 0; v < 4; v++) {
          seg.push([names[v], counts[o + v], false]);
          if (s.inferred) seg.push([names[v], counts[o + 5 + v], true]);
        }
        seg.push(['unknown', counts[o + 4], false]);
        var total = seg.reduce(function (t, x) { return t + x[1]; }, 0);
        var label = el('span', null, 'Bloc ' + g);
        label.style.borderLeft = '6px solid ' + colour(Number(g));
        label.style.paddingLeft = '3px';
        var bar = el('span', 'bar');
        var words = [];
        seg.forEach(function (x) {
          if (x[1] === 0) return;
          var i = el('i', 'v-' + x[0] + (x[2] ? ' inferred' : ''));
          i.style.width = (100 * x[1] / total) + '%';
          i.title = x[1] + ' ' + x[0] + (x[2] ? ' (inferred)' : '');
          bar.appendChild(i);
          words.push(x[1] + ' ' + { for: 'F', against: 'A', abstain: 'Ab', absent: '–', unknown: '?' }[x[0]] + (x[2] ? ' inf.' : ''));
        });
        bar.setAttribute('role', 'img');
        bar.setAttribute('aria-label', 'Bloc ' + g + ': ' + words.join(', '));
        box.appendChild(label);
        box.appendChild(bar);
        box.appendChild(el('span', 'counts', words.join(' · ')));
      });
      return box;
    }
    function tally(r) {
      if (r[3] === null && r[4] === null) return '—';
      return (r[3] === null ? '?' : r[3]) + '–' + (r[4] === null ? '?' : r[4]) + (r[5] === null ? '' : '–' + r[5]);
    }
    function render() {
      var size = s.pageSize, pages = Math.max(1, Math.ceil(order.length / size));
      page = Math.max(0, Math.min(page, pages - 1));
      var frag = document.createDocumentFragment();
      order.slice(page * size, (page + 1) * size).forEach(function (k) {
        var r = rows[k], tr = el('tr');
        tr.dataset.id = r[0];
        tr.appendChild(el('td', 'date', r[1] === null ? 'undated' : r[1]));
        var title = el('td', 'title');
        if (r[10].length > 0) {
          var det = el('details'), sum = el('summary', null, r[2]);
          det.appendChild(sum);
          r[10].forEach(function (src) {
            det.appendChild(el('blockquote', null, src[3]));
            det.appendChild(el('cite', null, (src[1] ? src[1] + ', ' : '') + src[0] + (src[2] === null ? '' : ', line ' + src[2])));
          });
          title.appendChild(det);
        } else {
          title.textContent = r[2];
        }
        tr.appendChild(title);
        tr.appendChild(el('td', 'num tally', tally(r)));
        tr.appendChild(el('td', 'num margin', r[6] === null ? '—' : r[6]));
        tr.appendChild(el('td', 'outcome', r[7]));
        tr.appendChild(el('td', 'num line', r[8] === null ? '—' : pct(r[8])));
        var b = el('td', 'blocs-cell');
        b.appendChild(bars(r));
        tr.appendChild(b);
        frag.appendChild(tr);
      });
      body.textContent = '';
      body.appendChild(frag);
      var from = order.length === 0 ? 0 : page * size + 1, to = Math.min(order.length, (page + 1) * size);
      var label = { date: 'date', title: 'title', tally: 'votes for', margin: 'margin', outcome: 'outcome', line: 'bloc line' }[sortKey];
      status.textContent = 'Motions ' + from + '–' + to + ' of ' + order.length + ', sorted by ' + label + (sortDir > 0 ? ' (ascending)' : ' (descending)') + '.';
      pageInfo.textContent = 'Page ' + (page + 1) + ' of ' + pages;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.dataset.key, button = th.querySelector('button');
      if (!button || !keys[key]) return;
      button.addEventListener('click', function () { sort(key, sortKey === key ? -sortDir : 1); });
    });
    prev.addEventListener('click', function () { page--; render(); });
    next.addEventListener('click', function () { page++; render(); });
    sort('date', 1);
  })();
})();
