"""The base of generated models: keyword construction, mapping to and from the wire format."""

from enum import Enum
from typing import Any, Callable, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar, Union

M = TypeVar("M", bound="Model")


class Codec:
    """Converts one value between the SDK's Python shape and its JSON wire shape."""

    def to_wire(self, value: Any) -> Any:
        return value

    def from_wire(self, value: Any) -> Any:
        return value

    def coerce(self, value: Any) -> Any:
        """Accepts what users pass (e.g. a dict for a model) and returns the SDK shape."""
        return value


ANY = Codec()


class _ModelCodec(Codec):
    def __init__(self, get: Callable[[], Type["Model"]]):
        self.get = get

    def to_wire(self, value: Any) -> Any:
        return self.get().coerce(value).to_wire()

    def from_wire(self, value: Any) -> Any:
        return self.get().from_wire(value)

    def coerce(self, value: Any) -> Any:
        return self.get().coerce(value)


class _EnumCodec(Codec):
    def __init__(self, get: Callable[[], Type[Enum]]):
        self.get = get

    def to_wire(self, value: Any) -> Any:
        return value.value if isinstance(value, Enum) else value

    def from_wire(self, value: Any) -> Any:
        # Open enums: a value the SDK does not know yet stays as it came.
        try:
            return self.get()(value)
        except ValueError:
            return value

    coerce = from_wire


class _ListCodec(Codec):
    def __init__(self, items: Codec):
        self.items = items

    def to_wire(self, value: Any) -> Any:
        return [self.items.to_wire(v) for v in value]

    def from_wire(self, value: Any) -> Any:
        return [self.items.from_wire(v) for v in value]

    def coerce(self, value: Any) -> Any:
        return [self.items.coerce(v) for v in value]


class _DictCodec(Codec):
    def __init__(self, values: Codec):
        self.values = values

    def to_wire(self, value: Any) -> Any:
        return {k: self.values.to_wire(v) for k, v in value.items()}

    def from_wire(self, value: Any) -> Any:
        return {k: self.values.from_wire(v) for k, v in value.items()}

    def coerce(self, value: Any) -> Any:
        return {k: self.values.coerce(v) for k, v in value.items()}


class _NullableCodec(Codec):
    def __init__(self, inner: Codec):
        self.inner = inner

    def to_wire(self, value: Any) -> Any:
        return None if value is None else self.inner.to_wire(value)

    def from_wire(self, value: Any) -> Any:
        return None if value is None else self.inner.from_wire(value)

    def coerce(self, value: Any) -> Any:
        return None if value is None else self.inner.coerce(value)


class _UnionCodec(Codec):
    """A oneOf/anyOf: the member is told by discriminator, else by the required keys present."""

    def __init__(self, variants: List[Tuple[List[str], Optional[str], List[str], Codec]], arrays: Optional[Codec] = None):
        self.variants = variants
        self.arrays = arrays

    def _pick(self, value: Any, keys_of: Callable[[List[str]], List[str]]) -> Optional[Codec]:
        if isinstance(value, list):
            return self.arrays
        if not isinstance(value, dict):
            return None
        for _, prop, tags, codec in self.variants:
            if prop is not None and str(value.get(prop)) in tags:
                return codec
        best: Optional[Tuple[int, Codec]] = None
        for keys, _, _, codec in self.variants:
            names = keys_of(keys)
            if all(k in value for k in names) and (best is None or len(names) > best[0]):
                best = (len(names), codec)
        return best[1] if best else None

    def to_wire(self, value: Any) -> Any:
        if isinstance(value, Model):
            return value.to_wire()
        codec = self._pick(value, lambda keys: keys)
        return codec.to_wire(value) if codec else value

    def from_wire(self, value: Any) -> Any:
        codec = self._pick(value, lambda keys: keys)
        return codec.from_wire(value) if codec else value

    def coerce(self, value: Any) -> Any:
        if isinstance(value, Model):
            return value
        codec = self._pick(value, lambda keys: keys)
        return codec.coerce(value) if codec else value


def union_of(variants: List[Tuple[List[str], Optional[str], List[str], Codec]], arrays: Optional[Codec] = None) -> Codec:
    return _UnionCodec(variants, arrays)


def model(get: Callable[[], Type["Model"]]) -> Codec:
    return _ModelCodec(get)


def enum(get: Callable[[], Type[Enum]]) -> Codec:
    return _EnumCodec(get)


def list_of(items: Codec) -> Codec:
    return _ListCodec(items)


def dict_of(values: Codec) -> Codec:
    return _DictCodec(values)


def nullable(inner: Codec) -> Codec:
    return _NullableCodec(inner)


class Field:
    """One declared property: its Python name, its wire name, whether it is required, its codec.

    A read-only property is never sent; a required one is not required when building a request.
    """

    __slots__ = ("name", "wire", "required", "codec", "read_only")

    def __init__(self, name: str, wire: str, required: bool, codec: Codec = ANY, read_only: bool = False):
        self.name = name
        self.wire = wire
        self.required = required
        self.codec = codec
        self.read_only = read_only


class Model:
    """Base of every generated model.

    Optional fields left out are None and are not sent. Models whose schema allows extra
    properties keep them in `additional_properties`, sent and received as they are.
    """

    _fields: ClassVar[Tuple[Field, ...]] = ()
    _extra: ClassVar[bool] = False

    additional_properties: Dict[str, Any]

    def __init__(self, **values: Any) -> None:
        extra = values.pop("__extra__", None) or {}
        for f in self._fields:
            value = values.get(f.name)
            if value is None and f.required and not f.read_only and f.name not in values:
                raise TypeError(f"{type(self).__name__}() missing required argument: '{f.name}'")
            object.__setattr__(self, f.name, None if value is None else f.codec.coerce(value))
        if extra and not self._extra:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword arguments: {', '.join(sorted(extra))}")
        object.__setattr__(self, "additional_properties", dict(extra))

    @classmethod
    def coerce(cls: Type[M], value: Any) -> M:
        """The model itself, or one built from a dict of its (Python-named) properties."""
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            names = {f.name for f in cls._fields}
            known = {k: v for k, v in value.items() if k in names}
            extra = {k: v for k, v in value.items() if k not in names}
            return cls._build(known, extra)
        raise TypeError(f"expected {cls.__name__} or dict, got {type(value).__name__}")

    @classmethod
    def _build(cls: Type[M], known: Dict[str, Any], extra: Dict[str, Any]) -> M:
        obj = cls.__new__(cls)
        Model.__init__(obj, **known, __extra__=extra)
        return obj

    def to_wire(self) -> Dict[str, Any]:
        out: Dict[str, Any] = dict(self.additional_properties)
        for f in self._fields:
            if f.read_only:
                continue
            value = getattr(self, f.name)
            if value is not None or f.required:
                out[f.wire] = None if value is None else f.codec.to_wire(value)
        return out

    @classmethod
    def from_wire(cls: Type[M], data: Any) -> M:
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__}: expected a JSON object, got {type(data).__name__}")
        known: Dict[str, Any] = {}
        for f in cls._fields:
            if f.wire in data:
                value = data[f.wire]
                known[f.name] = None if value is None else f.codec.from_wire(value)
            elif f.required:
                raise TypeError(f"{cls.__name__}: missing required property '{f.wire}'")
        wires = {f.wire for f in cls._fields}
        extra = {k: v for k, v in data.items() if k not in wires} if cls._extra else {}
        obj = cls.__new__(cls)
        for f in cls._fields:
            object.__setattr__(obj, f.name, known.get(f.name))
        object.__setattr__(obj, "additional_properties", extra)
        return obj

    def __getitem__(self, key: str) -> Any:
        """Extra properties by name (and declared ones by their Python name)."""
        if key in self.additional_properties:
            return self.additional_properties[key]
        if any(f.name == key for f in self._fields):
            return getattr(self, key)
        raise KeyError(key)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in self._fields) and (
            self.additional_properties == other.additional_properties  # type: ignore[attr-defined]
        )

    def __repr__(self) -> str:
        parts: List[str] = [f"{f.name}={getattr(self, f.name)!r}" for f in self._fields]
        parts += [f"{k}={v!r}" for k, v in self.additional_properties.items()]
        return f"{type(self).__name__}({', '.join(parts)})"


def wire_value(codec: Codec, value: Any) -> Any:
    """A request payload (a model, a dict, a list...) in its wire shape."""
    return codec.to_wire(codec.coerce(value))


__all__ = [
    "ANY",
    "Codec",
    "Field",
    "Model",
    "Optional",
    "Union",
    "dict_of",
    "enum",
    "list_of",
    "model",
    "nullable",
    "union_of",
    "wire_value",
]
