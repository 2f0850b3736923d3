// Every htmx request carries the page's CSRF token; charts are drawn from the JSON beside them.
(function () {
  'use strict';
  document.addEventListener('htmx:configRequest', function (e) {
    var m = document.querySelector('meta[name="csrf-token"]');
    if (m) { e.detail.headers['X-CSRF-Token'] = m.content; }
  });

  var loading = null;
  function withCharts(then) {
    if (window.echarts) { then(); return; }
    if (!loading) {
      loading = new Promise(function (resolve) {
        var s = document.createElement('script');
        s.src = '/assets/echarts.min.js';
        s.onload = resolve;
        document.head.appendChild(s);
      });
    }
    loading.then(then);
  }

  function draw(root) {
    var boxes = (root || document).querySelectorAll('[data-chart]:not([data-drawn])');
    if (boxes.length === 0) { return; }
    withCharts(function () {
      boxes.forEach(function (box) {
        var data = JSON.parse(box.getAttribute('data-chart'));
        var names = JSON.parse(box.getAttribute('data-names') || '{}');
        box.setAttribute('data-drawn', 'true');
        if (!data.series && data.labels.length > 8) { drawLong(box, data); return; }
        var chart = window.echarts.init(box, null, { renderer: 'svg' });
        chart.setOption({
          animation: false,
          tooltip: {},
          grid: { left: 48, right: 16, top: 16, bottom: data.series ? 64 : 40 },
          xAxis: { type: 'category', data: data.labels },
          yAxis: { type: 'value', name: data.unit || '' },
          legend: data.series ? { bottom: 0 } : undefined,
          series: data.series ? data.series.map(function (s) {
            return { type: s.type, name: names[s.name] || s.name, data: s.values, symbolSize: 9, connectNulls: false,
              showSymbol: s.type === 'scatter', itemStyle: s.color ? { color: s.color } : undefined };
          }) : [{ type: 'bar', data: data.values, name: data.title }]
        });
      });
    });
  }

  // A table of many cells (a registry report's): horizontal bars, one line per cell, every label shown.
  function drawLong(box, data) {
    box.style.height = Math.max(260, 22 * data.labels.length + 40) + 'px';
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: {},
      grid: { left: 16, right: 24, top: 8, bottom: 24, containLabel: true },
      yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { interval: 0 } },
      xAxis: { type: 'value' },
      series: [{ type: 'bar', data: data.values, name: data.title }]
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (e) { draw(e.target); });
})();
