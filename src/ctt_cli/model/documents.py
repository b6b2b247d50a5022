"""documents.yaml: the registry of cited documents (sổ văn bản được trích dẫn)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from ctt_cli.model.common import Id, Model, Text
from ctt_cli.model.suppress import Ignore, ignores
from ctt_cli.vn.citation_grammar import DOC_NUMBER

DocNumber = Annotated[
    str,
    StringConstraints(pattern=DOC_NUMBER),
    Field(
        description="Số, ký hiệu theo Nghị định 30/2020/NĐ-CP ('5049/QĐ-UBND', '30/2020/NĐ-CP', "
        "'85/2015/QH13', '383/BNV-CCHC') hoặc dạng Đảng ('05-NQ/TU', '12-CTr/ĐU')"
    ),
]


class CitedDocument(Model):
    id: Id
    kind: Text = Field(description="Loại văn bản: Quyết định, Kế hoạch, Nghị quyết, ...")
    number: DocNumber | None = None
    date: dt.date | None = Field(None, description="Ngày ban hành (YYYY-MM-DD)")
    issuer: Text | None = Field(None, description="Cơ quan ban hành")
    subject: Text | None = Field(None, description="Trích yếu")
    note: Text | None = None
    ignore: list[Ignore] = ignores()


class DocumentsFile(Model):
    documents: list[CitedDocument] = Field(default_factory=list)
