"""Windows DPAPI (``CryptUnprotectData``) through ctypes: the one call that unwraps the
AES key Chromium/Electron keep in ``Local State``. It only works on Windows, under the
Windows account that protected the data (the minister's, on the minister's laptop);
everywhere else :func:`unprotect` raises :class:`DpapiError` and the caller asks for the
raw key instead. No extra dependency: ``crypt32.dll`` ships with every Windows."""

from __future__ import annotations

import ctypes
import sys

_UI_FORBIDDEN = 0x1  # CRYPTPROTECT_UI_FORBIDDEN: never pop up a dialog in an import


class DpapiError(OSError):
    """DPAPI could not unwrap the data (not Windows, another account, or damaged)."""


if sys.platform == "win32":
    from ctypes import wintypes

    class _Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    def _call(name: str, data: bytes) -> bytes:
        crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        buffer = ctypes.create_string_buffer(data, len(data))
        given = _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
        out = _Blob()
        # Both functions take (in, description, entropy, reserved, prompt, flags, out).
        function = getattr(crypt32, name)
        ok = function(ctypes.byref(given), None, None, None, None, _UI_FORBIDDEN,
                      ctypes.byref(out))  # fmt: skip
        if not ok:
            raise DpapiError(f"Windows refused to unwrap the key (error {ctypes.get_last_error()})")
        try:
            return ctypes.string_at(out.pbData, out.cbData)
        finally:
            kernel32.LocalFree(out.pbData)

    def unprotect(data: bytes) -> bytes:
        """The plaintext of a DPAPI blob of the current Windows account."""
        return _call("CryptUnprotectData", data)

    def protect(data: bytes) -> bytes:
        """A DPAPI blob of the current Windows account (for tests on Windows)."""
        return _call("CryptProtectData", data)

else:

    def unprotect(data: bytes) -> bytes:
        """DPAPI exists only on Windows."""
        raise DpapiError("only Windows can unwrap it (DPAPI)")

    def protect(data: bytes) -> bytes:
        raise DpapiError("only Windows can wrap data with DPAPI")
