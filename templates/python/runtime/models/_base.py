"""The base of generated models (pydantic v2): wire aliases, the UNSET sentinel, extra properties."""

from enum import Enum
from typing import Any, Callable, Dict, List, Optional, Tuple, Type, TypeVar, Union

import pydantic
from pydantic import ConfigDict, model_serializer
from pydantic_core import core_schema
from typing_extensions import Annotated, NotRequired, TypedDict

T = TypeVar("T")


class Unset:
    """The type of UNSET: an argument or field that was not given. It is never sent, where None
    sends an explicit JSON null (for a nullable field)."""

    _instance: Optional["Unset"] = None

    def __new__(cls) -> "Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: Any) -> "Unset":
        return self

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: Any
    ) -> core_schema.CoreSchema:
        return core_schema.is_instance_schema(
            cls,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda _: None
            ),
        )


UNSET = Unset()


class _NullMarker:
    """Marks a field whose None is a value to send (JSON null), not 'left out'."""

    def __repr__(self) -> str:
        return "NULLABLE"


NULLABLE = _NullMarker()

Nullable = Annotated[Optional[T], NULLABLE]
"""A value that may be None: None is sent as JSON null."""
OptionalNullable = Annotated[Union[T, None, Unset], NULLABLE]
"""A field that may be left out (UNSET, the default: not sent) or set to None (sent as null)."""


class BaseModel(pydantic.BaseModel):
    """Base of every generated model.

    Fields take their Python names or their wire names. An optional field left out is not sent;
    a nullable one set to None is sent as null. Models whose schema allows extra properties keep
    them in `__pydantic_extra__` (also `additional_properties`)."""

    model_config = ConfigDict(
        populate_by_name=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
        defer_build=True,
    )

    @model_serializer(mode="wrap")
    def _serialize(self, handler: Any) -> Any:
        data = handler(self)
        if not isinstance(data, dict):
            return data
        # Only an optional field can be left out: UNSET, or None where None is not a value to send.
        for key, name, nullable in _optional_fields_of(type(self)):
            if key in data:
                current = getattr(self, name, UNSET)
                if current is UNSET or (current is None and not nullable):
                    del data[key]
        return data

    @property
    def additional_properties(self) -> Dict[str, Any]:
        """Properties the schema does not declare (models whose schema allows them)."""
        return self.__pydantic_extra__ or {}


_field_cache: Dict[type, List[Tuple[str, str, bool]]] = {}


def _optional_fields_of(cls: type) -> List[Tuple[str, str, bool]]:
    """A model's optional fields: (the key it serializes under, its name, whether None is sent as
    null), each under its wire name and its Python name (dumps by alias or not). Once per class."""
    cached = _field_cache.get(cls)
    if cached is None:
        fields = cls.model_fields  # type: ignore[attr-defined]
        # A wire name wins over another field's Python name of the same spelling.
        wire = {f.alias or n for n, f in fields.items()}
        cached = []
        for n, f in fields.items():
            if f.is_required():
                continue
            nullable = NULLABLE in f.metadata
            cached.append((f.alias or n, n, nullable))
            if n not in wire:
                cached.append((n, n, nullable))
        _field_cache[cls] = cached
    return cached


_adapters: Dict[Any, "pydantic.TypeAdapter[Any]"] = {}


def adapter(typ: Any) -> "pydantic.TypeAdapter[Any]":
    """A cached TypeAdapter: validation schemas are built once, on first use."""
    a = _adapters.get(typ)
    if a is None:
        a = _adapters[typ] = pydantic.TypeAdapter(typ)
    return a


def validate(typ: Type[T], value: Any) -> T:
    """`value` (a model, a dict of Python or wire names, a list...) as the type `typ`."""
    result: T = adapter(typ).validate_python(value)
    return result


def validate_json(typ: Type[T], body: Union[str, bytes]) -> T:
    """A JSON text as the type `typ` (read by pydantic: no Python objects in between)."""
    result: T = adapter(typ).validate_json(body)
    return result


def to_wire(typ: Any, value: Any) -> Any:
    """`value`, validated as `typ`, in its JSON shape (wire names; UNSET fields left out)."""
    return adapter(typ).dump_python(validate(typ, value), mode="json", by_alias=True)


def enum_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


class File(BaseModel):
    """A file to upload: its name, its content (bytes or a file object, streamed), its media type
    (guessed from the name when left out)."""

    file_name: str
    content: Any
    content_type: Optional[str] = None


class FileTypedDict(TypedDict):
    """The dict form of File."""

    file_name: str
    content: Any
    content_type: NotRequired[Optional[str]]


def discriminate(
    prop: str, tags: Dict[str, str], name: Optional[str] = None
) -> Callable[[Any], Optional[str]]:
    """The tag of a tagged union's member: from the discriminator's value in a dict (under its wire
    name `prop`, or its Python `name`), or the class of a model already built. None (no match) is a
    validation error."""

    def tag(value: Any) -> Optional[str]:
        if isinstance(value, pydantic.BaseModel):
            return type(value).__name__
        if isinstance(value, dict):
            v = value.get(prop, value.get(name) if name else None)
            return tags.get(str(enum_value(v))) if v is not None else None
        return None

    return tag


def open_enum(cls: Type[Enum]) -> Callable[[Any], Any]:
    """The validator of an open enum (`x-speakeasy-unknown-values: allow`): a known value becomes
    its member, an unknown one stays as it came instead of failing validation."""

    def validate_open(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        try:
            return cls(value)
        except ValueError:
            return value

    return validate_open


__all__ = [
    "UNSET",
    "BaseModel",
    "File",
    "FileTypedDict",
    "Nullable",
    "OptionalNullable",
    "Unset",
    "adapter",
    "discriminate",
    "open_enum",
    "to_wire",
    "validate",
]
