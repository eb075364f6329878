"""Hooks: see types.py for the hook points and registration.py (yours) to register them."""

from .sdkhooks import SDKHooks
from .types import (
    AfterErrorContext,
    AfterErrorHook,
    AfterSuccessContext,
    AfterSuccessHook,
    BeforeRequestContext,
    BeforeRequestHook,
    HookContext,
    Hooks,
    SDKInitHook,
)

__all__ = [
    "AfterErrorContext",
    "AfterErrorHook",
    "AfterSuccessContext",
    "AfterSuccessHook",
    "BeforeRequestContext",
    "BeforeRequestHook",
    "HookContext",
    "Hooks",
    "SDKHooks",
    "SDKInitHook",
]
