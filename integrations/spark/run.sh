#!/usr/bin/env bash
# Installs what the Spark integration test needs, if missing, and runs it:
#   Java (Debian's default-jre-headless), a virtual env in .cache/spark-venv with pyspark and
#   pytest, then pytest -q integrations/spark/test_spark.py. Arguments go to pytest.
# The segfilter binary: $SEGFILTER, else .build/release/segfilter, else .build/debug/segfilter;
# the test is skipped when there is none (build one first: swift build -c release).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
say() { echo "spark: $* ($((SECONDS - start)) s)"; }

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
apt_install() {
  say "apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${apt_updated:-}" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  # Debian's JRE post-install fails in images without man directories.
  $SUDO mkdir -p /usr/share/man/man1
  $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v java >/dev/null 2>&1; then
  apt_install default-jre-headless
fi
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
say "java ${java_major:-?}: $(command -v java)"
pyspark_req=pyspark
if [ -n "$java_major" ] && [ "$java_major" -lt 17 ]; then
  pyspark_req='pyspark>=3.5,<4'   # Spark 4 needs Java 17
  say "Java older than 17: using $pyspark_req"
fi

command -v python3 >/dev/null 2>&1 || apt_install python3
python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv

VENV=.cache/spark-venv
if ! "$VENV/bin/python" -c 'import pyspark, pytest' 2>/dev/null; then
  say "creating $VENV and installing $pyspark_req pytest (pip)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$pyspark_req" pytest
fi
say "pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)') in $VENV"

export PYSPARK_PYTHON="$PWD/$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$PWD/$VENV/bin/python"
export PYTHONDONTWRITEBYTECODE=1
say "pytest -q integrations/spark/test_spark.py${SEGFILTER:+ (SEGFILTER=$SEGFILTER)}"
status=0
"$VENV/bin/python" -m pytest -q -p no:cacheprovider -rs integrations/spark/test_spark.py "$@" || status=$?
say "done, exit status $status"
exit $status
