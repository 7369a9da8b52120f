// Campaign page: burst timeline and 归属地 distribution (ECharts), entity graph (Cytoscape.js).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("campaign-data").textContent);
  var font = "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif";
  if (window.echarts) {
    var tl = echarts.init(document.getElementById("timeline-chart"));
    tl.setOption({
      textStyle: {fontFamily: font}, tooltip: {trigger: "axis"}, grid: {left: 40, right: 16, top: 16, bottom: 60},
      xAxis: {type: "category", data: data.timeline.labels, axisLabel: {rotate: 30}},
      yAxis: {type: "value", minInterval: 1},
      dataZoom: data.timeline.labels.length > 48 ? [{type: "inside"}, {type: "slider"}] : [],
      series: [{type: "bar", data: data.timeline.counts, itemStyle: {color: "#b42318"}}]
    });
    var geo = data.geo.slice(0, 20);
    var gc = echarts.init(document.getElementById("geo-chart"));
    gc.setOption({
      textStyle: {fontFamily: font}, tooltip: {}, grid: {left: 110, right: 24, top: 10, bottom: 24},
      xAxis: {type: "value", minInterval: 1},
      yAxis: {type: "category", data: geo.map(function (g) { return g.region; }).reverse()},
      series: [{type: "bar", data: geo.map(function (g) { return g.count; }).reverse(), itemStyle: {color: "#1f5fbf"}}]
    });
    window.addEventListener("resize", function () { tl.resize(); gc.resize(); });
  }
  if (window.cytoscape) {
    var cy = cytoscape({
      container: document.getElementById("graph"),
      elements: data.graph.nodes.concat(data.graph.edges),
      wheelSensitivity: 0.3,
      style: [
        {selector: "node", style: {"label": "", "width": 10, "height": 10, "background-color": "#4e79a7", "font-size": 9}},
        {selector: "node[type = 'indicator']", style: {"label": "data(label)", "width": 22, "height": 22, "background-color": "#f28e2b"}},
        {selector: "node[type = 'organizer']", style: {"label": "data(label)", "width": 30, "height": 30, "background-color": "#e15759", "font-weight": "bold"}},
        {selector: "node:selected", style: {"label": "data(label)", "border-width": 2, "border-color": "#111"}},
        {selector: "edge", style: {"width": 1, "line-color": "#c5ccd6"}}
      ],
      layout: {name: "cose", animate: false, nodeRepulsion: 8000, idealEdgeLength: 60, randomize: true}
    });
    cy.on("tap", "node[type = 'complaint']", function (evt) {
      window.location = "/complaints/" + encodeURIComponent(evt.target.data("label"));
    });
    cy.on("tap", "node[type = 'organizer']", function (evt) {  // its indicator page (信息库)
      var href = evt.target.data("href");
      if (href) window.location = href;
    });
    window.__cy = cy;
  }
})();
