"""A user's `_hooks/registration.py`, as the hooks suite installs it into its SDK before generating:
hooks that record what they see, pin an API-version header, and turn a 404 into the user's error."""

from typing import Any, List, Optional, Tuple, Union

import httpx

from .types import (
    AfterErrorContext,
    AfterErrorHook,
    AfterSuccessContext,
    AfterSuccessHook,
    BeforeRequestContext,
    BeforeRequestHook,
    Hooks,
    SDKInitHook,
)

CALLS: List[Tuple[Any, ...]] = []


class TokenNotFound(LookupError):
    pass


class Init(SDKInitHook):
    def sdk_init(self, base_url: str, client: httpx.Client) -> Tuple[str, httpx.Client]:
        CALLS.append(("init", base_url))
        return base_url, client


class ApiVersion(BeforeRequestHook):
    def before_request(
        self, hook_ctx: BeforeRequestContext, request: httpx.Request
    ) -> Union[httpx.Request, Exception]:
        CALLS.append(
            (
                "before",
                hook_ctx.operation_id,
                hook_ctx.base_url,
                hook_ctx.security_source,
            )
        )
        request.headers["Clerk-API-Version"] = "2025-11-10"
        return request


class RewriteNotFound(AfterErrorHook):
    def after_error(
        self,
        hook_ctx: AfterErrorContext,
        response: Optional[httpx.Response],
        error: Optional[Exception],
    ) -> Union[Tuple[Optional[httpx.Response], Optional[Exception]], Exception]:
        CALLS.append(
            (
                "error",
                response.status_code if response is not None else type(error).__name__,
            )
        )
        if response is not None and response.status_code == 404:
            return None, TokenNotFound(f"{hook_ctx.operation_id}: no such token")
        return response, error


class Success(AfterSuccessHook):
    def after_success(
        self, hook_ctx: AfterSuccessContext, response: httpx.Response
    ) -> Union[httpx.Response, Exception]:
        CALLS.append(("success", response.status_code))
        return response


def init_hooks(hooks: Hooks) -> None:
    hooks.register_sdk_init_hook(Init())
    hooks.register_before_request_hook(ApiVersion())
    hooks.register_after_error_hook(RewriteNotFound())
    hooks.register_after_success_hook(Success())
