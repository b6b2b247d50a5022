"""plan.yaml: the plan document: identity, bases, objectives, body, closing."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ctt_cli.model.common import Id, Level, Model, Text, Year, rule
from ctt_cli.model.methods import (
    DocumentInfoMethods,
    ObjectiveMethods,
    PeriodMethods,
    PlanMethods,
    SectionMethods,
)
from ctt_cli.model.methods import iter_sections as iter_sections  # re-exported: the body walk
from ctt_cli.model.suppress import Ignore, WardIgnore, ignores, ward_ignores


class Issuer(Model):
    unit: Id = Field(description="Cơ quan ban hành (mã trong units.yaml)")
    parent: Id | None = Field(None, description="Cơ quan chủ quản (mã), nếu có")
    parent_header: list[Text] = Field(
        default_factory=list,
        max_length=2,
        description="Tên cơ quan chủ quản (cấp trên trực tiếp) in phía trên tên cơ quan ban hành: chữ in hoa, đứng, "
        "không đậm (NĐ 30); để trống khi không có",
    )
    header: list[Text] = Field(
        min_length=1, max_length=4, description="Tên cơ quan ban hành ở góc trái (chữ in hoa, đậm)"
    )


class DocumentInfo(DocumentInfoMethods, Model):
    type: Text = Field(description="Tên loại văn bản: Kế hoạch, Báo cáo, ...")
    code: str = Field(pattern=r"^[A-ZĐ][A-Za-zĐđ]*$", description="Chữ viết tắt tên loại: KH, BC")
    symbol: str = Field(
        pattern=r"^[A-ZĐ][A-Za-zĐđ]*((-[A-ZĐ][A-ZĐ0-9]*)+|/[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-ZĐ0-9]*)*)$",
        description="Ký hiệu: dạng nhà nước 'KH-UBND', 'KH-MTTQ'; dạng Đảng 'KH/ĐU'",
    )
    number: int | None = Field(None, ge=1, description="Số văn bản; để trống khi là dự thảo")
    date: dt.date | None = Field(None, description="Ngày ban hành; để trống khi là dự thảo")
    year: Year = Field(description="Năm ban hành")
    place: Text = Field(description="Địa danh ghi trước ngày tháng")
    subject: Text = Field(description="Trích yếu nội dung")
    ignore: list[Ignore] = ignores()

    _date_in_year = rule("after", DocumentInfoMethods._date_in_year)


class Period(PeriodMethods, Model):
    start: Year
    end: Year | None = Field(None, description="Năm cuối giai đoạn")
    open_ended: bool = Field(False, description="'và những năm tiếp theo': tiếp tục sau năm cuối")

    _ordered = rule("after", PeriodMethods._ordered)


class Settings(Model):
    before_date: Literal["strict", "inclusive"] = Field(
        "strict", description="'Trước ngày X': strict = hạn là X-1; inclusive = hạn là X"
    )
    tone_style: Literal["old", "new"] = Field("old", description="Kiểu bỏ dấu: old = hòa, ủy; new = hoà, uỷ")
    day_off: Literal["earlier", "later", "none"] = Field(
        "earlier",
        description="Hạn rơi vào ngày nghỉ: earlier = lùi về ngày làm việc liền trước (mặc định, không "
        "bao giờ muộn hơn hạn ghi trong kế hoạch); later = ngày làm việc kế tiếp (Điều 148 "
        "BLDS); none = giữ nguyên",
    )
    days_off: list[dt.date] = Field(
        default_factory=list, description="Ngày nghỉ thêm ngoài ngày lễ (ví dụ ngày nghỉ bù dịp Tết)"
    )
    working_days: list[dt.date] = Field(default_factory=list, description="Ngày làm bù (thứ Bảy, Chủ nhật phải đi làm)")
    numbering: Literal["roman", "decimal", "roman-decimal", "letters"] = Field(
        "roman",
        description="Cách đánh số mục: roman = I., 1., a); decimal = 1., 1.1., 1.1.1.; "
        "roman-decimal = I., 1., 1.1., 1.1.1.; letters = A., I., 1., a)",
    )
    ignore: list[WardIgnore] = ward_ignores()


class Objective(ObjectiveMethods, Model):
    from_year: Year
    to_year: Year | None = None
    level: Level | None = Field(None, description="Mức độ đạt chuẩn; để trống khi mục tiêu không nêu mức độ")
    kind: Literal["achieve", "maintain"] = Field("achieve", description="achieve = đạt chuẩn; maintain = duy trì")
    text: Text | None = Field(None, description="Mục tiêu như kế hoạch ghi, khi không nêu mức độ")


class LegalBasis(Model):
    text: Text
    cites: list[Id] = Field(default_factory=list, description="Văn bản được trích dẫn (mã)")


class Section(SectionMethods, Model):
    """A node of the body. Its number (I., 1., a)) is computed from its place in the tree."""

    id: Id | None = None
    title: Text | None = Field(None, description="Tiêu đề mục")
    units: list[Id] = Field(default_factory=list, description="Đơn vị được giao nhiệm vụ ở mục này")
    text: Text | None = Field(None, description="Đoạn văn")
    items: list[Text] = Field(default_factory=list, description="Các gạch đầu dòng")
    children: list[Section] = Field(default_factory=list)
    appendix: bool = Field(False, description="Mục này dẫn tới phụ lục nhiệm vụ")
    objective: Year | None = Field(None, description="Năm của mục tiêu mà đoạn văn này nêu")
    ignore: list[Ignore] = ignores()

    _not_empty = rule("after", SectionMethods._not_empty)


class Recipient(Model):
    text: Text
    units: list[Id] = Field(default_factory=list)
    archive: bool = Field(False, description="Dòng 'Lưu: VT'")
    ignore: list[Ignore] = ignores()


class Signature(Model):
    authority: Literal["TM.", "KT.", "Q.", "TL.", "TUQ."] | None = None
    authority_text: Text | None = Field(
        None, description="Thẩm quyền ký như văn bản ghi, khi khác authority (văn bản của Đảng: 'T/M', 'K/T')"
    )
    body: Text | None = Field(None, description="Tập thể lãnh đạo, ví dụ ỦY BAN NHÂN DÂN")
    title: Text = Field(description="Chức vụ người ký")
    name: Text | None = Field(None, description="Họ tên người ký")


class Plan(PlanMethods, Model):
    id: Id
    ward: Text = Field(description="Tên đơn vị hành chính, ví dụ 'Phường Lê Thanh Nghị'")
    issuer: Issuer
    document: DocumentInfo
    period: Period
    settings: Settings = Settings()
    criteria_set: str | None = Field(None, description="Đường dẫn tới tệp bộ tiêu chí")
    objectives: list[Objective] = Field(default_factory=list, description="Mục tiêu theo năm (có thể không có)")
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    preamble: Text | None = None
    body: list[Section] = Field(min_length=1)
    closing: Text | None = None
    recipients: list[Recipient] = Field(default_factory=list)
    signature: Signature

    _objectives_disjoint = rule("after", PlanMethods._objectives_disjoint)
