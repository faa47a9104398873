'use strict';
// workbook's partial plotly.js bundle: plotly's core (which has the `scatter` trace) with the two other trace
// types the workbook's charts draw (workbook/charts/common.py TRACE_TYPES: bar, scattergeo). No official
// partial bundle has all three (basic: scatter, bar, pie; geo: scatter, scattergeo, choropleth).
var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/scattergeo')]);

module.exports = Plotly;
