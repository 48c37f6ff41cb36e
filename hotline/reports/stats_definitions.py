"""How each figure of the statistics report is counted, in Vietnamese and English: the report's definitions page
(PDF, XLSX and the reports screen) and the indicators' labels (docs/law.md "Indicators")."""

from __future__ import annotations

from hotline.reports.stats_words import HOURS, INT, SHARE

#: (key, kind, Vietnamese label, English label, Vietnamese definition, English definition) of each indicator, the
#: province's headline per child first.
INDICATORS = (
    ("children_abused", INT, "Trẻ em bị xâm hại (dưới 16 tuổi)", "Abused children (under 16)",
     "Trẻ em dưới 16 tuổi (hoặc chưa rõ tuổi) được ghi tình trạng “bị xâm hại” trong các cuộc gọi có nội dung của"
     " kỳ. Tính theo từng trẻ được nêu trong một cuộc gọi: hai anh chị em trong một cuộc gọi là 2 trẻ; một trẻ được"
     " báo trong hai cuộc gọi được tính hai lần. Không tính người từ 16 đến 17 tuổi, người lớn, trẻ chỉ “có nguy"
     " cơ bị xâm hại” hoặc “chưa xác định”.",
     "Children under 16 (or of unknown age) recorded as “abused” on the calls with content of the period. Counted"
     " per child named on a call: two siblings on one call are 2; a child reported on two calls counts twice."
     " People aged 16–17, adults, and children only “at risk” or “not clear yet” are not counted."),
    ("children_abused_with_case", INT, "Trẻ em bị xâm hại đã có hồ sơ", "Abused children with a case file",
     "Trẻ em bị xâm hại (như trên) đã được mở hồ sơ quản lý trường hợp cho chính trẻ đó từ cuộc gọi đó, hoặc cuộc"
     " gọi đã được gắn vào hồ sơ sẵn có của trẻ (trẻ được báo lại). Xét theo tình trạng lúc lập báo cáo (hồ sơ mở"
     " sau cuối kỳ cũng được tính).",
     "Abused children (as above) for whom a case file was opened, for that child, from that call, or whose call was"
     " linked to the child's existing case file (a child reported again). Judged as things stand when the report is"
     " made (a case opened after the period counts)."),
    ("children_abused_without_case", INT, "Trẻ em bị xâm hại chưa có hồ sơ", "Abused children without a case file",
     "Trẻ em bị xâm hại chưa có hồ sơ lúc lập báo cáo; báo cáo liệt kê các trẻ này, cũ nhất trước (thời gian,"
     " đường dây, mã cuộc gọi, giới tính, độ tuổi; không ghi tên).",
     "Abused children without a case file when the report is made; the report lists them, oldest first (time,"
     " line, call number, sex, age; no names)."),
    ("share_children_with_case", SHARE, "Tỷ lệ trẻ em bị xâm hại có hồ sơ", "Share of abused children with a case file",
     "Trẻ em bị xâm hại đã có hồ sơ chia cho trẻ em bị xâm hại; tính theo số trẻ, không theo cuộc gọi. Chỉ tiêu"
     " của tỉnh: 100 %.",
     "Abused children with a case file divided by the abused children; counted per child, not per call. The"
     " province's target: 100 %."),
    ("minors_abused", INT, "Người chưa thành niên (16–17 tuổi) bị xâm hại", "Abused minors (16–17)",
     "Người từ 16 đến 17 tuổi được ghi tình trạng “bị xâm hại” trong các cuộc gọi có nội dung của kỳ, tính theo"
     " từng người như trẻ em. Được hỗ trợ như trẻ em nhưng tính riêng, không vào chỉ tiêu trẻ em (Luật Trẻ em,"
     " Điều 1).",
     "People aged 16–17 recorded as “abused” on the calls with content of the period, counted per person as"
     " children are. Supported as children are but counted apart, outside the children's target (Luật Trẻ em,"
     " Điều 1)."),
    ("minors_abused_with_case", INT, "… trong đó đã có hồ sơ", "… of whom with a case file",
     "Người chưa thành niên bị xâm hại (như trên) đã có hồ sơ, tính như với trẻ em.",
     "Abused minors (as above) with a case file, counted as for children."),
    ("children_supported", INT, "Trẻ được hỗ trợ (hồ sơ mở trong kỳ)", "Children supported (case files opened)",
     "Số người khác nhau có hồ sơ quản lý trường hợp được mở trong kỳ; mỗi người tính một lần dù có nhiều hồ sơ;"
     " hồ sơ của một cuộc gọi không nêu người nào được tính là một trẻ.",
     "The distinct people with a case file opened in the period, each once however many files they have; the file"
     " of a call that names nobody counts as one child."),
    ("calls_received", INT, "Cuộc gọi đến", "Calls received",
     "Mọi cuộc gọi bắt đầu trong kỳ (ngày theo giờ Việt Nam), kể cả cuộc gọi một phím (im lặng, cúp máy, gọi phá,"
     " nhầm số, chửi bới, gọi thử).",
     "Every contact that started in the period (Vietnamese dates), one-key outcomes included (silent, hang-up,"
     " prank, wrong number, abusive, test)."),
    ("substantive", INT, "Cuộc gọi có nội dung", "Calls with content",
     "Cuộc gọi có kết quả “có nội dung”, không phải cuộc gọi một phím.",
     "Calls whose outcome is “with content”: not a one-key outcome."),
    ("with_record", INT, "Cuộc gọi có ghi nhận vấn đề", "Calls with a record",
     "Cuộc gọi có nội dung được ghi nhận ít nhất một vấn đề.",
     "Calls with content with at least one category recorded."),
    ("counselling", INT, "Cuộc gọi tư vấn", "Counselling calls",
     "Cuộc gọi có nội dung có ít nhất một vấn đề thuộc nhóm tư vấn.",
     "Calls with content with at least one counselling category."),
    ("abuse_reports", INT, "Tin báo xâm hại trẻ em", "Abuse reports",
     "Cuộc gọi có nội dung có vấn đề thuộc nhóm xâm hại trẻ em (Luật Trẻ em, Điều 4(5)); tảo hôn thuộc nhóm vi"
     " phạm quyền trẻ em khác, không tính ở đây.",
     "Calls with content with a child abuse category (Law on Children, Article 4(5)); child marriage is another"
     " violation of children's rights, not counted here."),
    ("trafficking_reports", INT, "Tin báo mua bán người", "Trafficking reports",
     "Cuộc gọi có nội dung có vấn đề thuộc nhóm mua bán người, trừ “thông tin / nghi vấn tuyển dụng”.",
     "Calls with content with a trafficking category other than “information / suspected recruitment”."),
    ("reports", INT, "Tin báo xâm hại, mua bán người", "Abuse and trafficking reports",
     "Cuộc gọi có tin báo xâm hại trẻ em hoặc mua bán người; mỗi cuộc gọi tính một lần.",
     "Calls with an abuse or a trafficking report, each call counted once."),
    ("reports_with_case", INT, "Tin báo đã có hồ sơ (theo cuộc gọi)", "Reports with a case file (per call)",
     "Tin báo đã được mở hồ sơ quản lý trường hợp (cho ít nhất một trẻ), hoặc cuộc gọi đã được gắn với một hồ sơ."
     " Xét theo tình trạng lúc lập báo cáo (hồ sơ mở sau cuối kỳ cũng được tính), không phải lúc cuối kỳ.",
     "Reports from which a case was opened (for at least one child), or whose call was linked to a case. Judged as"
     " things stand when the report is made (a case opened after the period counts), not at the end of the period."),
    ("reports_without_case", INT, "Tin báo chưa có hồ sơ (theo cuộc gọi)", "Reports without a case file (per call)",
     "Tin báo chưa có hồ sơ quản lý trường hợp nào lúc lập báo cáo; báo cáo liệt kê các tin báo này, cũ nhất trước"
     " (thời gian, đường dây, mã cuộc gọi).",
     "Reports without any case file when the report is made; the report lists them, oldest first (time, line,"
     " call number)."),
    ("share_with_case", SHARE, "Tỷ lệ tin báo có hồ sơ (theo cuộc gọi)", "Share of reports with a case file (per call)",
     "Tin báo đã có hồ sơ (lúc lập báo cáo) chia cho tin báo xâm hại, mua bán người; tính theo tin báo (cuộc"
     " gọi), không theo số trẻ: hai trẻ trong một cuộc gọi mà chỉ một trẻ có hồ sơ vẫn tính là có hồ sơ. Chỉ số"
     " phụ, để so sánh với các kỳ trước; chỉ tiêu của tỉnh tính theo trẻ (ở trên).",
     "Reports with a case file (when the report is made) divided by the abuse and trafficking reports; counted"
     " by reports (calls), not by children: two children on a call of whom only one has a case file still count as"
     " done. A secondary figure, to compare with earlier periods; the province's target counts children (above)."),
    ("cases_opened", INT, "Hồ sơ mở trong kỳ", "Cases opened",
     "Hồ sơ quản lý trường hợp được mở trong kỳ.",
     "Case files opened in the period."),
    ("cases_closed", INT, "Hồ sơ đóng trong kỳ", "Cases closed",
     "Hồ sơ được đóng trong kỳ; mỗi hồ sơ tính một lần, kể cả hồ sơ sau đó được mở lại.",
     "Case files closed in the period, each once, including those reopened later."),
    ("cases_overdue", INT, "Hồ sơ quá hạn", "Cases overdue",
     "Xét tại cuối kỳ (hoặc lúc lập báo cáo, nếu kỳ chưa kết thúc): hồ sơ chưa đóng vào lúc đó có một thời hạn đã"
     " qua mà chưa đáp ứng: can thiệp khẩn cấp hoặc tạm thời cách ly trong 12 giờ (Nghị định 56/2017, Điều 26(3),"
     " 32), kế hoạch hỗ trợ trong 5 ngày làm việc (Điều 28(1)), tạm thời cách ly quá 15 ngày chưa kết thúc (Điều"
     " 32).",
     "Judged at the end of the period (or when the report is made, if the period is not over): cases not closed"
     " then with a clock past its due and not met: emergency measures or temporary separation within 12 hours"
     " (Decree 56/2017, Articles 26(3), 32), the support plan within 5 working days (Article 28(1)), a temporary"
     " separation past 15 days and not ended (Article 32)."),
    ("median_hours_to_case", HOURS, "Thời gian từ cuộc gọi đến lập hồ sơ (trung vị, giờ)",
     "Time from call to case file (median, hours)",
     "Trung vị, trên các hồ sơ mở trong kỳ, của thời gian từ lúc bắt đầu cuộc gọi đến lúc mở hồ sơ, tính bằng giờ.",
     "Median over the cases opened in the period of the time from the call's start to the opening, in hours."),
)  # fmt: skip

#: (key, Vietnamese title, English title, Vietnamese definition, English definition) of each group of breakdowns.
BREAKDOWNS = (
    ("by_service_level", "Theo mức dịch vụ", "By service level",
     "Mỗi cuộc gọi có nội dung có đúng một mức dịch vụ của 111 do tổng đài viên chọn: hỏi đáp thông tin, tư vấn"
     " chuyên sâu, đề nghị hỗ trợ, can thiệp. Các mức cộng lại bằng số cuộc gọi có nội dung (cuộc gọi cũ chưa ghi"
     " mức, nếu có, ở dòng “không ghi nhận”).",
     "Each call with content has exactly one of 111's service levels, chosen by the operator: information,"
     " in-depth counselling, support or intervention. They add up to the calls with content (an old call without"
     " one, if any, is under “not recorded”)."),
    ("by_channel", "Theo kênh", "By channel",
     "Mọi cuộc gọi đến theo kênh tiếp nhận (điện thoại, Zalo, ứng dụng, đến trực tiếp); cộng lại bằng số cuộc gọi"
     " đến.",
     "Every call received by the channel it came through (phone, Zalo, app, walk-in); they add up to the calls"
     " received."),
    ("by_referral", "Theo nơi chuyển gửi", "By referral",
     "Cuộc gọi có nội dung theo nơi được chuyển gửi; một cuộc gọi chuyển đến hai nơi được tính ở cả hai, nên tổng"
     " có thể lớn hơn số cuộc gọi.",
     "Calls with content by where they were referred to; a call referred to two places counts under both, so the"
     " rows may add up to more than the calls."),
    ("abused_children", "Trẻ em bị xâm hại", "Abused children",
     "Các trẻ em bị xâm hại (chỉ số ở trên) theo hình thức xâm hại (các vấn đề nhóm xâm hại của cuộc gọi; “bị mua"
     " bán” khi cuộc gọi có vấn đề mua bán người; một trẻ được tính ở mỗi hình thức của cuộc gọi), giới tính, độ"
     " tuổi (tuổi chính xác, nếu không có thì nhóm tuổi đã chọn), nơi xảy ra (Thông tư 13/2021, chỉ tiêu 0101:"
     " gia đình, trường học, cộng đồng, trên mạng, nơi làm việc, nơi khác) và xã, phường nơi xảy ra vụ việc. Trừ"
     " hình thức, mỗi cách chia cộng lại bằng số trẻ em bị xâm hại.",
     "The abused children (the indicator above) by form of abuse (the abuse categories of their call; “trafficked”"
     " when the call has a trafficking category; a child counts under each form of the call), sex, age (the exact"
     " age, else the band chosen), setting (Circular 13/2021, indicator 0101: family, school, community, online,"
     " workplace, other) and commune of the incident. Each breakdown but the forms adds up to the abused"
     " children."),
    ("trafficking_victims", "Nạn nhân mua bán người", "Trafficking victims",
     "Mọi người được nêu trong cuộc gọi có nội dung có vấn đề mua bán người (trừ “thông tin / nghi vấn tuyển"
     " dụng”), theo giới tính, nhóm tuổi (trẻ em dưới 16, người chưa thành niên 16–17, người lớn từ 18, không rõ"
     " tuổi), nơi bị đưa đến, mục đích (mỗi vấn đề mua bán người của cuộc gọi) và nơi chuyển gửi (mỗi nơi cuộc gọi"
     " được chuyển đến, hoặc “không chuyển gửi”). Cuộc gọi không nêu người nào không có nạn nhân được tính.",
     "Everyone named on a call with content with a trafficking category (other than “information / suspected"
     " recruitment”), by sex, age group (child under 16, minor 16–17, adult 18 or older, age unknown), destination,"
     " purpose (each trafficking category of the call) and referral (each place the call was referred to, or"
     " “not referred”). A call that names nobody adds no victim."),
    ("people", "Người được nêu trong cuộc gọi", "People named on calls",
     "Mọi người được nêu trong các cuộc gọi có nội dung (trẻ em, người chưa thành niên và nạn nhân mua bán người là"
     " người lớn), theo giới tính, độ tuổi và xã, phường nơi ở; một cuộc gọi có thể nêu nhiều người.",
     "Everyone named on the calls with content (children, minors and adult trafficking victims), by sex, age and"
     " commune of residence; a call may name several people."),
)  # fmt: skip


def definitions(lang: str = "vi") -> list[tuple[str, str]]:
    """(label, how it is counted) of every indicator and group of breakdowns, in the report's order."""
    english = lang == "en"
    rows = [(en if english else vi, den if english else dvi) for _, _, vi, en, dvi, den in INDICATORS]
    rows += [(en if english else vi, den if english else dvi) for _, vi, en, dvi, den in BREAKDOWNS]
    return rows
