"""plan.yaml: the plan document: identity, bases, objectives, body, closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from ctt_cli.model.common import Id, Level, Model, Text, Year
from ctt_cli.model.suppress import Ignore, WardIgnore, ignores, ward_ignores


class Issuer(Model):
    unit: Id = Field(description="Cơ quan ban hành (mã trong units.yaml)")
    parent: Id | None = Field(None, description="Cơ quan chủ quản (mã), nếu có")
    header: list[Text] = Field(min_length=1, max_length=4, description="Các dòng tên cơ quan ở góc trái, chữ in hoa")


class DocumentInfo(Model):
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

    @model_validator(mode="after")
    def _date_in_year(self) -> DocumentInfo:
        if self.date is not None and self.date.year != self.year:
            raise ValueError(f"ngày ban hành {self.date:%d/%m/%Y} không thuộc năm {self.year}")
        return self


class Period(Model):
    start: Year
    end: Year | None = Field(None, description="Năm cuối giai đoạn")
    open_ended: bool = Field(False, description="'và những năm tiếp theo': tiếp tục sau năm cuối")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"năm kết thúc {self.end} trước năm bắt đầu {self.start}")
        return self

    def covers(self, year: int) -> bool:
        if year < self.start:
            return False
        return self.end is None or self.open_ended or year <= self.end


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


class Objective(Model):
    from_year: Year
    to_year: Year | None = None
    level: Level | None = Field(None, description="Mức độ đạt chuẩn; để trống khi mục tiêu không nêu mức độ")
    kind: Literal["achieve", "maintain"] = Field("achieve", description="achieve = đạt chuẩn; maintain = duy trì")
    text: Text | None = Field(None, description="Mục tiêu như kế hoạch ghi, khi không nêu mức độ")

    def covers(self, year: int) -> bool:
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)


class LegalBasis(Model):
    text: Text
    cites: list[Id] = Field(default_factory=list, description="Văn bản được trích dẫn (mã)")


class Section(Model):
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

    @model_validator(mode="after")
    def _not_empty(self) -> Section:
        if not (self.title or self.text or self.items or self.children):
            raise ValueError("mục phải có ít nhất một trong: title, text, items, children")
        return self


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


class Plan(Model):
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

    @model_validator(mode="after")
    def _objectives_disjoint(self) -> Plan:
        years: dict[int, int] = {}
        for i, obj in enumerate(self.objectives):
            last = obj.to_year or max(obj.from_year, (self.period.end or obj.from_year))
            for y in range(obj.from_year, last + 1):
                if y in years:
                    raise ValueError(f"mục tiêu thứ {years[y] + 1} và thứ {i + 1} cùng áp dụng cho năm {y}")
                years[y] = i
        return self

    def objective(self, year: int) -> Objective | None:
        """The objective that covers ``year``, with or without a level."""
        return next((o for o in self.objectives if o.covers(year)), None)

    def target(self, year: int) -> Objective | None:
        """The objective that covers ``year`` when it names a level (what scoring and registration need)."""
        found = self.objective(year)
        return found if found is not None and found.level is not None else None


def iter_sections(sections: list[Section], loc: tuple = ("body",)) -> Iterator[tuple[tuple, Section]]:
    """Every section of the body, depth first, with its location in plan.yaml."""
    for i, section in enumerate(sections):
        yield (*loc, i), section
        yield from iter_sections(section.children, (*loc, i, "children"))
