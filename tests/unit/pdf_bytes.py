"""PDFs compared byte for byte, less what fpdf2 dates when it writes them."""

from __future__ import annotations

import re


def undated(pdf: bytes) -> bytes:
    """``pdf`` without the XMP modification and metadata dates (fpdf2 writes the time of
    ``output()``, to the second, whatever creation date is set), the file identifier (a
    hash over them) and /ModDate: two PDFs written a second apart then compare equal
    exactly when everything else is the same."""
    pdf = re.sub(rb'(ModifyDate|MetadataDate)="[^"]*"', b"", pdf)
    pdf = re.sub(rb"/ID \[<[0-9A-F]+><[0-9A-F]+>\]", b"", pdf)
    return re.sub(rb"/ModDate \(D:[^)]*\)", b"", pdf)
