"""Your hooks. specsmith generates this file once and never overwrites it: it is yours to edit.

Register hooks in `init_hooks`; they run for every call of the SDK object they are registered on.
For example, a header on every request (before-request hooks run on each attempt, retries too):

    from .types import BeforeRequestContext, BeforeRequestHook

    class ApiVersion(BeforeRequestHook):
        def before_request(self, hook_ctx: BeforeRequestContext, request: httpx.Request) -> httpx.Request:
            request.headers["Api-Version"] = "2024-10-01"
            return request

    def init_hooks(hooks: Hooks) -> None:
        hooks.register_before_request_hook(ApiVersion())

The hook points are in types.py: sdk_init, before_request, after_success, after_error.
"""

from .types import Hooks


def init_hooks(hooks: Hooks) -> None:
    """Called once for each SDK object, with the hooks it will run."""
