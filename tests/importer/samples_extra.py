"""One more illustrative plan content for the import tests, written after the seven styles were met, to
show the import is not tuned to them: a đặc khu's plan whose appendix has a "Kinh phí" column and
groups its tasks by year, numbering them 1, 2 again under each year. Invented unit, numbers and
people; NOT the text of any real plan."""

from __future__ import annotations

from tests.importer.wordgen import PlanText, Row, Sec

BACH_VAN_DAC_KHU = PlanText(
    issuer=["UBND THÀNH PHỐ HẢI ĐÔNG", "ỦY BAN NHÂN DÂN", "ĐẶC KHU BẠCH VÂN"],
    symbol="KH-UBND",
    number=41,
    place="Bạch Vân",
    day=9,
    month=4,
    year=2026,
    subject=["Xây dựng “Chính quyền thân thiện” tại đặc khu Bạch Vân", "giai đoạn 2026-2027"],
    bases=[
        "Căn cứ Quyết định số 5049/QĐ-UBND ngày 11/12/2025 của Ủy ban nhân dân thành phố Hải Đông về mô hình "
        "“Chính quyền thân thiện”;",
    ],
    preamble="Ủy ban nhân dân đặc khu Bạch Vân ban hành Kế hoạch thực hiện như sau:",
    body=[
        Sec(
            title="MỤC ĐÍCH, YÊU CẦU",
            children=[
                Sec(title="Mục đích", text="Tạo chuyển biến về thái độ phục vụ người dân và du khách trên đảo."),
                Sec(title="Yêu cầu", text="Bố trí kinh phí đúng dự toán được giao, công khai kết quả từng năm."),
            ],
        ),
        Sec(
            title="MỤC TIÊU",
            children=[
                Sec(text="Năm 2026, đặc khu đạt chuẩn “Chính quyền thân thiện” Mức độ 2."),
                Sec(text="Năm 2027, đặc khu đạt chuẩn “Chính quyền thân thiện” Mức độ 3."),
            ],
        ),
        Sec(
            title="NHIỆM VỤ, GIẢI PHÁP",
            children=[
                Sec(
                    title="Nâng cấp nơi tiếp dân",
                    children=[  # "1.1.", "1.2." under "1.": the roman-decimal numbers
                        Sec(text="Bố trí chỗ ngồi chờ có mái che cho người dân từ các thôn xa."),
                        Sec(text="Niêm yết số điện thoại đường dây nóng tại nơi tiếp dân."),
                    ],
                ),
                Sec(title="Nhiệm vụ cụ thể theo từng năm (Phụ lục kèm theo)"),
            ],
        ),
        Sec(
            title="TỔ CHỨC THỰC HIỆN",
            children=[
                Sec(title="Phòng Kinh tế", text="Tham mưu bố trí kinh phí thực hiện Kế hoạch hằng năm."),
                Sec(title="Phòng Văn hóa - Xã hội", text="Theo dõi, tổng hợp, báo cáo kết quả thực hiện."),
            ],
        ),
    ],
    closing="Trên đây là Kế hoạch của Ủy ban nhân dân đặc khu Bạch Vân; yêu cầu các cơ quan, đơn vị thực hiện./.",
    recipients=["UBND thành phố Hải Đông", "Sở Nội vụ", "Các thôn, tổ dân phố", "Lưu: VT"],
    authority="TM. ỦY BAN NHÂN DÂN",
    title="CHỦ TỊCH",
    name="Lê Văn Hải",
    appendix_title=["PHỤ LỤC", "NHIỆM VỤ VÀ KINH PHÍ THỰC HIỆN THEO TỪNG NĂM"],
    attached="(Kèm theo Kế hoạch số 41/KH-UBND ngày 09/4/2026 của Ủy ban nhân dân đặc khu Bạch Vân)",
    rows=[
        Row("NĂM 2026", group=True),
        Row(
            "Lắp đặt mái che, ghế chờ tại Trung tâm Phục vụ hành chính công đặc khu",
            "Quý III năm 2026",
            "Trung tâm Phục vụ hành chính công đặc khu",
            "Phòng Kinh tế",
            funding="120",
        ),
        Row(
            "Tập huấn kỹ năng giao tiếp cho cán bộ tiếp nhận hồ sơ",
            "Tháng 10 năm 2026",
            "Phòng Văn hóa - Xã hội",
            "Văn phòng HĐND và UBND đặc khu",
            funding="35",
        ),
        Row("NĂM 2027", group=True),
        Row(
            "Lắp màn hình đánh giá mức độ hài lòng tại nơi tiếp dân",
            "Quý II năm 2027",
            "Trung tâm Phục vụ hành chính công đặc khu",
            "Phòng Kinh tế",
            funding="80",
        ),
        Row(
            "Khảo sát sự hài lòng của người dân và du khách",
            "Tháng 11 năm 2027",
            "Phòng Văn hóa - Xã hội",
            "Các thôn, tổ dân phố",
            funding="Không",
        ),
    ],
)

__all__ = ["BACH_VAN_DAC_KHU"]
