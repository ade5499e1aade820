"""A middleware that counts the requests reaching it: put below the page cache, it shows which
requests the cache answered before the rest of the stack ran."""

seen = []


class CountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seen.append(request.path)
        return self.get_response(request)
