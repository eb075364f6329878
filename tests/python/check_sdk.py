"""Imports a generated Python SDK whole: every module compiles and imports, every pydantic model builds
its schema (each annotation resolves), and every method's signature resolves. Prints one JSON line.

    python check_sdk.py SRC PACKAGE [SRC PACKAGE ...]

Several SDKs are checked in one process (one line each): Python and pydantic start once.
"""

import importlib
import inspect
import json
import pkgutil
import sys
import time
import typing

import pydantic


def build(cls: type, built: set, path: tuple = ()) -> None:
    """Builds a model's schema (the SDK defers it to first use), the models its fields name first.

    Every annotation must resolve and every schema build. Children first, because pydantic reuses a
    built model's schema inside its parents' but builds an unbuilt one again inline for each parent:
    GitHub's 5,000 models took twice as long in name order.
    """
    if cls in built or cls in path:
        return
    hints = typing.get_type_hints(cls, include_extras=True)
    for hint in hints.values():
        for model in named_models(hint):
            build(model, built, path + (cls,))
    cls.model_rebuild()
    built.add(cls)


def named_models(hint: object) -> list:
    if isinstance(hint, type) and issubclass(hint, pydantic.BaseModel):
        return [hint]
    return [m for arg in typing.get_args(hint) for m in named_models(arg)]


def check(src: str, name: str) -> None:
    sys.path.insert(0, src)
    errors = []
    started = time.monotonic()
    # (No compileall: every module is imported below, so a syntax error is an import error, and
    # compiling each file twice cost seconds on the largest SDKs.)
    pkg = importlib.import_module(name)
    import_ms = (time.monotonic() - started) * 1000
    modules = [pkg]
    for info in pkgutil.walk_packages(pkg.__path__, name + "."):
        try:
            modules.append(importlib.import_module(info.name))
        except Exception as e:  # noqa: BLE001 - reported, not raised
            errors.append(f"import {info.name}: {type(e).__name__}: {e}")
    models = 0
    methods = 0
    built: set[type] = set()
    for module in modules:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            if issubclass(cls, pydantic.BaseModel):
                try:
                    build(cls, built)
                    models += 1
                except Exception as e:  # noqa: BLE001
                    errors.append(f"model {cls.__qualname__}: {type(e).__name__}: {e}")
            elif module.__name__.count(".") == 1 and cls.__init__.__code__.co_varnames[
                1:2
            ] == ("client",):
                for method_name, fn in inspect.getmembers(cls, inspect.isfunction):
                    if method_name.startswith("_"):
                        continue
                    try:
                        typing.get_type_hints(fn, vars(module))
                        methods += 1
                    except Exception as e:  # noqa: BLE001
                        errors.append(
                            f"method {cls.__name__}.{method_name}: {type(e).__name__}: {e}"
                        )
    print(
        json.dumps(
            {
                "errors": errors[:50],
                "models": models,
                "methods": methods,
                "import_ms": round(import_ms),
            }
        )
    )


args = sys.argv[1:]
for i in range(0, len(args), 2):
    check(args[i], args[i + 1])
