#!/usr/bin/env bash
# `make bench`: dangjian beside the peers (Wagtail, plain Django, nginx) on one corpus, in the same
# interleaved wrk rounds of ../shared/peers/run.sh, then search timing over 10,000 articles on
# SQLite and PostgreSQL, and import quality on tests/articles/import_corpus (bench/import_quality.py).
# Prints numbers; never passes or fails on time. Results: bench/results/.
#
# Knobs: BENCH_DIR (/tmp/dangjian-bench), PEERS_DURATION / PEERS_ROUNDS (passed through),
# BENCH_SEARCH_N (10000), BENCH_SKIP_PEERS=1 (only the search timing and query counts).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=$(cd "$ROOT/../shared/peers" && pwd)
RUN=${BENCH_DIR:-/tmp/dangjian-bench}
PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
RESULTS="$ROOT/bench/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
PORT_UNCACHED=18110
PORT_CACHED=18111
PORT_STATIC=18112
PORT_FLOOR=18113
SEARCH_N=${BENCH_SEARCH_N:-10000}
PG_DB=dangjian_bench

case "$RUN" in /tmp/*) ;; *) echo "BENCH_DIR must be under /tmp" >&2; exit 2 ;; esac

PIDS=()
cleanup() {
    set +e
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '\n== %s\n' "$*"; }

command -v nginx >/dev/null && command -v wrk >/dev/null || {
    log "installing nginx + wrk (Debian)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
}

# Production-like settings: DEBUG off, the page cache in Redis (as deployed), SQLite in WAL mode.
export DEBUG=false SECRET_KEY="bench-$(date +%s)-not-secret" ALLOWED_HOSTS="127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
export MEDIA_ROOT="$RUN/media" SITE_URL="http://127.0.0.1:$PORT_UNCACHED" CONN_MAX_AGE=600
export DATABASE_URL="sqlite:///$RUN/db.sqlite3"
unset STATIC_EXPORT_DIR
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/14} CACHE_KEY_PREFIX="bench-$$"
redis-cli -u "$REDIS_URL" flushdb >/dev/null 2>&1 || echo "Redis not reachable at $REDIS_URL: caches fall back to files" >&2

# A server left over on one of our ports would be measured instead of this code: refuse to start.
for port in $PORT_UNCACHED $PORT_CACHED $PORT_STATIC $PORT_FLOOR; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use (a left-over server?); stop it first: ss -ltnp | grep $port" >&2
        exit 2
    fi
done

rm -rf "$RUN" && mkdir -p "$RUN/nginx-tmp" "$RESULTS"
cd "$ROOT"

log "corpus (2000 articles, the peers' generator) and a fresh SQLite database"
python3 "$PEERS/gen_corpus.py" "$RUN/articles.json" 2000
"$PY" manage.py migrate -v0
"$PY" manage.py load_corpus "$RUN/articles.json"
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py publish_static "$RUN/public" --skip-collectstatic

# The middle article and list page, like the peers (article-1000, ?page=50).
read -r ARTICLE_ID SEARCH_Q < <("$PY" manage.py shell -c "
from articles.models import Article
from urllib.parse import quote
a = Article.objects.order_by('id')[999]
print(a.pk, quote('乡村振兴 党建'))" 2>/dev/null | tail -1)
LIST="/columns/township-news/?page=50"

log "query counts per page (page cache off)"
"$PY" bench/query_counts.py / /columns/township-news/ "$LIST" "/articles/$ARTICLE_ID/" \
    /townships/township-01/ /initiatives/ "/search/?q=$SEARCH_Q" | tee "$RUN/query_counts.md"

log "gunicorn (2 sync workers each): page cache off on :$PORT_UNCACHED, on on :$PORT_CACHED"
EXTRA=()
"$GUNICORN" --help 2>/dev/null | grep -q -- '--no-control-socket' && EXTRA+=(--no-control-socket)
export GUNICORN_ACCESSLOG=off
PAGE_CACHE=false "$GUNICORN" "${EXTRA[@]}" -c gunicorn.conf.py --workers 2 --worker-class sync \
    --bind "127.0.0.1:$PORT_UNCACHED" dangjian.wsgi:application >"$RUN/gunicorn-uncached.log" 2>&1 &
PIDS+=($!)
PAGE_CACHE=true "$GUNICORN" "${EXTRA[@]}" -c gunicorn.conf.py --workers 2 --worker-class sync \
    --bind "127.0.0.1:$PORT_CACHED" dangjian.wsgi:application >"$RUN/gunicorn-cached.log" 2>&1 &
PIDS+=($!)
# The floor: the same gunicorn settings serving a constant 11 KB page through Django, no middleware.
"$GUNICORN" "${EXTRA[@]}" -c gunicorn.conf.py --workers 2 --worker-class sync \
    --bind "127.0.0.1:$PORT_FLOOR" bench.floor:application >"$RUN/gunicorn-floor.log" 2>&1 &
PIDS+=($!)
sed -e "s#@RUN@#$RUN#g" -e "s#@PORT@#$PORT_STATIC#g" -e "s#@OUT@#$RUN/public#g" \
    -e "s#@APP@#127.0.0.1:$PORT_UNCACHED#g" bench/nginx-static.conf.tmpl >"$RUN/nginx.conf"
chmod -R a+rX "$RUN/public"
nginx -t -q -p "$RUN/" -e "$RUN/nginx-error.log" -c "$RUN/nginx.conf"
nginx -p "$RUN/" -e "$RUN/nginx-error.log" -c "$RUN/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
for url in "http://127.0.0.1:$PORT_UNCACHED/" "http://127.0.0.1:$PORT_CACHED/" "http://127.0.0.1:$PORT_STATIC/" \
    "http://127.0.0.1:$PORT_FLOOR/articles/1/"; do
    for _ in $(seq 1 60); do curl -sf -o /dev/null "$url" && break; sleep 0.5; done
done
for pid in "${PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "a server failed to start; see $RUN/*.log" >&2; exit 1; }
done

TARGETS="dangjian_detail=http://127.0.0.1:$PORT_UNCACHED/articles/$ARTICLE_ID/
dangjian_list=http://127.0.0.1:$PORT_UNCACHED$LIST
dangjian_cached=http://127.0.0.1:$PORT_CACHED/articles/$ARTICLE_ID/
dangjian_search=http://127.0.0.1:$PORT_UNCACHED/search/?q=$SEARCH_Q
dangjian_static=http://127.0.0.1:$PORT_STATIC/articles/$ARTICLE_ID/
dangjian_floor=http://127.0.0.1:$PORT_FLOOR/articles/$ARTICLE_ID/"
echo "$TARGETS"

if [ "${BENCH_SKIP_PEERS:-0}" != 1 ]; then
    log "peer harness with dangjian's targets in the same rounds"
    PEERS_EXTRA=$(echo "$TARGETS" | tr '\n' ' ') \
    PEERS_PAIRS="dangjian_detail:plain_detail dangjian_detail:wagtail_detail dangjian_list:plain_list dangjian_list:wagtail_list dangjian_cached:plain_detail dangjian_cached:dangjian_floor dangjian_static:nginx_static dangjian_search:plain_detail" \
    PEERS_RESULTS="$RUN/peers" bash "$PEERS/run.sh"
    cp "$RUN"/peers/summary-*.md "$RESULTS/peers-$STAMP.md"
fi
cleanup
PIDS=()

log "import quality on the real-structure corpus (dangjian beside GeneralNewsExtractor and trafilatura)"
"$PY" bench/import_quality.py | tee "$RUN/import-quality.md"

log "search timing over $SEARCH_N articles: SQLite"
python3 "$PEERS/gen_corpus.py" "$RUN/search.json" "$SEARCH_N"
export DATABASE_URL="sqlite:///$RUN/search.sqlite3"
"$PY" manage.py migrate -v0
"$PY" manage.py load_corpus "$RUN/search.json"
"$PY" bench/search_timing.py | tee "$RUN/search-sqlite.md"

log "search timing over $SEARCH_N articles: PostgreSQL"
if pg_isready -q -h 127.0.0.1 -p 5432; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >/dev/null
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$PG_DB"
    "$PY" manage.py migrate -v0
    "$PY" manage.py load_corpus "$RUN/search.json"
    psql -h 127.0.0.1 -U postgres -d "$PG_DB" -qc "VACUUM ANALYZE articles_article"
    "$PY" bench/search_timing.py | tee "$RUN/search-postgresql.md"
else
    echo "PostgreSQL is not running on 127.0.0.1:5432; skipped" | tee "$RUN/search-postgresql.md"
fi

{
    echo "# dangjian benchmark $STAMP ($(nproc) cores)"
    echo
    [ -f "$RESULTS/peers-$STAMP.md" ] && sed 's/^# /## /' "$RESULTS/peers-$STAMP.md" && echo
    echo "## dangjian SQL queries per page (2000 articles, page cache off)"
    echo
    cat "$RUN/query_counts.md"
    echo
    sed 's/^## /### /' "$RUN/search-sqlite.md"
    echo
    sed 's/^## /### /' "$RUN/search-postgresql.md"
    echo
    sed -e 's/^## /### /' -e 's/^# /## /' "$RUN/import-quality.md"
} >"$RESULTS/summary-$STAMP.md"
echo
echo "summary: bench/results/summary-$STAMP.md"
