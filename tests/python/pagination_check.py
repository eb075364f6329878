"""Paginated operations of the Python SDK over real HTTP, sync and async: every kind through three
full pages and a last one, the stop rules, a repeated cursor, and retries per page. Run by
tests/pagination.test.ts with the fixture SDK (tests/fixtures/pagination) on sys.path."""

import asyncio
import json
import sys
from urllib.parse import parse_qs, urlsplit

from helpers import Reply, TestServer
from pages import SDK
from pages.models import SDKError
from pages.utils import BackoffStrategy, RetryConfig

server = TestServer()


def item(n):
    return {"id": f"i{n}", "display_name": f"Item {n}"}


def items(start, count):
    return [item(start + i) for i in range(count)]


def query(rec):
    return {k: v[-1] for k, v in parse_qs(urlsplit(rec.path).query).items()}


def sdk():
    return SDK(bearer="t", server_url=server.url, retry_config=RetryConfig("none"))


def by_offset(rec, n):
    offset = int(query(rec).get("offset", 0))
    return Reply(200, {"data": items(offset, 2 if offset < 6 else 1)})


def by_page(rec, n):
    page = int(query(rec).get("page", 1))
    return Reply(200, {"items": items(page * 10, 2), "page_info": {"total_pages": 4}})


def by_body_cursor(rec, n):
    token = rec.json().get("page_token", "")
    k = int(token[1:]) if token else 0
    return Reply(
        200,
        {"results": items(k, 1), "next": {"cursor": f"c{k + 1}"} if k < 3 else None},
    )


def by_query_cursor(rec, n):
    cursor = query(rec).get("cursor")
    k = int(cursor[1:]) if cursor else 0
    body = {"events": items(k, 1)}
    if k < 3:
        body["next_cursor"] = f"c{k + 1}"
    return Reply(200, body)


def by_url(rec, n):
    k = int(query(rec).get("n", 0))
    nxt = (
        "/linked?n=1"
        if k == 0
        else (f"{server.url}/linked?n={k + 1}" if k < 3 else None)
    )
    return Reply(200, {"entries": items(k, 1), "links": {"next": nxt}})


def by_link(rec, n):
    page = int(query(rec).get("page", 1))
    link = (
        f'<{server.url}/repos?per_page=1&page={page + 1}>; rel="next"'
        if page < 4
        else ""
    )
    return Reply(200, items(page, 1), headers={"link": link} if link else {})


def by_has_more(rec, n):
    after = query(rec).get("starting_after")
    k = int(after[1:]) + 1 if after else 0
    return Reply(
        200,
        {"object": "list", "url": "/charges", "data": items(k, 2), "has_more": k < 6},
    )


def sync_checks():
    s = sdk()
    server.reply(by_offset)
    res = s.items.list_items(kind="a")
    assert res is not None
    assert [x.display_name for x in res.result.data] == ["Item 0", "Item 1"]
    pages = []
    while res is not None:  # Speakeasy's documented loop
        pages.append(len(res.result.data))
        res = res.next()
    assert pages == [2, 2, 2, 1], pages
    assert [query(r) for r in server.requests] == [
        {"kind": "a"},
        {"kind": "a", "offset": "2"},
        {"kind": "a", "offset": "4"},
        {"kind": "a", "offset": "6"},
    ], [r.path for r in server.requests]
    assert all(r.headers["authorization"] == "Bearer t" for r in server.requests)

    server.reply(by_page)
    first = s.items.list_pages()
    assert first is not None
    assert [p.result.items[0].id for p in first] == ["i10", "i20", "i30", "i40"]
    assert [query(r).get("page", "") for r in server.requests] == ["", "2", "3", "4"]

    server.reply(by_body_cursor)
    first = s.items.search_items(query="q")
    assert first is not None
    assert [x.id for x in first.items()] == ["i0", "i1", "i2", "i3"]
    assert [r.json() for r in server.requests] == [
        {"query": "q"},
        {"query": "q", "page_token": "c1"},
        {"query": "q", "page_token": "c2"},
        {"query": "q", "page_token": "c3"},
    ]

    server.reply(by_query_cursor)
    first = s.events.list_events()
    assert first is not None and len(list(first)) == 4
    server.reply(
        lambda rec, n: Reply(200, {"events": items(0, 1), "next_cursor": "same"})
    )
    first = s.events.list_events()
    assert first is not None
    try:
        list(first)
        raise AssertionError("a repeated cursor was followed")
    except SDKError as e:
        assert "same next page twice" in str(e), str(e)
    assert len(server.requests) == 2

    # A server that ignores the offset or page number: the same full page again is an error, not a loop.
    server.reply(lambda rec, n: Reply(200, {"data": items(0, 2)}))
    first = s.items.list_items()
    assert first is not None
    try:
        list(first)
        raise AssertionError("a repeated page was followed")
    except SDKError as e:
        assert "same page 5 times" in str(e), str(e)
    assert [query(r).get("offset", "") for r in server.requests] == [
        "",
        "2",
        "4",
        "6",
        "8",
    ]
    server.reply(
        lambda rec, n: Reply(
            200, {"items": items(10, 2), "page_info": {"total_pages": 9}}
        )
    )
    first = s.items.list_pages()
    assert first is not None
    try:
        list(first)
        raise AssertionError("a repeated page was followed")
    except SDKError as e:
        assert "same page 5 times" in str(e), str(e)
    assert len(server.requests) == 5

    server.reply(by_url)
    first = s.events.list_linked()
    assert first is not None
    assert [p.result.entries[0].id for p in first] == ["i0", "i1", "i2", "i3"]
    assert [r.path for r in server.requests] == [
        "/linked",
        "/linked?n=1",
        "/linked?n=2",
        "/linked?n=3",
    ]
    server.reply(
        lambda rec, n: Reply(
            200,
            {
                "entries": [item(0)],
                "links": {"next": "https://elsewhere.example.com/x"},
            },
        )
    )
    first = s.events.list_linked()
    assert first is not None
    try:
        first.next()
        raise AssertionError("a next page at another origin was followed")
    except SDKError as e:
        assert "another origin" in str(e), str(e)

    server.reply(by_link)
    first = s.repos.list_repos(per_page=1)
    assert first is not None
    assert [r.id for r in first.items()] == ["i1", "i2", "i3", "i4"]

    server.reply(by_has_more)
    first = s.charges.list_charges(limit=2)
    assert first is not None and len(list(first)) == 4
    assert [query(r).get("starting_after", "") for r in server.requests] == [
        "",
        "i1",
        "i3",
        "i5",
    ]

    # Retries and the call's options apply to every page's request.
    def flaky(rec, n):
        if n == 2:
            return Reply(503, {})
        offset = int(query(rec).get("offset", 0))
        return Reply(200, {"data": items(offset, 2 if offset < 2 else 0)})

    server.reply(flaky)
    policy = RetryConfig("backoff", BackoffStrategy(1, 2, 1, 2000), False)
    s2 = SDK(bearer="t", server_url=server.url)
    s2._client.retry_codes = ["503"]
    first = s2.items.list_items(retries=policy, http_headers={"x-trace": "abc"})
    assert first is not None and len(list(first)) == 2
    assert [
        (query(r).get("offset", ""), r.headers.get("x-trace")) for r in server.requests
    ] == [
        ("", "abc"),
        ("2", "abc"),
        ("2", "abc"),
    ], [r.path for r in server.requests]


async def async_checks():
    s = sdk()
    server.reply(by_offset)
    res = await s.items.list_items_async(kind="a")
    sizes = []
    while res is not None:
        sizes.append(len(res.result.data))
        res = await res.next()
    assert sizes == [2, 2, 2, 1], sizes

    server.reply(by_body_cursor)
    first = await s.items.search_items_async(query="q")
    assert first is not None
    assert [x.id async for x in first.items()] == ["i0", "i1", "i2", "i3"]

    server.reply(by_link)
    first = await s.repos.list_repos_async(per_page=1)
    assert first is not None
    assert [p.result[0].id async for p in first] == ["i1", "i2", "i3", "i4"]

    server.reply(lambda rec, n: Reply(200, {"data": items(0, 2)}))
    first = await s.items.list_items_async()
    assert first is not None
    try:
        async for _ in first:
            pass
        raise AssertionError("a repeated page was followed")
    except SDKError as e:
        assert "same page 5 times" in str(e)

    server.reply(
        lambda rec, n: Reply(200, {"events": items(0, 1), "next_cursor": "same"})
    )
    first = await s.events.list_events_async()
    assert first is not None
    try:
        async for _ in first:
            pass
        raise AssertionError("a repeated cursor was followed")
    except SDKError as e:
        assert "same next page twice" in str(e)


sync_checks()
asyncio.run(async_checks())
server.close()
print("ok")
sys.stdout.flush()
