"""SQL queries per public page, cold (empty cache) and warm, with the page cache off. Prints a table."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangjian.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

settings.PAGE_CACHE = False


def main(urls):
    client = Client(HTTP_HOST="127.0.0.1")
    cache.clear()
    print("| page | cold | warm |")
    print("|---|---:|---:|")
    for url in urls:
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            counts.append(len(captured))
        print(f"| `{url}` ({status}) | {counts[0]} | {counts[1]} |")


if __name__ == "__main__":
    main(sys.argv[1:])
