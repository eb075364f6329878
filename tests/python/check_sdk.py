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
    for module in modules:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            if issubclass(cls, pydantic.BaseModel):
                try:
                    # A model whose annotations all resolved is built on import; rebuilding only the others
                    # still raises for one that cannot resolve.
                    cls.model_rebuild()
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
