#!/bin/bash
# The block shapes of docs/kernels.md, measured side by side in one JVM or one page.
#   src/scripts/kernel_shapes/measure.sh jvm|wasm|js ['only=D4x4|F5x2;rounds=5;shapes=128x193x32,32x128x512']
# Builds a scratch Maven project (generate.py writes every candidate kernel; Harness.java times them in
# interleaved rounds) in $WORK (default /tmp/kernel_shapes), then runs it on the JVM or in headless
# Chromium (served on 127.0.0.1:8765), printing one line of GFLOP/s (median of rounds, min-max) a shape.
# Names: D = dot form with its leftovers, F = dot form with 1x4 leftover rows (as MatMul),
# I = indices stepped, U = unrolled twice over k, A = axpy form.
set -e
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/kernel_shapes}
mkdir -p "$work/src/main/java/k" "$work/web"
cp "$here/pom.xml" "$work/"
cp "$here/Harness.java" "$work/src/main/java/k/"
cp "$here/wasm.html" "$here/js.html" "$work/web/"
cd "$work"
python3 "$here/generate.py"
mvn -q package
cp web/*.html target/site/
if [ "$1" = jvm ]; then
    exec java -cp target/classes k.Harness "$2"
fi
(cd target/site && exec python3 -m http.server 8765 --bind 127.0.0.1 > /dev/null 2>&1) &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
profile=$(mktemp -d)
timeout 900 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    "http://127.0.0.1:8765/$1.html#$2" 2>&1 | grep --line-buffered -o 'CONSOLE.*' \
    | sed -u 's/^CONSOLE[^"]*"//; s/", source.*//' | while read -r line; do
        echo "$line"
        if [ "$line" = done ]; then pkill -f "user-data-dir=$profile"; fi
    done
rm -rf "$profile"
