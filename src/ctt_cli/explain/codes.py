"""What each finding code means, for `ctt explain`: the rule, why it matters, a fault and its fix.

One entry per code of ``findings.CODES`` (a test keeps the two in sync). The examples are made-up
lines in the shape of the plan's YAML files, not quotations of official documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from ctt_cli.findings import CODES, Severity


@dataclass(frozen=True)
class Explanation:
    rule: str  # what ctt checks
    why: str  # why it matters to the office
    bad: str  # an example of the fault (a few YAML lines)
    good: str  # the same lines, fixed
    fix: str = ""  # how ctt repairs it mechanically; empty: fix it by hand


FMT = "Có: `ctt fmt` sửa tự động (không đổi nghĩa của dữ liệu)."


def fix_with(code: str, what: str) -> str:
    """The fix line of a warning that `ctt fmt --fix CODE` repairs (never by default: signed text stays)."""
    return f"Có, khi yêu cầu: `ctt fmt --fix {code}` {what} (xem trước bằng `--diff`; fmt thường không đổi lời văn)."


X = Explanation

EXPLANATIONS: dict[str, Explanation] = {
    "E100": X(
        "Tệp phải là YAML hợp lệ: thụt lề đều, dấu ':' sau mỗi khóa, chuỗi có ':' hoặc '#' phải đặt trong nháy.",
        "ctt không đọc được tệp thì không kiểm tra, không tính hạn, không xuất văn bản được.",
        "text: Căn cứ: Kế hoạch số 43/KH-UBND\n  deadline: Hàng năm",
        "text: 'Căn cứ: Kế hoạch số 43/KH-UBND'\ndeadline: Hàng năm",
    ),
    "E101": X(
        "Trong cùng một ánh xạ, mỗi khóa chỉ được ghi một lần.",
        "Khi khóa bị lặp, giá trị sau âm thầm đè giá trị trước: dữ liệu mất mà không ai biết.",
        "- id: T05\n  deadline: Tháng 11 hằng năm\n  deadline: Tháng 12 hằng năm",
        "- id: T05\n  deadline: Tháng 11 hằng năm",
    ),
    "E102": X(
        "Thụt lề bằng dấu cách, không dùng ký tự tab.",
        "YAML không cho phép tab để thụt lề; mỗi trình soạn thảo hiển thị tab một kiểu nên cấu trúc bị hiểu sai.",
        "tasks:\n\t- id: T01",
        "tasks:\n  - id: T01",
    ),
    "E103": X(
        "Tệp phải được lưu bằng bảng mã UTF-8.",
        "Tệp lưu bằng bảng mã khác (Windows-1258, TCVN3, VNI) làm chữ Việt bị lỗi trong mọi văn bản xuất ra.",
        "(tệp lưu bằng Notepad cũ với bảng mã ANSI / Windows-1258)",
        "(mở tệp trong VS Code, chọn 'Save with Encoding' → 'UTF-8')",
    ),
    "E104": X(
        "Tệp không bắt đầu bằng BOM (3 byte EF BB BF mà Notepad trên Windows hay thêm vào).",
        "BOM vô hình nhưng làm một số công cụ đọc sai dòng đầu tiên và làm 'git diff' báo thay đổi không có thật.",
        "(tệp lưu bằng Notepad: 'UTF-8 with BOM')",
        "(tệp UTF-8 không có BOM)",
        FMT + " BOM được bỏ.",
    ),
    "E105": X(
        "Tệp dữ liệu phải có nội dung.",
        "Tệp rỗng thường là tệp chưa lưu xong hoặc bị ghi đè nhầm.",
        "(tệp 0 byte)",
        "year: 2026\nrecords: []",
    ),
    "E106": X(
        "Không dùng neo và bí danh YAML (&ten, *ten, <<).",
        "Neo/bí danh khiến một chỗ sửa làm đổi nhiều chỗ khác mà người đọc không thấy; người soạn văn bản khó theo dõi.",
        "partners: &chung [mttq-phuong]\n...\npartners: *chung",
        "partners: [mttq-phuong]\n...\npartners: [mttq-phuong]",
    ),
    "E107": X(
        "Mỗi tệp dữ liệu không lớn quá giới hạn của ctt.",
        "Tệp quá lớn thường là dán nhầm dữ liệu khác vào; đọc nó làm chậm mọi lệnh.",
        "(dán cả một tệp xuất từ phần mềm khác vào tasks.yaml)",
        "(chỉ giữ dữ liệu của kế hoạch)",
    ),
    "E108": X(
        "Các tệp bắt buộc của phường (plan.yaml, units.yaml, documents.yaml, tasks.yaml) và các đường dẫn "
        "được nêu phải tồn tại.",
        "Thiếu tệp thì không kiểm tra hay xuất văn bản được; thường là gõ sai tên thư mục.",
        "ctt validate plans/le-thanh-nghj",
        "ctt validate plans/le-thanh-nghi",
    ),
    "E109": X(
        "Mỗi năm chỉ có một tệp tiến độ (hoặc chấm điểm): progress/2026.yaml, không kèm progress/2026.yml.",
        "Có cả hai thì không biết tệp nào đúng; ctt không tự chọn.",
        "progress/2026.yaml\nprogress/2026.yml",
        "progress/2026.yaml",
    ),
    "E200": X(
        "Mỗi giá trị đúng kiểu và đúng dạng theo lược đồ: ngày là 2026-11-25, năm là số, trạng thái là một "
        "trong các giá trị cho phép.",
        "Giá trị sai dạng không tính được hạn, điểm hay ngày văn bản.",
        "completed: 30/1/2026\nstate: xong",
        "completed: 2026-01-30\nstate: hoàn thành",
    ),
    "E201": X(
        "Các trường bắt buộc phải có (ví dụ mỗi nhiệm vụ có id, text, deadline, lead).",
        "Thiếu trường thì bảng phụ lục và văn bản xuất ra thiếu cột.",
        "- id: T07\n  text: Tổ chức hội nghị sơ kết",
        "- id: T07\n  text: Tổ chức hội nghị sơ kết\n  deadline: Năm 2027\n  lead: ubnd-phuong",
    ),
    "E202": X(
        "Chỉ dùng các trường có trong lược đồ; tên trường viết đúng chính tả.",
        "Trường gõ sai tên bị bỏ qua: dữ liệu tưởng đã ghi mà không có tác dụng.",
        "- task: T03\n  complete: 2026-01-30",
        "- task: T03\n  completed: 2026-01-30",
    ),
    "E300": X(
        "Mã (id) của nhiệm vụ, đơn vị, văn bản, mục kế hoạch là duy nhất.",
        "Hai mục cùng mã thì tiến độ và tham chiếu không biết trỏ vào mục nào.",
        "- id: T04\n  ...\n- id: T04",
        "- id: T04\n  ...\n- id: T05",
    ),
    "E301": X(
        "Mọi tham chiếu (lead, partners, task, document, criterion) trỏ tới một mã có thật.",
        "Tham chiếu sai thì bảng phân công và chứng cứ ghi sai đơn vị, sai văn bản.",
        "lead: phong-vh-xh",
        "lead: phong-vhxh",
    ),
    "E302": X(
        "Khi tasks.yaml có nhiều phụ lục (appendices), mỗi nhiệm vụ ghi nó thuộc phụ lục nào "
        "(appendix, hoặc qua nhóm của nó).",
        "Không biết phụ lục thì văn bản xuất ra không đặt được nhiệm vụ vào đúng bảng.",
        "appendices: [{id: pl1, ...}, {id: pl2, ...}]\ntasks:\n  - id: T01\n    text: ...",
        "tasks:\n  - id: T01\n    appendix: pl1\n    text: ...",
    ),
    "E400": X(
        "Chữ Việt ở dạng Unicode dựng sẵn (NFC), như Unikey gõ theo mặc định.",
        "Chữ tổ hợp (NFD, thường do chép từ PDF hoặc máy Mac) trông giống hệt nhưng tìm kiếm, so sánh và sắp xếp "
        "đều sai.",
        "text: Hướng dẫn (chữ 'ướ' ghép từ u + dấu móc + dấu sắc)",
        "text: Hướng dẫn (chữ dựng sẵn)",
        FMT + " Chữ tổ hợp được chuyển sang dựng sẵn.",
    ),
    "E401": X(
        "Văn bản không chứa ký tự điều khiển vô hình (trừ xuống dòng).",
        "Ký tự điều khiển làm hỏng tệp .docx xuất ra và không nhìn thấy khi soát văn bản.",
        "text: Tuyên truyền\\x0b pháp luật",
        "text: Tuyên truyền pháp luật",
    ),
    "W401": X(
        "Trong một kế hoạch, cùng một từ bỏ dấu theo một kiểu: kiểu cũ (hòa, thủy, ủy) hoặc kiểu mới (hoà, thuỷ, uỷ).",
        "Văn bản hành chính cần thống nhất; trộn hai kiểu trông cẩu thả và làm tìm kiếm sót.",
        "text: Ủy ban nhân dân ... uỷ quyền",
        "text: Ủy ban nhân dân ... ủy quyền",
        fix_with("W401", "đưa dấu về kiểu của settings.tone_style (uỷ → ủy với kiểu cũ)"),
    ),
    "W402": X(
        "Tên đơn vị trong lời văn và trong cột chủ trì/phối hợp viết như trong danh mục units.yaml "
        "(tên đầy đủ, tên ngắn hoặc tên gọi khác).",
        "Tên viết khác làm người đọc tưởng là đơn vị khác, và lọc theo đơn vị (--unit) bị sót.",
        "lead_text: phòng Văn hoá Xã hội",
        "lead_text: Phòng Văn hóa - Xã hội",
        fix_with("W402", "viết lại tên như trong danh mục khi chỉ khác chữ hoa/thường hoặc dấu cách quanh '-'"),
    ),
    "W403": X(
        "Trong một kế hoạch, dấu nháy dùng một kiểu: nháy cong “...” (như văn bản đã ban hành).",
        "Trộn nháy thẳng và nháy cong làm văn bản xuất ra không thống nhất.",
        'text: Mô hình "Chính quyền thân thiện"',
        "text: Mô hình “Chính quyền thân thiện”",
        fix_with("W403", "đổi từng cặp nháy thẳng thành nháy cong"),
    ),
    "W404": X(
        "Dòng địa danh (nơi ban hành, ngày tháng) ghi đủ tên, không viết tắt P., X., TP.",
        "Nghị định 30/2020/NĐ-CP yêu cầu địa danh ghi đầy đủ ở đầu văn bản.",
        "place: P. Lê Thanh Nghị",
        "place: Lê Thanh Nghị",
        fix_with("W404", "bỏ chữ viết tắt (P. Lê Thanh Nghị → Lê Thanh Nghị; P. 3 → Phường 3)"),
    ),
    "W405": X(
        "Số, ký hiệu và ngày của văn bản được trích dẫn trong lời văn khớp với sổ văn bản documents.yaml.",
        "Trích dẫn sai số hoặc ngày là lỗi dễ bị phát hiện khi thẩm định văn bản.",
        "text: ... Kế hoạch số 43/KH-UBND ngày 31/01/2026 ...",
        "text: ... Kế hoạch số 43/KH-UBND ngày 30/01/2026 ...",
    ),
    "W406": X(
        "Mọi văn bản được trích dẫn trong lời văn có trong sổ văn bản documents.yaml.",
        "Có trong sổ thì ctt mới so được số, ngày và dùng văn bản làm chứng cứ.",
        "text: ... theo Kế hoạch số 99/KH-UBND ngày 02/02/2026 ... (không có trong documents.yaml)",
        "documents:\n  - id: kh-99\n    kind: Kế hoạch\n    number: 99/KH-UBND\n    date: 2026-02-02",
    ),
    "W407": X(
        "Văn bản làm căn cứ ban hành trước (hoặc cùng ngày) kế hoạch trích dẫn nó.",
        "Căn cứ có ngày sau kế hoạch là dấu hiệu ghi sai ngày.",
        "(kế hoạch ngày 09/04/2026 trích văn bản ngày 20/05/2026)",
        "(sửa ngày của văn bản trong documents.yaml cho đúng bản gốc)",
    ),
    "W408": X(
        "Mục tiêu ghi trong lời văn (ví dụ 'đạt Mức độ 4') khớp với dữ liệu mục tiêu từng năm của plan.yaml.",
        "Lời văn và dữ liệu lệch nhau thì báo cáo chấm điểm so với mục tiêu sai.",
        "objectives:\n  - from_year: 2026\n    level: 4\n...\n    text: Năm 2026 phấn đấu đạt Mức độ 3",
        "    text: Năm 2026 phấn đấu đạt Mức độ 4",
    ),
    "W409": X(
        "Kế hoạch đã ban hành có số, ngày và họ tên người ký.",
        "Thiếu các trường này thì kế hoạch vẫn là dự thảo; văn bản xuất ra để trống các chỗ đó.",
        "document:\n  number:\n  date:",
        "document:\n  number: 120\n  date: 2026-04-09",
    ),
    "W410": X(
        "Văn bản của phường nói 'tổ dân phố', không nói 'thôn' (thôn là của xã).",
        "Dùng sai đơn vị dân cư là lỗi nội dung khi chép kế hoạch mẫu của xã.",
        "text: ... đến các thôn trên địa bàn",
        "text: ... đến các tổ dân phố trên địa bàn",
    ),
    "W411": X(
        "Văn bản không có chữ bị lỗi bảng mã (chữ TCVN3/VNI bị đọc như Unicode).",
        "Chữ lỗi bảng mã như 'Uû ban' sẽ đi thẳng vào văn bản xuất ra.",
        "text: Uû ban nh©n d©n ph­êng",
        "text: Ủy ban nhân dân phường",
    ),
    "W412": X(
        "Mỗi mục bỏ qua (ignore) ghi một mã cảnh báo có thật và lý do (reason); lỗi (mã E) không bỏ qua được.",
        "Bỏ qua cảnh báo là quyết định của người chịu trách nhiệm; không ghi lý do thì người sau không biết vì sao "
        "lỗi được giữ lại, và --strict không coi là đã xử lý.",
        "- id: T07\n  ...\n  ignore:\n    - code: W402",
        "- id: T07\n  ...\n  ignore:\n    - code: W402\n      reason: văn bản đã ký, giữ nguyên cách viết",
    ),
    "E500": X(
        "Cột 'thời gian thực hiện' (deadline) phải là một thời hạn: không để trống, không ghi ngày "
        "không có thật (30/02), khoảng thời gian không kết thúc trước khi bắt đầu.",
        "Cụm không phải thời hạn thì không tính được hạn và không cảnh báo quá hạn; cụm theo sự kiện "
        "('Khi có phát sinh') không phải lỗi mà là cảnh báo W501.",
        "deadline: Trước ngày 30/02/2027",
        "deadline: Trước ngày 28/02/2027",
    ),
    "W500": X(
        "Cụm thời gian có tháng/ngày mà không ghi năm thì nên ghi rõ 'hằng năm'.",
        "ctt hiểu là hằng năm; ghi rõ để người đọc không hiểu khác.",
        "deadline: Tháng 11",
        "deadline: Tháng 11 hằng năm",
    ),
    "W501": X(
        "Cụm thời gian gắn với một sự kiện ('Khi có phát sinh', 'Sau khi Nghị định … ban hành') "
        "thì ctt không tính được hạn; nếu kế hoạch biết ngày, ghi thêm due (hoặc until) cạnh cụm.",
        "Nhiệm vụ theo sự kiện không bao giờ bị báo quá hạn; ghi due để được nhắc hạn.",
        "deadline: Sau khi Nghị định mới ban hành",
        "deadline: Sau khi Nghị định mới ban hành\ndue: 2027-03-31",
    ),
    "W502": X(
        "Cụm thời gian chỉ nêu các năm trong giai đoạn của kế hoạch (period).",
        "Năm ngoài giai đoạn thường là gõ nhầm (2062 thay cho 2026) và không có kỳ nào trong kế hoạch.",
        "deadline: Quý II/2062",
        "deadline: Quý II/2026",
    ),
    "W503": X(
        "Ngày nghỉ thêm (days_off) là ngày làm việc, ngày làm bù (working_days) là ngày nghỉ; "
        "ghi khác đi thì không thay đổi gì.",
        "Một dòng không có tác dụng thường là gõ nhầm ngày của đợt hoán đổi ngày Tết.",
        "days_off: [2027-02-06]  # thứ Bảy",
        "days_off: [2027-02-08]  # thứ Hai",
    ),
    "W504": X(
        "due/until chỉ dùng cho nhiệm vụ mà ctt không tự tính được hạn từ cụm thời gian.",
        "Khi cụm đã có hạn, due bị bỏ qua; giữ cả hai dễ làm người đọc hiểu sai hạn.",
        "deadline: Quý IV/2026\ndue: 2026-12-15",
        "deadline: Trước ngày 16/12/2026",
    ),
    "E600": X(
        "Tiến độ chỉ ghi cho nhiệm vụ có trong tasks.yaml và cho kỳ có trong năm đó.",
        "Ghi cho nhiệm vụ hay kỳ không có thì tiến độ đó không được tính.",
        "- task: T5\n  state: hoàn thành",
        "- task: T05\n  state: hoàn thành",
    ),
    "E601": X(
        "Kỳ đã 'hoàn thành' có ngày hoàn thành (completed).",
        "Không có ngày thì không biết đúng hạn hay muộn.",
        "- task: T03\n  state: hoàn thành",
        "- task: T03\n  state: hoàn thành\n  completed: 2026-01-30",
    ),
    "E602": X(
        "Ngày hoàn thành là ngày có thật, không ở tương lai, thuộc năm của tệp tiến độ, và chỉ ghi khi đã hoàn thành.",
        "Ngày sai làm sai trạng thái đúng hạn/muộn trong báo cáo.",
        "# progress/2026.yaml\n- task: T03\n  state: hoàn thành\n  completed: 2025-01-30",
        "- task: T03\n  state: hoàn thành\n  completed: 2026-01-30",
    ),
    "E603": X(
        "Mỗi kỳ của một nhiệm vụ chỉ ghi tiến độ một lần trong năm.",
        "Hai bản ghi cho cùng một kỳ có thể mâu thuẫn nhau.",
        "- task: T05\n  ...\n- task: T05",
        "- task: T05\n  ...   # gộp thành một bản ghi",
    ),
    "W600": X(
        "Ngày hoàn thành không sớm hơn ngày kỳ thực hiện bắt đầu.",
        "Thường là ghi nhầm năm hoặc nhầm kỳ.",
        "(kỳ Quý IV) completed: 2026-03-02",
        "(kỳ Quý IV) completed: 2026-12-02",
    ),
    "E604": X(
        "Chứng cứ là số hiệu văn bản thì ghi vào 'ref' (đọc được dạng số/ký hiệu) hoặc trỏ 'document' tới sổ văn bản.",
        "Số hiệu không đọc được thì không đối chiếu được với văn bản thật.",
        "evidence:\n  - note: KH 43 KHUBND",
        "evidence:\n  - ref: 43/KH-UBND",
    ),
    "E700": X(
        "Bộ tiêu chí đúng cấu trúc: mã duy nhất, mã con thuộc mã cha, điểm tối đa của nhóm bằng tổng các "
        "tiêu chí con, các mức độ định nghĩa một lần.",
        "Bộ tiêu chí sai thì mọi điểm tính theo nó đều sai.",
        "- id: '1'\n  max: 20\n  children:\n    - {id: '1.1', max: 8}\n    - {id: '1.2', max: 8}",
        "- id: '1'\n  max: 16\n  children:\n    - {id: '1.1', max: 8}\n    - {id: '1.2', max: 8}",
    ),
    "E701": X(
        "Chỉ chấm cho tiêu chí có trong bộ tiêu chí (tiêu chí lá).",
        "Điểm cho tiêu chí không có sẽ không được cộng vào đâu.",
        "- criterion: '1.9'\n  self: 5",
        "- criterion: '1.2'\n  self: 5",
    ),
    "E702": X(
        "Điểm từ 0 đến điểm tối đa của tiêu chí.",
        "Điểm vượt tối đa làm tổng điểm và mức độ đạt được sai.",
        "- criterion: '1.1'\n  self: 12   # tối đa 10",
        "- criterion: '1.1'\n  self: 10",
    ),
    "E703": X(
        "Điểm đúng bước chấm của tiêu chí (ví dụ bước 0,5), tiêu chí đạt/không đạt thì ghi đạt/không đạt.",
        "Điểm lẻ không đúng bước là dấu hiệu gõ nhầm.",
        "- criterion: '2.1'\n  self: 9.3   # bước 0,5",
        "- criterion: '2.1'\n  self: 9.5",
    ),
    "E704": X(
        "Mọi tiêu chí lá đều được chấm, hoặc ghi rõ là chưa chấm (not_scored: true).",
        "Thiếu điểm thì tổng điểm thấp hơn thực tế mà không ai biết.",
        "(scores/2026.yaml không có tiêu chí 3.2)",
        "- criterion: '3.2'\n  self: 6\n# hoặc, khi chưa chấm được:\n- criterion: '3.2'\n  not_scored: true",
    ),
    "E705": X(
        "Mỗi tiêu chí chỉ chấm một lần trong năm.",
        "Chấm hai lần thì không biết điểm nào đúng.",
        "- criterion: '1.1'\n  self: 8\n- criterion: '1.1'\n  self: 9",
        "- criterion: '1.1'\n  self: 8",
    ),
    "E706": X(
        "Mức độ ghi ở mục tiêu (objectives) hoặc mức đăng ký (registered_level) phải là một mức mà bộ "
        "tiêu chí định nghĩa (levels).",
        "Mức không có trong bộ tiêu chí thì không chấm được là đạt hay chưa, và công văn đăng ký ghi sai.",
        "objectives:\n  - from_year: 2026\n    level: 7",
        "objectives:\n  - from_year: 2026\n    level: 4",
    ),
    "W700": X(
        "Tiêu chí bị trừ điểm có giải trình (explanation).",
        "Hội đồng thẩm định hỏi lý do mỗi điểm bị trừ; giải trình ghi sẵn thì báo cáo tự đánh giá có ngay.",
        "- criterion: '1.2'\n  self: 7",
        "- criterion: '1.2'\n  self: 7\n  explanation: 2 phản ánh xử lý quá hạn.",
    ),
    "W701": X(
        "Dữ liệu minh họa (bộ tiêu chí, điểm) được ghi rõ là minh họa, và ctt luôn nhắc điều đó.",
        "Không để số liệu minh họa bị hiểu là văn bản hay kết quả chính thức.",
        "status: illustrative\nnotice: ĐIỂM MINH HỌA ...",
        "(thay bằng dữ liệu thật, bỏ status: illustrative)",
    ),
    "W800": X(
        "Báo cáo năm (reports/NĂM.yaml) có đủ các phần tường thuật: kết quả, hạn chế, nguyên nhân, "
        "phương hướng năm sau...",
        "Thiếu phần nào thì văn bản xuất ra để trống phần đó.",
        "# reports/2026.yaml\nachievements: [...]\nshortcomings: []",
        "achievements: [...]\nshortcomings:\n  - Còn 2 phản ánh xử lý quá hạn.",
    ),
}


def explanation(code: str) -> Explanation | None:
    return EXPLANATIONS.get(code.strip().upper())


def severity_word(code: str) -> str:
    return "lỗi" if CODES[code][0] is Severity.ERROR else "cảnh báo"
