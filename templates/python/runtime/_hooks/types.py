"""Hook types, shaped like Speakeasy's: a hook context per call, and one interface per hook point.

Register hooks in `registration.py` (yours: generated once, never overwritten)."""

from abc import ABC, abstractmethod
from typing import Any, Callable, List, Optional, Tuple, Union

import httpx


class HookContext:
    """What a hook knows of the call: the SDK's configuration, the server's base URL, the
    operation's id, its OAuth2 scopes and the credential option that secures it."""

    config: Any
    base_url: str
    operation_id: str
    oauth2_scopes: Optional[List[str]] = None
    security_source: Optional[Union[Any, Callable[[], Any]]] = None

    def __init__(
        self,
        config: Any,
        base_url: str,
        operation_id: str,
        oauth2_scopes: Optional[List[str]],
        security_source: Optional[Union[Any, Callable[[], Any]]],
    ):
        self.config = config
        self.base_url = base_url
        self.operation_id = operation_id
        self.oauth2_scopes = oauth2_scopes
        self.security_source = security_source


class BeforeRequestContext(HookContext):
    def __init__(self, hook_ctx: HookContext):
        super().__init__(
            hook_ctx.config,
            hook_ctx.base_url,
            hook_ctx.operation_id,
            hook_ctx.oauth2_scopes,
            hook_ctx.security_source,
        )


class AfterSuccessContext(HookContext):
    def __init__(self, hook_ctx: HookContext):
        super().__init__(
            hook_ctx.config,
            hook_ctx.base_url,
            hook_ctx.operation_id,
            hook_ctx.oauth2_scopes,
            hook_ctx.security_source,
        )


class AfterErrorContext(HookContext):
    def __init__(self, hook_ctx: HookContext):
        super().__init__(
            hook_ctx.config,
            hook_ctx.base_url,
            hook_ctx.operation_id,
            hook_ctx.oauth2_scopes,
            hook_ctx.security_source,
        )


class SDKInitHook(ABC):
    @abstractmethod
    def sdk_init(self, base_url: str, client: httpx.Client) -> Tuple[str, httpx.Client]:
        """Runs once, when the SDK object is made: may change its base URL or its httpx client."""


class BeforeRequestHook(ABC):
    @abstractmethod
    def before_request(
        self, hook_ctx: BeforeRequestContext, request: httpx.Request
    ) -> Union[httpx.Request, Exception]:
        """Runs before each attempt is sent (retries too): returns the request to send, or an
        exception to raise instead."""


class AfterSuccessHook(ABC):
    @abstractmethod
    def after_success(
        self, hook_ctx: AfterSuccessContext, response: httpx.Response
    ) -> Union[httpx.Response, Exception]:
        """Runs once on the final successful response: returns the response to use, or an exception
        to raise instead."""


class AfterErrorHook(ABC):
    @abstractmethod
    def after_error(
        self,
        hook_ctx: AfterErrorContext,
        response: Optional[httpx.Response],
        error: Optional[Exception],
    ) -> Union[Tuple[Optional[httpx.Response], Optional[Exception]], Exception]:
        """Runs after each attempt that failed: with its error response (4XX, 5XX), or with the
        error that left no response. Returns (response, error): an error is raised; else the
        response is used. Or an exception to raise."""


class Hooks(ABC):
    @abstractmethod
    def register_sdk_init_hook(self, hook: SDKInitHook) -> None: ...

    @abstractmethod
    def register_before_request_hook(self, hook: BeforeRequestHook) -> None: ...

    @abstractmethod
    def register_after_success_hook(self, hook: AfterSuccessHook) -> None: ...

    @abstractmethod
    def register_after_error_hook(self, hook: AfterErrorHook) -> None: ...
