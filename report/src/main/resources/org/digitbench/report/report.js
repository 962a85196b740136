// Draws the report's charts with Apache ECharts from the JSON in #chart-data, and makes tables sortable.
// Every chart element gets data-rendered="true" once ECharts has drawn it (the browser test waits for that).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var models = data.models;
  var charts = [];

  function chart(el, option) {
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.on('finished', function () { el.setAttribute('data-rendered', 'true'); });
    c.setOption(option);
    charts.push(c);
    return c;
  }
  function pct(v) { return (100 * v).toFixed(2) + '%'; }
  function byId(id) { return models.filter(function (m) { return m.id === id; })[0]; }
  var minAccuracy = Math.min.apply(null, models.map(function (m) { return m.low; }).concat([1]));
  var accuracyFloor = Math.max(0, Math.floor(minAccuracy * 50) / 50 - 0.02);

  var pareto = document.getElementById('chart-pareto');
  if (pareto && models.length) {
    var timed = models.filter(function (m) { return m.trainSeconds !== null && m.trainSeconds > 0; });
    var front = timed.filter(function (m) { return m.pareto; }).sort(function (a, b) { return a.trainSeconds - b.trainSeconds; });
    chart(pareto, {
      title: { text: 'Accuracy vs. training time', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { formatter: function (p) { var m = p.data.model; return m ? m.id + '<br>' + pct(m.accuracy) + ', ' + m.trainSeconds.toFixed(1) + ' s' : ''; } },
      grid: { left: 60, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'log', name: data.jmhTraining ? 'training time (s, JMH single shot, log scale)' : 'training time (s, wall clock, log scale)', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'accuracy', min: accuracyFloor, max: 1, axisLabel: { formatter: function (v) { return (100 * v).toFixed(0) + '%'; } } },
      series: [
        { type: 'scatter', symbolSize: 10, data: timed.map(function (m) { return { value: [m.trainSeconds, m.accuracy], model: m }; }),
          label: { show: true, position: 'right', fontSize: 10, formatter: function (p) { return p.data.model.id; } } },
        { type: 'line', name: 'Pareto front', step: 'end', symbol: 'emptyCircle', symbolSize: 16, lineStyle: { type: 'dashed' },
          data: front.map(function (m) { return { value: [m.trainSeconds, m.accuracy], model: m }; }) }
      ]
    });
  }

  var accuracy = document.getElementById('chart-accuracy');
  if (accuracy && models.length) {
    var ids = models.map(function (m) { return m.id; });
    chart(accuracy, {
      title: { text: 'Accuracy with 95% interval', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { formatter: function (p) { var m = models[p.dataIndex]; return m.id + '<br>' + pct(m.accuracy) + ' [' + pct(m.low) + ', ' + pct(m.high) + ']'; } },
      grid: { left: 60, right: 20, top: 40, bottom: 110 },
      xAxis: { type: 'category', data: ids, axisLabel: { rotate: 45, fontSize: 10 } },
      yAxis: { type: 'value', min: accuracyFloor, max: 1, axisLabel: { formatter: function (v) { return (100 * v).toFixed(0) + '%'; } } },
      series: [
        { type: 'scatter', symbolSize: 8, data: models.map(function (m) { return m.accuracy; }) },
        { type: 'custom', data: models.map(function (m, i) { return [i, m.low, m.high]; }),
          renderItem: function (params, api) {
            var lo = api.coord([api.value(0), api.value(1)]), hi = api.coord([api.value(0), api.value(2)]);
            var w = 6, style = { stroke: '#444', lineWidth: 1.5 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
              { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: style },
              { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: style } ] };
          } }
      ]
    });
  }

  // JMH scores as points with the 99.9% interval as error bars, on a log axis (bars would start at 1)
  function timingChart(el, title, unit, pick, interval) {
    var timed = models.filter(function (m) { return pick(m) !== null; })
      .sort(function (a, b) { return pick(a).score - pick(b).score; });
    if (!timed.length) { return; }
    el.style.height = Math.max(200, 80 + 28 * timed.length) + 'px';
    var ends = timed.map(function (m) { var t = pick(m); return t.low === null ? [t.score, t.score] : [Math.max(t.low, t.score / 1000), t.high]; });
    var lowest = Math.min.apply(null, ends.map(function (e) { return e[0]; }));
    var highest = Math.max.apply(null, ends.map(function (e) { return e[1]; }));
    chart(el, {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { formatter: function (p) { var t = pick(timed[p.dataIndex]); return timed[p.dataIndex].id + '<br>' + fmt(t.score) + ' ' + unit
        + (t.low !== null ? ' (' + interval + ' ' + fmt(Math.max(t.low, 0)) + ' – ' + fmt(t.high) + ')' : ''); } },
      grid: { left: 190, right: 40, top: 40, bottom: 40 },
      xAxis: { type: 'log', name: unit, nameLocation: 'middle', nameGap: 26,
        min: Math.pow(10, Math.floor(Math.log10(lowest))), max: Math.pow(10, Math.ceil(Math.log10(highest))) },
      yAxis: { type: 'category', data: timed.map(function (m) { return m.id; }), inverse: true },
      series: [
        { type: 'scatter', symbolSize: 9, data: timed.map(function (m, i) { return [pick(m).score, i]; }), itemStyle: { color: '#2166ac' } },
        { type: 'custom', data: ends.map(function (e, i) { return [i, e[0], e[1]]; }),
          renderItem: function (params, api) {
            var lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
            var h = 6, style = { stroke: '#444', lineWidth: 1.5 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
              { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style: style },
              { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style: style } ] };
          } }
      ]
    });
  }
  function fmt(v) { return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3); }
  var jmhTrain = document.getElementById('chart-jmh-train');
  if (jmhTrain) { timingChart(jmhTrain, 'Training time (JMH)', 's', function (m) { return m.jmhTrain; }, '95% interval over the seeds'); }
  var jmhBatch = document.getElementById('chart-jmh-batch');
  if (jmhBatch) { timingChart(jmhBatch, 'Batch prediction (JMH), per image', 'ms', function (m) { return m.jmhBatch; },
    'median, 95% interval'); }

  var bySize = document.getElementById('chart-jmh-sizes');
  var sized = models.filter(function (m) { return m.imagesPerSecondBySize && Object.keys(m.imagesPerSecondBySize).length; });
  if (bySize && sized.length) {
    chart(bySize, {
      title: { text: 'Images per second by images per call (JMH)', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>' + p.data[0] + ' per call: '
        + Math.round(p.data[1]).toLocaleString('en') + ' images/s'; } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 80 },
      xAxis: { type: 'log', name: 'images per call', nameLocation: 'middle', nameGap: 26, min: 1 },
      yAxis: { type: 'log', name: 'images/s' },
      series: sized.map(function (m) {
        return { name: m.id, type: 'line', symbolSize: 7, data: Object.keys(m.imagesPerSecondBySize)
          .map(function (k) { return [Number(k), m.imagesPerSecondBySize[k]]; })
          .sort(function (a, b) { return a[0] - b[0]; }) };
      })
    });
  } else if (bySize) {
    bySize.setAttribute('data-rendered', 'true');
  }

  var toAccuracy = document.getElementById('chart-time-to-accuracy');
  var stepwise = models.filter(function (m) { return m.history && m.history.some(function (e) { return e.validationAccuracy !== null; }); });
  if (toAccuracy && stepwise.length) {
    chart(toAccuracy, {
      title: { text: 'Validation accuracy against training time', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>epoch ' + p.data[2] + ': ' + pct(p.data[1])
        + ' after ' + p.data[0].toFixed(1) + ' s'; } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 80 },
      xAxis: { type: 'value', name: 'training time (s)', nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: { type: 'value', name: 'validation accuracy', scale: true, axisLabel: { formatter: function (v) { return (100 * v).toFixed(0) + '%'; } } },
      series: stepwise.map(function (m) {
        var elapsed = 0;
        return { name: m.id, type: 'line', symbolSize: 6, data: m.history.map(function (e) {
          elapsed += e.seconds; return [elapsed, e.validationAccuracy, e.epoch]; }).filter(function (d) { return d[1] !== null; }) };
      })
    });
  } else if (toAccuracy) {
    toAccuracy.setAttribute('data-rendered', 'true');
  }

  var reliability = document.getElementById('chart-reliability');
  var calibrated = models.filter(function (m) { return m.ece !== null && m.ece !== undefined && m.bins.length; });
  if (reliability && calibrated.length) {
    chart(reliability, {
      title: { text: 'Reliability diagram', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item', formatter: function (p) { return p.data.length === 3 ? p.seriesName + '<br>confidence '
        + pct(p.data[0]) + ', accuracy ' + pct(p.data[1]) + ' (' + p.data[2] + ' images)' : 'perfect calibration'; } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 80 },
      xAxis: { type: 'value', name: 'confidence', nameLocation: 'middle', nameGap: 26, min: 0, max: 1 },
      yAxis: { type: 'value', name: 'accuracy', min: 0, max: 1 },
      series: [{ name: 'perfect calibration', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none',
        lineStyle: { type: 'dashed', color: '#888' } }].concat(calibrated.map(function (m) {
        return { name: m.id + ' (ECE ' + m.ece.toFixed(3) + ')', type: 'line', symbolSize: 6, data: m.bins };
      }))
    });
  } else if (reliability) {
    reliability.setAttribute('data-rendered', 'true');
  }

  function heatmap(el, title, xLabels, yLabels, cells, max, fmt, colors) {
    return chart(el, {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { formatter: function (p) { return yLabels[p.data[1]] + ' / ' + xLabels[p.data[0]] + ': ' + fmt(p.data[2]); } },
      grid: { left: 150, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: xLabels, splitArea: { show: true } },
      yAxis: { type: 'category', data: yLabels, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: max, show: false, inRange: { color: colors } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, fontSize: 10, formatter: function (p) { return fmt(p.data[2]); } } }]
    });
  }
  var withClasses = models.find(function (m) { return m.perClassF1 && m.perClassF1.length; });
  var digits = (withClasses ? withClasses.perClassF1 : []).map(function (v, c) { return String(c); }); // the run's classes

  var f1 = document.getElementById('chart-f1');
  if (f1 && models.length) {
    f1.style.height = Math.max(200, 80 + 26 * models.length) + 'px';
    var cells = [];
    models.forEach(function (m, y) { m.perClassF1.forEach(function (v, x) { cells.push([x, y, v]); }); });
    var low = Math.min.apply(null, cells.map(function (c) { return c[2]; }));
    chart(f1, {
      title: { text: 'F1 per digit', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { formatter: function (p) { return models[p.data[1]].id + ', digit ' + p.data[0] + ': F1 ' + p.data[2].toFixed(4); } },
      grid: { left: 190, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: digits, position: 'top' },
      yAxis: { type: 'category', data: models.map(function (m) { return m.id; }), inverse: true },
      visualMap: { min: low, max: 1, show: false, inRange: { color: ['#f4a582', '#f7f7f7', '#92c5de', '#2166ac'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, fontSize: 10, formatter: function (p) { return p.data[2].toFixed(3); } } }]
    });
  }

  document.querySelectorAll('[data-chart="confusion"]').forEach(function (el) {
    var m = byId(el.getAttribute('data-model'));
    if (!m) { return; }
    var cells = [], max = 0;
    m.confusion.forEach(function (row, t) { row.forEach(function (n, p) { cells.push([p, t, n]); if (t !== p) { max = Math.max(max, n); } }); });
    heatmap(el, m.id, digits, digits, cells, Math.max(1, max), function (v) { return String(v); }, ['#ffffff', '#fdd49e', '#fc8d59', '#d7301f']);
  });

  var curves = document.getElementById('learning-curves');
  var trained = models.filter(function (m) { return m.history && m.history.length; });
  if (curves && trained.length) {
    var h = document.createElement('h3');
    h.textContent = 'Learning curves';
    curves.appendChild(h);
    trained.forEach(function (m) {
      var note = document.createElement('p');
      note.textContent = m.id + ': ' + m.history.length + ' epochs.';
      if (m.overfitting !== null) {
        var warn = document.createElement('span');
        warn.className = 'overfit';
        warn.textContent = ' Over-fitting: validation loss rose after epoch ' + m.overfitting + ' while training loss kept falling.';
        note.appendChild(warn);
      }
      curves.appendChild(note);
      var grid = document.createElement('div');
      grid.className = 'curves';
      curves.appendChild(grid);
      [['loss', 'trainLoss', 'validationLoss'], ['accuracy', 'trainAccuracy', 'validationAccuracy']].forEach(function (k) {
        var fig = document.createElement('figure');
        var el = document.createElement('div');
        el.className = 'chart learning-curve';
        el.setAttribute('data-chart', 'curve');
        fig.appendChild(el);
        grid.appendChild(fig);
        var epochs = m.history.map(function (e) { return e.epoch; });
        var series = [{ name: 'training', type: 'line', data: m.history.map(function (e) { return e[k[1]]; }) }];
        if (m.history[0][k[2]] !== null) {
          series.push({ name: 'validation', type: 'line', data: m.history.map(function (e) { return e[k[2]]; }),
            markLine: m.overfitting !== null && k[0] === 'loss' ? { symbol: 'none', label: { formatter: 'best' },
              data: [{ xAxis: String(m.overfitting) }] } : undefined });
        }
        chart(el, {
          title: { text: m.id + ' · ' + k[0], left: 'center', textStyle: { fontSize: 13 } },
          tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
          grid: { left: 60, right: 20, top: 36, bottom: 50 },
          xAxis: { type: 'category', data: epochs.map(String), name: 'epoch', nameLocation: 'middle', nameGap: 24 },
          yAxis: { type: 'value', scale: true },
          series: series
        });
      });
    });
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.querySelectorAll('table.sortable').forEach(function (t) { new Tablesort(t); });
  window.digitbenchCharts = charts.length;
})();
