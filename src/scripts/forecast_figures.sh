#!/bin/sh
# The figures of docs/forecast.md: test MASE on each built-in series after S seconds of training, on the
# command line (2 threads) and by the PyTorch peer (2 threads, the same model, settings and season), one
# run after the other. Run from the project's folder after `mvn -q package -DskipTests`:
#     sh src/scripts/forecast_figures.sh [JAR] [SECONDS...]
# (copy target/tearnn.jar elsewhere first if you build while it runs).
JAR=${1:-target/tearnn.jar}
shift 2>/dev/null
BUDGETS=${*:-30 120}
echo "series seconds tearnn-MASE pytorch-MASE last-value-MASE season"
for series in sunspots co2 elnino temperatures; do
  for s in $BUDGETS; do
    out=$(java -jar "$JAR" forecast --series $series --seconds $s --threads 2)
    season=$(echo "$out" | sed -n 's/.*season \([0-9]*\) (.*/\1/p' | head -1)
    ours=$(echo "$out" | tail -1 | awk '{print $3}')
    last=$(echo "$out" | tail -1 | sed 's/.*last value \([0-9.]*\)).*/\1/')
    peer=$(/usr/bin/python3 src/scripts/pytorch_forecast_peer.py --series $series --season $season --seconds $s --threads 2 | tail -1 | awk '{print $3}')
    echo "$series $s $ours $peer $last $season"
  done
done
