"""Nested groups of the Python SDK over real HTTP, sync and async: `sdk.beta.conversations.entries`
reaches its operation, a parent keeps its own methods beside its children, and a nested group named
like a top-level one (`beta.agents` beside `agents`) is its own class. Run by
tests/fixture-http.test.ts with the fixture SDK (tests/fixtures/nested-groups) on sys.path."""

import asyncio
import json

from helpers import Reply, TestServer
from groups import SDK
from groups.agents import Agents
from groups.betaagents import BetaAgents

server = TestServer()
server.reply(lambda rec, n: Reply(200, [f"{rec.method} {rec.path}"]))
results = {}
with SDK(server_url=server.url) as sdk:
    results["entries"] = sdk.beta.conversations.entries.list(id="conv_1")
    server.reply(lambda rec, n: Reply(200, {"id": "conv_2"}))
    results["start"] = sdk.beta.conversations.start(inputs="Hi").id
    results["start_body"] = json.loads(server.requests[0].body)
    server.reply(lambda rec, n: Reply(200, {"enabled": True}))
    results["status"] = sdk.beta.status().enabled
    server.reply(lambda rec, n: Reply(200, [{"id": rec.path}]))
    results["agents"] = sdk.agents.list()[0].id
    results["beta_agents"] = sdk.beta.agents.list()[0].id
    results["classes"] = [
        type(sdk.agents) is Agents,
        type(sdk.beta.agents) is BetaAgents,
    ]


async def main() -> None:
    server.reply(lambda rec, n: Reply(200, [f"{rec.method} {rec.path}"]))
    async with SDK(server_url=server.url) as sdk:
        results["entries_async"] = await sdk.beta.conversations.entries.list_async(
            id="conv_9"
        )


asyncio.run(main())
server.close()
print(json.dumps(results))
