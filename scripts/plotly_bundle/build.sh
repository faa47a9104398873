#!/bin/sh
# Rebuild the partial plotly.js bundle the explorer draws with (workbook/widgets/static/plotly-workbook.min.js)
# from the plotly.js npm package (MIT), with esbuild. Development time only: run from this folder, e.g.
#   sh build.sh            (needs node and npm; fetches plotly.js and esbuild from the npm registry)
# Update "plotly.js" in package.json with the plotly.js version of the Python plotly package
# (`python -c "from workbook.widgets.assets import plotly_asset; print(plotly_asset().key)"`) and, if the
# charts draw a new trace type (workbook/charts/common.py TRACE_TYPES), register it in entry.js and in
# workbook/widgets/assets.py BUNDLE_TRACES.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
static="$here/../../workbook/widgets/static"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/entry.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --ignore-scripts --engine-strict=false >/dev/null
version=$(node -p "require('plotly.js/package.json').version")
# The same settings as plotly.js's own bundles (its esbuild-config.js), minified; maplibre's CSS (for `map`
# traces, not registered here) left out; licence comments of the bundled packages kept at the end.
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
  --define:global=window --define:define.amd=false --define:process.env.NODE_DEBUG=false \
  --loader:.css=empty --legal-comments=eof \
  --banner:js="/**
* plotly.js v$version (workbook partial bundle: scatter, bar, scattergeo; built from the plotly.js npm package with esbuild)
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/" \
  --outfile="$static/plotly-workbook.min.js"
cp node_modules/plotly.js/LICENSE "$static/plotly.js-LICENSE.txt"
echo "wrote $static/plotly-workbook.min.js (plotly.js $version)"
