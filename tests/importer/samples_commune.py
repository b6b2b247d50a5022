"""More illustrative plan contents for the import tests: plans of a xã by its MTTQ committee and by its
Đảng ủy, and an amended plan. Invented communes, numbers and people; NOT the text of any real plan,
written in the manner of real commune plans."""

from __future__ import annotations

import dataclasses

from tests.importer.samples import TAN_PHONG
from tests.importer.wordgen import PlanText, Row, Sec

# The MTTQ committee's plan: decimal numbers (1., 1.1., 1.1.1.), an objective without a level,
# co-leads, a person as lead, two appendices (Phụ lục I, II), "T/M BAN THƯỜNG TRỰC".
AN_HOA_MTTQ = PlanText(
    issuer=["ỦY BAN MTTQ VIỆT NAM", "XÃ AN HÒA", "BAN THƯỜNG TRỰC"],
    symbol="KH-MTTQ",
    number=8,
    place="An Hòa",
    day=12,
    month=3,
    year=2026,
    subject=["Giám sát, phản biện xã hội việc thực hiện", "mô hình “Chính quyền thân thiện” xã An Hòa năm 2026"],
    bases=[
        "Căn cứ Kế hoạch số 14/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân xã An Hòa về thực hiện mô hình "
        "“Chính quyền thân thiện” năm 2026;",
        "Thực hiện Chương trình phối hợp số 03/CTr-MTTQ-UBND ngày 05/01/2026 giữa Ban Thường trực Ủy ban MTTQ "
        "Việt Nam xã và Ủy ban nhân dân xã.",
    ],
    preamble="Ban Thường trực Ủy ban MTTQ Việt Nam xã An Hòa xây dựng Kế hoạch như sau:",
    body=[
        Sec(
            title="MỤC ĐÍCH, YÊU CẦU",
            children=[
                Sec(
                    title="Mục đích",
                    children=[
                        Sec(text="Phát huy vai trò giám sát của Nhân dân đối với cán bộ, công chức xã."),
                        Sec(text="Kịp thời phát hiện, kiến nghị khắc phục biểu hiện gây phiền hà cho người dân."),
                    ],
                ),
                Sec(title="Yêu cầu", text="Giám sát khách quan, công khai, không làm cản trở hoạt động của cơ quan."),
            ],
        ),
        Sec(
            title="MỤC TIÊU",
            text="Mỗi thôn tổ chức ít nhất một buổi lấy ý kiến Nhân dân về thái độ phục vụ của cán bộ xã trong năm.",
        ),
        Sec(
            title="NỘI DUNG",
            children=[
                Sec(
                    title="Giám sát tại Bộ phận Một cửa",
                    items=["Giám sát việc niêm yết thủ tục hành chính.", "Giám sát việc trả kết quả đúng hẹn."],
                ),
                Sec(title="Nhiệm vụ cụ thể (Có Phụ lục I, II kèm theo)"),
            ],
        ),
        Sec(
            title="TỔ CHỨC THỰC HIỆN",
            children=[
                Sec(title="Các tổ chức chính trị - xã hội xã", text="Cử cán bộ tham gia đoàn giám sát."),
                Sec(title="Ban công tác Mặt trận các thôn", text="Tổ chức lấy ý kiến Nhân dân ở khu dân cư."),
            ],
        ),
    ],
    closing="Trên đây là Kế hoạch giám sát của Ban Thường trực Ủy ban MTTQ Việt Nam xã An Hòa./.",
    recipients=["Thường trực Đảng ủy xã", "Ủy ban nhân dân xã", "Các tổ chức chính trị - xã hội xã", "Lưu: VT"],
    authority="T/M BAN THƯỜNG TRỰC",
    title="CHỦ TỊCH",
    name="Trần Thị Mai",
    appendix_title=["PHỤ LỤC I", "NHIỆM VỤ GIÁM SÁT NĂM 2026"],
    attached="(Kèm theo Kế hoạch số 08/KH-MTTQ ngày 12/3/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam xã An Hòa)",
    rows=[
        Row(
            "Giám sát việc tiếp nhận, giải quyết hồ sơ tại Bộ phận Một cửa",
            "Quý II năm 2026",
            "Phòng Văn hóa - Xã hội; Công an xã",
            "Ban công tác Mặt trận các thôn",
        ),
        Row(
            "Đối thoại giữa lãnh đạo xã với Nhân dân về thái độ phục vụ",
            "Tháng 9 năm 2026",
            "Đồng chí Phó Chủ tịch UBND xã",
            "Các tổ chức chính trị - xã hội xã",
        ),
        Row("Tổng hợp ý kiến, kiến nghị của Nhân dân", "Tháng 11 năm 2026", "Văn phòng Đảng ủy xã", ""),
    ],
    second_title=["PHỤ LỤC II", "PHẢN BIỆN XÃ HỘI NĂM 2026"],
    second_rows=[  # a group row giving the deadline and lead its tasks share
        Row("PHẢN BIỆN CÁC DỰ THẢO", "Quý III năm 2026", "Ban Thường trực Ủy ban MTTQ Việt Nam xã", group=True),
        Row(
            "Phản biện dự thảo quy chế tiếp công dân của Ủy ban nhân dân xã",
            partners="Các tổ chức chính trị - xã hội xã",
        ),
        Row("Phản biện dự thảo quy định về văn hóa công vụ tại Bộ phận Một cửa", partners="Văn phòng Đảng ủy xã"),
    ],
)

# The Đảng ủy's plan: Party header ("ĐẢNG CỘNG SẢN VIỆT NAM", the "*" line), "Số 12-KH/ĐU", tasks in
# prose, "T/M ĐẢNG ỦY" / "BÍ THƯ".
PHU_LONG_DANG_UY = PlanText(
    issuer=["ĐẢNG BỘ THÀNH PHỐ HẢI ĐÔNG", "ĐẢNG ỦY XÃ PHÚ LONG", "*"],
    symbol="KH/ĐU",
    number=12,
    place="Phú Long",
    day=20,
    month=2,
    year=2026,
    motto=["ĐẢNG CỘNG SẢN VIỆT NAM"],
    subject=["lãnh đạo xây dựng chính quyền xã thân thiện, vì Nhân dân phục vụ", "giai đoạn 2026-2030"],
    bases=[
        "Thực hiện Chương trình số 07-CTr/TU ngày 15/01/2026 của Ban Thường vụ Thành ủy Hải Đông về cải cách "
        "hành chính;",
    ],
    preamble="Ban Chấp hành Đảng bộ xã Phú Long ban hành Kế hoạch như sau:",
    body=[
        Sec(
            title="MỤC ĐÍCH, YÊU CẦU",
            children=[Sec(text="Nâng cao trách nhiệm của cấp ủy, người đứng đầu trong lãnh đạo cải cách hành chính.")],
        ),
        Sec(
            title="MỤC TIÊU",
            children=[Sec(text="Năm 2026, phấn đấu xã đạt chuẩn “Chính quyền thân thiện” Mức độ 2.")],
        ),
        Sec(
            title="NHIỆM VỤ, GIẢI PHÁP",
            children=[
                Sec(
                    title="Lãnh đạo rà soát, sắp xếp Bộ phận Một cửa xã",
                    fields=[
                        ("Thời gian hoàn thành", "Quý II năm 2026"),
                        ("Đơn vị chủ trì", "Đảng ủy Ủy ban nhân dân xã"),
                        ("Đơn vị phối hợp", "Văn phòng Đảng ủy xã"),
                        ("Kết quả", "Bộ phận Một cửa được bố trí lại"),
                    ],
                ),
                Sec(
                    title="Kiểm tra việc thực hiện quy tắc ứng xử của cán bộ, đảng viên",
                    fields=[
                        ("Thời gian hoàn thành", "Tháng 11 hằng năm"),
                        ("Đơn vị chủ trì", "Ủy ban Kiểm tra Đảng ủy xã"),
                    ],
                ),
            ],
        ),
        Sec(
            title="TỔ CHỨC THỰC HIỆN",
            children=[Sec(title="Văn phòng Đảng ủy xã", text="Theo dõi, tổng hợp, báo cáo Ban Thường vụ Đảng ủy.")],
        ),
    ],
    closing="Kế hoạch này được phổ biến đến chi bộ và đảng viên./.",
    recipients=["Ban Thường vụ Thành ủy", "Các chi bộ trực thuộc", "Lưu: Văn phòng Đảng ủy"],
    authority="T/M ĐẢNG ỦY",
    title="BÍ THƯ",
    name="Nguyễn Văn Bình",
)

# An amended plan ("Kế hoạch sửa đổi, bổ sung"): the note column says which tasks are retired and
# from when, and which are added from a year.
TAN_PHONG_AMENDED = dataclasses.replace(
    TAN_PHONG,
    number=19,
    day=15,
    month=6,
    subject=[
        "Sửa đổi, bổ sung Kế hoạch thực hiện mô hình “Chính quyền thân thiện”",
        "trên địa bàn xã Tân Phong giai đoạn 2026-2030",
    ],
    rows=[
        Row(
            "Tuyên truyền quy tắc ứng xử của cán bộ, công chức trên loa truyền thanh",
            "Hằng quý",
            "Văn phòng HĐND và UBND xã",
            "Các thôn",
            "",
            "Bãi bỏ từ năm 2028",
        ),
        Row(
            "Khảo sát mức độ hài lòng của người dân bằng phiếu điện tử",
            "6 tháng cuối năm",
            "Trung tâm Phục vụ hành chính công xã",
            "Phòng Văn hóa - Xã hội",
            "Kết quả khảo sát",
            "Bổ sung từ năm 2027",
        ),
        Row(
            "Báo cáo kết quả thực hiện mô hình gửi Sở Nội vụ",
            "Tháng 12 hằng năm",
            "Phòng Văn hóa - Xã hội",
            "",
            "Báo cáo",
            "",
        ),
    ],
)

__all__ = ["AN_HOA_MTTQ", "PHU_LONG_DANG_UY", "TAN_PHONG_AMENDED", "PlanText"]
