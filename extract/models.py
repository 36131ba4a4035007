"""The pkuseg segmentation model: where it is cached, and how set-up fetches it once.

The model ships inside the ``pkuseg`` wheels on the package registry (``pkuseg==0.0.25``,
``pkuseg/models/default/features.pkl`` and ``weights.npz``), a format ``spacy-pkuseg`` reads.
Set-up downloads one wheel with pip and unpacks those two files into a cache outside the
repository; nothing is fetched at run time.

Run ``python -m extract.models`` to fetch it (``make`` does this).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

__all__ = ["MODEL_FILES", "ModelMissingError", "fetch_pkuseg_model", "pkuseg_model_dir"]

MODEL_FILES = ("features.pkl", "weights.npz")
_WHEEL = "pkuseg==0.0.25"
_IN_WHEEL = "pkuseg/models/default/"
_PIP_PLATFORM = [
    "--python-version",
    "3.7",
    "--implementation",
    "cp",
    "--abi",
    "cp37m",
    "--platform",
    "manylinux1_x86_64",
]


class ModelMissingError(RuntimeError):
    """The segmentation model is not in its cache."""


def pkuseg_model_dir() -> Path:
    """The model folder: ``$POLICYKG_PKUSEG_MODEL``, else ``$XDG_CACHE_HOME/policykg/pkuseg/default``."""
    explicit = os.environ.get("POLICYKG_PKUSEG_MODEL")
    if explicit:
        return Path(explicit)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "policykg" / "pkuseg" / "default"


def require_pkuseg_model() -> Path:
    """The model folder, or a :class:`ModelMissingError` that says how to get the model."""
    folder = pkuseg_model_dir()
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise ModelMissingError(
            f"the pkuseg model is missing from {folder} ({', '.join(missing)}); "
            "run `make setup` or `python -m extract.models` to fetch it from the package registry once, "
            "or point POLICYKG_PKUSEG_MODEL at a folder holding features.pkl and weights.npz"
        )
    return folder


def fetch_pkuseg_model(target: Path | None = None) -> Path:
    """Download the ``pkuseg`` wheel with pip and unpack the model files into *target*."""
    target = target or pkuseg_model_dir()
    if all((target / name).is_file() for name in MODEL_FILES):
        return target
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as download:
        command = [sys.executable, "-m", "pip", "download", _WHEEL, "--no-deps", "--only-binary=:all:", "--quiet"]
        subprocess.run([*command, *_PIP_PLATFORM, "-d", download], check=True)
        (wheel,) = Path(download).glob("pkuseg-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            for name in MODEL_FILES:
                partial = target / (name + ".part")
                with archive.open(_IN_WHEEL + name) as source, partial.open("wb") as sink:
                    while chunk := source.read(1 << 20):
                        sink.write(chunk)
                partial.replace(target / name)
    return target


if __name__ == "__main__":
    print(f"pkuseg model in {fetch_pkuseg_model()}")
