"""documents.yaml: the registry of cited documents (sổ văn bản được trích dẫn)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from ctt_cli.model.common import Id, Model, Text

# State form "5049/QĐ-UBND", Party form "05-NQ/TU", "12-CTr/ĐU".
DOC_NUMBER = r"^[0-9]+(-[A-ZĐ][A-Za-zĐđ]*)?/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-ZĐ0-9]*)*$"
DocNumber = Annotated[
    str,
    StringConstraints(pattern=DOC_NUMBER),
    Field(description="Số, ký hiệu: dạng nhà nước '5049/QĐ-UBND' hoặc dạng Đảng '05-NQ/TU'"),
]


class CitedDocument(Model):
    id: Id
    kind: Text = Field(description="Loại văn bản: Quyết định, Kế hoạch, Nghị quyết, ...")
    number: DocNumber | None = None
    date: dt.date | None = Field(None, description="Ngày ban hành (YYYY-MM-DD)")
    issuer: Text | None = Field(None, description="Cơ quan ban hành")
    subject: Text | None = Field(None, description="Trích yếu")
    note: Text | None = None


class DocumentsFile(Model):
    documents: list[CitedDocument] = Field(default_factory=list)
