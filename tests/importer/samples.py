"""Illustrative plan contents for the import tests: invented communes, numbers and people.
NOT the text of any real plan; written in the manner of real ward plans."""

from __future__ import annotations

from tests.importer.wordgen import PlanText, Row, Sec

TAN_PHONG = PlanText(
    issuer=["ỦY BAN NHÂN DÂN", "XÃ TÂN PHONG"],
    symbol="KH-UBND",
    number=None,
    place="Tân Phong",
    day=None,
    month=None,
    year=2026,
    subject=["Thực hiện mô hình “Chính quyền thân thiện”", "trên địa bàn xã Tân Phong", "giai đoạn 2026-2030"],
    bases=[
        "Căn cứ Quyết định số 215/QĐ-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh Minh Hải ban hành Bộ tiêu chí "
        "đánh giá mô hình “Chính quyền thân thiện” cấp xã;",
        "Thực hiện Kế hoạch số 31/KH-UBND ngày 02/02/2026 của Ủy ban nhân dân tỉnh Minh Hải về triển khai mô hình "
        "“Chính quyền thân thiện” giai đoạn 2026-2030.",
    ],
    preamble="Ủy ban nhân dân xã Tân Phong xây dựng Kế hoạch thực hiện như sau:",
    body=[
        Sec(
            title="MỤC ĐÍCH, YÊU CẦU",
            children=[
                Sec(
                    title="Mục đích",
                    children=[
                        Sec(
                            text="Xây dựng đội ngũ cán bộ, công chức xã có tác phong gần dân, lắng nghe và giải quyết kịp "
                            "thời kiến nghị của Nhân dân."
                        ),
                        Sec(
                            text="Nâng cao mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của chính quyền xã."
                        ),
                    ],
                ),
                Sec(
                    title="Yêu cầu",
                    children=[
                        Sec(
                            text="Triển khai nghiêm túc, thiết thực, tránh hình thức; gắn với trách nhiệm người đứng đầu."
                        ),
                    ],
                ),
            ],
        ),
        Sec(
            title="MỤC TIÊU",
            children=[
                Sec(text="Năm 2026, phấn đấu đạt chuẩn “Chính quyền thân thiện” Mức độ 3."),
                Sec(text="Từ năm 2027 trở đi, phấn đấu đạt chuẩn Mức độ 4 và duy trì các năm tiếp theo."),
            ],
        ),
        Sec(
            title="NỘI DUNG THỰC HIỆN",
            children=[
                Sec(
                    title="Công tác tuyên truyền",
                    items=[
                        "Tuyên truyền trên hệ thống loa truyền thanh xã về quy tắc ứng xử của cán bộ, công chức.",
                        "Niêm yết công khai số điện thoại đường dây nóng tại Bộ phận Một cửa xã.",
                    ],
                ),
                Sec(title="Nhiệm vụ cụ thể (Có phụ lục kèm theo)"),
            ],
        ),
        Sec(
            title="KINH PHÍ THỰC HIỆN",
            text="Kinh phí thực hiện từ nguồn ngân sách xã được giao hằng năm và các nguồn hợp pháp khác.",
        ),
        Sec(
            title="TỔ CHỨC THỰC HIỆN",
            children=[
                Sec(
                    title="Văn phòng HĐND và UBND xã",
                    text="Chủ trì tham mưu, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp báo cáo kết quả.",
                ),
                Sec(
                    title="Phòng Văn hóa - Xã hội",
                    text="Hướng dẫn các thôn lồng ghép nội dung mô hình vào phong trào xây dựng đời sống văn hóa.",
                ),
                Sec(
                    title="Trung tâm Phục vụ hành chính công xã",
                    text="Cải tiến quy trình tiếp nhận, trả kết quả hồ sơ; bố trí nơi chờ thuận tiện cho người dân.",
                ),
            ],
        ),
    ],
    closing="Trên đây là Kế hoạch thực hiện mô hình “Chính quyền thân thiện” của Ủy ban nhân dân xã Tân Phong. "
    "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về Văn phòng HĐND và UBND xã./.",
    recipients=["Sở Nội vụ tỉnh", "TT Đảng ủy, TT HĐND xã", "Các thôn", "Lưu: VT"],
    authority="TM. ỦY BAN NHÂN DÂN",
    title="CHỦ TỊCH",
    name="Lê Văn Hòa",
    appendix_title=["PHỤ LỤC", "NHIỆM VỤ THỰC HIỆN MÔ HÌNH “CHÍNH QUYỀN THÂN THIỆN”"],
    attached="(Kèm theo Kế hoạch số: /KH-UBND ngày tháng năm 2026 của UBND xã Tân Phong)",
    rows=[
        Row("CÔNG TÁC TUYÊN TRUYỀN", group=True),
        Row(
            "Tuyên truyền quy tắc ứng xử của cán bộ, công chức trên loa truyền thanh",
            "Hằng quý",
            "Văn phòng HĐND và UBND xã",
            "Các thôn",
        ),
        Row(
            "Cập nhật tin bài về mô hình trên Trang thông tin điện tử xã",
            "Thường xuyên",
            "Văn phòng HĐND và UBND xã",
            "Phòng Văn hóa - Xã hội",
            "Tin bài được đăng",
            "",
        ),
        Row("CẢI CÁCH HÀNH CHÍNH", group=True),
        Row(
            "Đăng ký mức độ đạt chuẩn “Chính quyền thân thiện” gửi Sở Nội vụ",
            "Trước ngày 15/02",
            "Phòng Văn hóa - Xã hội",
            "",
            "Văn bản đăng ký",
            "",
        ),
        Row(
            "Khảo sát mức độ hài lòng của người dân tại Bộ phận Một cửa",
            "6 tháng cuối năm",
            "Trung tâm Phục vụ hành chính công xã",
            "Phòng Văn hóa - Xã hội",
            "Phiếu khảo sát",
            "Theo mẫu",
        ),
        Row(
            "Tự đánh giá, chấm điểm kết quả thực hiện các tiêu chí",
            "Trước ngày 15/11 hằng năm",
            "Phòng Văn hóa - Xã hội",
            "Các cơ quan, đơn vị có liên quan",
            "Báo cáo tự đánh giá",
            "",
        ),
        Row(
            "Sơ kết, tổng kết việc thực hiện Kế hoạch",
            "Năm 2028 và năm 2030",
            "Phòng Văn hóa - Xã hội",
            "Văn phòng HĐND và UBND xã",
            "",
            "",
        ),
    ],
)

DONG_HAI = PlanText(
    issuer=["UBND THÀNH PHỐ HẢI ĐÔNG", "ỦY BAN NHÂN DÂN", "PHƯỜNG ĐÔNG HẢI"],
    symbol="KH-UBND",
    number=27,
    place="Đông Hải",
    day=5,
    month=3,
    year=2026,
    subject=["Triển khai xây dựng “Chính quyền thân thiện”", "phường Đông Hải năm 2026"],
    bases=[
        "Căn cứ Nghị quyết số 08-NQ/ĐU ngày 10/01/2026 của Đảng uỷ phường Đông Hải về công tác dân vận chính "
        "quyền năm 2026;",
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Uỷ ban nhân dân thành phố Hải Đông về xây dựng "
        "chính quyền thân thiện năm 2026,",
    ],
    preamble="Uỷ ban nhân dân phường Đông Hải ban hành Kế hoạch như sau:",
    body=[
        Sec(
            title="MỤC ĐÍCH, YÊU CẦU",
            children=[
                Sec(text="Tạo chuyển biến rõ nét trong thái độ phục vụ Nhân dân của cán bộ, công chức phường."),
                Sec(text="Phát huy vai trò giám sát của Mặt trận Tổ quốc và các đoàn thể."),
            ],
        ),
        Sec(
            title="MỤC TIÊU",
            children=[
                Sec(text="Năm 2026, phường Đông Hải phấn đấu đạt chuẩn “Chính quyền thân thiện” Mức độ 2."),
            ],
        ),
        Sec(
            title="NHIỆM VỤ, GIẢI PHÁP",
            children=[
                Sec(
                    title="Niêm yết công khai thủ tục hành chính và đường dây nóng tại trụ sở phường",
                    fields=[
                        ("Thời gian hoàn thành", "Quý II năm 2026"),
                        ("Đơn vị chủ trì", "Văn phòng HĐND và UBND phường"),
                        ("Đơn vị phối hợp", "Trung tâm Phục vụ hành chính công phường"),
                        ("Kết quả", "Bảng niêm yết tại trụ sở"),
                    ],
                ),
                Sec(
                    title="Tổ chức đối thoại giữa lãnh đạo phường với Nhân dân",
                    fields=[
                        ("Thời gian hoàn thành", "6 tháng cuối năm"),
                        ("Đơn vị chủ trì", "Phòng Văn hoá - Xã hội"),
                        ("Đơn vị phối hợp", "Uỷ ban Mặt trận Tổ quốc Việt Nam phường; các tổ dân phố"),
                    ],
                ),
                Sec(
                    title="Báo cáo kết quả thực hiện mô hình gửi Uỷ ban nhân dân thành phố",
                    fields=[
                        ("Thời gian hoàn thành", "Tháng 12 hằng năm"),
                        ("Đơn vị chủ trì", "Phòng Văn hoá - Xã hội"),
                    ],
                ),
            ],
        ),
        Sec(
            title="TỔ CHỨC THỰC HIỆN",
            children=[
                Sec(
                    title="Phòng Văn hoá - Xã hội",
                    items=[
                        "Làm đầu mối theo dõi, tổng hợp kết quả thực hiện Kế hoạch.",
                        "Tham mưu Uỷ ban nhân dân phường sơ kết, rút kinh nghiệm cuối năm.",
                    ],
                ),
                Sec(
                    title="Đề nghị Uỷ ban Mặt trận Tổ quốc Việt Nam phường",
                    text="Phối hợp tuyên truyền, vận động Nhân dân tham gia góp ý, giám sát cán bộ, công chức.",
                ),
            ],
        ),
    ],
    closing="Uỷ ban nhân dân phường yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện Kế hoạch này./.",
    recipients=["UBND thành phố Hải Đông", "Thường trực Đảng uỷ phường", "Các tổ dân phố", "Lưu: VT, VHXH"],
    authority="KT. CHỦ TỊCH",
    title="PHÓ CHỦ TỊCH",
    name="Phạm Thị Thoa",
)

SECOND_APPENDIX = {
    "second_title": ["PHỤ LỤC II", "DANH SÁCH TỔ GIÚP VIỆC"],
    "second_rows": [Row("Tổ trưởng: Phó Chủ tịch UBND xã", "Năm 2026", "Văn phòng HĐND và UBND xã")],
}
