"""kurdi's PEP 517 build backend: the project's CMake build, packed as a wheel.

pip calls the hooks below (`pip install --no-build-isolation .`,
`pip wheel --no-build-isolation .`). build_wheel configures the repository
with CMake in build-pip/ (Release, tests and tools off, the Python module on,
for the interpreter running pip), builds the target kurdi_python, which
compiles the lexicon and word lists into the library exactly as every other
build does, and zips build-pip/python/kurdi/ with its metadata into a wheel.

Needs: cmake, a C++20 compiler, pybind11-dev, python3-dev, libsqlite3-dev and
the archive's libraries (scripts/setup.sh installs them). No network.

Environment: KURDI_PIP_BUILD_DIR (build directory, default build-pip/ in the
source tree), KURDI_JOBS (parallel build jobs, default 2),
KURDI_CMAKE_ARGS (extra CMake arguments, space separated).
"""

import base64
import hashlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NAME = "kurdi"


# --- metadata ----------------------------------------------------------------

def _version():
    """The version of project(kurdi VERSION x.y.z) in CMakeLists.txt."""
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(\s*kurdi\s+VERSION\s+([0-9][0-9.]*)", f.read())
    if not m:
        raise RuntimeError("kurdi_build: no `project(kurdi VERSION ...)` in CMakeLists.txt")
    return m.group(1)


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        data = f.read()
    try:
        import tomllib
        return tomllib.loads(data.decode("utf-8"))["project"]
    except ImportError:  # Python < 3.11: the few plain `key = "value"` lines we need
        project, section = {}, None
        for line in data.decode("utf-8").splitlines():
            line = line.strip()
            if line.startswith("["):
                section = line
            elif section == "[project]":
                m = re.match(r'([a-z-]+)\s*=\s*"([^"]*)"', line)
                if m:
                    project[m.group(1)] = m.group(2)
        return project


def _metadata():
    project = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {_version()}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '>=3.9')}",
    ]
    lic = project.get("license")
    if isinstance(lic, dict) and "text" in lic:
        lines.append(f"License: {lic['text']}")
    if isinstance(project.get("keywords"), list):
        lines.append("Keywords: " + ",".join(project["keywords"]))
    for c in project.get("classifiers", []) if isinstance(project.get("classifiers"), list) else []:
        lines.append(f"Classifier: {c}")
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str) and os.path.exists(os.path.join(ROOT, readme)):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = f.read()
    return "\n".join(lines) + "\n\n" + body


def _tag():
    """The wheel tag of the running interpreter (a CPython extension module)."""
    impl = "cp" if sys.implementation.name == "cpython" else sys.implementation.name[:2]
    version = f"{sys.version_info.major}{sys.version_info.minor}"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}{version}-{impl}{version}-{platform}"


def _dist_info():
    return f"{NAME}-{_version()}.dist-info"


def _wheel_file():
    return (
        "Wheel-Version: 1.0\n"
        "Generator: kurdi_build (python/build_backend)\n"
        "Root-Is-Purelib: false\n"
        f"Tag: {_tag()}\n"
    )


# --- the CMake build ------------------------------------------------------------

def _run(cmd):
    print("kurdi_build: " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True)


def _build_module():
    """Configures and builds kurdi_python; returns the package directory."""
    cmake = shutil.which("cmake")
    if cmake is None:
        raise RuntimeError(
            "kurdi_build: cmake not found. Install the build tools first: scripts/setup.sh, or "
            "apt-get install cmake ninja-build g++ pybind11-dev python3-dev libsqlite3-dev "
            "libxxhash-dev libxml2-dev nlohmann-json3-dev")
    build = os.environ.get("KURDI_PIP_BUILD_DIR") or os.path.join(ROOT, "build-pip")
    jobs = os.environ.get("KURDI_JOBS", "2")
    args = [
        cmake, "-S", ROOT, "-B", build,
        "-DCMAKE_BUILD_TYPE=Release",
        "-DKURDI_BUILD_PYTHON=ON",
        "-DKURDI_BUILD_TESTS=OFF",
        "-DKURDI_BUILD_EVAL=OFF",
        "-DKURDI_BUILD_BENCH=OFF",
        "-DKURDI_BUILD_FUZZ=OFF",
        f"-DPython_EXECUTABLE={sys.executable}",
    ]
    if shutil.which("ninja") and not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        args += ["-G", "Ninja"]
    args += shlex.split(os.environ.get("KURDI_CMAKE_ARGS", ""))
    _run(args)
    _run([cmake, "--build", build, "--target", "kurdi_python", "-j", jobs])
    package = os.path.join(build, "python", NAME)
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    if not os.path.exists(os.path.join(package, "_kurdi" + suffix)):
        raise RuntimeError(f"kurdi_build: the build made no {package}/_kurdi{suffix}")
    return package


# --- wheel writing -----------------------------------------------------------------

def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def _write_dist_info(directory):
    info = os.path.join(directory, _dist_info())
    os.makedirs(info, exist_ok=True)
    with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata())
    with open(os.path.join(info, "WHEEL"), "w", encoding="utf-8") as f:
        f.write(_wheel_file())
    return os.path.basename(info)


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _write_dist_info(metadata_directory)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    package = _build_module()
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    files = []  # (archive name, bytes)
    for name in sorted(os.listdir(package)):
        path = os.path.join(package, name)
        if not os.path.isfile(path):
            continue
        # Only this interpreter's extension module and the package's own files.
        if name.startswith("_kurdi.") and name.endswith(".so") and name != "_kurdi" + suffix:
            continue
        with open(path, "rb") as f:
            files.append((f"{NAME}/{name}", f.read()))
    info = _dist_info()
    with open(os.path.join(ROOT, "LICENSE"), "rb") as f:
        files.append((f"{info}/LICENSE", f.read()))
    with open(os.path.join(ROOT, "NOTICE"), "rb") as f:
        files.append((f"{info}/NOTICE", f.read()))
    files.append((f"{info}/METADATA", _metadata().encode("utf-8")))
    files.append((f"{info}/WHEEL", _wheel_file().encode("utf-8")))
    files.append((f"{info}/top_level.txt", f"{NAME}\n".encode()))
    record = [_record_line(n, d) for n, d in files] + [f"{info}/RECORD,,"]
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode("utf-8")))

    wheel_name = f"{NAME}-{_version()}-{_tag()}.whl"
    os.makedirs(wheel_directory, exist_ok=True)
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            zi.external_attr = (0o755 if name.endswith(".so") else 0o644) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    print(f"kurdi_build: wrote {wheel_name}", flush=True)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    """The source tree (without build directories and VCS files) as NAME-VERSION.tar.gz."""
    base = f"{NAME}-{_version()}"
    skip_dirs = {".git", "__pycache__", ".cache"}
    os.makedirs(sdist_directory, exist_ok=True)
    path = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(path, "w:gz") as tar:
        for dirpath, dirnames, filenames in os.walk(ROOT):
            rel = os.path.relpath(dirpath, ROOT)
            dirnames[:] = sorted(
                d for d in dirnames
                if d not in skip_dirs and not (rel == "." and d.startswith("build")))
            for name in sorted(filenames):
                if rel == "." and name == ".git":
                    continue
                full = os.path.join(dirpath, name)
                tar.add(full, arcname=os.path.join(base, os.path.normpath(os.path.join(rel, name))))
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata().encode("utf-8")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return os.path.basename(path)
