<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>AdminScreen</name>
        <message>
            <source>Administration</source>
            <translation>Quản trị</translation>
        </message>
        <message>
            <source>&amp;Users</source>
            <translation>&amp;Người dùng</translation>
        </message>
        <message>
            <source>&amp;Lines</source>
            <translation>Đường dâ&amp;y</translation>
        </message>
        <message>
            <source>Cate&amp;gories</source>
            <translation>Loại &amp;vấn đề</translation>
        </message>
        <message>
            <source>Se&amp;ttings</source>
            <translation>Cà&amp;i đặt</translation>
        </message>
        <message>
            <source>&amp;Backups</source>
            <translation>Sa&amp;o lưu</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>Không thực hiện được</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Backing up before closing…</source>
            <extracomment>Calls in the throw-away demo database: enough for realistic caller histories, built in about a second.</extracomment>
            <translation>Đang sao lưu trước khi đóng…</translation>
        </message>
        <message>
            <source>Hotline — backup</source>
            <translation>Hotline — sao lưu</translation>
        </message>
        <message>
            <source>The backup at closing could not be made:</source>
            <translation>Không tạo được bản sao lưu khi đóng chương trình:</translation>
        </message>
        <message>
            <source>The data itself is safe. Please tell the administrator.</source>
            <translation>Bản thân dữ liệu vẫn an toàn. Hãy báo cho quản trị viên.</translation>
        </message>
        <message>
            <source>Hotline — database problem</source>
            <translation>Hotline — lỗi cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>Hotline cannot use its database.</source>
            <translation>Hotline không dùng được cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>If another copy of Hotline is open, close it and try again. Otherwise, tell the administrator.</source>
            <translation>Nếu đang mở một cửa sổ Hotline khác, hãy đóng nó rồi thử lại. Nếu không, hãy báo cho quản trị viên.</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Đang khôi phục bản sao lưu…</translation>
        </message>
        <message>
            <source>Backup restored</source>
            <translation>Đã khôi phục bản sao lưu</translation>
        </message>
        <message>
            <source>The backup %1 is restored. The database as it was before is kept in %2. Please sign in again.</source>
            <translation>Đã khôi phục bản sao lưu %1. Cơ sở dữ liệu trước khi khôi phục được giữ lại tại %2. Hãy đăng nhập lại.</translation>
        </message>
        <message>
            <source>An unexpected error happened. Calls being typed are kept as drafts and will be offered back.</source>
            <translation>Đã xảy ra lỗi ngoài dự kiến. Các cuộc gọi đang nhập được giữ lại dưới dạng bản nháp và sẽ được mở lại cho bạn.</translation>
        </message>
        <message>
            <source>An unexpected error happened.</source>
            <translation>Đã xảy ra lỗi ngoài dự kiến.</translation>
        </message>
        <message>
            <source>Hotline — unexpected error</source>
            <translation>Hotline — lỗi ngoài dự kiến</translation>
        </message>
        <message>
            <source>If it happens again, please tell the administrator (details are in %1).</source>
            <translation>Nếu lỗi lặp lại, hãy báo cho quản trị viên (chi tiết ghi trong %1).</translation>
        </message>
    </context>
    <context>
        <name>AssessmentEditor</name>
        <message>
            <source>Assessment</source>
            <extracomment>111's service levels by key: the same keys in every language (a translated label's own Alt+letter would differ). The referral ticked that names a victim's referral ("to whom" offered in the victim row).</extracomment>
            <translation>Đánh giá</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— chọn —</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>Mức độ nguy cơ</translation>
        </message>
        <message>
            <source>What happened, to whom, where, and how the child is now</source>
            <translation>Chuyện gì xảy ra, với ai, ở đâu, hiện giờ trẻ thế nào</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>Help or intervention the child already had before the hotline heard of it</source>
            <translation>Những hỗ trợ, can thiệp đã thực hiện đối với trẻ trước khi tổng đài nhận tin</translation>
        </message>
        <message>
            <source>Help given before the report</source>
            <translation>Hỗ trợ, can thiệp trước khi tổng đài nhận tin</translation>
        </message>
        <message>
            <source>Mẫu 01: help given to the child before the report — not your own action, which goes below</source>
            <translation>Mẫu 01: những hỗ trợ, can thiệp đã thực hiện đối với trẻ em trước khi nhận được thông tin — không phải việc tổng đài viên đã làm (ghi ở ô bên dưới)</translation>
        </message>
        <message>
            <source>What you did or advised during the call</source>
            <translation>Những gì bạn đã làm hoặc tư vấn trong cuộc gọi</translation>
        </message>
        <message>
            <source>Action taken</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>Passed to the commune</source>
            <translation>Đã báo UBND xã</translation>
        </message>
        <message>
            <source>Victim referred</source>
            <translation>Đã chuyển giao nạn nhân</translation>
        </message>
        <message>
            <source>Go to the risk level</source>
            <extracomment>set by the call form: the name of the commune of the incident, for "UBND &lt;commune&gt;"</extracomment>
            <translation>Đến ô mức độ nguy cơ</translation>
        </message>
        <message>
            <source>Go to the summary</source>
            <translation>Đến ô tóm tắt</translation>
        </message>
        <message>
            <source>Go to the action taken</source>
            <translation>Đến ô xử lý</translation>
        </message>
        <message>
            <source>Service level: %s</source>
            <translation>Mức dịch vụ: %s</translation>
        </message>
        <message>
            <source>Risk (Alt+R)</source>
            <translation>Mức độ nguy cơ (Alt+R)</translation>
        </message>
        <message>
            <source>Service level</source>
            <translation>Mức dịch vụ</translation>
        </message>
        <message>
            <source>Summary (Alt+S)</source>
            <translation>Tóm tắt (Alt+S)</translation>
        </message>
        <message>
            <source>Help before the report</source>
            <translation>Hỗ trợ trước khi nhận tin</translation>
        </message>
        <message>
            <source>Action taken (Alt+A)</source>
            <translation>Đã xử lý (Alt+A)</translation>
        </message>
        <message>
            <source>Referred to</source>
            <translation>Chuyển đến</translation>
        </message>
        <message>
            <source>%s: %s, %s, %s</source>
            <translation>%s: %s, %s, %s</translation>
        </message>
    </context>
    <context>
        <name>AuditDetails</name>
        <message>
            <source>Daily, at the first start of the day</source>
            <extracomment>What made a backup (core.backups.KINDS).</extracomment>
            <translation>Hằng ngày, khi mở chương trình lần đầu trong ngày</translation>
        </message>
        <message>
            <source>At closing</source>
            <translation>Khi đóng chương trình</translation>
        </message>
        <message>
            <source>Taken by hand</source>
            <translation>Sao lưu thủ công</translation>
        </message>
        <message>
            <source>The database replaced by a restore</source>
            <translation>Cơ sở dữ liệu bị thay khi khôi phục</translation>
        </message>
        <message>
            <source>Children</source>
            <extracomment>File formats of the exports. Fields of an edit whose words are not the edit dialog's (the call's children as a whole, a user's fields).</extracomment>
            <translation>Trẻ</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Mẫu 01 number</source>
            <translation>Số Mẫu 01</translation>
        </message>
        <message>
            <source>To %1, %2 rows</source>
            <translation>Xuất %1, %2 dòng</translation>
        </message>
        <message>
            <source>To %1, 1 row</source>
            <translation>Xuất %1, 1 dòng</translation>
        </message>
        <message>
            <source>In the group: %1</source>
            <translation>Thuộc nhóm: %1</translation>
        </message>
        <message>
            <source>Up %1 places</source>
            <translation>Lên %1 vị trí</translation>
        </message>
        <message>
            <source>Up 1 place</source>
            <translation>Lên 1 vị trí</translation>
        </message>
        <message>
            <source>Down %1 places</source>
            <translation>Xuống %1 vị trí</translation>
        </message>
        <message>
            <source>Down 1 place</source>
            <translation>Xuống 1 vị trí</translation>
        </message>
        <message>
            <source>%1, from call %2</source>
            <translation>%1, từ cuộc gọi %2</translation>
        </message>
        <message>
            <source>Note no. %1</source>
            <translation>Ghi chú số %1</translation>
        </message>
        <message>
            <source>Correction, entry no. %1</source>
            <translation>Đính chính, mục số %1</translation>
        </message>
        <message>
            <source>Call %1</source>
            <translation>Cuộc gọi %1</translation>
        </message>
        <message>
            <source>At the step: %1</source>
            <translation>Ở bước: %1</translation>
        </message>
        <message>
            <source>Back to the step: %1</source>
            <translation>Quay lại bước: %1</translation>
        </message>
        <message>
            <source>The previous database was kept as %1</source>
            <translation>Cơ sở dữ liệu trước đó được giữ lại: %1</translation>
        </message>
        <message>
            <source>There was no previous database</source>
            <translation>Chưa có cơ sở dữ liệu trước đó</translation>
        </message>
        <message>
            <source>the database was damaged</source>
            <translation>cơ sở dữ liệu đã bị hỏng</translation>
        </message>
    </context>
    <context>
        <name>AuditModel</name>
        <message>
            <source>Time</source>
            <extracomment>Rows read at a time: a screenful or four, so scrolling rarely waits and a million rows never load at once. headerData under this role: the widest texts of a column that may not be on the first page (log_columns)</extracomment>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Chi tiết</translation>
        </message>
        <message>
            <source>after the idle minutes</source>
            <translation>sau thời gian không sử dụng</translation>
        </message>
        <message>
            <source>by the user</source>
            <translation>do người dùng tự khóa</translation>
        </message>
        <message>
            <source>At sign-in</source>
            <translation>Khi đăng nhập</translation>
        </message>
        <message>
            <source>Changing own password</source>
            <translation>Khi đổi mật khẩu</translation>
        </message>
        <message>
            <source>(unknown username)</source>
            <extracomment>what details may name besides codes; the screen adds the category groups' labels</extracomment>
            <translation>(tên đăng nhập không có trong hệ thống)</translation>
        </message>
        <message>
            <source>(no user: command line or Hotline itself)</source>
            <translation>(không có người dùng: dòng lệnh hoặc chính Hotline)</translation>
        </message>
        <message>
            <source>account locked</source>
            <translation>tài khoản bị tạm khóa</translation>
        </message>
        <message>
            <source>%1 in a row</source>
            <translation>%1 lần liên tiếp</translation>
        </message>
        <message>
            <source>to nobody</source>
            <translation>không giao cho ai</translation>
        </message>
        <message>
            <source>to %1</source>
            <translation>cho %1</translation>
        </message>
    </context>
    <context>
        <name>AuditScreen</name>
        <message>
            <source>Audit log</source>
            <extracomment>Days shown when the screen opens: the last week, today included. Typing a date changes it digit by digit: read once the typing pauses. How the columns are sized (log_columns): the time never cut short; "(no user: command line or Hotline itself)" and "User 6 · Huỳnh Thị Lan (canbo1)" whole at 1366 px, given up first when the window is narrower. The details' least width where the screen allows (the last column, stretched over the rest).</extracomment>
            <translation>Nhật ký hoạt động</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <source>All users</source>
            <translation>Mọi người dùng</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>Mọi thao tác</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Làm mới (F5)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <source>Number of entries</source>
            <translation>Số dòng nhật ký</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>Người &amp;dùng</translation>
        </message>
        <message>
            <source>&amp;Action</source>
            <translation>Th&amp;ao tác</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>Từ &amp;ngày</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>Đến ngà&amp;y</translation>
        </message>
        <message>
            <source>Audit log entries</source>
            <translation>Các dòng nhật ký hoạt động</translation>
        </message>
        <message>
            <source>Refresh the audit log</source>
            <translation>Làm mới nhật ký hoạt động</translation>
        </message>
        <message>
            <source>Go to the filters</source>
            <translation>Đến ô lọc</translation>
        </message>
        <message>
            <source>Copy the selected entries</source>
            <translation>Sao chép các dòng đã chọn</translation>
        </message>
        <message>
            <source>%1 — disabled</source>
            <translation>%1 — đã vô hiệu hóa</translation>
        </message>
        <message>
            <source>No user (command line, unknown username)</source>
            <translation>Không có người dùng (dòng lệnh, tên đăng nhập không có trong hệ thống)</translation>
        </message>
        <message>
            <source>Other actions</source>
            <translation>Thao tác khác</translation>
        </message>
        <message>
            <source>1 entry</source>
            <translation>1 dòng</translation>
        </message>
        <message>
            <source>%1 entries</source>
            <translation>%1 dòng</translation>
        </message>
    </context>
    <context>
        <name>AuditWords</name>
        <message>
            <source>Signed in</source>
            <extracomment>Every action the program appends (unknown ones are shown as their code).</extracomment>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>Wrong password</source>
            <translation>Sai mật khẩu</translation>
        </message>
        <message>
            <source>Sign-in refused: account locked</source>
            <translation>Từ chối đăng nhập: tài khoản đang bị khóa</translation>
        </message>
        <message>
            <source>Sign-in refused: account disabled</source>
            <translation>Từ chối đăng nhập: tài khoản đã bị vô hiệu hóa</translation>
        </message>
        <message>
            <source>Sign-in with an unknown username</source>
            <translation>Đăng nhập bằng tên không có trong hệ thống</translation>
        </message>
        <message>
            <source>Screen locked</source>
            <translation>Khóa màn hình</translation>
        </message>
        <message>
            <source>Screen unlocked</source>
            <translation>Mở khóa màn hình</translation>
        </message>
        <message>
            <source>Own password changed</source>
            <translation>Tự đổi mật khẩu</translation>
        </message>
        <message>
            <source>Call saved</source>
            <translation>Lưu cuộc gọi</translation>
        </message>
        <message>
            <source>Call edited</source>
            <translation>Sửa cuộc gọi</translation>
        </message>
        <message>
            <source>Call opened</source>
            <translation>Xem cuộc gọi</translation>
        </message>
        <message>
            <source>Call reviewed</source>
            <translation>Duyệt cuộc gọi</translation>
        </message>
        <message>
            <source>Case-file flag cleared</source>
            <translation>Bỏ đánh dấu cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Cleared flag accepted at review</source>
            <translation>Xác nhận lý do bỏ đánh dấu khi duyệt</translation>
        </message>
        <message>
            <source>Call flagged again</source>
            <translation>Đánh dấu lại cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Call given to a counselor</source>
            <translation>Giao cuộc gọi cho cán bộ phụ trách</translation>
        </message>
        <message>
            <source>Report passed to the commune or victim referred</source>
            <translation>Đã báo UBND xã hoặc chuyển giao nạn nhân</translation>
        </message>
        <message>
            <source>Case file opened</source>
            <translation>Mở hồ sơ</translation>
        </message>
        <message>
            <source>Case file viewed</source>
            <translation>Xem hồ sơ</translation>
        </message>
        <message>
            <source>Case details changed</source>
            <translation>Sửa thông tin hồ sơ</translation>
        </message>
        <message>
            <source>Case step done</source>
            <translation>Hoàn thành một bước hồ sơ</translation>
        </message>
        <message>
            <source>Case note written</source>
            <translation>Thêm ghi chú hồ sơ</translation>
        </message>
        <message>
            <source>Case note corrected</source>
            <translation>Đính chính ghi chú hồ sơ</translation>
        </message>
        <message>
            <source>Referral made</source>
            <translation>Thêm chuyển gửi</translation>
        </message>
        <message>
            <source>Referral outcome recorded</source>
            <translation>Ghi kết quả chuyển gửi</translation>
        </message>
        <message>
            <source>Call linked to a case</source>
            <translation>Liên kết cuộc gọi với hồ sơ</translation>
        </message>
        <message>
            <source>Case given to a counselor</source>
            <translation>Giao hồ sơ cho cán bộ phụ trách</translation>
        </message>
        <message>
            <source>Case closed</source>
            <translation>Đóng hồ sơ</translation>
        </message>
        <message>
            <source>Case reopened</source>
            <translation>Mở lại hồ sơ</translation>
        </message>
        <message>
            <source>New plan cycle after review</source>
            <translation>Bắt đầu chu kỳ kế hoạch mới sau rà soát</translation>
        </message>
        <message>
            <source>12-hour emergency decision recorded</source>
            <translation>Đã ghi quyết định can thiệp khẩn cấp (12 giờ)</translation>
        </message>
        <message>
            <source>Plan approval recorded</source>
            <translation>Đã ghi ngày phê duyệt kế hoạch</translation>
        </message>
        <message>
            <source>Temporary separation started</source>
            <translation>Bắt đầu tạm thời cách ly</translation>
        </message>
        <message>
            <source>Temporary separation extended</source>
            <translation>Gia hạn tạm thời cách ly</translation>
        </message>
        <message>
            <source>Temporary separation ended</source>
            <translation>Kết thúc tạm thời cách ly</translation>
        </message>
        <message>
            <source>Mẫu 01 saved as PDF</source>
            <translation>Lưu Mẫu số 01 thành PDF</translation>
        </message>
        <message>
            <source>Calls exported</source>
            <translation>Xuất danh sách cuộc gọi</translation>
        </message>
        <message>
            <source>First administrator created</source>
            <translation>Tạo quản trị viên đầu tiên</translation>
        </message>
        <message>
            <source>User added</source>
            <translation>Thêm người dùng</translation>
        </message>
        <message>
            <source>User changed</source>
            <translation>Sửa người dùng</translation>
        </message>
        <message>
            <source>User disabled</source>
            <translation>Vô hiệu hóa người dùng</translation>
        </message>
        <message>
            <source>User enabled again</source>
            <translation>Kích hoạt lại người dùng</translation>
        </message>
        <message>
            <source>Password set</source>
            <translation>Đặt mật khẩu</translation>
        </message>
        <message>
            <source>Password reset by the administrator</source>
            <translation>Quản trị viên đặt lại mật khẩu</translation>
        </message>
        <message>
            <source>Account unlocked</source>
            <translation>Mở khóa tài khoản</translation>
        </message>
        <message>
            <source>Line added</source>
            <translation>Thêm đường dây</translation>
        </message>
        <message>
            <source>Line renamed</source>
            <translation>Đổi tên đường dây</translation>
        </message>
        <message>
            <source>Line moved in the list</source>
            <translation>Đổi thứ tự đường dây</translation>
        </message>
        <message>
            <source>Line in use again</source>
            <translation>Dùng lại đường dây</translation>
        </message>
        <message>
            <source>Line retired</source>
            <translation>Ngừng dùng đường dây</translation>
        </message>
        <message>
            <source>Category added</source>
            <translation>Thêm loại vấn đề</translation>
        </message>
        <message>
            <source>Category renamed</source>
            <translation>Đổi tên loại vấn đề</translation>
        </message>
        <message>
            <source>Category moved in the list</source>
            <translation>Đổi thứ tự loại vấn đề</translation>
        </message>
        <message>
            <source>Category in use again</source>
            <translation>Dùng lại loại vấn đề</translation>
        </message>
        <message>
            <source>Category retired</source>
            <translation>Ngừng dùng loại vấn đề</translation>
        </message>
        <message>
            <source>Unused category deleted</source>
            <translation>Xóa loại vấn đề chưa dùng</translation>
        </message>
        <message>
            <source>Setting changed</source>
            <translation>Thay đổi cài đặt</translation>
        </message>
        <message>
            <source>Statistics exported</source>
            <translation>Xuất báo cáo thống kê</translation>
        </message>
        <message>
            <source>Backup taken</source>
            <translation>Tạo bản sao lưu</translation>
        </message>
        <message>
            <source>Database restored from a backup</source>
            <translation>Khôi phục cơ sở dữ liệu từ bản sao lưu</translation>
        </message>
        <message>
            <source>Refused (no permission)</source>
            <translation>Bị từ chối (không có quyền)</translation>
        </message>
        <message>
            <source>Sign-ins and screen locks</source>
            <extracomment>(key, label, the store's action filter) of each group; an exact name or a prefix ending in ".".</extracomment>
            <translation>Đăng nhập và khóa màn hình</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>Case files</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Exports and printouts</source>
            <translation>Xuất tệp và in</translation>
        </message>
        <message>
            <source>Users and settings</source>
            <translation>Người dùng và cài đặt</translation>
        </message>
        <message>
            <source>Backups and restores</source>
            <translation>Sao lưu và khôi phục</translation>
        </message>
        <message>
            <source>Access refused</source>
            <translation>Bị từ chối truy cập</translation>
        </message>
        <message>
            <source>Call %1</source>
            <extracomment>What an entry is about: "Call 123", "Case 45"…; %1 is the record's id or code.</extracomment>
            <translation>Cuộc gọi %1</translation>
        </message>
        <message>
            <source>Case %1</source>
            <translation>Hồ sơ %1</translation>
        </message>
        <message>
            <source>User %1</source>
            <translation>Người dùng %1</translation>
        </message>
        <message>
            <source>Setting %1</source>
            <translation>Cài đặt %1</translation>
        </message>
        <message>
            <source>Line %1</source>
            <translation>Đường dây %1</translation>
        </message>
        <message>
            <source>Category %1</source>
            <translation>Loại vấn đề %1</translation>
        </message>
        <message>
            <source>Backup %1</source>
            <translation>Bản sao lưu %1</translation>
        </message>
        <message>
            <source>Permission: %1</source>
            <translation>Quyền: %1</translation>
        </message>
        <message>
            <source>Report %1</source>
            <translation>Báo cáo %1</translation>
        </message>
        <message>
            <source>log a call</source>
            <extracomment>The permissions of DESIGN §6 (hotline.core.permissions), named in "access refused" entries.</extracomment>
            <translation>ghi cuộc gọi</translation>
        </message>
        <message>
            <source>see a caller's earlier calls</source>
            <translation>xem các cuộc gọi trước của người gọi</translation>
        </message>
        <message>
            <source>edit own call</source>
            <translation>sửa cuộc gọi của mình</translation>
        </message>
        <message>
            <source>see every call</source>
            <translation>xem mọi cuộc gọi</translation>
        </message>
        <message>
            <source>edit any call</source>
            <translation>sửa mọi cuộc gọi</translation>
        </message>
        <message>
            <source>review calls</source>
            <translation>duyệt cuộc gọi</translation>
        </message>
        <message>
            <source>change a case-file flag</source>
            <translation>thay đổi đánh dấu cần lập hồ sơ</translation>
        </message>
        <message>
            <source>see the follow-up queue</source>
            <translation>xem hàng chờ theo dõi</translation>
        </message>
        <message>
            <source>see case files</source>
            <translation>xem hồ sơ</translation>
        </message>
        <message>
            <source>work on case files</source>
            <translation>xử lý hồ sơ</translation>
        </message>
        <message>
            <source>give cases to counselors</source>
            <translation>giao hồ sơ cho cán bộ phụ trách</translation>
        </message>
        <message>
            <source>statistics</source>
            <translation>thống kê</translation>
        </message>
        <message>
            <source>export personal data</source>
            <translation>xuất dữ liệu cá nhân</translation>
        </message>
        <message>
            <source>export own cases</source>
            <translation>xuất hồ sơ của mình</translation>
        </message>
        <message>
            <source>manage users</source>
            <translation>quản lý người dùng</translation>
        </message>
        <message>
            <source>manage lines</source>
            <translation>quản lý đường dây</translation>
        </message>
        <message>
            <source>change settings</source>
            <translation>thay đổi cài đặt</translation>
        </message>
        <message>
            <source>manage categories</source>
            <translation>quản lý loại vấn đề</translation>
        </message>
        <message>
            <source>backups and restores</source>
            <translation>sao lưu và khôi phục</translation>
        </message>
        <message>
            <source>read the audit log</source>
            <translation>xem nhật ký hoạt động</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <source>Backups</source>
            <translation>Bản sao lưu</translation>
        </message>
        <message>
            <source>Taken at</source>
            <translation>Thời điểm sao lưu</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Dung lượng</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Sao lưu ngay</translation>
        </message>
        <message>
            <source>&amp;Restore this backup…</source>
            <translation>Khôi phục &amp;bản này…</translation>
        </message>
        <message>
            <source>Restore from a &amp;file…</source>
            <translation>&amp;Khôi phục từ tệp…</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>&amp;Làm mới</translation>
        </message>
        <message>
            <source>Backup folder: %1</source>
            <translation>Thư mục sao lưu: %1</translation>
        </message>
        <message>
            <source>Hotline backs up by itself at the first start of each day and when it closes, checks every backup, and keeps %1 daily and %2 monthly ones.</source>
            <translation>Hotline tự sao lưu khi mở lần đầu mỗi ngày và khi đóng, kiểm tra từng bản sao lưu, và giữ lại %1 bản hằng ngày và %2 bản hằng tháng.</translation>
        </message>
        <message>
            <source>There is no backup in this folder yet. Press Back up now.</source>
            <translation>Chưa có bản sao lưu nào trong thư mục này. Hãy nhấn Sao lưu ngay.</translation>
        </message>
        <message>
            <source>Warning: the newest backup is %1 days old. Automatic backups may be failing: check that the backup folder can be written to, then press Back up now.</source>
            <translation>Cảnh báo: bản sao lưu mới nhất đã cũ %1 ngày. Việc tự sao lưu có thể đang bị lỗi: hãy kiểm tra thư mục sao lưu có ghi được không, rồi nhấn Sao lưu ngay.</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Hằng ngày</translation>
        </message>
        <message>
            <source>At closing</source>
            <translation>Khi đóng</translation>
        </message>
        <message>
            <source>By hand</source>
            <translation>Thủ công</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Trước khi khôi phục</translation>
        </message>
        <message>
            <source>Backing up and checking the copy…</source>
            <translation>Đang sao lưu và kiểm tra bản sao…</translation>
        </message>
        <message>
            <source>Backup written and checked: %1 (%2).</source>
            <translation>Đã sao lưu và kiểm tra xong: %1 (%2).</translation>
        </message>
        <message>
            <source>Not done: %1</source>
            <translation>Không thực hiện được: %1</translation>
        </message>
        <message>
            <source>Restore from a file</source>
            <translation>Khôi phục từ tệp</translation>
        </message>
        <message>
            <source>Hotline databases (*.sqlite3 *.db);;All files (*)</source>
            <translation>Cơ sở dữ liệu Hotline (*.sqlite3 *.db);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Restore %1?

Everything entered after this backup is replaced by it. The current database is kept as a copy first. Hotline signs everyone on this PC out to do it; on other PCs, close Hotline first.</source>
            <translation>Khôi phục bản sao lưu %1?

Mọi dữ liệu nhập sau thời điểm sao lưu này sẽ bị thay bằng nội dung của bản sao lưu. Trước đó, cơ sở dữ liệu hiện tại được giữ lại thành một bản sao. Để khôi phục, Hotline sẽ đăng xuất mọi người trên máy này; trên các máy khác, hãy đóng Hotline trước.</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Khôi phục bản sao lưu</translation>
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation>Đang kiểm tra bản sao lưu…</translation>
        </message>
        <message>
            <source>The backup is sound. Restoring…</source>
            <translation>Bản sao lưu còn nguyên vẹn. Đang khôi phục…</translation>
        </message>
    </context>
    <context>
        <name>CallEditDialog</name>
        <message>
            <source>Line</source>
            <extracomment>How long an operator may edit their own call: the rule lives in core.permissions (the store checks it too). The words for the fields of call_changes (store.calls.EDITABLE_FIELDS) in the history and the conflict table.</extracomment>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>Số điện thoại</translation>
        </message>
        <message>
            <source>Caller's relation to the child</source>
            <translation>Quan hệ của người gọi với trẻ</translation>
        </message>
        <message>
            <source>Caller's name</source>
            <translation>Họ tên người gọi</translation>
        </message>
        <message>
            <source>Caller's sex</source>
            <translation>Giới tính người gọi</translation>
        </message>
        <message>
            <source>Caller's age</source>
            <translation>Tuổi người gọi</translation>
        </message>
        <message>
            <source>May be called back</source>
            <translation>Đồng ý được gọi lại</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Mức độ nguy cơ</translation>
        </message>
        <message>
            <source>Service level</source>
            <translation>Mức dịch vụ</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>Action taken</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>Help before the report</source>
            <translation>Hỗ trợ, can thiệp trước khi nhận tin</translation>
        </message>
        <message>
            <source>Province of the incident</source>
            <translation>Tỉnh nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Commune of the incident</source>
            <translation>Xã, phường nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Place of the incident</source>
            <translation>Địa điểm xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Setting of the incident</source>
            <translation>Môi trường xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Referred to</source>
            <translation>Chuyển đến</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>Case file per the rules</source>
            <translation>Hồ sơ theo quy tắc</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>Khẩn cấp</translation>
        </message>
        <message>
            <source>Flagged for a case file</source>
            <translation>Đánh dấu cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Flagged by</source>
            <translation>Đánh dấu bởi</translation>
        </message>
        <message>
            <source>Reasons for the flag</source>
            <translation>Lý do đánh dấu</translation>
        </message>
        <message>
            <source>Why the flag was cleared</source>
            <translation>Lý do bỏ đánh dấu</translation>
        </message>
        <message>
            <source>Emergency measures / separation due (12 hours)</source>
            <translation>Hạn can thiệp khẩn cấp / tạm thời cách ly (12 giờ)</translation>
        </message>
        <message>
            <source>Support plan due</source>
            <translation>Hạn kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <source>Pass to the commune: due from</source>
            <translation>Báo ngay UBND xã: tính từ</translation>
        </message>
        <message>
            <source>Adult victim to refer</source>
            <translation>Nạn nhân là người lớn cần chuyển giao</translation>
        </message>
        <message>
            <source>name</source>
            <translation>tên</translation>
        </message>
        <message>
            <source>sex</source>
            <translation>giới tính</translation>
        </message>
        <message>
            <source>age</source>
            <translation>tuổi</translation>
        </message>
        <message>
            <source>age band</source>
            <translation>nhóm tuổi</translation>
        </message>
        <message>
            <source>province</source>
            <translation>tỉnh</translation>
        </message>
        <message>
            <source>commune / ward</source>
            <translation>xã / phường</translation>
        </message>
        <message>
            <source>address</source>
            <translation>địa chỉ</translation>
        </message>
        <message>
            <source>special circumstances</source>
            <translation>hoàn cảnh đặc biệt</translation>
        </message>
        <message>
            <source>carer</source>
            <translation>người chăm sóc</translation>
        </message>
        <message>
            <source>status</source>
            <translation>tình trạng</translation>
        </message>
        <message>
            <source>taken to</source>
            <translation>nơi bị đưa đến</translation>
        </message>
        <message>
            <source>required</source>
            <translation>bắt buộc</translation>
        </message>
        <message>
            <source>suggested</source>
            <translation>nên lập</translation>
        </message>
        <message>
            <source>not needed</source>
            <translation>không cần</translation>
        </message>
        <message>
            <source>the rules</source>
            <translation>quy tắc</translation>
        </message>
        <message>
            <source>a person, by hand</source>
            <translation>người dùng, đánh dấu thủ công</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(trống)</translation>
        </message>
        <message>
            <source>yes</source>
            <extracomment>A trafficking victim's age group in the reports: the person groups, and an age not known. Yes and no, as a spreadsheet cell says them (the edit dialog's words).</extracomment>
            <translation>có</translation>
        </message>
        <message>
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <source>Child removed</source>
            <translation>Đã xóa trẻ</translation>
        </message>
        <message>
            <source>Child %s: %s</source>
            <translation>Trẻ %s: %s</translation>
        </message>
        <message>
            <source>Call</source>
            <extracomment>What a call with a one-key outcome (silent, hang-up…) does not keep: the call screen saves them without.</extracomment>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>History of the edits of this call</source>
            <translation>Lịch sử sửa cuộc gọi này</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Lịch sử sửa</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Lưu (Ctrl+S)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Đóng (Esc)</translation>
        </message>
        <message>
            <source>Call no. %d</source>
            <translation>Cuộc gọi số %d</translation>
        </message>
        <message>
            <source>Call no. %d · taken by %s · version %d</source>
            <translation>Cuộc gọi số %d · người nhận: %s · phiên bản %d</translation>
        </message>
        <message>
            <source>reviewed by %s, %s</source>
            <translation>%s đã duyệt, %s</translation>
        </message>
        <message>
            <source>Started %s</source>
            <translation>Bắt đầu %s</translation>
        </message>
        <message>
            <source>Duration %d:%02d</source>
            <translation>Thời lượng %d:%02d</translation>
        </message>
        <message>
            <source>Read only: opened from the caller history. The call being typed stays as it is.</source>
            <translation>Chỉ xem: mở từ các cuộc gọi trước của số này. Cuộc gọi đang nhập vẫn giữ nguyên.</translation>
        </message>
        <message>
            <source>Read only: you may change only your own calls, during your shift (%d hours from the start of the call).</source>
            <translation>Chỉ xem: bạn chỉ được sửa cuộc gọi của chính mình, trong ca trực (%d giờ kể từ lúc bắt đầu cuộc gọi).</translation>
        </message>
        <message>
            <source>Read only: your role does not change calls.</source>
            <translation>Chỉ xem: vai trò của bạn không được sửa cuộc gọi.</translation>
        </message>
        <message>
            <source>The call cannot be opened</source>
            <translation>Không mở được cuộc gọi</translation>
        </message>
        <message>
            <source>No edits since the call was saved.</source>
            <translation>Chưa có lần sửa nào từ khi cuộc gọi được lưu.</translation>
        </message>
        <message>
            <source>History (%d)</source>
            <translation>Lịch sử sửa (%d)</translation>
        </message>
        <message>
            <source>Discard your changes?</source>
            <translation>Bỏ các thay đổi?</translation>
        </message>
        <message>
            <source>Your changes to this call are not saved. Close and discard them?</source>
            <translation>Các thay đổi của bạn với cuộc gọi này chưa được lưu. Đóng và bỏ các thay đổi?</translation>
        </message>
        <message>
            <source>Not saved yet — %s</source>
            <translation>Chưa lưu — %s</translation>
        </message>
        <message>
            <source>Save as '%s'?</source>
            <translation>Lưu là '%s'?</translation>
        </message>
        <message>
            <source>A call saved as '%s' keeps no content: its categories, children and texts are removed (the history keeps them). Save anyway?</source>
            <translation>Cuộc gọi lưu là '%s' không giữ nội dung: loại vấn đề, trẻ và các phần đã ghi sẽ bị xóa (lịch sử sửa vẫn giữ lại). Vẫn lưu?</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Chưa lưu</translation>
        </message>
        <message>
            <source>The changes were NOT saved: %s

Everything you typed is still in the form.</source>
            <translation>Các thay đổi CHƯA được lưu: %s

Mọi thứ bạn đã nhập vẫn còn trong biểu mẫu.</translation>
        </message>
        <message>
            <source>Not saved — your changes are still in the form.</source>
            <translation>Chưa lưu — các thay đổi vẫn còn trong biểu mẫu.</translation>
        </message>
        <message>
            <source>Saved (version %d). The history tab shows what changed.</source>
            <translation>Đã lưu (phiên bản %d). Thẻ Lịch sử sửa cho thấy những gì đã thay đổi.</translation>
        </message>
        <message>
            <source>Nothing had changed: nothing was saved.</source>
            <translation>Không có gì thay đổi nên không lưu.</translation>
        </message>
        <message>
            <source>someone else</source>
            <translation>người khác</translation>
        </message>
        <message>
            <source>Your edit was discarded: the form shows the version saved by %s.</source>
            <translation>Đã bỏ bản sửa của bạn: biểu mẫu hiện bản do %s lưu.</translation>
        </message>
        <message>
            <source>Nothing was saved. Saving again shows the other version again.</source>
            <translation>Chưa lưu gì. Khi lưu lại, bản của người kia sẽ hiện ra lần nữa để bạn chọn.</translation>
        </message>
    </context>
    <context>
        <name>CallForm</name>
        <message>
            <source>caller's number, as heard (or: withheld)</source>
            <extracomment>The call's own fields that the form holds as they are (CallForm.state() keys, Call attributes).</extracomment>
            <translation>số của người gọi, như nghe được (hoặc: số ẩn)</translation>
        </message>
        <message>
            <source>Caller's phone number</source>
            <translation>Số điện thoại người gọi</translation>
        </message>
        <message>
            <source>only if the caller gives it</source>
            <translation>chỉ khi người gọi cho biết</translation>
        </message>
        <message>
            <source>May be called &amp;back</source>
            <translation>Đồng ý được gọi &amp;lại</translation>
        </message>
        <message>
            <source>Phone</source>
            <extracomment>the form's own shortcuts (Alt+R, Alt+S, Alt+A, Alt+1/2/3, Alt+P): they work wherever the form is shown</extracomment>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>N&amp;umber</source>
            <extracomment>the call screen puts the caller history here, under the number it belongs to</extracomment>
            <translation>Số điện th&amp;oại</translation>
        </message>
        <message>
            <source>Caller</source>
            <translation>Người gọi</translation>
        </message>
        <message>
            <source>R&amp;elation to the child</source>
            <translation>&amp;Quan hệ với trẻ</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Họ tên</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Tuổi</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>This is not a phone number: it holds words. Correct it or clear it (a hidden number: type "withheld").</source>
            <translation>Đây không phải số điện thoại: trong ô có chữ. Hãy sửa hoặc xóa đi (số ẩn: gõ "số ẩn").</translation>
        </message>
        <message>
            <source>Number withheld</source>
            <translation>Số ẩn</translation>
        </message>
        <message>
            <source>not a complete number yet — it is kept as typed</source>
            <translation>chưa phải số đầy đủ — vẫn giữ như đã nhập</translation>
        </message>
        <message>
            <source>The phone number holds words, not a number: correct it or clear it.</source>
            <translation>Ô số điện thoại đang chứa chữ, không phải số: hãy sửa hoặc xóa đi.</translation>
        </message>
        <message>
            <source>An abuse or trafficking report needs at least one child: a name or alias, a sex, an age or a commune.</source>
            <translation>Báo cáo xâm hại hoặc mua bán người cần ít nhất một trẻ: tên hoặc tên gọi, giới tính, tuổi hoặc xã/phường.</translation>
        </message>
        <message>
            <source>+ Add a chil&amp;d</source>
            <translation>+ T&amp;hêm trẻ</translation>
        </message>
        <message>
            <source>Children and victims the call is about</source>
            <translation>Trẻ em, nạn nhân được nói đến trong cuộc gọi</translation>
        </message>
        <message>
            <source>F&amp;ind a category</source>
            <translation>Tìm loại &amp;vấn đề</translation>
        </message>
        <message>
            <source>old number %s → %s</source>
            <translation>số cũ %s → %s</translation>
        </message>
        <message>
            <source>Choose at least one category.</source>
            <translation>Chọn ít nhất một loại vấn đề.</translation>
        </message>
        <message>
            <source>Choose the risk level: a report has no risk by default (Alt+R).</source>
            <translation>Hãy chọn mức độ nguy cơ: báo cáo không có mức nguy cơ mặc định (Alt+R).</translation>
        </message>
        <message>
            <source>Choose the service level: information, counselling or intervention (Alt+1, Alt+2, Alt+3).</source>
            <translation>Hãy chọn mức dịch vụ: hỏi đáp thông tin, tư vấn chuyên sâu hoặc hỗ trợ, can thiệp (Alt+1, Alt+2, Alt+3).</translation>
        </message>
        <message>
            <source>Write a short summary of the call.</source>
            <translation>Ghi tóm tắt ngắn nội dung cuộc gọi.</translation>
        </message>
    </context>
    <context>
        <name>CallScreen</name>
        <message>
            <source>New call (F2)</source>
            <extracomment>How long a one-key outcome can be taken back (issue 3). Autosave runs at most this long after a change, even while the operator keeps typing (DESIGN §2: ≤ 2 s). A clock set back more than this while the program runs is said once (a small correction is not worth a word). A call restored after a crash counts the outage up to this long; a draft found later (the PC stayed off overnight) goes on from its time on screen: no call to the hotline lasts that long, it ended during the outage. The caller's earlier calls by key. Not Ctrl+H (the queue's hand-off) nor Alt+L / Alt+H (mnemonics of the Vietnamese form and the Help menu): F11 is free on every screen, beside the operator's other F keys.</extracomment>
            <translation>Cuộc gọi mới (F2)</translation>
        </message>
        <message>
            <source>Line (F3 switches)</source>
            <translation>Đường dây (F3 để đổi)</translation>
        </message>
        <message>
            <source>Channel (F4 switches)</source>
            <translation>Kênh (F4 để đổi)</translation>
        </message>
        <message>
            <source>Time since the call started</source>
            <translation>Thời gian từ lúc bắt đầu cuộc gọi</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <source>One key:</source>
            <translation>Một phím:</translation>
        </message>
        <message>
            <source>Save as '%s' and clear the screen (%s)</source>
            <translation>Lưu là '%s' và xóa màn hình (%s)</translation>
        </message>
        <message>
            <source>Undo (F12)</source>
            <translation>Hoàn tác (F12)</translation>
        </message>
        <message>
            <source>Take back the last one-key outcome and log it as a full call</source>
            <translation>Lấy lại cuộc gọi một phím vừa lưu và ghi thành cuộc gọi đầy đủ</translation>
        </message>
        <message>
            <source>Earlier calls from this number</source>
            <translation>Các cuộc gọi trước từ số này</translation>
        </message>
        <message>
            <source>Enter or double-click: open the call, read only, in its own window</source>
            <translation>Enter hoặc nhấp đúp: mở cuộc gọi ở cửa sổ riêng, chỉ xem</translation>
        </message>
        <message>
            <source>This number has an open case file: link this call to it when saved</source>
            <translation>Số này có hồ sơ đang mở: liên kết cuộc gọi này với hồ sơ khi lưu</translation>
        </message>
        <message>
            <source>Link to the open case file:</source>
            <translation>Liên kết với hồ sơ đang mở:</translation>
        </message>
        <message>
            <source>Save (Ctrl+S)</source>
            <translation>Lưu (Ctrl+S)</translation>
        </message>
        <message>
            <source>New call</source>
            <translation>Cuộc gọi mới</translation>
        </message>
        <message>
            <source>Next line</source>
            <translation>Đổi đường dây</translation>
        </message>
        <message>
            <source>Next channel</source>
            <translation>Đổi kênh</translation>
        </message>
        <message>
            <source>Save as: %s</source>
            <translation>Lưu là: %s</translation>
        </message>
        <message>
            <source>Undo the last one-key outcome</source>
            <translation>Hoàn tác cuộc gọi một phím vừa lưu</translation>
        </message>
        <message>
            <source>Save the call</source>
            <translation>Lưu cuộc gọi</translation>
        </message>
        <message>
            <source>Add a child</source>
            <translation>Thêm trẻ</translation>
        </message>
        <message>
            <source>Find a category</source>
            <translation>Tìm loại vấn đề</translation>
        </message>
        <message>
            <source>Go to the phone number</source>
            <translation>Đến ô số điện thoại</translation>
        </message>
        <message>
            <source>Go to the caller's earlier calls</source>
            <translation>Đến các cuộc gọi trước của số này</translation>
        </message>
        <message>
            <source>Go to the case-file flag</source>
            <translation>Đến ô cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Discard this call…</source>
            <translation>Bỏ cuộc gọi này…</translation>
        </message>
        <message>
            <source>Calls kept as drafts…</source>
            <translation>Cuộc gọi đang lưu nháp…</translation>
        </message>
        <message>
            <source>A call is being typed</source>
            <translation>Đang ghi một cuộc gọi</translation>
        </message>
        <message>
            <source>The call on screen is not saved. Keep it as a draft and start a new call?</source>
            <translation>Cuộc gọi trên màn hình chưa được lưu. Giữ lại làm bản nháp và bắt đầu cuộc gọi mới?</translation>
        </message>
        <message>
            <source>The previous call is kept as a draft (Ctrl+Shift+R).</source>
            <translation>Cuộc gọi trước được giữ làm bản nháp (Ctrl+Shift+R).</translation>
        </message>
        <message>
            <source>The PC's clock was set back: Hotline keeps its own time so that calls stay in order. Restart Hotline after this call to take the new time.</source>
            <translation>Đồng hồ máy tính vừa bị chỉnh lùi: Hotline giữ giờ riêng để các cuộc gọi vẫn đúng thứ tự. Hãy khởi động lại Hotline sau cuộc gọi này để nhận giờ mới.</translation>
        </message>
        <message>
            <source>%s: %d earlier calls — %d with content, %d flagged for a case file</source>
            <translation>%s: %d cuộc gọi trước — %d có nội dung, %d cần lập hồ sơ</translation>
        </message>
        <message>
            <source>You may not open call no. %d: an operator opens only their own calls; a shift lead opens every call.</source>
            <translation>Bạn không được mở cuộc gọi số %d: tổng đài viên chỉ mở được cuộc gọi của chính mình; trưởng ca mở được mọi cuộc gọi.</translation>
        </message>
        <message>
            <source>(do not link)</source>
            <translation>(không liên kết)</translation>
        </message>
        <message>
            <source>Saved, but not linked to the case file: %s</source>
            <translation>Đã lưu, nhưng chưa liên kết được với hồ sơ: %s</translation>
        </message>
        <message>
            <source>The call was NOT saved. Everything you typed is still on screen.</source>
            <translation>Cuộc gọi CHƯA được lưu. Mọi điều bạn đã gõ vẫn còn trên màn hình.</translation>
        </message>
        <message>
            <source>It is also kept in a file until the database can take it.</source>
            <translation>Cuộc gọi cũng được giữ trong một tệp cho đến khi cơ sở dữ liệu nhận được.</translation>
        </message>
        <message>
            <source>Disk full — not saved</source>
            <translation>Ổ đĩa đầy — chưa lưu</translation>
        </message>
        <message>
            <source>Free some space on the disk (or call the administrator), then save again.</source>
            <translation>Hãy giải phóng bớt dung lượng ổ đĩa (hoặc gọi quản trị viên), rồi lưu lại.</translation>
        </message>
        <message>
            <source>Not saved yet — %s</source>
            <translation>Chưa lưu — %s</translation>
        </message>
        <message>
            <source>Autosave failed, the call is only on screen: %s</source>
            <translation>Tự động lưu không được, cuộc gọi chỉ còn trên màn hình: %s</translation>
        </message>
        <message>
            <source>The disk is full: the call is kept in a file, not in the database. Free some space, then save (Ctrl+S).</source>
            <translation>Ổ đĩa đầy: cuộc gọi được giữ trong một tệp, chưa vào cơ sở dữ liệu. Hãy giải phóng dung lượng rồi lưu (Ctrl+S).</translation>
        </message>
        <message>
            <source>The database cannot take the call, so it is kept in a file: %s</source>
            <translation>Cơ sở dữ liệu không nhận được cuộc gọi nên cuộc gọi được giữ trong một tệp: %s</translation>
        </message>
        <message>
            <source>Autosave works again: the call is kept in the database.</source>
            <translation>Tự động lưu đã hoạt động lại: cuộc gọi được giữ trong cơ sở dữ liệu.</translation>
        </message>
        <message>
            <source>The unsaved call started at %s is back on screen.</source>
            <translation>Cuộc gọi chưa lưu, bắt đầu lúc %s, đã trở lại màn hình.</translation>
        </message>
        <message>
            <source>Call not kept</source>
            <translation>Không giữ được cuộc gọi</translation>
        </message>
        <message>
            <source>The call on screen could not be kept as a draft, so it stays on screen: %s</source>
            <translation>Không lưu nháp được cuộc gọi trên màn hình nên cuộc gọi vẫn ở lại màn hình: %s</translation>
        </message>
        <message>
            <source>Number withheld: there is no caller history.</source>
            <translation>Số ẩn: không có lịch sử cuộc gọi.</translation>
        </message>
        <message>
            <source>Type the caller's number to see earlier calls.</source>
            <translation>Nhập số người gọi để xem các cuộc gọi trước.</translation>
        </message>
        <message>
            <source>%s: first call from this number.</source>
            <translation>%s: lần đầu gọi từ số này.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Chưa lưu</translation>
        </message>
        <message>
            <source>Not saved — the call is still on screen.</source>
            <translation>Chưa lưu — cuộc gọi vẫn còn trên màn hình.</translation>
        </message>
        <message>
            <source>Save as '%s'?</source>
            <translation>Lưu là '%s'?</translation>
        </message>
        <message>
            <source>The form holds typed text that a one-key outcome does not keep. Save as '%s' anyway?</source>
            <translation>Biểu mẫu có nội dung đã nhập mà cuộc gọi một phím sẽ không giữ lại. Vẫn lưu là '%s'?</translation>
        </message>
        <message>
            <source>Saved call no. %d (%s, %s, %02d:%02d).</source>
            <translation>Đã lưu cuộc gọi số %d (%s, %s, %02d:%02d).</translation>
        </message>
        <message>
            <source>Nothing to undo: a one-key outcome can be taken back for %d seconds.</source>
            <translation>Không có gì để hoàn tác: cuộc gọi một phím chỉ lấy lại được trong %d giây.</translation>
        </message>
        <message>
            <source>Call no. %d reopened: log it in full and save (Ctrl+S).</source>
            <translation>Đã mở lại cuộc gọi số %d: ghi đầy đủ rồi lưu (Ctrl+S).</translation>
        </message>
        <message>
            <source>Discard this call?</source>
            <translation>Bỏ cuộc gọi này?</translation>
        </message>
        <message>
            <source>Everything typed for this call will be lost. Discard it?</source>
            <translation>Mọi nội dung đã nhập cho cuộc gọi này sẽ mất. Bỏ cuộc gọi?</translation>
        </message>
        <message>
            <source>The call was discarded.</source>
            <translation>Đã bỏ cuộc gọi.</translation>
        </message>
        <message>
            <source>No call is kept as a draft.</source>
            <translation>Không có cuộc gọi nào đang lưu nháp.</translation>
        </message>
    </context>
    <context>
        <name>CallerHistoryModel</name>
        <message>
            <source>(no content)</source>
            <extracomment>headerData under this role: the widest texts a column can show that the rows may not hold (log_columns) What the summary column says when it shows no summary, in grey: two different reasons, never a bare blank or dash (DESIGN §6: the history itself carries no notes; a summary shows only to whoever may open the call).</extracomment>
            <translation>(không có nội dung)</translation>
        </message>
        <message>
            <source>(not shown to you)</source>
            <translation>(không được xem)</translation>
        </message>
        <message>
            <source>When</source>
            <extracomment>How much of a summary a row shows; the whole text is in the tooltip and in the call itself.</extracomment>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>The categories of a call with content; the outcome of any other call (silent, hang-up…)</source>
            <translation>Loại vấn đề của cuộc gọi có nội dung; kết quả của các cuộc gọi khác (im lặng, cúp máy…)</translation>
        </message>
        <message>
            <source>The case file numbers opened from the call, or whether one is still needed</source>
            <translation>Số hồ sơ đã lập từ cuộc gọi, hoặc cho biết vẫn cần lập hồ sơ</translation>
        </message>
        <message>
            <source>What the caller reported: the start of the call's summary (the whole text in the row's tooltip and under the table).
“(no content)”: nothing was written down — a one-key call (silent, hang-up…) or a call saved without a summary.
“(not shown to you)”: you may not open this call — an operator opens their own calls, a shift lead every call.</source>
            <translation>Nội dung người gọi đã báo: phần đầu của tóm tắt cuộc gọi (toàn văn ở chú thích của dòng và dưới bảng).
“(không có nội dung)”: không có gì được ghi lại — cuộc gọi một phím (im lặng, cúp máy…) hoặc cuộc gọi lưu mà không có tóm tắt.
“(không được xem)”: bạn không được mở cuộc gọi này — tổng đài viên mở cuộc gọi của mình, trưởng ca mở mọi cuộc gọi.</translation>
        </message>
        <message>
            <source>flagged, none yet</source>
            <translation>cần lập, chưa có</translation>
        </message>
        <message>
            <source>You may not open this call, so what was reported is not shown.</source>
            <translation>Bạn không được mở cuộc gọi này nên nội dung đã báo không hiển thị.</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Số hồ sơ</translation>
        </message>
    </context>
    <context>
        <name>CaseClocks</name>
        <message>
            <source>Met %1</source>
            <extracomment>A met clock is green; one met late keeps the amber of "due soon" (the text says "late").</extracomment>
            <translation>Đã đáp ứng %1</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Đã đáp ứng</translation>
        </message>
        <message>
            <source>Met %1 late</source>
            <translation>Đáp ứng muộn %1</translation>
        </message>
        <message>
            <source>Due now (at once)</source>
            <translation>Đến hạn ngay</translation>
        </message>
        <message>
            <source>%1 late</source>
            <translation>muộn %1</translation>
        </message>
        <message>
            <source>(recorded by %1)</source>
            <translation>(%1 ghi nhận)</translation>
        </message>
    </context>
    <context>
        <name>CaseFileBar</name>
        <message>
            <source>Case file needed (Alt+N)</source>
            <translation>Cần lập hồ sơ (Alt+N)</translation>
        </message>
        <message>
            <source>Flag this call for a case file. Clearing a flag the rules set needs a reason.</source>
            <translation>Đánh dấu cuộc gọi cần lập hồ sơ. Bỏ đánh dấu do quy tắc đặt cần ghi lý do.</translation>
        </message>
        <message>
            <source>The flag stays: clearing it needs a reason.</source>
            <translation>Vẫn giữ đánh dấu: muốn bỏ phải ghi lý do.</translation>
        </message>
        <message>
            <source>passed to the commune</source>
            <translation>đã báo UBND xã</translation>
        </message>
        <message>
            <source>victim referred</source>
            <translation>đã chuyển giao nạn nhân</translation>
        </message>
        <message>
            <source>flag cleared by the operator: %s</source>
            <translation>tổng đài viên đã bỏ đánh dấu, lý do: %s</translation>
        </message>
        <message>
            <source>flagged by hand for a case file</source>
            <translation>tổng đài viên đánh dấu cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Case file opened: %1</source>
            <translation>Đã lập hồ sơ %1</translation>
        </message>
        <message>
            <source>Linked to case file %1</source>
            <translation>Đã liên kết với hồ sơ %1</translation>
        </message>
        <message>
            <source>its deadlines are followed in the case file</source>
            <translation>các thời hạn được theo dõi trong hồ sơ</translation>
        </message>
    </context>
    <context>
        <name>CaseListScreen</name>
        <message>
            <source>My cases</source>
            <translation>Hồ sơ của tôi</translation>
        </message>
        <message>
            <source>Overdue cases</source>
            <translation>Hồ sơ quá hạn</translation>
        </message>
        <message>
            <source>All open cases</source>
            <translation>Tất cả hồ sơ đang mở</translation>
        </message>
        <message>
            <source>Nearest clock</source>
            <translation>Thời hạn gần nhất</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Số hồ sơ</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Trẻ</translation>
        </message>
        <message>
            <source>Step done</source>
            <translation>Bước đã xong</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Bước tiếp theo</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <source>Counselor</source>
            <translation>Cán bộ phụ trách</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Ngày mở</translation>
        </message>
    </context>
    <context>
        <name>CasePanels</name>
        <message>
            <source>Not saved</source>
            <translation>Chưa lưu</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>Step</source>
            <extracomment>The least height of the tabs (notes, referrals…) before the case file scrolls: a few notes and the new one.</extracomment>
            <translation>Bước</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Đã xong</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Clock records</source>
            <translation>Ghi nhận thời hạn</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Chuyển gửi</translation>
        </message>
        <message>
            <source>Linked calls</source>
            <translation>Cuộc gọi liên quan</translation>
        </message>
        <message>
            <source>Family and child (Mẫu 01)</source>
            <translation>Gia đình và trẻ (Mẫu 01)</translation>
        </message>
        <message>
            <source>Case file</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>Case file %s</source>
            <translation>Hồ sơ %s</translation>
        </message>
        <message>
            <source>&amp;Give the case to</source>
            <translation>Gi&amp;ao hồ sơ cho</translation>
        </message>
        <message>
            <source>Mẫu số 01 (&amp;PDF)…</source>
            <translation>Mẫu số 01 (&amp;PDF)…</translation>
        </message>
        <message>
            <source>Close the &amp;window (Esc)</source>
            <translation>Đóng cửa &amp;sổ (Esc)</translation>
        </message>
        <message>
            <source>&amp;Mark done: %s</source>
            <translation>Đánh &amp;dấu đã xong: %s</translation>
        </message>
        <message>
            <source>Reopen the &amp;case…</source>
            <translation>Mở lại &amp;hồ sơ…</translation>
        </message>
        <message>
            <source>Close the &amp;case…</source>
            <translation>Đóng &amp;hồ sơ…</translation>
        </message>
        <message>
            <source>%s — status: %s</source>
            <translation>%s — tình trạng: %s</translation>
        </message>
        <message>
            <source>plan cycle %d (after a review, Art. 30)</source>
            <translation>chu kỳ kế hoạch thứ %d (sau rà soát, Điều 30)</translation>
        </message>
        <message>
            <source>plan approved on %s</source>
            <translation>kế hoạch được phê duyệt ngày %s</translation>
        </message>
        <message>
            <source>Child: %s · %s · %s</source>
            <translation>Trẻ: %s · %s · %s</translation>
        </message>
        <message>
            <source>Counselor: %s · opened %s · risk: %s</source>
            <translation>Cán bộ phụ trách: %s · mở ngày %s · nguy cơ: %s</translation>
        </message>
        <message>
            <source>Closed %s: %s</source>
            <translation>Đã đóng %s: %s</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Chưa lưu</translation>
        </message>
        <message>
            <source>Step done: %s</source>
            <translation>Đã xong bước: %s</translation>
        </message>
        <message>
            <source>A new plan cycle began: the plan is due in 5 working days.</source>
            <translation>Đã bắt đầu chu kỳ kế hoạch mới: hạn lập kế hoạch là 5 ngày làm việc.</translation>
        </message>
        <message>
            <source>Close the case</source>
            <translation>Đóng hồ sơ</translation>
        </message>
        <message>
            <source>Reopen the case</source>
            <translation>Mở lại hồ sơ</translation>
        </message>
        <message>
            <source>Why is the case closed?</source>
            <translation>Vì sao đóng hồ sơ?</translation>
        </message>
        <message>
            <source>Why is the case reopened?</source>
            <translation>Vì sao mở lại hồ sơ?</translation>
        </message>
        <message>
            <source>A reason is needed.</source>
            <translation>Cần ghi lý do.</translation>
        </message>
        <message>
            <source>The case is closed.</source>
            <translation>Đã đóng hồ sơ.</translation>
        </message>
        <message>
            <source>The case is open again.</source>
            <translation>Hồ sơ đã được mở lại.</translation>
        </message>
        <message>
            <source>The case is now followed by %s.</source>
            <translation>Hồ sơ nay do %s phụ trách.</translation>
        </message>
        <message>
            <source>Unsaved details</source>
            <translation>Thông tin chưa lưu</translation>
        </message>
        <message>
            <source>Save the family and child details you typed?</source>
            <translation>Lưu thông tin gia đình và trẻ bạn đã nhập?</translation>
        </message>
        <message>
            <source>Save Mẫu số 01</source>
            <translation>Lưu Mẫu số 01</translation>
        </message>
        <message>
            <source>Mẫu số 01</source>
            <translation>Mẫu số 01</translation>
        </message>
        <message>
            <source>The file could not be written: %s</source>
            <translation>Không ghi được tệp: %s</translation>
        </message>
        <message>
            <source>Mẫu số 01 saved: %s</source>
            <translation>Đã lưu Mẫu số 01: %s</translation>
        </message>
    </context>
    <context>
        <name>CaseWords</name>
        <message>
            <source>Received</source>
            <extracomment>The case file's steps (core.cases.STEPS) and the services a case refers to (core.cases.REFERRAL_SERVICES).</extracomment>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <source>Initial assessment</source>
            <translation>Đánh giá ban đầu</translation>
        </message>
        <message>
            <source>Needs identified</source>
            <translation>Xác định nhu cầu</translation>
        </message>
        <message>
            <source>Support plan</source>
            <translation>Kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <source>Implementing the plan</source>
            <translation>Thực hiện kế hoạch</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Rà soát, đánh giá</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Đóng hồ sơ</translation>
        </message>
        <message>
            <source>Police</source>
            <translation>Công an</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>Y tế</translation>
        </message>
        <message>
            <source>Commune committee</source>
            <translation>UBND xã/phường</translation>
        </message>
        <message>
            <source>School</source>
            <translation>Nhà trường</translation>
        </message>
        <message>
            <source>Legal aid</source>
            <translation>Trợ giúp pháp lý</translation>
        </message>
        <message>
            <source>Shelter</source>
            <translation>Nơi tạm lánh</translation>
        </message>
        <message>
            <source>Other service</source>
            <translation>Dịch vụ khác</translation>
        </message>
        <message>
            <source>Pass the report to the commune of the incident (at once)</source>
            <extracomment>The legal clocks (core.case_clocks), as the case file names them: which clock and what it asks.</extracomment>
            <translation>Chuyển ngay thông tin cho UBND cấp xã nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Emergency measures / temporary separation (12 hours)</source>
            <translation>Can thiệp khẩn cấp / tạm thời cách ly (12 giờ)</translation>
        </message>
        <message>
            <source>Support and intervention plan (5 working days)</source>
            <translation>Kế hoạch hỗ trợ, can thiệp (5 ngày làm việc)</translation>
        </message>
        <message>
            <source>End of the temporary separation (15 days)</source>
            <translation>Kết thúc tạm thời cách ly (tối đa 15 ngày)</translation>
        </message>
        <message>
            <source>Hand-off to the commune</source>
            <extracomment>The clocks' short names, for the columns of the lists and the queue.</extracomment>
            <translation>Chuyển UBND cấp xã</translation>
        </message>
        <message>
            <source>Emergency measures (12 h)</source>
            <translation>Can thiệp khẩn cấp (12 giờ)</translation>
        </message>
        <message>
            <source>Separation ends</source>
            <translation>Hết hạn tạm thời cách ly</translation>
        </message>
        <message>
            <source>Art. 26(1)</source>
            <extracomment>The article of Nghị định 56/2017/NĐ-CP of each clock.</extracomment>
            <translation>khoản 1 Điều 26</translation>
        </message>
        <message>
            <source>Art. 26(3), 32</source>
            <translation>khoản 3 Điều 26, Điều 32</translation>
        </message>
        <message>
            <source>Art. 28(1)</source>
            <translation>khoản 1 Điều 28</translation>
        </message>
        <message>
            <source>Art. 32</source>
            <translation>Điều 32</translation>
        </message>
        <message>
            <source>Emergency measures applied</source>
            <translation>Đã áp dụng biện pháp can thiệp khẩn cấp</translation>
        </message>
        <message>
            <source>Assessed: no emergency measures needed</source>
            <translation>Đã đánh giá: không cần biện pháp can thiệp khẩn cấp</translation>
        </message>
        <message>
            <source>12 hours: %1</source>
            <extracomment>The history lines of the clocks' events; %1 is the code the event carries (outcome, date).</extracomment>
            <translation>12 giờ: %1</translation>
        </message>
        <message>
            <source>Plan approved (Mẫu 05 decision) on %1</source>
            <translation>Kế hoạch được phê duyệt (quyết định theo Mẫu 05) ngày %1</translation>
        </message>
        <message>
            <source>Temporary separation began</source>
            <translation>Bắt đầu tạm thời cách ly</translation>
        </message>
        <message>
            <source>Separation extended by a competent authority to %1</source>
            <translation>Cơ quan có thẩm quyền gia hạn tạm thời cách ly đến ngày %1</translation>
        </message>
        <message>
            <source>Temporary separation ended</source>
            <translation>Kết thúc tạm thời cách ly</translation>
        </message>
        <message>
            <source>Review: the child is still at risk; a new plan cycle began</source>
            <translation>Rà soát: trẻ vẫn còn nguy cơ; bắt đầu chu kỳ kế hoạch mới</translation>
        </message>
        <message>
            <source>Child's date of birth</source>
            <extracomment>The fields of the case file that Mẫu số 01 needs and the call does not hold.</extracomment>
            <translation>Ngày sinh của trẻ</translation>
        </message>
        <message>
            <source>Child's condition now</source>
            <translation>Tình trạng hiện tại của trẻ</translation>
        </message>
        <message>
            <source>Likely outcome without help</source>
            <translation>Hậu quả nếu không được hỗ trợ</translation>
        </message>
        <message>
            <source>Father: name</source>
            <translation>Cha: họ tên</translation>
        </message>
        <message>
            <source>Father: age</source>
            <translation>Cha: tuổi</translation>
        </message>
        <message>
            <source>Father: occupation</source>
            <translation>Cha: nghề nghiệp</translation>
        </message>
        <message>
            <source>Mother: name</source>
            <translation>Mẹ: họ tên</translation>
        </message>
        <message>
            <source>Mother: age</source>
            <translation>Mẹ: tuổi</translation>
        </message>
        <message>
            <source>Mother: occupation</source>
            <translation>Mẹ: nghề nghiệp</translation>
        </message>
        <message>
            <source>Family situation</source>
            <translation>Hoàn cảnh gia đình</translation>
        </message>
        <message>
            <source>Informant: address</source>
            <translation>Người cung cấp thông tin: địa chỉ</translation>
        </message>
    </context>
    <context>
        <name>CategoriesPage</name>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>Vietnamese</source>
            <translation>Tiếng Việt</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Tiếng Anh</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>&amp;Add to group…</source>
            <translation>T&amp;hêm vào nhóm…</translation>
        </message>
        <message>
            <source>Re&amp;name…</source>
            <translation>Sử&amp;a tên…</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Chuyển &amp;lên</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Chuyển x&amp;uống</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>Ngừng &amp;dùng</translation>
        </message>
        <message>
            <source>Dele&amp;te</source>
            <translation>&amp;Xóa</translation>
        </message>
        <message>
            <source>A new name shows on every call, old ones too. A deactivated category is no longer offered for new calls. Only a category no call uses can be deleted. The group decides whether a case file is needed (abuse and trafficking).</source>
            <translation>Tên mới hiện trên mọi cuộc gọi, kể cả cuộc gọi cũ. Loại vấn đề đã ngừng dùng sẽ không còn hiện khi ghi cuộc gọi mới. Chỉ xóa được loại vấn đề chưa có cuộc gọi nào dùng. Nhóm quyết định có cần lập hồ sơ hay không (xâm hại và mua bán người).</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Đang dùng</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Ngừng dùng</translation>
        </message>
        <message>
            <source>&amp;Activate</source>
            <translation>&amp;Dùng lại</translation>
        </message>
        <message>
            <source>Category added: %1</source>
            <translation>Đã thêm loại vấn đề: %1</translation>
        </message>
        <message>
            <source>Category renamed: %1</source>
            <translation>Đã đổi tên loại vấn đề: %1</translation>
        </message>
        <message>
            <source>Category deactivated: %1</source>
            <translation>Đã ngừng dùng loại vấn đề: %1</translation>
        </message>
        <message>
            <source>Category activated: %1</source>
            <translation>Đã dùng lại loại vấn đề: %1</translation>
        </message>
        <message>
            <source>Delete the category “%1”? This is possible only while no call uses it.</source>
            <translation>Xóa loại vấn đề “%1”? Chỉ xóa được khi chưa có cuộc gọi nào dùng loại này.</translation>
        </message>
        <message>
            <source>Delete category</source>
            <translation>Xóa loại vấn đề</translation>
        </message>
        <message>
            <source>Category deleted: %1</source>
            <translation>Đã xóa loại vấn đề: %1</translation>
        </message>
    </context>
    <context>
        <name>CategoryDialog</name>
        <message>
            <source>Add a category</source>
            <translation>Thêm loại vấn đề</translation>
        </message>
        <message>
            <source>Rename a category</source>
            <translation>Đổi tên loại vấn đề</translation>
        </message>
        <message>
            <source>Group: %1</source>
            <translation>Nhóm: %1</translation>
        </message>
        <message>
            <source>Name in Vietnamese</source>
            <translation>Tên tiếng Việt</translation>
        </message>
        <message>
            <source>Name in English</source>
            <translation>Tên tiếng Anh</translation>
        </message>
        <message>
            <source>&amp;Vietnamese:</source>
            <translation>Tiếng &amp;Việt:</translation>
        </message>
        <message>
            <source>&amp;English:</source>
            <translation>Tiếng &amp;Anh:</translation>
        </message>
        <message>
            <source>Code (never changes): %1</source>
            <translation>Mã (không bao giờ thay đổi): %1</translation>
        </message>
    </context>
    <context>
        <name>CategoryPicker</name>
        <message>
            <source>Type to filter, accents not needed (e.g. xam hai)…</source>
            <translation>Gõ để lọc, không cần dấu (ví dụ: xam hai)…</translation>
        </message>
        <message>
            <source>Filter categories</source>
            <translation>Lọc loại vấn đề</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>%1 (no longer in use)</source>
            <translation>%1 (không còn dùng)</translation>
        </message>
        <message>
            <source>Chosen: %s</source>
            <translation>Đã chọn: %s</translation>
        </message>
        <message>
            <source>No category chosen</source>
            <translation>Chưa chọn loại vấn đề</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <extracomment>Letters and digits that cannot be mistaken for one another when read aloud or copied from paper.</extracomment>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <source>An administrator has set a temporary password for you. Choose your own password before you go on (at least %1 characters).</source>
            <translation>Quản trị viên đã đặt cho bạn một mật khẩu tạm thời. Hãy chọn mật khẩu của riêng bạn trước khi tiếp tục (ít nhất %1 ký tự).</translation>
        </message>
        <message>
            <source>Choose a new password of at least %1 characters.</source>
            <translation>Chọn mật khẩu mới có ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Mật khẩu hiện tại</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Mật khẩu mới</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>Nhập lại mật khẩu mới</translation>
        </message>
        <message>
            <source>&amp;Current password:</source>
            <translation>Mật khẩu &amp;hiện tại:</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>Mật khẩu &amp;mới:</translation>
        </message>
        <message>
            <source>New password &amp;again:</source>
            <translation>&amp;Nhập lại mật khẩu mới:</translation>
        </message>
        <message>
            <source>Error message</source>
            <translation>Thông báo lỗi</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Đăng xuất</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Type your current password.</source>
            <translation>Hãy nhập mật khẩu hiện tại.</translation>
        </message>
        <message>
            <source>The new password needs at least %1 characters.</source>
            <translation>Mật khẩu mới phải có ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>The two new passwords are not the same.</source>
            <translation>Hai mật khẩu mới không giống nhau.</translation>
        </message>
    </context>
    <context>
        <name>ChildEditor</name>
        <message>
            <source>name or alias</source>
            <extracomment>The oldest age the form takes: an adult trafficking victim is recorded with their age too. The colour of the legal group beside the age: a child, a minor, an adult victim. Removes the person whose row holds the cursor: a key of its own, since the button is no Tab stop.</extracomment>
            <translation>tên hoặc tên gọi</translation>
        </message>
        <message>
            <source>age?</source>
            <translation>tuổi?</translation>
        </message>
        <message>
            <source> yrs</source>
            <translation> tuổi</translation>
        </message>
        <message>
            <source>hamlet, street, house number</source>
            <translation>ấp, đường, số nhà</translation>
        </message>
        <message>
            <source>none known</source>
            <translation>không rõ</translation>
        </message>
        <message>
            <source>Special circumstances of the child (Luật Trẻ em, Điều 10)</source>
            <translation>Hoàn cảnh đặc biệt của trẻ (Luật Trẻ em, Điều 10)</translation>
        </message>
        <message>
            <source>who looks after the child now</source>
            <translation>người đang chăm sóc trẻ</translation>
        </message>
        <message>
            <source>Sex, age</source>
            <translation>Giới tính, tuổi</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Nơi ở</translation>
        </message>
        <message>
            <source>Circumstances</source>
            <translation>Hoàn cảnh</translation>
        </message>
        <message>
            <source>Who the person is in law: a child is under 16 (Luật Trẻ em, Điều 1)</source>
            <translation>Người này là ai theo luật: trẻ em là người dưới 16 tuổi (Luật Trẻ em, Điều 1)</translation>
        </message>
        <message>
            <source>Taken to</source>
            <translation>Bị đưa đến</translation>
        </message>
        <message>
            <source>— not known —</source>
            <translation>— không rõ —</translation>
        </message>
        <message>
            <source>Where the victim was taken, or was to be taken</source>
            <translation>Nơi nạn nhân đã bị đưa đến hoặc định bị đưa đến</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Abused (harm done), at risk, or not clear yet: ← → change it</source>
            <translation>Bị xâm hại (đã bị tổn hại), có nguy cơ bị xâm hại, hay chưa xác định: bấm ← → để đổi</translation>
        </message>
        <message>
            <source>Remove (%s)</source>
            <translation>Xóa (%s)</translation>
        </message>
        <message>
            <source>Remove this person from the call (%s)</source>
            <translation>Bỏ người này khỏi cuộc gọi (%s)</translation>
        </message>
        <message>
            <source>Remove this person from the call</source>
            <translation>Bỏ người này khỏi cuộc gọi</translation>
        </message>
        <message>
            <source>Remove %s?</source>
            <translation>Xóa %s?</translation>
        </message>
        <message>
            <source>Remove %s from the call? What was typed for them will be lost.</source>
            <translation>Bỏ %s khỏi cuộc gọi? Nội dung đã nhập cho người này sẽ mất.</translation>
        </message>
        <message>
            <source>Child %d</source>
            <translation>Trẻ %d</translation>
        </message>
        <message>
            <source>Victim %d</source>
            <translation>Nạn nhân %d</translation>
        </message>
        <message>
            <source>Child %d: name</source>
            <translation>Trẻ %d: tên</translation>
        </message>
        <message>
            <source>Victim %d: name</source>
            <translation>Nạn nhân %d: tên</translation>
        </message>
    </context>
    <context>
        <name>ChildrenDialog</name>
        <message>
            <source>Open case files</source>
            <translation>Mở hồ sơ</translation>
        </message>
        <message>
            <source>Each child gets their own case file. Open a file for:</source>
            <translation>Mỗi trẻ có hồ sơ riêng. Mở hồ sơ cho:</translation>
        </message>
        <message>
            <source>the child of this call (no child was recorded)</source>
            <translation>trẻ của cuộc gọi này (chưa ghi thông tin trẻ)</translation>
        </message>
        <message>
            <source>Child %d: %s</source>
            <translation>Trẻ %d: %s</translation>
        </message>
        <message>
            <source>Open the files</source>
            <translation>Mở hồ sơ</translation>
        </message>
    </context>
    <context>
        <name>ClockHistory</name>
        <message>
            <source>Hand-off to the commune</source>
            <translation>Chuyển UBND cấp xã</translation>
        </message>
        <message>
            <source>Victim referral</source>
            <translation>Chuyển gửi nạn nhân</translation>
        </message>
        <message>
            <source>Nothing recorded on the clocks yet.</source>
            <translation>Chưa có ghi nhận nào về các thời hạn.</translation>
        </message>
    </context>
    <context>
        <name>ClocksPanel</name>
        <message>
            <source>Legal clocks of the case</source>
            <translation>Các thời hạn luật định của hồ sơ</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>Thời hạn</translation>
        </message>
        <message>
            <source>Decree 56/2017</source>
            <translation>NĐ 56/2017</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>&amp;Hand-off to the commune…</source>
            <translation>Chuyển UBND cấp &amp;xã…</translation>
        </message>
        <message>
            <source>&amp;12 hours: record the outcome…</source>
            <translation>&amp;12 giờ: ghi kết quả…</translation>
        </message>
        <message>
            <source>Plan &amp;approved…</source>
            <translation>&amp;Kế hoạch được phê duyệt…</translation>
        </message>
        <message>
            <source>Temporary &amp;separation…</source>
            <translation>Tạm thời cách &amp;ly…</translation>
        </message>
        <message>
            <source>&amp;Separation: extended or ended…</source>
            <translation>Cách &amp;ly: gia hạn hoặc kết thúc…</translation>
        </message>
        <message>
            <source>Temporary &amp;separation began…</source>
            <translation>Bắt đầu tạm thời cách &amp;ly…</translation>
        </message>
        <message>
            <source>Hand-off: %1</source>
            <translation>Đã chuyển xã: %1</translation>
        </message>
        <message>
            <source>Hand-off: not recorded yet — due at once since %1</source>
            <translation>Chuyển xã: chưa ghi nhận — phải chuyển ngay từ %1</translation>
        </message>
        <message>
            <source>Victim referral (police or Border Guard): not recorded yet</source>
            <translation>Chuyển gửi nạn nhân (Công an hoặc Bộ đội Biên phòng): chưa ghi nhận</translation>
        </message>
        <message>
            <source>Not required for this report</source>
            <translation>Không bắt buộc với báo cáo này</translation>
        </message>
        <message>
            <source>Recorded %1 (not required)</source>
            <translation>Đã ghi nhận %1 (không bắt buộc)</translation>
        </message>
        <message>
            <source>Not required: no serious harm reported</source>
            <translation>Không bắt buộc: không báo nguy cơ tổn hại nghiêm trọng</translation>
        </message>
        <message>
            <source>No separation recorded</source>
            <translation>Không có tạm thời cách ly</translation>
        </message>
        <message>
            <source>Plan approved (Mẫu 05 decision) on %1</source>
            <translation>Kế hoạch được phê duyệt (quyết định theo Mẫu 05) ngày %1</translation>
        </message>
        <message>
            <source>Hand-off to the commune recorded.</source>
            <translation>Đã ghi nhận việc chuyển thông tin cho UBND cấp xã.</translation>
        </message>
        <message>
            <source>The 12-hour clock's outcome is recorded.</source>
            <translation>Đã ghi kết quả thời hạn 12 giờ.</translation>
        </message>
        <message>
            <source>The plan's approval is recorded.</source>
            <translation>Đã ghi ngày phê duyệt kế hoạch.</translation>
        </message>
        <message>
            <source>The temporary separation is recorded.</source>
            <translation>Đã ghi nhận việc tạm thời cách ly.</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Someone else changed this call</source>
            <translation>Người khác đã sửa cuộc gọi này</translation>
        </message>
        <message>
            <source>%s saved this call at %s, while you were editing it. Nothing has been overwritten. Where the two versions differ:</source>
            <translation>%s đã lưu cuộc gọi này lúc %s, trong khi bạn đang sửa. Chưa có gì bị ghi đè. Những chỗ hai bản khác nhau:</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Mục</translation>
        </message>
        <message>
            <source>Theirs (saved by %s)</source>
            <translation>Bản của họ (%s đã lưu)</translation>
        </message>
        <message>
            <source>Yours (not saved)</source>
            <translation>Bản của bạn (chưa lưu)</translation>
        </message>
        <message>
            <source>Both versions hold the same values.</source>
            <translation>Hai bản giống nhau.</translation>
        </message>
        <message>
            <source>&amp;Keep theirs</source>
            <translation>&amp;Giữ bản của họ</translation>
        </message>
        <message>
            <source>Discard your edit and show the saved version</source>
            <translation>Bỏ bản sửa của bạn và hiện bản đã lưu</translation>
        </message>
        <message>
            <source>&amp;Save mine over theirs</source>
            <translation>&amp;Lưu bản của tôi thay bản của họ</translation>
        </message>
        <message>
            <source>Store your values in place of theirs; their edit stays in the history</source>
            <translation>Lưu nội dung của bạn thay cho bản của họ; lần sửa của họ vẫn còn trong lịch sử sửa</translation>
        </message>
        <message>
            <source>&amp;Back to editing</source>
            <translation>&amp;Quay lại sửa</translation>
        </message>
        <message>
            <source>Nothing is saved and nothing changes (Esc)</source>
            <translation>Không lưu và không thay đổi gì (Esc)</translation>
        </message>
    </context>
    <context>
        <name>DailyLogModel</name>
        <message>
            <source>Time</source>
            <extracomment>The summary column's text as (text, matched) parts: the delegate draws the matched words in bold. Texts that size a column whatever the rows hold (the widest label of a fixed list of words). (sort key of the store or None, header, header tooltip) per column, in order.</extracomment>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>The caller's number</source>
            <translation>Số điện thoại của người gọi</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Tổng đài viên</translation>
        </message>
        <message>
            <source>The categories of a call with content; the outcome of any other call</source>
            <translation>Loại vấn đề của cuộc gọi có nội dung; kết quả của các cuộc gọi khác</translation>
        </message>
        <message>
            <source>The case numbers, or whether a case file is needed</source>
            <translation>Số hồ sơ, hoặc có cần lập hồ sơ hay không</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Thời lượng</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Trẻ</translation>
        </message>
        <message>
            <source>The first child</source>
            <translation>Trẻ thứ nhất</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã/phường</translation>
        </message>
        <message>
            <source>The first child's commune</source>
            <translation>Xã/phường của trẻ thứ nhất</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Nguy cơ</translation>
        </message>
        <message>
            <source>Case file</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <source>flag cleared</source>
            <translation>đã bỏ đánh dấu</translation>
        </message>
        <message>
            <source>Reviewed by a shift lead</source>
            <translation>Trưởng ca đã xem</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>The summary; while searching, the words that matched, in bold</source>
            <translation>Tóm tắt; khi tìm kiếm, những từ khớp được in đậm</translation>
        </message>
        <message>
            <source>Caller</source>
            <extracomment>Which text of a call a search matched, said before its snippet (the summary needs no word).</extracomment>
            <translation>Người gọi</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Carer</source>
            <translation>Người chăm sóc</translation>
        </message>
        <message>
            <source>needed</source>
            <translation>cần lập</translation>
        </message>
        <message>
            <source>opened</source>
            <translation>đã lập</translation>
        </message>
    </context>
    <context>
        <name>DailyLogScreen</name>
        <message>
            <source>Whole day</source>
            <extracomment>The longest date range the log shows at once. After another copy's save, the rows already scrolled through are read again up to this many. How often another copy's saves are looked for (DESIGN: a new call appears within 3 seconds). How the columns are sized (log_columns): numbers and fixed words whole; names, categories and communes give up width to the summary, which stretches over the rest (at least SUMMARY_MIN pixels where the screen allows).</extracomment>
            <translation>Cả ngày</translation>
        </message>
        <message>
            <source>Date range</source>
            <translation>Khoảng ngày</translation>
        </message>
        <message>
            <source>All lines</source>
            <translation>Mọi đường dây</translation>
        </message>
        <message>
            <source>All operators</source>
            <translation>Mọi tổng đài viên</translation>
        </message>
        <message>
            <source>All outcomes</source>
            <translation>Mọi kết quả</translation>
        </message>
        <message>
            <source>All one-key outcomes</source>
            <translation>Mọi cuộc gọi một phím</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Mọi loại vấn đề</translation>
        </message>
        <message>
            <source>Any risk</source>
            <translation>Mọi mức nguy cơ</translation>
        </message>
        <message>
            <source>Flag: any</source>
            <translation>Hồ sơ: tất cả</translation>
        </message>
        <message>
            <source>Flagged for a case file</source>
            <translation>Cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Flagged, no case file yet</source>
            <translation>Cần lập hồ sơ, chưa có hồ sơ</translation>
        </message>
        <message>
            <source>Flag cleared by operator</source>
            <translation>Tổng đài viên đã bỏ đánh dấu</translation>
        </message>
        <message>
            <source>Not yet passed to the commune / victim not referred</source>
            <translation>Chưa báo UBND xã / chưa chuyển giao nạn nhân</translation>
        </message>
        <message>
            <source>Reviewed or not</source>
            <translation>Đã xem hoặc chưa</translation>
        </message>
        <message>
            <source>Not reviewed</source>
            <translation>Chưa xem</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Đã xem</translation>
        </message>
        <message>
            <source>Search names, summaries, places, phone digits (Ctrl+F)…</source>
            <translation>Tìm tên, tóm tắt, nơi ở, số điện thoại (Ctrl+F)…</translation>
        </message>
        <message>
            <source>Mark reviewed (Space)</source>
            <translation>Đánh dấu đã xem (Space)</translation>
        </message>
        <message>
            <source>Open (Enter)</source>
            <translation>Mở (Enter)</translation>
        </message>
        <message>
            <source>Mark the selected calls reviewed</source>
            <translation>Đánh dấu các cuộc gọi đã chọn là đã xem</translation>
        </message>
        <message>
            <source>Search the log</source>
            <translation>Tìm trong sổ</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tổng hợp</translation>
        </message>
        <message>
            <source>Shift just ended</source>
            <translation>Ca vừa kết thúc</translation>
        </message>
        <message>
            <source>Show the shift that ended last (a night shift is listed under the day it began)</source>
            <translation>Xem ca vừa kết thúc gần nhất (ca đêm được xếp theo ngày bắt đầu ca)</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>Ca trực</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <source>Export… (Ctrl+E)</source>
            <translation>Xuất tệp… (Ctrl+E)</translation>
        </message>
        <message>
            <source>Handover report… (Ctrl+P)</source>
            <translation>Báo cáo giao ca… (Ctrl+P)</translation>
        </message>
        <message>
            <source>&amp;Export the calls…</source>
            <translation>&amp;Xuất danh sách cuộc gọi…</translation>
        </message>
        <message>
            <source>&amp;Handover report…</source>
            <translation>&amp;Báo cáo giao ca…</translation>
        </message>
        <message>
            <source>%s (just ended)</source>
            <translation>%s (vừa kết thúc)</translation>
        </message>
        <message>
            <source>%s (under way)</source>
            <translation>%s (đang diễn ra)</translation>
        </message>
        <message>
            <source>%d calls</source>
            <translation>%d cuộc gọi</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>with a case file</source>
            <translation>đã có hồ sơ</translation>
        </message>
        <message>
            <source>Flags cleared by operators</source>
            <translation>Tổng đài viên bỏ đánh dấu</translation>
        </message>
        <message>
            <source>Not yet reviewed</source>
            <translation>Chưa xem</translation>
        </message>
        <message>
            <source>Average duration</source>
            <translation>Thời lượng trung bình</translation>
        </message>
        <message>
            <source>longest</source>
            <translation>dài nhất</translation>
        </message>
        <message>
            <source>By line</source>
            <translation>Theo đường dây</translation>
        </message>
        <message>
            <source>By outcome</source>
            <translation>Theo kết quả</translation>
        </message>
        <message>
            <source>Calls with content by group</source>
            <translation>Cuộc gọi có nội dung theo nhóm</translation>
        </message>
        <message>
            <source>Mark reviewed</source>
            <translation>Đánh dấu đã xem</translation>
        </message>
        <message>
            <source>Note for %d calls (optional):</source>
            <translation>Ghi chú cho %d cuộc gọi (không bắt buộc):</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Chưa lưu</translation>
        </message>
        <message>
            <source>%d calls marked reviewed.</source>
            <translation>Đã đánh dấu %d cuộc gọi là đã xem.</translation>
        </message>
        <message>
            <source>Cleared case-file flags</source>
            <translation>Đánh dấu hồ sơ đã bị bỏ</translation>
        </message>
        <message>
            <source>%d of these calls had their case-file flag cleared by an operator. Confirm the operators' reasons, or flag the calls again?</source>
            <translation>%d cuộc gọi trong số này đã bị tổng đài viên bỏ đánh dấu cần lập hồ sơ. Xác nhận lý do của tổng đài viên, hay đánh dấu lại?</translation>
        </message>
        <message>
            <source>Confirm the reasons</source>
            <translation>Xác nhận lý do</translation>
        </message>
        <message>
            <source>Flag them again</source>
            <translation>Đánh dấu lại</translation>
        </message>
        <message>
            <source>Personal data</source>
            <translation>Dữ liệu cá nhân</translation>
        </message>
        <message>
            <source>The export holds names, phone numbers and notes about children. Keep the file safe and delete it when done. The export is recorded in the audit log. Continue?</source>
            <translation>Tệp xuất có họ tên, số điện thoại và ghi chú về trẻ em. Hãy giữ tệp an toàn và xóa khi dùng xong. Việc xuất tệp được ghi vào nhật ký. Tiếp tục?</translation>
        </message>
        <message>
            <source>Export the calls</source>
            <translation>Xuất danh sách cuộc gọi</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Chưa xuất được</translation>
        </message>
        <message>
            <source>%d calls exported to %s</source>
            <translation>Đã xuất %d cuộc gọi ra %s</translation>
        </message>
        <message>
            <source>%s already exists. Replace it?</source>
            <translation>Tệp %s đã có. Ghi đè lên tệp đó?</translation>
        </message>
        <message>
            <source>Handover report</source>
            <translation>Báo cáo giao ca</translation>
        </message>
        <message>
            <source>Save the handover report as a PDF, or print it?</source>
            <translation>Lưu báo cáo giao ca thành PDF hay in ra giấy?</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Lưu PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>In…</translation>
        </message>
        <message>
            <source>Handover report saved: %s</source>
            <translation>Đã lưu báo cáo giao ca: %s</translation>
        </message>
    </context>
    <context>
        <name>DamagedDialog</name>
        <message>
            <source>The database is damaged</source>
            <translation>Cơ sở dữ liệu bị hỏng</translation>
        </message>
        <message>
            <source>Hotline — the database is damaged</source>
            <translation>Hotline — cơ sở dữ liệu bị hỏng</translation>
        </message>
        <message>
            <source>The database file is damaged: part of it cannot be read.</source>
            <translation>Tệp cơ sở dữ liệu bị hỏng: một phần của tệp không đọc được.</translation>
        </message>
        <message>
            <source>Restore the latest good backup, taken at %1? Calls saved after it stay in the damaged file, which is kept as a copy for the administrator.</source>
            <translation>Khôi phục bản sao lưu tốt gần nhất, lấy lúc %1? Các cuộc gọi lưu sau thời điểm đó vẫn nằm trong tệp bị hỏng, tệp này được giữ lại làm bản sao cho quản trị viên.</translation>
        </message>
        <message>
            <source>Close Hotline in any other window that uses this database first.</source>
            <translation>Trước đó hãy đóng Hotline ở mọi cửa sổ khác đang dùng cơ sở dữ liệu này.</translation>
        </message>
        <message>
            <source>A call being typed is kept and offered back after the restore.</source>
            <translation>Cuộc gọi đang nhập được giữ lại và sẽ được mở lại sau khi khôi phục.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Để sau</translation>
        </message>
        <message>
            <source>No backup was found to restore.</source>
            <translation>Không tìm thấy bản sao lưu nào để khôi phục.</translation>
        </message>
        <message>
            <source>You may go on working, but please call the administrator now.</source>
            <translation>Bạn có thể tiếp tục làm việc, nhưng hãy gọi quản trị viên ngay.</translation>
        </message>
        <message>
            <source>Hotline closes. Note calls on paper and call the administrator.</source>
            <translation>Hotline sẽ đóng. Hãy ghi cuộc gọi ra giấy và gọi quản trị viên.</translation>
        </message>
        <message>
            <source>Hotline closes</source>
            <translation>Hotline đóng lại</translation>
        </message>
        <message>
            <source>Nothing was changed. Hotline cannot work with the damaged file, so it closes now. Note calls on paper and call the administrator, who can restore a backup (Administration → Backups, or: hotline restore).</source>
            <translation>Chưa có gì bị thay đổi. Hotline không thể làm việc với tệp bị hỏng nên sẽ đóng ngay. Hãy ghi cuộc gọi ra giấy và gọi quản trị viên để khôi phục bản sao lưu (Quản trị → Sao lưu, hoặc: hotline restore).</translation>
        </message>
        <message>
            <source>The database is damaged: save calls as usual and call the administrator (restore a backup).</source>
            <translation>Cơ sở dữ liệu bị hỏng: vẫn lưu cuộc gọi như thường và hãy gọi quản trị viên (khôi phục bản sao lưu).</translation>
        </message>
        <message>
            <source>The backup %1 is restored. The damaged database is kept in %2 for the administrator: calls saved after the backup are in it. Please sign in again.</source>
            <translation>Đã khôi phục bản sao lưu %1. Cơ sở dữ liệu bị hỏng được giữ tại %2 cho quản trị viên: các cuộc gọi lưu sau bản sao lưu nằm trong đó. Vui lòng đăng nhập lại.</translation>
        </message>
    </context>
    <context>
        <name>DayList</name>
        <message>
            <source>%1 added. Save the settings to keep it.</source>
            <translation>Đã thêm %1. Hãy lưu thiết lập để giữ lại.</translation>
        </message>
    </context>
    <context>
        <name>Deadlines</name>
        <message>
            <source>%d d %d h</source>
            <translation>%d ngày %d giờ</translation>
        </message>
        <message>
            <source>%d h %02d min</source>
            <translation>%d giờ %02d phút</translation>
        </message>
        <message>
            <source>%d min</source>
            <translation>%d phút</translation>
        </message>
        <message>
            <source>OVERDUE by %s</source>
            <extracomment>Background colours of a deadline cell; the text also says it (printouts, colour blindness).</extracomment>
            <translation>QUÁ HẠN %s</translation>
        </message>
        <message>
            <source>%s left</source>
            <translation>còn %s</translation>
        </message>
    </context>
    <context>
        <name>DemoSplash</name>
        <message>
            <source>Preparing demo data…</source>
            <translation>Đang chuẩn bị dữ liệu mẫu…</translation>
        </message>
    </context>
    <context>
        <name>DetailsPanel</name>
        <message>
            <source>&amp;The informant agrees to be named in Mẫu số 01</source>
            <translation>Người cung cấp thông tin đồng ý được ghi tên t&amp;rong Mẫu số 01</translation>
        </message>
        <message>
            <source>Save the &amp;details</source>
            <translation>Lưu thô&amp;ng tin</translation>
        </message>
        <message>
            <source>Details saved.</source>
            <translation>Đã lưu thông tin.</translation>
        </message>
    </context>
    <context>
        <name>DraftDialogs</name>
        <message>
            <source>Number: %s</source>
            <extracomment>How much of the summary tells two drafts apart without filling the box.</extracomment>
            <translation>Số điện thoại: %s</translation>
        </message>
        <message>
            <source>Child: %s</source>
            <translation>Trẻ: %s</translation>
        </message>
        <message>
            <source>Caller: %s</source>
            <translation>Người gọi: %s</translation>
        </message>
        <message>
            <source>Summary: %s</source>
            <translation>Tóm tắt: %s</translation>
        </message>
        <message>
            <source>Nothing typed yet.</source>
            <translation>Chưa nhập nội dung nào.</translation>
        </message>
        <message>
            <source>Unsaved call found</source>
            <translation>Có cuộc gọi chưa lưu</translation>
        </message>
        <message>
            <source>(%1 of %2)</source>
            <translation>(%1/%2)</translation>
        </message>
        <message>
            <source>A call started at %s was not saved. Open it again to finish it?</source>
            <translation>Cuộc gọi bắt đầu lúc %s chưa được lưu. Mở lại để ghi tiếp?</translation>
        </message>
        <message>
            <source>Open it</source>
            <translation>Mở lại</translation>
        </message>
        <message>
            <source>Discard it…</source>
            <translation>Bỏ cuộc gọi…</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Để sau</translation>
        </message>
        <message>
            <source>Discard the unsaved call?</source>
            <translation>Bỏ cuộc gọi chưa lưu?</translation>
        </message>
        <message>
            <source>The call started at %s will be lost. Discard it?</source>
            <translation>Cuộc gọi bắt đầu lúc %s sẽ mất. Bỏ cuộc gọi?</translation>
        </message>
    </context>
    <context>
        <name>EmergencyDialog</name>
        <message>
            <source>Emergency measures / temporary separation (12 hours)</source>
            <translation>Can thiệp khẩn cấp / tạm thời cách ly (12 giờ)</translation>
        </message>
        <message>
            <source>Decree 56/2017, Art. 26(3), 32: within 12 hours the commune chairman applies emergency measures or separates the child temporarily. Record what was decided.</source>
            <translation>NĐ 56/2017, khoản 3 Điều 26 và Điều 32: trong 12 giờ, Chủ tịch UBND cấp xã áp dụng biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ. Hãy ghi lại quyết định.</translation>
        </message>
        <message>
            <source>Which measures, applied by whom</source>
            <translation>Biện pháp nào, do ai áp dụng</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>&amp;Details:</source>
            <translation>&amp;Nội dung:</translation>
        </message>
        <message>
            <source>&amp;When:</source>
            <translation>&amp;Thời điểm:</translation>
        </message>
        <message>
            <source>Why no emergency measures are needed</source>
            <translation>Vì sao không cần biện pháp can thiệp khẩn cấp</translation>
        </message>
    </context>
    <context>
        <name>FileNames</name>
        <message>
            <source>calls</source>
            <extracomment>What is being saved → its words (folded into the name: "bàn giao ca" → "ban-giao-ca").</extracomment>
            <translation>cuộc gọi</translation>
        </message>
        <message>
            <source>handover</source>
            <translation>bàn giao ca</translation>
        </message>
        <message>
            <source>form 01</source>
            <translation>Mẫu 01</translation>
        </message>
        <message>
            <source>statistics</source>
            <translation>thống kê</translation>
        </message>
        <message>
            <source>audit log</source>
            <translation>nhật ký hoạt động</translation>
        </message>
        <message>
            <source>backup</source>
            <translation>sao lưu</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <source>Hotline — first administrator</source>
            <translation>Hotline — quản trị viên đầu tiên</translation>
        </message>
        <message>
            <source>Welcome to Hotline</source>
            <translation>Chào mừng đến với Hotline</translation>
        </message>
        <message>
            <source>Nobody can sign in yet. Create the first administrator account; the administrator then adds the other users.</source>
            <translation>Chưa có ai đăng nhập được. Hãy tạo tài khoản quản trị viên đầu tiên; sau đó quản trị viên sẽ thêm những người dùng khác.</translation>
        </message>
        <message>
            <source>e.g. quantri</source>
            <translation>ví dụ: quantri</translation>
        </message>
        <message>
            <source>e.g. Nguyễn Thị Hoa</source>
            <translation>ví dụ: Nguyễn Thị Hoa</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>Nhập lại mật khẩu</translation>
        </message>
        <message>
            <source>Letters without accents, digits, dot, dash or underscore.</source>
            <translation>Chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>Ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Họ và tên:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Nhập lại mật khẩu:</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Administrator: users, settings, backups (always)</source>
            <translation>Quản trị viên: người dùng, cài đặt, sao lưu (luôn có)</translation>
        </message>
        <message>
            <source>Also answers &amp;calls (operator)</source>
            <translation>Kiêm trực tổng đài (tổng đài &amp;viên)</translation>
        </message>
        <message>
            <source>Also &amp;shift lead (daily log, review)</source>
            <translation>Kiêm trưởng &amp;ca (nhật ký, duyệt cuộc gọi)</translation>
        </message>
        <message>
            <source>Cr&amp;eate account</source>
            <translation>Tạo tài &amp;khoản</translation>
        </message>
        <message>
            <source>Data file: %1</source>
            <translation>Tệp dữ liệu: %1</translation>
        </message>
        <message>
            <source>Choose a username.</source>
            <translation>Hãy chọn tên đăng nhập.</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>Mật khẩu phải có ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>The two passwords are not the same: type it again.</source>
            <translation>Hai mật khẩu không giống nhau: hãy nhập lại.</translation>
        </message>
    </context>
    <context>
        <name>FollowupScreen</name>
        <message>
            <source>Deadline</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <source>For</source>
            <translation>Loại hạn</translation>
        </message>
        <message>
            <source>Hand-off</source>
            <translation>Chuyển xã</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Nguy cơ</translation>
        </message>
        <message>
            <source>Why flagged</source>
            <translation>Lý do cần hồ sơ</translation>
        </message>
        <message>
            <source>Children</source>
            <translation>Trẻ</translation>
        </message>
        <message>
            <source>Taken by</source>
            <translation>Người nhận xử lý</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>chưa ghi nhận</translation>
        </message>
        <message>
            <source>not required</source>
            <translation>không bắt buộc</translation>
        </message>
        <message>
            <source>Flagged calls waiting for a case file</source>
            <translation>Cuộc gọi cần lập hồ sơ đang chờ</translation>
        </message>
        <message>
            <source>Take it (Ctrl+M)</source>
            <translation>Nhận xử lý (Ctrl+M)</translation>
        </message>
        <message>
            <source>Follow this call up yourself</source>
            <translation>Tự mình theo dõi cuộc gọi này</translation>
        </message>
        <message>
            <source>Give to</source>
            <translation>Giao cho</translation>
        </message>
        <message>
            <source>Open case files… (Ctrl+O)</source>
            <translation>Mở hồ sơ… (Ctrl+O)</translation>
        </message>
        <message>
            <source>Hand-off to the commune… (Ctrl+H)</source>
            <translation>Chuyển UBND cấp xã… (Ctrl+H)</translation>
        </message>
        <message>
            <source>Record that the report was passed to the commune of the incident</source>
            <translation>Ghi nhận đã chuyển thông tin cho UBND cấp xã nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Take the selected call</source>
            <translation>Nhận xử lý cuộc gọi đã chọn</translation>
        </message>
        <message>
            <source>Open case files for the selected call</source>
            <translation>Mở hồ sơ cho cuộc gọi đã chọn</translation>
        </message>
        <message>
            <source>Record the hand-off of the selected call</source>
            <translation>Ghi nhận việc chuyển xã của cuộc gọi đang chọn</translation>
        </message>
        <message>
            <source>Refresh the queue</source>
            <translation>Làm mới hàng chờ</translation>
        </message>
        <message>
            <source>Follow-up queue: %d flagged calls without a case file</source>
            <translation>Hàng chờ theo dõi: %d cuộc gọi cần lập hồ sơ chưa có hồ sơ</translation>
        </message>
        <message>
            <source>No call is waiting for a case file.</source>
            <translation>Không có cuộc gọi nào đang chờ lập hồ sơ.</translation>
        </message>
        <message>
            <source>Call of %s on line %s</source>
            <translation>Cuộc gọi lúc %s trên đường dây %s</translation>
        </message>
        <message>
            <source>Why flagged: %s</source>
            <translation>Lý do: %s</translation>
        </message>
        <message>
            <source>due %s</source>
            <translation>hạn %s</translation>
        </message>
        <message>
            <source>Hand-off to the commune: not required by the rules for this report</source>
            <translation>Chuyển UBND cấp xã: quy tắc không bắt buộc với báo cáo này</translation>
        </message>
        <message>
            <source>Hand-off to the commune</source>
            <translation>Chuyển UBND cấp xã</translation>
        </message>
        <message>
            <source>Victim referral</source>
            <translation>Chuyển gửi nạn nhân</translation>
        </message>
        <message>
            <source>Victim referral (police or Border Guard): not recorded yet</source>
            <translation>Chuyển gửi nạn nhân (Công an hoặc Bộ đội Biên phòng): chưa ghi nhận</translation>
        </message>
        <message>
            <source>Child %d: %s, %s, %s</source>
            <translation>Trẻ %d: %s, %s, %s</translation>
        </message>
        <message>
            <source>Hand-off to the commune recorded.</source>
            <translation>Đã ghi nhận việc chuyển thông tin cho UBND cấp xã.</translation>
        </message>
        <message>
            <source>Take over this call?</source>
            <translation>Nhận lại cuộc gọi này?</translation>
        </message>
        <message>
            <source>%s follows this call up. Take it over?</source>
            <translation>%s đang theo dõi cuộc gọi này. Bạn nhận lại?</translation>
        </message>
        <message>
            <source>The call is followed up by %s.</source>
            <translation>Cuộc gọi do %s theo dõi.</translation>
        </message>
        <message>
            <source>Case files opened: %s</source>
            <translation>Đã mở hồ sơ: %s</translation>
        </message>
    </context>
    <context>
        <name>HandoffDialog</name>
        <message>
            <source>Hand-off to the commune of the incident</source>
            <translation>Chuyển thông tin cho UBND cấp xã nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Decree 56/2017, Art. 26(1): the report goes to the commune where it happened at once.</source>
            <translation>NĐ 56/2017, khoản 1 Điều 26: thông tin phải được chuyển ngay cho UBND cấp xã nơi xảy ra vụ việc.</translation>
        </message>
        <message>
            <source>the commune's People's Committee, the officer reached</source>
            <translation>UBND cấp xã, cán bộ đã liên hệ</translation>
        </message>
        <message>
            <source>To whom</source>
            <translation>Chuyển cho ai</translation>
        </message>
        <message>
            <source>How</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>&amp;To whom:</source>
            <translation>&amp;Chuyển cho:</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;Hình thức:</translation>
        </message>
        <message>
            <source>&amp;When:</source>
            <translation>&amp;Thời điểm:</translation>
        </message>
    </context>
    <context>
        <name>HandoffRow</name>
        <message>
            <source>to whom: UBND xã …, the officer's name</source>
            <extracomment>The offices a victim is referred to, as they are named (data, the same in every language of the screen). The commune's People's Committee, before the name of the commune.</extracomment>
            <translation>báo cho ai: UBND xã …, tên cán bộ</translation>
        </message>
        <message>
            <source>Report passed to the commune: to whom</source>
            <translation>Đã báo UBND xã: báo cho ai</translation>
        </message>
        <message>
            <source>to whom: Công an / Bộ đội Biên phòng …</source>
            <translation>chuyển cho ai: Công an / Bộ đội Biên phòng …</translation>
        </message>
        <message>
            <source>Victim referred: to whom</source>
            <translation>Đã chuyển giao nạn nhân: cho ai</translation>
        </message>
        <message>
            <source>How it was passed on</source>
            <translation>Hình thức báo, chuyển giao</translation>
        </message>
        <message>
            <source>When it was passed on</source>
            <translation>Thời điểm báo, chuyển giao</translation>
        </message>
        <message>
            <source>When it was passed on (Vietnam time)</source>
            <translation>Thời điểm báo, chuyển giao (giờ Việt Nam)</translation>
        </message>
    </context>
    <context>
        <name>HolidayWarning</name>
        <message>
            <source>The public holidays of %1 are not entered yet: until they are, the 5-working-day plan clock counts them as working days. Enter them under Settings, Public holidays.</source>
            <extracomment>The key that opens the holidays from anywhere in an administrator's window (the notice names it: a notice that only says "click" leaves a keyboard user no way there).</extracomment>
            <translation>Chưa nhập ngày nghỉ lễ năm %1: khi chưa nhập, thời hạn 5 ngày làm việc lập kế hoạch vẫn tính những ngày đó là ngày làm việc. Hãy nhập tại Cài đặt, mục Ngày nghỉ lễ.</translation>
        </message>
        <message>
            <source>⚠ Public holidays of %1 not entered: press %2 or click here to enter them</source>
            <translation>⚠ Chưa nhập ngày nghỉ lễ năm %1: nhấn %2 hoặc bấm vào đây để nhập</translation>
        </message>
        <message>
            <source>&amp;Enter the holidays…</source>
            <translation>Nhập &amp;ngày nghỉ lễ…</translation>
        </message>
        <message>
            <source>Enter the public holidays</source>
            <translation>Nhập ngày nghỉ lễ</translation>
        </message>
    </context>
    <context>
        <name>IncidentEditor</name>
        <message>
            <source>Place of the incident</source>
            <translation>Địa điểm xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Commune or ward of the incident</source>
            <translation>Xã, phường nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Place of the incident (Alt+P)</source>
            <translation>Địa điểm xảy ra vụ việc (Alt+P)</translation>
        </message>
        <message>
            <source>hamlet, street, school, website…</source>
            <translation>ấp, đường, trường học, trang mạng…</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— chọn —</translation>
        </message>
        <message>
            <source>Setting of the incident</source>
            <translation>Môi trường xảy ra vụ việc</translation>
        </message>
        <message>
            <source>= the child's home</source>
            <translation>= Nơi ở của trẻ</translation>
        </message>
        <message>
            <source>The incident happened where the first child lives: copy that place</source>
            <translation>Vụ việc xảy ra tại nơi ở của trẻ thứ nhất: chép địa chỉ đó sang</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Môi trường</translation>
        </message>
        <message>
            <source>Go to the place of the incident</source>
            <translation>Đến ô địa điểm xảy ra vụ việc</translation>
        </message>
    </context>
    <context>
        <name>IntakeCallBox</name>
        <message>
            <source>What the caller reported</source>
            <extracomment>Lines of the summary in sight; a longer summary scrolls in its box (the case file must fit a 768-pixel screen).</extracomment>
            <translation>Nội dung người gọi đã báo</translation>
        </message>
        <message>
            <source>Summary of the call the case was opened from</source>
            <translation>Tóm tắt cuộc gọi mở hồ sơ</translation>
        </message>
        <message>
            <source>&amp;Open the call…</source>
            <translation>&amp;Mở cuộc gọi…</translation>
        </message>
        <message>
            <source>The call as it was saved, with its children and its history</source>
            <translation>Cuộc gọi như đã lưu, cùng trẻ em và lịch sử sửa</translation>
        </message>
        <message>
            <source>Call no. %d</source>
            <translation>Cuộc gọi số %d</translation>
        </message>
        <message>
            <source>line %s</source>
            <translation>đường dây %s</translation>
        </message>
        <message>
            <source>%d:%02d long</source>
            <translation>dài %d:%02d</translation>
        </message>
        <message>
            <source>taken by %s</source>
            <translation>người nhận: %s</translation>
        </message>
        <message>
            <source>risk: %s</source>
            <translation>nguy cơ: %s</translation>
        </message>
        <message>
            <source>Categories: %s</source>
            <translation>Loại vấn đề: %s</translation>
        </message>
        <message>
            <source>(no summary was written)</source>
            <translation>(không có tóm tắt)</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Call with content</source>
            <translation>Cuộc gọi có nội dung</translation>
        </message>
        <message>
            <source>Silent</source>
            <translation>Im lặng</translation>
        </message>
        <message>
            <source>Hang-up</source>
            <translation>Cúp máy</translation>
        </message>
        <message>
            <source>Prank</source>
            <translation>Gọi phá</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Nhầm số</translation>
        </message>
        <message>
            <source>Abusive</source>
            <translation>Chửi bới</translation>
        </message>
        <message>
            <source>Test call</source>
            <translation>Gọi thử</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Zalo</source>
            <translation>Zalo</translation>
        </message>
        <message>
            <source>App</source>
            <translation>Ứng dụng</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>Đến trực tiếp</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Age unknown</source>
            <translation>Không rõ tuổi</translation>
        </message>
        <message>
            <source>0–5 years</source>
            <translation>0–5 tuổi</translation>
        </message>
        <message>
            <source>6–10 years</source>
            <translation>6–10 tuổi</translation>
        </message>
        <message>
            <source>11–15 years</source>
            <translation>11–15 tuổi</translation>
        </message>
        <message>
            <source>16–17 years</source>
            <translation>16–17 tuổi</translation>
        </message>
        <message>
            <source>Adult (18 or older)</source>
            <translation>Người lớn (từ 18 tuổi)</translation>
        </message>
        <message>
            <source>Under 11</source>
            <translation>Dưới 11 tuổi</translation>
        </message>
        <message>
            <source>Adult (18–59)</source>
            <translation>Người lớn (18–59)</translation>
        </message>
        <message>
            <source>60 or older</source>
            <translation>Từ 60 tuổi</translation>
        </message>
        <message>
            <source>Not said</source>
            <translation>Không nói</translation>
        </message>
        <message>
            <source>The child themself</source>
            <translation>Chính trẻ</translation>
        </message>
        <message>
            <source>Parent</source>
            <translation>Cha mẹ</translation>
        </message>
        <message>
            <source>Relative</source>
            <translation>Người thân</translation>
        </message>
        <message>
            <source>Carer</source>
            <translation>Người chăm sóc</translation>
        </message>
        <message>
            <source>Neighbour</source>
            <translation>Hàng xóm</translation>
        </message>
        <message>
            <source>Teacher</source>
            <translation>Giáo viên</translation>
        </message>
        <message>
            <source>Friend</source>
            <translation>Bạn bè</translation>
        </message>
        <message>
            <source>Official (police, commune, health)</source>
            <translation>Cán bộ (công an, xã, y tế)</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Khác</translation>
        </message>
        <message>
            <source>No risk seen</source>
            <translation>Chưa thấy nguy cơ</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Thấp</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Trung bình</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Cao</translation>
        </message>
        <message>
            <source>Immediate danger</source>
            <translation>Nguy hiểm tức thời</translation>
        </message>
        <message>
            <source>Police 113</source>
            <translation>Công an 113</translation>
        </message>
        <message>
            <source>Emergency 115</source>
            <translation>Cấp cứu 115</translation>
        </message>
        <message>
            <source>Commune committee</source>
            <translation>UBND xã</translation>
        </message>
        <message>
            <source>Health department</source>
            <translation>Sở Y tế</translation>
        </message>
        <message>
            <source>School</source>
            <translation>Trường học</translation>
        </message>
        <message>
            <source>Border Guard</source>
            <translation>Bộ đội Biên phòng</translation>
        </message>
        <message>
            <source>NGO or shelter</source>
            <translation>Tổ chức xã hội, nhà tạm lánh</translation>
        </message>
        <message>
            <source>Other service</source>
            <translation>Dịch vụ khác</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Hỏi đáp thông tin</translation>
        </message>
        <message>
            <source>In-depth counselling</source>
            <translation>Tư vấn chuyên sâu</translation>
        </message>
        <message>
            <source>Support or intervention</source>
            <translation>Hỗ trợ, can thiệp</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Gia đình</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>Cộng đồng</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Trên mạng</translation>
        </message>
        <message>
            <source>Workplace</source>
            <translation>Nơi làm việc</translation>
        </message>
        <message>
            <source>Other place</source>
            <translation>Nơi khác</translation>
        </message>
        <message>
            <source>Abused</source>
            <translation>Bị xâm hại</translation>
        </message>
        <message>
            <source>At risk of abuse</source>
            <translation>Có nguy cơ bị xâm hại</translation>
        </message>
        <message>
            <source>Not clear yet</source>
            <translation>Chưa xác định</translation>
        </message>
        <message>
            <source>Child (under 16)</source>
            <translation>Trẻ em (dưới 16 tuổi)</translation>
        </message>
        <message>
            <source>Minor (16–17)</source>
            <translation>Người chưa thành niên (16–17 tuổi)</translation>
        </message>
        <message>
            <source>Adult victim (18 or older)</source>
            <translation>Nạn nhân là người lớn (từ 18 tuổi)</translation>
        </message>
        <message>
            <source>Cambodia</source>
            <translation>Campuchia</translation>
        </message>
        <message>
            <source>Laos</source>
            <translation>Lào</translation>
        </message>
        <message>
            <source>China</source>
            <translation>Trung Quốc</translation>
        </message>
        <message>
            <source>Myanmar</source>
            <translation>Myanmar</translation>
        </message>
        <message>
            <source>Within Vietnam</source>
            <translation>Trong nước</translation>
        </message>
        <message>
            <source>Other country</source>
            <translation>Nước khác</translation>
        </message>
        <message>
            <source>By phone</source>
            <translation>Qua điện thoại</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>Trực tiếp</translation>
        </message>
        <message>
            <source>In writing</source>
            <translation>Bằng văn bản</translation>
        </message>
        <message>
            <source>Other means</source>
            <translation>Cách khác</translation>
        </message>
        <message>
            <source>(a) Orphaned of both father and mother</source>
            <extracomment>Luật Trẻ em 2016, Điều 10(1): the English sources; the Vietnamese translations are the law's own words (core.law.SPECIAL_CIRCUMSTANCES_VI, which Mẫu 01 prints; tests/test_translations.py holds them equal).</extracomment>
            <translation>(a) Trẻ em mồ côi cả cha và mẹ</translation>
        </message>
        <message>
            <source>(b) Abandoned</source>
            <translation>(b) Trẻ em bị bỏ rơi</translation>
        </message>
        <message>
            <source>(c) With no one to depend on</source>
            <translation>(c) Trẻ em không nơi nương tựa</translation>
        </message>
        <message>
            <source>(d) With a disability</source>
            <translation>(d) Trẻ em khuyết tật</translation>
        </message>
        <message>
            <source>(đ) Living with HIV/AIDS</source>
            <translation>(đ) Trẻ em nhiễm HIV/AIDS</translation>
        </message>
        <message>
            <source>(e) In breach of the law</source>
            <translation>(e) Trẻ em vi phạm pháp luật</translation>
        </message>
        <message>
            <source>(g) Addicted to drugs</source>
            <translation>(g) Trẻ em nghiện ma túy</translation>
        </message>
        <message>
            <source>(h) Left school to earn a living before completing lower secondary education</source>
            <translation>(h) Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở</translation>
        </message>
        <message>
            <source>(i) Seriously harmed in body and mind by violence</source>
            <translation>(i) Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực</translation>
        </message>
        <message>
            <source>(k) Exploited</source>
            <translation>(k) Trẻ em bị bóc lột</translation>
        </message>
        <message>
            <source>(l) Sexually abused</source>
            <translation>(l) Trẻ em bị xâm hại tình dục</translation>
        </message>
        <message>
            <source>(m) Trafficked</source>
            <translation>(m) Trẻ em bị mua bán</translation>
        </message>
        <message>
            <source>(n) With a grave or long-term illness, of a poor or near-poor household</source>
            <translation>(n) Trẻ em mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo hoặc hộ cận nghèo</translation>
        </message>
        <message>
            <source>(o) Migrant, displaced or refugee, parents not identified or without a carer</source>
            <translation>(o) Trẻ em di cư, trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ hoặc không có người chăm sóc</translation>
        </message>
        <message>
            <source>mobile</source>
            <translation>di động</translation>
        </message>
        <message>
            <source>landline</source>
            <translation>cố định</translation>
        </message>
        <message>
            <source>toll-free</source>
            <translation>miễn phí</translation>
        </message>
        <message>
            <source>short code</source>
            <translation>đầu số ngắn</translation>
        </message>
        <message>
            <source>number withheld</source>
            <translation>số ẩn</translation>
        </message>
        <message>
            <source>foreign number</source>
            <translation>số nước ngoài</translation>
        </message>
        <message>
            <source>not a usable number</source>
            <translation>số không dùng được</translation>
        </message>
        <message>
            <source>Case file required</source>
            <extracomment>Whether a call needs a case file (core.rules decides; the daily log, the exports and the PDFs name it).</extracomment>
            <translation>Cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Case file suggested</source>
            <translation>Nên lập hồ sơ</translation>
        </message>
        <message>
            <source>No case file needed</source>
            <translation>Không cần lập hồ sơ</translation>
        </message>
        <message>
            <source>Flagged by the rules</source>
            <extracomment>Who set a call's case-file flag.</extracomment>
            <translation>Đánh dấu theo quy tắc</translation>
        </message>
        <message>
            <source>Flagged by hand</source>
            <translation>Đánh dấu thủ công</translation>
        </message>
        <message>
            <source>Passed to the commune</source>
            <extracomment>What a recorded hand-off was: the report passed to the commune, or an adult victim referred.</extracomment>
            <translation>Đã báo UBND xã</translation>
        </message>
        <message>
            <source>Victim referred</source>
            <translation>Đã chuyển giao nạn nhân</translation>
        </message>
    </context>
    <context>
        <name>LineDialog</name>
        <message>
            <source>Add a line</source>
            <translation>Thêm đường dây</translation>
        </message>
        <message>
            <source>Rename a line</source>
            <translation>Đổi tên đường dây</translation>
        </message>
        <message>
            <source>Number of the line</source>
            <translation>Số của đường dây</translation>
        </message>
        <message>
            <source>Name of the line</source>
            <translation>Tên đường dây</translation>
        </message>
        <message>
            <source>&amp;Number:</source>
            <translation>&amp;Số:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Tên:</translation>
        </message>
    </context>
    <context>
        <name>LinesPage</name>
        <message>
            <source>Lines</source>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Số</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>&amp;Add line…</source>
            <translation>T&amp;hêm đường dây…</translation>
        </message>
        <message>
            <source>Re&amp;name…</source>
            <translation>Sử&amp;a tên…</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Chuyển &amp;lên</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Chuyển x&amp;uống</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>Ngừng &amp;dùng</translation>
        </message>
        <message>
            <source>A deactivated line is no longer offered for new calls; its calls keep it. The first line is the one a new call starts on.</source>
            <translation>Đường dây đã ngừng dùng sẽ không còn hiện khi ghi cuộc gọi mới; các cuộc gọi cũ vẫn giữ đường dây đó. Cuộc gọi mới luôn bắt đầu ở đường dây đầu tiên.</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Đang dùng</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <translation>Ngừng dùng</translation>
        </message>
        <message>
            <source>&amp;Activate</source>
            <translation>&amp;Dùng lại</translation>
        </message>
        <message>
            <source>Line %1 added.</source>
            <translation>Đã thêm đường dây %1.</translation>
        </message>
        <message>
            <source>Line %1 renamed.</source>
            <translation>Đã đổi tên đường dây %1.</translation>
        </message>
        <message>
            <source>Line %1 deactivated.</source>
            <translation>Đã ngừng dùng đường dây %1.</translation>
        </message>
        <message>
            <source>Line %1 activated.</source>
            <translation>Đã dùng lại đường dây %1.</translation>
        </message>
    </context>
    <context>
        <name>LinksPanel</name>
        <message>
            <source>Calls of this case: Enter opens the selected call</source>
            <translation>Các cuộc gọi của hồ sơ: nhấn Enter để mở cuộc gọi đang chọn</translation>
        </message>
        <message>
            <source>Enter or a double click opens the call</source>
            <translation>Nhấn Enter hoặc nhấp đúp để mở cuộc gọi</translation>
        </message>
        <message>
            <source>name or number (empty: calls from the same number)</source>
            <translation>tên hoặc số điện thoại (để trống: các cuộc gọi cùng số)</translation>
        </message>
        <message>
            <source>F&amp;ind calls</source>
            <translation>Tìm c&amp;uộc gọi</translation>
        </message>
        <message>
            <source>&amp;Link the selected call</source>
            <translation>L&amp;iên kết cuộc gọi đã chọn</translation>
        </message>
        <message>
            <source>Calls of this case (Enter opens one)</source>
            <translation>Các cuộc gọi của hồ sơ (nhấn Enter để mở)</translation>
        </message>
        <message>
            <source>Intake call: %s</source>
            <translation>Cuộc gọi mở hồ sơ: %s</translation>
        </message>
        <message>
            <source>Select a call to link.</source>
            <translation>Chọn một cuộc gọi để liên kết.</translation>
        </message>
        <message>
            <source>Call linked to the case.</source>
            <translation>Đã liên kết cuộc gọi với hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Locked</source>
            <extracomment>Events that mean a person is at the PC.</extracomment>
            <translation>Màn hình khóa</translation>
        </message>
        <message>
            <source>Hotline is locked</source>
            <translation>Hotline đã được khóa</translation>
        </message>
        <message>
            <source>Signed in: %1 (%2). A call being typed is kept, and its clock keeps running.</source>
            <translation>Đang đăng nhập: %1 (%2). Cuộc gọi đang nhập vẫn được giữ nguyên và vẫn tiếp tục tính giờ.</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>Mở &amp;khóa</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>Error message</source>
            <translation>Thông báo lỗi</translation>
        </message>
        <message>
            <source>Tries left</source>
            <translation>Số lần thử còn lại</translation>
        </message>
        <message>
            <source>Sign in as &amp;another user…</source>
            <translation>Đăng nhập &amp;bằng tài khoản khác…</translation>
        </message>
        <message>
            <source>Username of the other user</source>
            <translation>Tên đăng nhập của người dùng khác</translation>
        </message>
        <message>
            <source>Password of the other user</source>
            <translation>Mật khẩu của người dùng khác</translation>
        </message>
        <message>
            <source>Sign &amp;in</source>
            <translation>Đăng &amp;nhập</translation>
        </message>
        <message>
            <source>User&amp;name:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Mật k&amp;hẩu:</translation>
        </message>
        <message>
            <source>%1's call being typed is kept as a draft and offered back at their next sign-in.</source>
            <translation>Cuộc gọi mà %1 đang nhập sẽ được giữ làm bản nháp và mở lại ở lần đăng nhập tới của người đó.</translation>
        </message>
        <message>
            <source>Locked by the user.</source>
            <translation>Người dùng đã khóa màn hình.</translation>
        </message>
        <message>
            <source>Locked after %1 minutes without use: this PC is shared.</source>
            <translation>Đã khóa sau %1 phút không sử dụng: máy tính này dùng chung.</translation>
        </message>
        <message>
            <source>Type your password.</source>
            <translation>Hãy nhập mật khẩu.</translation>
        </message>
        <message>
            <source>Type the username.</source>
            <translation>Hãy nhập tên đăng nhập.</translation>
        </message>
        <message>
            <source>Type the password.</source>
            <translation>Hãy nhập mật khẩu.</translation>
        </message>
        <message>
            <source>This account is disabled. Please ask an administrator.</source>
            <translation>Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.</translation>
        </message>
        <message>
            <source>Too many wrong passwords: this account is locked until %1.</source>
            <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản bị tạm khóa đến %1.</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>Sai mật khẩu.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
        </message>
        <message>
            <source>Type your password again after %1, or sign in as another user below.</source>
            <translation>Hãy nhập lại mật khẩu sau %1, hoặc đăng nhập bằng tài khoản khác ở dưới.</translation>
        </message>
        <message>
            <source>Last try: one more wrong password locks this account for %1 minutes.</source>
            <translation>Lần thử cuối: sai thêm một lần nữa, tài khoản sẽ bị khóa %1 phút.</translation>
        </message>
        <message>
            <source>%1 tries left: after %1 more wrong passwords this account is locked for %2 minutes.</source>
            <translation>Còn %1 lần thử: sai thêm %1 lần nữa, tài khoản sẽ bị khóa %2 phút.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Error message</source>
            <extracomment>(username, display name, roles) of one demo account, as hotline.demo.DEMO_ACCOUNTS holds them.</extracomment>
            <translation>Thông báo lỗi</translation>
        </message>
        <message>
            <source>Hotline — sign in</source>
            <extracomment>the administrator's temporary password just typed, when the user must now choose their own: the change of password then does not ask for it again (empty otherwise; nothing else is kept)</extracomment>
            <translation>Hotline — đăng nhập</translation>
        </message>
        <message>
            <source>Child protection hotline 111 · Anti-trafficking line 18008077</source>
            <translation>Tổng đài bảo vệ trẻ em 111 · Đường dây phòng, chống mua bán người 18008077</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mật khẩu:</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>Đăng &amp;nhập</translation>
        </message>
        <message>
            <source>Sign in (Enter)</source>
            <translation>Đăng nhập (Enter)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Th&amp;oát</translation>
        </message>
        <message>
            <source>Close Hotline (Esc)</source>
            <translation>Đóng Hotline (Esc)</translation>
        </message>
        <message>
            <source>Demo: sample data for training. Do not type real calls here: everything is deleted when Hotline closes.</source>
            <translation>Bản dùng thử: dữ liệu mẫu để tập huấn. Không nhập cuộc gọi thật ở đây: mọi dữ liệu sẽ bị xóa khi đóng Hotline.</translation>
        </message>
        <message>
            <source>Demo accounts</source>
            <translation>Tài khoản mẫu</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Demo &amp;accounts — click one to fill in its username and password:</source>
            <translation>Tài &amp;khoản mẫu — bấm vào một dòng để điền sẵn tên đăng nhập và mật khẩu:</translation>
        </message>
        <message>
            <source>Type your username.</source>
            <translation>Hãy nhập tên đăng nhập.</translation>
        </message>
        <message>
            <source>Type your password.</source>
            <translation>Hãy nhập mật khẩu.</translation>
        </message>
        <message>
            <source>This account is disabled. Please ask an administrator.</source>
            <translation>Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.</translation>
        </message>
        <message>
            <source>Too many wrong passwords: this account is locked until %1.</source>
            <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản bị tạm khóa đến %1.</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Sign &amp;out</source>
            <translation>Đăng &amp;xuất</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <source>C&amp;hange password…</source>
            <translation>Đổi mật k&amp;hẩu…</translation>
        </message>
        <message>
            <source>&amp;Lock now</source>
            <translation>&amp;Khóa màn hình</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <source>&amp;Call</source>
            <translation>&amp;Cuộc gọi</translation>
        </message>
        <message>
            <source>Daily &amp;log</source>
            <translation>Sổ c&amp;uộc gọi</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Màn hình</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Phím tắt</translation>
        </message>
        <message>
            <source>&amp;About Hotline</source>
            <translation>&amp;Giới thiệu Hotline</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Trợ &amp;giúp</translation>
        </message>
        <message>
            <source>DEMO — sample data</source>
            <translation>DEMO — dữ liệu mẫu</translation>
        </message>
        <message>
            <source>Database warning</source>
            <translation>Cảnh báo cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>Sign out during a call?</source>
            <translation>Đăng xuất khi đang nhận cuộc gọi?</translation>
        </message>
        <message>
            <source>Sign out now?</source>
            <translation>Đăng xuất ngay?</translation>
        </message>
        <message>
            <source>Close Hotline during a call?</source>
            <translation>Đóng Hotline khi đang nhận cuộc gọi?</translation>
        </message>
        <message>
            <source>Close Hotline now?</source>
            <translation>Đóng Hotline ngay?</translation>
        </message>
        <message>
            <source>You are typing a call. It will be kept as a draft and offered back the next time you sign in on this computer: nothing typed is lost.</source>
            <translation>Bạn đang nhập một cuộc gọi. Cuộc gọi sẽ được giữ lại dưới dạng bản nháp và mở lại ở lần đăng nhập tới trên máy này: không mất nội dung nào đã nhập.</translation>
        </message>
        <message>
            <source>You are typing a call in the demo. The demo's sample data, this call included, is deleted when Hotline closes: nothing is kept for a next sign-in.</source>
            <translation>Bạn đang nhập một cuộc gọi trong bản dùng thử. Dữ liệu mẫu, kể cả cuộc gọi này, sẽ bị xóa khi đóng Hotline: không có gì được giữ lại cho lần đăng nhập sau.</translation>
        </message>
        <message>
            <source>Call not kept</source>
            <translation>Không giữ được cuộc gọi</translation>
        </message>
        <message>
            <source>The call you are typing could not be kept as a draft:</source>
            <translation>Không lưu được cuộc gọi đang nhập thành bản nháp:</translation>
        </message>
        <message>
            <source>Close anyway and lose it?</source>
            <translation>Vẫn đóng và bỏ cuộc gọi này?</translation>
        </message>
        <message>
            <source>%1's call could not be kept as a draft, so they must unlock first: %2</source>
            <translation>Không lưu nháp được cuộc gọi của %1 nên người đó phải mở khóa trước: %2</translation>
        </message>
        <message>
            <source>Your password is changed.</source>
            <translation>Đã đổi mật khẩu của bạn.</translation>
        </message>
        <message>
            <source>Call logging and case-file follow-up for the child protection hotline 111 and the anti-trafficking line 18008077.</source>
            <translation>Ghi nhận cuộc gọi và theo dõi hồ sơ quản lý trường hợp cho Tổng đài bảo vệ trẻ em 111 và đường dây phòng, chống mua bán người 18008077.</translation>
        </message>
        <message>
            <source>Free software: GNU GPL version 3 or later.</source>
            <translation>Phần mềm tự do: giấy phép GNU GPL phiên bản 3 trở lên.</translation>
        </message>
        <message>
            <source>Demo: sample data, deleted when Hotline closes.</source>
            <translation>Bản dùng thử: dữ liệu mẫu, bị xóa khi đóng Hotline.</translation>
        </message>
        <message>
            <source>Data file: %1</source>
            <translation>Tệp dữ liệu: %1</translation>
        </message>
        <message>
            <source>About Hotline</source>
            <translation>Giới thiệu Hotline</translation>
        </message>
    </context>
    <context>
        <name>MyCallsScreen</name>
        <message>
            <source>Enter opens the selected call. You may change your own call for %d hours from its start; after that it opens read-only and a shift lead corrects it. F2 starts a new call; Esc goes back to the call screen.</source>
            <translation>Enter mở cuộc gọi đang chọn. Bạn được sửa cuộc gọi của chính mình trong %d giờ kể từ lúc bắt đầu cuộc gọi; sau đó cuộc gọi chỉ mở để xem và trưởng ca sẽ sửa. F2 bắt đầu cuộc gọi mới; Esc quay lại màn hình cuộc gọi.</translation>
        </message>
        <message>
            <source>My calls of this shift</source>
            <translation>Cuộc gọi của tôi trong ca trực này</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Tóm tắt</translation>
        </message>
        <message>
            <source>Editable until</source>
            <translation>Được sửa đến</translation>
        </message>
        <message>
            <source>read only</source>
            <translation>chỉ xem</translation>
        </message>
        <message>
            <source>My calls of this shift (last %d hours): %d</source>
            <translation>Cuộc gọi của tôi trong ca trực này (%d giờ qua): %d</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <source>A new note: what was done, seen or agreed</source>
            <translation>Ghi chú mới: đã làm gì, thấy gì, thống nhất gì</translation>
        </message>
        <message>
            <source>Add the &amp;note</source>
            <translation>&amp;Thêm ghi chú</translation>
        </message>
        <message>
            <source>Add as a co&amp;rrection of the selected note</source>
            <translation>Thêm như một đính &amp;chính cho ghi chú đã chọn</translation>
        </message>
        <message>
            <source>correction of note no. %d</source>
            <translation>đính chính ghi chú số %d</translation>
        </message>
        <message>
            <source>Write the note first.</source>
            <translation>Hãy viết ghi chú trước.</translation>
        </message>
        <message>
            <source>Note added.</source>
            <translation>Đã thêm ghi chú.</translation>
        </message>
        <message>
            <source>Select the note to correct.</source>
            <translation>Chọn ghi chú cần đính chính.</translation>
        </message>
    </context>
    <context>
        <name>OverrideReasonDialog</name>
        <message>
            <source>Clear the case-file flag</source>
            <translation>Bỏ đánh dấu cần lập hồ sơ</translation>
        </message>
        <message>
            <source>The rules require a case file for this call. Why does it not need one?</source>
            <translation>Theo quy tắc, cuộc gọi này cần lập hồ sơ. Vì sao không cần?</translation>
        </message>
        <message>
            <source>A reason is required. The shift lead reviews it.</source>
            <translation>Bắt buộc ghi lý do. Trưởng ca sẽ xem xét.</translation>
        </message>
        <message>
            <source>Clear the flag (Ctrl+Enter)</source>
            <translation>Bỏ đánh dấu (Ctrl+Enter)</translation>
        </message>
    </context>
    <context>
        <name>PlacePicker</name>
        <message>
            <source>(province?)</source>
            <translation>(tỉnh?)</translation>
        </message>
        <message>
            <source>(commune / ward?)</source>
            <translation>(xã / phường?)</translation>
        </message>
    </context>
    <context>
        <name>PlanApprovalDialog</name>
        <message>
            <source>Plan approved</source>
            <translation>Phê duyệt kế hoạch</translation>
        </message>
        <message>
            <source>Day of approval</source>
            <translation>Ngày phê duyệt</translation>
        </message>
        <message>
            <source>number of the decision (optional)</source>
            <translation>số quyết định (không bắt buộc)</translation>
        </message>
        <message>
            <source>&amp;Approved on:</source>
            <translation>&amp;Ngày phê duyệt:</translation>
        </message>
        <message>
            <source>&amp;Decision:</source>
            <translation>&amp;Quyết định:</translation>
        </message>
    </context>
    <context>
        <name>QGnomeTheme</name>
        <message>
            <source>&amp;OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Hủy</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>Đó&amp;ng</translation>
        </message>
        <message>
            <source>Close without Saving</source>
            <translation>Đóng mà không lưu</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>Sao ché&amp;p</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Xem chi tiết...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Ẩn chi tiết...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <extracomment>Strings of Qt itself, translated in our own .ts because PySide6 ships no qtbase_vi.qm: the standard buttons (QPlatformTheme; QGnomeTheme on some Linux desktops) and the right-click menu of text fields. The rest of Qt's words (the file dialog above all) are in resources/i18n/qtbase_vi.ts, kept by hand.</extracomment>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Bỏ</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Không</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Đặt lại</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Thử lại</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Hủy bỏ</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>Sao ché&amp;p</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>Record</source>
            <translation>Ghi nhận</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPanel</name>
        <message>
            <source>to whom, what was asked</source>
            <translation>gửi đến ai, đề nghị gì</translation>
        </message>
        <message>
            <source>outcome of the selected referral</source>
            <translation>kết quả của chuyển gửi đã chọn</translation>
        </message>
        <message>
            <source>Add the re&amp;ferral</source>
            <translation>Thêm chuyển &amp;gửi</translation>
        </message>
        <message>
            <source>Record the o&amp;utcome</source>
            <translation>Ghi kết &amp;quả</translation>
        </message>
        <message>
            <source>outcome not known yet</source>
            <translation>chưa có kết quả</translation>
        </message>
        <message>
            <source>Referral added.</source>
            <translation>Đã thêm chuyển gửi.</translation>
        </message>
        <message>
            <source>Select a referral and write its outcome.</source>
            <translation>Chọn một chuyển gửi và ghi kết quả.</translation>
        </message>
        <message>
            <source>Outcome recorded.</source>
            <translation>Đã ghi kết quả.</translation>
        </message>
    </context>
    <context>
        <name>ReportViews</name>
        <message>
            <source>Mon</source>
            <translation>T2</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>T3</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>T4</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>T5</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>T6</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>T7</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>CN</translation>
        </message>
        <message>
            <source>%1 h</source>
            <extracomment>The row of indicator_rows that holds the province's headline figure.</extracomment>
            <translation>%1 giờ</translation>
        </message>
        <message>
            <source>Abused children (under 16)</source>
            <translation>Trẻ em bị xâm hại (dưới 16 tuổi)</translation>
        </message>
        <message>
            <source>… of whom with a case file</source>
            <translation>… trong đó đã có hồ sơ</translation>
        </message>
        <message>
            <source>Share of abused children with a case file (target 100 %)</source>
            <translation>Tỷ lệ trẻ em bị xâm hại có hồ sơ (chỉ tiêu 100 %)</translation>
        </message>
        <message>
            <source>Abused children still without a case file</source>
            <translation>Trẻ em bị xâm hại còn chưa có hồ sơ</translation>
        </message>
        <message>
            <source>Abused minors (16–17), counted apart</source>
            <translation>Người chưa thành niên (16–17 tuổi) bị xâm hại, tính riêng</translation>
        </message>
        <message>
            <source>Children supported (case files opened)</source>
            <translation>Trẻ được hỗ trợ (hồ sơ mở trong kỳ)</translation>
        </message>
        <message>
            <source>Calls received</source>
            <translation>Cuộc gọi đến</translation>
        </message>
        <message>
            <source>Calls with content</source>
            <translation>Cuộc gọi có nội dung</translation>
        </message>
        <message>
            <source>Calls with a record (at least one category)</source>
            <translation>Cuộc gọi có ghi nhận vấn đề (ít nhất một loại)</translation>
        </message>
        <message>
            <source>Counselling calls</source>
            <translation>Cuộc gọi tư vấn</translation>
        </message>
        <message>
            <source>Abuse reports</source>
            <translation>Tin báo xâm hại trẻ em</translation>
        </message>
        <message>
            <source>Trafficking reports</source>
            <translation>Tin báo mua bán người</translation>
        </message>
        <message>
            <source>Abuse or trafficking reports (each call once)</source>
            <translation>Tin báo xâm hại, mua bán người (mỗi cuộc gọi tính một lần)</translation>
        </message>
        <message>
            <source>… of which with a case file</source>
            <translation>… trong đó đã có hồ sơ</translation>
        </message>
        <message>
            <source>Share of reports with a case file (per call)</source>
            <translation>Tỷ lệ tin báo có hồ sơ (theo cuộc gọi)</translation>
        </message>
        <message>
            <source>Reports still without a case file (per call)</source>
            <translation>Tin báo còn chưa có hồ sơ (theo cuộc gọi)</translation>
        </message>
        <message>
            <source>Case files opened</source>
            <translation>Hồ sơ mở trong kỳ</translation>
        </message>
        <message>
            <source>Case files closed</source>
            <translation>Hồ sơ đóng trong kỳ</translation>
        </message>
        <message>
            <source>Case files overdue (end of the period)</source>
            <translation>Hồ sơ quá hạn (cuối kỳ)</translation>
        </message>
        <message>
            <source>Median time from call to case file</source>
            <translation>Thời gian từ cuộc gọi đến lập hồ sơ (trung vị)</translation>
        </message>
        <message>
            <source>Not referred</source>
            <translation>Không chuyển gửi</translation>
        </message>
        <message>
            <source>Trafficked (trafficking report)</source>
            <translation>Bị mua bán (tin báo mua bán người)</translation>
        </message>
        <message>
            <source>No form of abuse recorded</source>
            <translation>Chưa ghi hình thức xâm hại</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Tổng</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Mục</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Số lượng</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Tỷ lệ</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Độ tuổi</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Giá trị</translation>
        </message>
        <message>
            <source>Hour</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Cả tuần</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Tháng</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>Year before</source>
            <translation>Năm trước</translation>
        </message>
        <message>
            <source>With content</source>
            <translation>Có nội dung</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Tin báo</translation>
        </message>
        <message>
            <source>Call received</source>
            <translation>Thời điểm nhận</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Đường dây</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>Call number</source>
            <translation>Số cuộc gọi</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <extracomment>The statistics report's own keys: a value not recorded, a call referred nowhere, the two "forms" of an abused child that are no abuse category (a trafficking report; no form recorded). The reports screen's words.
----------
The report's own keys, beside the codes the screens already name (hotline.ui.labels).</extracomment>
            <translation>Không ghi nhận</translation>
        </message>
    </context>
    <context>
        <name>ReportsScreen</name>
        <message>
            <source>This month</source>
            <translation>Tháng này</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Tháng trước</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>Quý này</translation>
        </message>
        <message>
            <source>Last quarter</source>
            <translation>Quý trước</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Năm nay</translation>
        </message>
        <message>
            <source>Last year</source>
            <translation>Năm trước</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Kỳ báo cáo</translation>
        </message>
        <message>
            <source>Dates chosen</source>
            <translation>Tự chọn ngày</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>Ngày đầu</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>Ngày cuối</translation>
        </message>
        <message>
            <source>&amp;Show (F5)</source>
            <translation>&amp;Xem (F5)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Hủy (Esc)</translation>
        </message>
        <message>
            <source>&amp;Excel…</source>
            <translation>&amp;Excel…</translation>
        </message>
        <message>
            <source>&amp;PDF…</source>
            <translation>&amp;PDF…</translation>
        </message>
        <message>
            <source>CS&amp;V…</source>
            <translation>CS&amp;V…</translation>
        </message>
        <message>
            <source>Perio&amp;d:</source>
            <translation>&amp;Kỳ báo cáo:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>Từ &amp;ngày:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>Đến ngà&amp;y:</translation>
        </message>
        <message>
            <source>Lines:</source>
            <translation>Đường dây:</translation>
        </message>
        <message>
            <source>Save the report as:</source>
            <translation>Lưu báo cáo dạng:</translation>
        </message>
        <message>
            <source>By line</source>
            <translation>Theo đường dây</translation>
        </message>
        <message>
            <source>By outcome</source>
            <translation>Theo kết quả</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <source>111 service level</source>
            <translation>Mức dịch vụ của 111</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kênh tiếp nhận</translation>
        </message>
        <message>
            <source>Referred to</source>
            <translation>Nơi chuyển gửi</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Dịch vụ</translation>
        </message>
        <message>
            <source>Form of abuse</source>
            <translation>Hình thức xâm hại</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Nơi xảy ra</translation>
        </message>
        <message>
            <source>Commune of the incident</source>
            <translation>Xã, phường nơi xảy ra vụ việc</translation>
        </message>
        <message>
            <source>Abused children</source>
            <translation>Trẻ em bị xâm hại</translation>
        </message>
        <message>
            <source>Age group</source>
            <translation>Nhóm tuổi</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Nơi bị đưa đến</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Mục đích</translation>
        </message>
        <message>
            <source>Trafficking victims</source>
            <translation>Nạn nhân mua bán người</translation>
        </message>
        <message>
            <source>Category groups</source>
            <translation>Nhóm vấn đề</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Loại vấn đề</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Độ tuổi</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã/phường</translation>
        </message>
        <message>
            <source>Callers</source>
            <translation>Người gọi</translation>
        </message>
        <message>
            <source>Hour × weekday</source>
            <translation>Giờ × thứ</translation>
        </message>
        <message>
            <source>Months and the year before</source>
            <translation>Theo tháng, so với năm trước</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Biểu đồ</translation>
        </message>
        <message>
            <source>The figures shown are for %1. Press F5 to count the period and lines chosen.</source>
            <translation>Số liệu đang hiển thị là của kỳ %1. Nhấn F5 để tính cho kỳ và đường dây vừa chọn.</translation>
        </message>
        <message>
            <source>The last day is before the first day.</source>
            <translation>Ngày cuối đang ở trước ngày đầu.</translation>
        </message>
        <message>
            <source>Tick at least one line.</source>
            <translation>Chọn ít nhất một đường dây.</translation>
        </message>
        <message>
            <source>This database has no file: reports need one.</source>
            <translation>Cơ sở dữ liệu này không lưu trong tệp nên không lập được báo cáo.</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Đang tính…</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Đã hủy.</translation>
        </message>
        <message>
            <source>all lines</source>
            <translation>tất cả các đường dây</translation>
        </message>
        <message>
            <source>People named</source>
            <translation>Người được nêu</translation>
        </message>
        <message>
            <source>Abused children without a case file</source>
            <translation>Trẻ em bị xâm hại chưa có hồ sơ</translation>
        </message>
        <message>
            <source>Reports without a case file (per call)</source>
            <translation>Tin báo chưa có hồ sơ (theo cuộc gọi)</translation>
        </message>
        <message>
            <source>Without a case file</source>
            <translation>Chưa có hồ sơ</translation>
        </message>
        <message>
            <source>How each figure is counted</source>
            <translation>Cách tính từng số liệu</translation>
        </message>
        <message>
            <source>Definitions</source>
            <translation>Định nghĩa</translation>
        </message>
        <message>
            <source>%1 · %2 · counted in %3 s</source>
            <translation>%1 · %2 · tính trong %3 giây</translation>
        </message>
        <message>
            <source>The figures could not be counted.</source>
            <translation>Không tính được số liệu.</translation>
        </message>
        <message>
            <source>The figures shown are still those of %1.</source>
            <translation>Số liệu đang hiển thị vẫn là của kỳ %1.</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Bảng tính Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Tài liệu PDF (*.pdf)</translation>
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation>Tệp CSV (*.csv)</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>Lưu báo cáo</translation>
        </message>
        <message>
            <source>Report saved: %1</source>
            <translation>Đã lưu báo cáo: %1</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <source>Reset password</source>
            <translation>Đặt lại mật khẩu</translation>
        </message>
        <message>
            <source>Give %1 a temporary password. They must choose their own at their next sign-in. A lock-out after wrong passwords ends too.</source>
            <translation>Cấp cho %1 một mật khẩu tạm thời. Người đó phải tự chọn mật khẩu mới ở lần đăng nhập tới. Nếu tài khoản đang bị tạm khóa do nhập sai mật khẩu thì cũng được mở khóa.</translation>
        </message>
        <message>
            <source>Temporary password</source>
            <translation>Mật khẩu tạm thời</translation>
        </message>
        <message>
            <source>&amp;Make another</source>
            <translation>Tạo mật khẩu &amp;khác</translation>
        </message>
        <message>
            <source>&amp;Temporary password:</source>
            <translation>&amp;Mật khẩu tạm thời:</translation>
        </message>
        <message>
            <source>Error message</source>
            <translation>Thông báo lỗi</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review</source>
            <translation>Rà soát</translation>
        </message>
        <message>
            <source>Decree 56/2017, Art. 30: if the child is still at risk, a new support plan is made.</source>
            <translation>NĐ 56/2017, Điều 30: nếu trẻ vẫn còn nguy cơ, lập kế hoạch hỗ trợ, can thiệp mới.</translation>
        </message>
        <message>
            <source>The plan reached its goals: the review is done</source>
            <translation>Kế hoạch đạt mục tiêu: hoàn thành rà soát</translation>
        </message>
        <message>
            <source>The child is still at risk: start a new plan (due in 5 working days)</source>
            <translation>Trẻ vẫn còn nguy cơ: lập kế hoạch mới (hạn 5 ngày làm việc)</translation>
        </message>
        <message>
            <source>What the review found</source>
            <translation>Kết quả rà soát</translation>
        </message>
        <message>
            <source>&amp;Findings:</source>
            <translation>&amp;Kết quả:</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <source>Operator</source>
            <translation>Tổng đài viên</translation>
        </message>
        <message>
            <source>Shift lead</source>
            <translation>Trưởng ca</translation>
        </message>
        <message>
            <source>Counselor</source>
            <translation>Cán bộ quản lý trường hợp</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
    </context>
    <context>
        <name>SeparationDialog</name>
        <message>
            <source>Temporary separation</source>
            <translation>Tạm thời cách ly</translation>
        </message>
        <message>
            <source>Decree 56/2017, Art. 32: at most 15 days from its start unless extended.</source>
            <translation>NĐ 56/2017, Điều 32: tối đa 15 ngày kể từ khi bắt đầu, trừ khi được gia hạn.</translation>
        </message>
        <message>
            <source>Where the child is, decided by whom</source>
            <translation>Trẻ ở đâu, ai quyết định</translation>
        </message>
        <message>
            <source>Began</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>&amp;Details:</source>
            <translation>&amp;Nội dung:</translation>
        </message>
        <message>
            <source>&amp;Began:</source>
            <translation>&amp;Bắt đầu:</translation>
        </message>
        <message>
            <source>Extended by a competent authority</source>
            <translation>Cơ quan có thẩm quyền gia hạn</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>New last day</source>
            <translation>Ngày cuối mới</translation>
        </message>
        <message>
            <source>Who decided the extension, or where the child went</source>
            <translation>Ai quyết định gia hạn, hoặc trẻ về đâu</translation>
        </message>
        <message>
            <source>&amp;Ended:</source>
            <translation>&amp;Kết thúc:</translation>
        </message>
        <message>
            <source>New &amp;last day:</source>
            <translation>Ngày &amp;cuối mới:</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Name of the centre</source>
            <translation>Tên trung tâm</translation>
        </message>
        <message>
            <source>Prefix of case numbers</source>
            <translation>Tiền tố số hồ sơ</translation>
        </message>
        <message>
            <source>Default province</source>
            <translation>Tỉnh/thành phố mặc định</translation>
        </message>
        <message>
            <source>Centre</source>
            <translation>Trung tâm</translation>
        </message>
        <message>
            <source>&amp;Name (printed on reports):</source>
            <translation>Tên (in trên &amp;báo cáo):</translation>
        </message>
        <message>
            <source>Case number &amp;prefix:</source>
            <translation>Tiền tố &amp;số hồ sơ:</translation>
        </message>
        <message>
            <source>Default pro&amp;vince:</source>
            <translation>Tỉnh/thành &amp;phố mặc định:</translation>
        </message>
        <message>
            <source>Shifts</source>
            <translation>Ca trực</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>Ca trực</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>Shifts (local time; a shift may end the next morning)</source>
            <translation>Ca trực (giờ địa phương; ca có thể kết thúc vào sáng hôm sau)</translation>
        </message>
        <message>
            <source>Add shi&amp;ft</source>
            <translation>Thêm ca t&amp;rực</translation>
        </message>
        <message>
            <source>Remove shift</source>
            <translation>Xóa ca trực</translation>
        </message>
        <message>
            <source>Date of a public holiday</source>
            <translation>Chọn ngày lễ</translation>
        </message>
        <message>
            <source>Add &amp;holiday</source>
            <translation>T&amp;hêm ngày lễ</translation>
        </message>
        <message>
            <source>Remove holiday</source>
            <translation>Xóa ngày lễ</translation>
        </message>
        <message>
            <source>Swapped working Saturdays, làm bù (counted)</source>
            <translation>Thứ Bảy làm bù (được tính)</translation>
        </message>
        <message>
            <source>Date of a swapped working Saturday</source>
            <translation>Ngày thứ Bảy làm bù</translation>
        </message>
        <message>
            <source>Add Saturda&amp;y</source>
            <translation>&amp;Thêm thứ Bảy</translation>
        </message>
        <message>
            <source>Remove Saturday</source>
            <translation>Bỏ thứ Bảy</translation>
        </message>
        <message>
            <source>Working days of the 5-working-day plan clock</source>
            <translation>Ngày làm việc của thời hạn 5 ngày làm việc lập kế hoạch</translation>
        </message>
        <message>
            <source>Minutes before the idle lock</source>
            <translation>Số phút không dùng trước khi tự khóa</translation>
        </message>
        <message>
            <source> min</source>
            <translation> phút</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>Thư mục sao lưu</translation>
        </message>
        <message>
            <source>(the data folder's backups folder)</source>
            <translation>(thư mục backups trong thư mục dữ liệu)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Duyệt…</translation>
        </message>
        <message>
            <source>Daily backups kept</source>
            <translation>Số bản sao lưu hằng ngày giữ lại</translation>
        </message>
        <message>
            <source>Monthly backups kept</source>
            <translation>Số bản sao lưu hằng tháng giữ lại</translation>
        </message>
        <message>
            <source>Idle lock and backups</source>
            <translation>Tự khóa màn hình và sao lưu</translation>
        </message>
        <message>
            <source>&amp;Lock the window after:</source>
            <translation>&amp;Khóa cửa sổ sau:</translation>
        </message>
        <message>
            <source>Backup fol&amp;der:</source>
            <translation>Thư mục s&amp;ao lưu:</translation>
        </message>
        <message>
            <source>Daily backups &amp;kept:</source>
            <translation>Số bản sao lưu hằng &amp;ngày giữ lại:</translation>
        </message>
        <message>
            <source>&amp;Monthly backups kept:</source>
            <translation>Số bản sao lư&amp;u hằng tháng giữ lại:</translation>
        </message>
        <message>
            <source>%1 is not a Saturday: only a Saturday can be declared a swapped working day (làm bù).</source>
            <translation>%1 không phải thứ Bảy: chỉ thứ Bảy mới có thể được khai báo là ngày làm bù.</translation>
        </message>
        <message>
            <source>%1 is a public holiday: remove it there first.</source>
            <translation>%1 là ngày nghỉ lễ: hãy bỏ ở danh sách đó trước.</translation>
        </message>
        <message>
            <source>%1 is already a swapped working Saturday.</source>
            <translation>%1 đã là thứ Bảy làm bù.</translation>
        </message>
        <message>
            <source>&amp;Save settings</source>
            <translation>&amp;Lưu cài đặt</translation>
        </message>
        <message>
            <source>&amp;Undo changes</source>
            <translation>&amp;Quay lại bản đã lưu</translation>
        </message>
        <message>
            <source>Public holidays (not counted)</source>
            <translation>Ngày nghỉ lễ (không tính)</translation>
        </message>
        <message>
            <source>Nothing to save: the settings are as stored.</source>
            <translation>Không có gì để lưu: cài đặt vẫn như đã lưu.</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Chưa lưu: %1</translation>
        </message>
        <message>
            <source>Settings saved. Screens opened from now on use them.</source>
            <translation>Đã lưu cài đặt. Các màn hình mở từ bây giờ sẽ dùng cài đặt mới.</translation>
        </message>
        <message>
            <source>Start of the shift</source>
            <translation>Giờ bắt đầu ca</translation>
        </message>
        <message>
            <source>End of the shift</source>
            <translation>Giờ kết thúc ca</translation>
        </message>
        <message>
            <source>%1 is a swapped working Saturday: remove it there first.</source>
            <translation>%1 là thứ Bảy làm bù: hãy bỏ ở danh sách đó trước.</translation>
        </message>
        <message>
            <source>%1 is already a holiday.</source>
            <translation>%1 đã có trong danh sách ngày lễ.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <extracomment>Window size and position, per PC: the one thing kept in QSettings (centre-wide settings live in the database).</extracomment>
            <translation>Phím tắt</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Phím tắt</translation>
        </message>
        <message>
            <source>Alt + an underlined letter opens a menu or moves to a field. Tab moves on.</source>
            <translation>Alt + chữ cái được gạch chân: mở trình đơn hoặc chuyển đến ô tương ứng. Tab: sang ô kế tiếp.</translation>
        </message>
    </context>
    <context>
        <name>StoreError</name>
        <message>
            <source>Unknown step: {step}</source>
            <extracomment>The steps as 111 runs them; a case's status is the last step completed ('closed' once closed). The one step that carries a legal due time (Điều 28(1)), and the case's due time that applies. The 12-hour clock is no step: only the emergency outcome meets it (Điều 26(3), 32). A time recorded for something done may be a little ahead of this PC's clock (another PC's), not more. How long before a due time a step shows as "due soon". family information for Mẫu số 01 (father/mother name, age, occupation, family_situation, condition, likely_outcome…): free keys, stored as JSON the 12-hour clock met: emergency measures applied, or assessed and none needed (Điều 26(3), 32) the day the plan was approved (Mẫu 05 decision) a temporary separation (Điều 32): its start, its end as due (15 days, or as extended) and its actual end Mẫu 01's own number ("12/BC-TTCTXH"), given once the children (ids; None for a call without children) that already have a case file that is not closed the hand-off to the commune is due from the save (Điều 26(1)); the hand-offs recorded (commune, victim) an adult trafficking victim is on the call: a victim referral is due the kind of the nearest open clock (core.case_clocks.CLOCKS), the one ``next_due`` belongs to</extracomment>
            <translation>Bước không hợp lệ: {step}</translation>
        </message>
        <message>
            <source>Closing a case needs a reason: use Close</source>
            <translation>Đóng hồ sơ cần ghi lý do: hãy dùng nút Đóng hồ sơ</translation>
        </message>
        <message>
            <source>Steps only go forward: this step is already done</source>
            <translation>Các bước chỉ đi tới, không quay lại: bước này đã làm rồi</translation>
        </message>
        <message>
            <source>Steps are done in order; the next one is {step}</source>
            <translation>Phải làm lần lượt từng bước; bước tiếp theo là {step}</translation>
        </message>
        <message>
            <source>A reason is required</source>
            <translation>Cần ghi lý do</translation>
        </message>
        <message>
            <source>A referral outcome cannot be blank</source>
            <translation>Kết quả chuyển gửi không được để trống</translation>
        </message>
        <message>
            <source>A note cannot be blank</source>
            <translation>Ghi chú không được để trống</translation>
        </message>
        <message>
            <source>Unknown referral service: {service}</source>
            <translation>Dịch vụ chuyển gửi không hợp lệ: {service}</translation>
        </message>
        <message>
            <source>A new plan cycle starts only at the review step</source>
            <extracomment>Where a new plan cycle goes back to: the step before the plan, so that the plan is next (Điều 30).</extracomment>
            <translation>Chỉ khi rà soát mới có thể bắt đầu kế hoạch mới</translation>
        </message>
        <message>
            <source>Unknown outcome of the 12-hour clock: {outcome}</source>
            <translation>Kết quả xử lý trong 12 giờ không hợp lệ: {outcome}</translation>
        </message>
        <message>
            <source>Say which emergency measures were applied, by whom</source>
            <translation>Cần ghi biện pháp khẩn cấp đã áp dụng và ai áp dụng</translation>
        </message>
        <message>
            <source>Say why no emergency measures are needed</source>
            <translation>Cần ghi lý do không cần biện pháp khẩn cấp</translation>
        </message>
        <message>
            <source>This time is still in the future</source>
            <translation>Thời điểm này chưa tới</translation>
        </message>
        <message>
            <source>This time is before the separation began</source>
            <translation>Thời điểm này trước khi bắt đầu cách ly</translation>
        </message>
        <message>
            <source>This time is before the report was received</source>
            <translation>Thời điểm này trước khi nhận báo cáo</translation>
        </message>
        <message>
            <source>This day is still in the future</source>
            <translation>Ngày này chưa tới</translation>
        </message>
        <message>
            <source>This day is before the report was received</source>
            <translation>Ngày này trước khi nhận báo cáo</translation>
        </message>
        <message>
            <source>The case is closed; reopen it first</source>
            <translation>Hồ sơ đã đóng; hãy mở lại trước</translation>
        </message>
        <message>
            <source>A temporary separation is already running</source>
            <translation>Trẻ đang được tạm thời cách ly</translation>
        </message>
        <message>
            <source>No temporary separation is running</source>
            <translation>Trẻ không đang được tạm thời cách ly</translation>
        </message>
        <message>
            <source>The plan is not drafted yet: complete the plan step first</source>
            <translation>Kế hoạch chưa được lập: hãy hoàn thành bước kế hoạch trước</translation>
        </message>
        <message>
            <source>Clearing a case-file flag set by the rules needs a written reason.</source>
            <extracomment>Every rule code, in the order reasons are listed (categories first, as the operator named them). Rights violations whose child needs a case file (Luật Trẻ em Điều 6(2) abduction, 6(5) illegal acts). Reports that start the 12-hour clock whatever the risk chosen (ND 56 Điều 26(3)): child sexual abuse, the sale or trafficking of a child, abduction. Trafficking categories count when a victim is under 18. The groups whose calls are reports about a person: their risk must be chosen (it has no default).</extracomment>
            <translation>Bỏ đánh dấu hồ sơ do quy tắc đặt ra cần ghi rõ lý do.</translation>
        </message>
        <message>
            <source>Cannot write the file {path}: the disk is full</source>
            <extracomment>Excel number formats of the cell kinds (Excel shows them with the reader's own separators: 3.105 in Vietnam).</extracomment>
            <translation>Không ghi được tệp {path}: ổ đĩa đã đầy</translation>
        </message>
        <message>
            <source>Cannot write the file {path}: the folder does not exist</source>
            <translation>Không ghi được tệp {path}: thư mục không tồn tại</translation>
        </message>
        <message>
            <source>Cannot write the file {path}: no permission to write there</source>
            <translation>Không ghi được tệp {path}: không có quyền ghi vào đó</translation>
        </message>
        <message>
            <source>Cannot write the file {path}: that is a folder</source>
            <translation>Không ghi được tệp {path}: đó là một thư mục</translation>
        </message>
        <message>
            <source>Cannot write the file {path}: {reason}</source>
            <translation>Không ghi được tệp {path}: {reason}</translation>
        </message>
        <message>
            <source>No setting '{key}': {keys}</source>
            <translation>Không có thiết lập '{key}': {keys}</translation>
        </message>
        <message>
            <source>{key}: not a valid value ({type})</source>
            <translation>{key}: giá trị không hợp lệ ({type})</translation>
        </message>
        <message>
            <source>{key}: must not be empty</source>
            <translation>{key}: không được để trống</translation>
        </message>
        <message>
            <source>{key}: at most {longest} printable characters</source>
            <translation>{key}: tối đa {longest} ký tự in được</translation>
        </message>
        <message>
            <source>case_prefix: 1–6 letters without accents, e.g. AG</source>
            <translation>case_prefix: 1–6 chữ cái không dấu, ví dụ AG</translation>
        </message>
        <message>
            <source>default_province: no province with code {value}</source>
            <translation>default_province: không có tỉnh mã {value}</translation>
        </message>
        <message>
            <source>{key}: must be from {low} to {high}</source>
            <translation>{key}: cần từ {low} đến {high}</translation>
        </message>
        <message>
            <source>shifts: at least one shift is needed</source>
            <translation>shifts: cần ít nhất một ca</translation>
        </message>
        <message>
            <source>shifts: shift {number} needs name, start, end</source>
            <translation>shifts: ca {number} cần name, start, end</translation>
        </message>
        <message>
            <source>shifts: shift {number}'s times must read HH:MM (e.g. 07:00)</source>
            <translation>shifts: giờ của ca {number} phải có dạng HH:MM (ví dụ 07:00)</translation>
        </message>
        <message>
            <source>shifts: two shifts are named «{name}»</source>
            <translation>shifts: hai ca cùng tên «{name}»</translation>
        </message>
        <message>
            <source>working_saturdays: {day} is not a Saturday</source>
            <translation>working_saturdays: {day} không phải thứ Bảy</translation>
        </message>
        <message>
            <source>{key}: not a date (YYYY-MM-DD): «{text}»</source>
            <translation>{key}: ngày không hợp lệ (YYYY-MM-DD): «{text}»</translation>
        </message>
        <message>
            <source>backup_dir: needs a full path (or empty for the data folder)</source>
            <translation>backup_dir: cần đường dẫn đầy đủ (hoặc để trống để dùng thư mục dữ liệu)</translation>
        </message>
        <message>
            <source>backup_dir: holds characters that cannot be shown</source>
            <translation>backup_dir: có ký tự không in được</translation>
        </message>
        <message>
            <source>You are not allowed to do this ({action})</source>
            <extracomment>What the command line may do without signing in. An actor: a user's id, a User (only its id is used: roles are read again), or COMMAND_LINE.</extracomment>
            <translation>Bạn không có quyền làm việc này ({action})</translation>
        </message>
        <message>
            <source>No such backup file: {path}</source>
            <translation>Không có tệp sao lưu: {path}</translation>
        </message>
        <message>
            <source>Cannot open the backup file ({path}): {detail}</source>
            <translation>Không mở được tệp sao lưu ({path}): {detail}</translation>
        </message>
        <message>
            <source>The backup was made by a newer Hotline: update the program first ({name})</source>
            <translation>Tệp sao lưu do phiên bản Hotline mới hơn tạo ra, hãy cập nhật chương trình trước ({name})</translation>
        </message>
        <message>
            <source>A file cannot be restored onto itself</source>
            <translation>Không thể khôi phục một tệp vào chính nó</translation>
        </message>
        <message>
            <source>The database is not damaged: only an administrator may restore ({action})</source>
            <translation>Cơ sở dữ liệu không hỏng: chỉ quản trị viên được khôi phục ({action})</translation>
        </message>
        <message>
            <source>No database at {path}</source>
            <translation>Không có cơ sở dữ liệu tại {path}</translation>
        </message>
        <message>
            <source>The backup just written failed its integrity check and was deleted; check the disk and the database (command: check) ({name})</source>
            <translation>Bản sao lưu vừa ghi bị lỗi khi kiểm tra nên đã bị xóa; hãy kiểm tra ổ đĩa và cơ sở dữ liệu (lệnh check) ({name})</translation>
        </message>
        <message>
            <source>Cannot create the backup folder ({folder}): {reason}</source>
            <translation>Không tạo được thư mục sao lưu ({folder}): {reason}</translation>
        </message>
        <message>
            <source>The disk is full: no backup was written ({path})</source>
            <translation>Ổ đĩa đã đầy: không ghi được bản sao lưu ({path})</translation>
        </message>
        <message>
            <source>Cannot write the backup ({path}): {reason}</source>
            <translation>Không ghi được bản sao lưu ({path}): {reason}</translation>
        </message>
        <message>
            <source>The backup file is damaged and cannot be used ({path})</source>
            <translation>Tệp sao lưu bị hỏng, không dùng được ({path})</translation>
        </message>
        <message>
            <source>This file is not a Hotline database ({path})</source>
            <translation>Tệp này không phải cơ sở dữ liệu Hotline ({path})</translation>
        </message>
        <message>
            <source>This call is a report that needs a case file: it cannot become a one-key call. If it was logged by mistake, clear the case-file flag with a reason first</source>
            <translation>Cuộc gọi này là báo cáo cần lập hồ sơ: không đổi được thành cuộc gọi một phím. Nếu nhập nhầm, hãy bỏ đánh dấu hồ sơ và ghi lý do trước</translation>
        </message>
        <message>
            <source>The risk level is not chosen: a report must have one ("None" included)</source>
            <translation>Chưa chọn mức nguy cơ: một báo cáo phải có mức nguy cơ (kể cả «Không có»)</translation>
        </message>
        <message>
            <source>The service level is not chosen: information, counselling or intervention</source>
            <translation>Chưa chọn mức dịch vụ: hỏi đáp thông tin, tư vấn chuyên sâu hoặc hỗ trợ, can thiệp</translation>
        </message>
        <message>
            <source>Unknown value in '{field}'</source>
            <translation>Giá trị không hợp lệ ở «{field}»</translation>
        </message>
        <message>
            <source>The age of child {position} must be between 0 and {max_age}</source>
            <extracomment>Text a person types: stored in Unicode NFC, so "Nguyễn" typed with combining accents (as some Vietnamese input methods and macOS write it) is the same text as the precomposed one, and every font draws it. An age a person can have; the form offers 0–17, imported records may hold an adult's. Counts and codes must fit the 32-bit integers Qt's widgets and models use.</extracomment>
            <translation>Tuổi của trẻ thứ {position} phải từ 0 đến {max_age}</translation>
        </message>
        <message>
            <source>The field '{field}' holds a broken character (half a UTF-16 pair): retype that part</source>
            <translation>Ô «{field}» chứa một ký tự hỏng (nửa cặp UTF-16), hãy gõ lại đoạn đó</translation>
        </message>
        <message>
            <source>The number '{field}' must be between 0 and {max_int}</source>
            <translation>Số «{field}» phải từ 0 đến {max_int}</translation>
        </message>
        <message>
            <source>The time '{field}' lies outside the years {first_year}–{last_year}: check the clock</source>
            <translation>Thời điểm «{field}» nằm ngoài các năm {first_year}–{last_year}, hãy xem lại đồng hồ máy</translation>
        </message>
        <message>
            <source>Another user's draft cannot be removed</source>
            <extracomment>The caller history's "with content" and "flagged" counts look at this many latest calls of a number. Fields a person may change after save; each change is written to call_changes.</extracomment>
            <translation>Không thể xóa bản nháp của người khác</translation>
        </message>
        <message>
            <source>Call {call_id} not found</source>
            <translation>Không tìm thấy cuộc gọi số {call_id}</translation>
        </message>
        <message>
            <source>The call has not been saved yet</source>
            <translation>Cuộc gọi chưa được lưu</translation>
        </message>
        <message>
            <source>Someone else changed this call meanwhile; nothing was overwritten</source>
            <translation>Cuộc gọi đã được người khác sửa trong lúc bạn sửa; chưa có gì bị ghi đè</translation>
        </message>
        <message>
            <source>Version conflict</source>
            <translation>Xung đột phiên bản</translation>
        </message>
        <message>
            <source>This child cannot be removed: they have the case file {number}</source>
            <translation>Không thể xóa trẻ này: trẻ đã có hồ sơ {number}</translation>
        </message>
        <message>
            <source>The new end must be after the current one</source>
            <translation>Ngày kết thúc mới phải sau ngày hiện tại</translation>
        </message>
        <message>
            <source>Case {case_id} not found</source>
            <extracomment>What each list keeps of its cases, by their nearest open clock. The queue's order: the nearest open clock (hand-off, 12 hours, plan) first, none last; urgent before not at the same due, then the oldest call.</extracomment>
            <translation>Không tìm thấy hồ sơ số {case_id}</translation>
        </message>
        <message>
            <source>Case entry {event_id} not found</source>
            <translation>Không tìm thấy mục {event_id} của hồ sơ</translation>
        </message>
        <message>
            <source>Someone else changed this case meanwhile; nothing was overwritten</source>
            <translation>Hồ sơ đã được người khác sửa trong lúc bạn sửa; chưa có gì bị ghi đè</translation>
        </message>
        <message>
            <source>User {user_id} is not an active counselor</source>
            <translation>Người dùng {user_id} không phải cán bộ quản lý trường hợp đang hoạt động</translation>
        </message>
        <message>
            <source>The call was just given to someone else; nothing was changed</source>
            <translation>Cuộc gọi vừa được giao cho người khác; chưa có gì thay đổi</translation>
        </message>
        <message>
            <source>Choose at least one child to open a case file for</source>
            <translation>Chọn ít nhất một trẻ để lập hồ sơ</translation>
        </message>
        <message>
            <source>A child was chosen twice: each child gets one case file</source>
            <translation>Một trẻ được chọn hai lần: mỗi trẻ chỉ có một hồ sơ</translation>
        </message>
        <message>
            <source>This call is not flagged for a case file</source>
            <translation>Cuộc gọi này không được đánh dấu cần lập hồ sơ</translation>
        </message>
        <message>
            <source>The child chosen is not one of this call's children</source>
            <translation>Trẻ được chọn không thuộc cuộc gọi này</translation>
        </message>
        <message>
            <source>This child already has an open case file from this call ({number})</source>
            <translation>Trẻ này đã có hồ sơ đang mở từ cuộc gọi này ({number})</translation>
        </message>
        <message>
            <source>The entry corrected belongs to another case</source>
            <translation>Mục được sửa không thuộc hồ sơ này</translation>
        </message>
        <message>
            <source>This entry is not a referral</source>
            <translation>Mục này không phải một lần chuyển gửi</translation>
        </message>
        <message>
            <source>The case was opened from this very call</source>
            <translation>Hồ sơ được mở từ chính cuộc gọi này</translation>
        </message>
        <message>
            <source>The case is already closed</source>
            <translation>Hồ sơ đã đóng</translation>
        </message>
        <message>
            <source>The case is open: there is nothing to reopen</source>
            <translation>Hồ sơ đang mở, không cần mở lại</translation>
        </message>
        <message>
            <source>The case details must map names to values</source>
            <translation>Thông tin hồ sơ không hợp lệ: phải gồm các cặp tên và giá trị</translation>
        </message>
        <message>
            <source>The case details must be plain text and numbers</source>
            <translation>Thông tin hồ sơ không hợp lệ: chỉ được gồm chữ và số</translation>
        </message>
        <message>
            <source>No category '{code}'</source>
            <extracomment>Longest label kept: a category is named in a tree, a table cell and a printed form.</extracomment>
            <translation>Không có loại vấn đề '{code}'</translation>
        </message>
        <message>
            <source>The label ({language}) must be text</source>
            <translation>Tên ({language}) phải là chữ</translation>
        </message>
        <message>
            <source>The label ({language}) must not be empty</source>
            <translation>Tên ({language}) không được để trống</translation>
        </message>
        <message>
            <source>The label ({language}) is longer than {length} characters</source>
            <translation>Tên ({language}) dài quá {length} ký tự</translation>
        </message>
        <message>
            <source>The label ({language}) holds characters that cannot be shown</source>
            <translation>Tên ({language}) có ký tự không in được</translation>
        </message>
        <message>
            <source>This group already has a category of that name ({other})</source>
            <translation>Nhóm này đã có loại vấn đề cùng tên ({other})</translation>
        </message>
        <message>
            <source>No group '{code}'</source>
            <translation>Không có nhóm '{code}'</translation>
        </message>
        <message>
            <source>The last active category cannot be retired</source>
            <translation>Không thể ngừng dùng loại vấn đề cuối cùng</translation>
        </message>
        <message>
            <source>This category is used by calls and cannot be deleted: deactivate it instead</source>
            <translation>Loại vấn đề này đã được dùng cho cuộc gọi nên không xóa được: hãy ngừng dùng nó</translation>
        </message>
        <message>
            <source>The last active category cannot be deleted</source>
            <translation>Không thể xóa loại vấn đề cuối cùng</translation>
        </message>
        <message>
            <source>Some calls had a required case-file flag cleared: confirm or re-flag them</source>
            <extracomment>Risk levels in order of danger, so a sort on risk puts "immediate" at one end and "none" at the other. Sort key → SQL. Only these strings ever reach ORDER BY. A report due to the commune at once, or an adult trafficking victim's referral, that no hand-off records yet. The texts a search looks in (core.search.build_search_text), read for a page only while a search is shown. The further columns of an export, for the same ids.</extracomment>
            <translation>Có cuộc gọi mà quy tắc yêu cầu lập hồ sơ nhưng tổng đài viên đã bỏ đánh dấu: hãy xác nhận hoặc đánh dấu lại</translation>
        </message>
        <message>
            <source>This call has no cleared rule flag to put back</source>
            <translation>Cuộc gọi này không có đánh dấu bị bỏ để đặt lại</translation>
        </message>
        <message>
            <source>The disk is full: nothing could be written{where}</source>
            <extracomment>How long a writer waits for another copy of Hotline to finish its write (DESIGN §2: no "database is locked"). After the busy timeout, a write transaction is retried this long before giving up. At start, how long the program waits for a file another program holds before saying so (check_file_usable).</extracomment>
            <translation>Ổ đĩa đã đầy: không ghi được dữ liệu{where}</translation>
        </message>
        <message>
            <source>The database stayed busy too long (another program may be holding the file), try again{where}</source>
            <translation>Cơ sở dữ liệu đang bận quá lâu (có thể một chương trình khác đang giữ tệp), hãy thử lại{where}</translation>
        </message>
        <message>
            <source>The database file is damaged or not Hotline's{where}</source>
            <translation>Tệp cơ sở dữ liệu bị hỏng hoặc không phải của Hotline{where}</translation>
        </message>
        <message>
            <source>The data folder is read-only: Hotline must write its journal beside the database ({folder})</source>
            <translation>Thư mục dữ liệu chỉ cho đọc: Hotline cần ghi nhật ký bên cạnh tệp dữ liệu ({folder})</translation>
        </message>
        <message>
            <source>The database file is read-only{where}</source>
            <translation>Không có quyền ghi vào tệp dữ liệu{where}</translation>
        </message>
        <message>
            <source>Cannot open the database file{where}</source>
            <translation>Không mở được tệp dữ liệu{where}</translation>
        </message>
        <message>
            <source>Database error: {detail}{where}</source>
            <translation>Lỗi cơ sở dữ liệu: {detail}{where}</translation>
        </message>
        <message>
            <source>The data folder is read-only: the database file cannot be created in it ({folder})</source>
            <translation>Thư mục dữ liệu chỉ cho đọc: không tạo được tệp dữ liệu trong đó ({folder})</translation>
        </message>
        <message>
            <source>Cannot create the database file ({path}): {reason}</source>
            <translation>Không tạo được tệp dữ liệu ({path}): {reason}</translation>
        </message>
        <message>
            <source>No permission to create the data folder ({folder})</source>
            <translation>Không có quyền tạo thư mục dữ liệu ({folder})</translation>
        </message>
        <message>
            <source>Cannot create the data folder ({folder}): {reason}</source>
            <translation>Không tạo được thư mục dữ liệu ({folder}): {reason}</translation>
        </message>
        <message>
            <source>Another program is holding the database file: close it, then start Hotline again ({path})</source>
            <translation>Một chương trình khác đang giữ tệp dữ liệu; hãy đóng chương trình đó rồi mở lại Hotline ({path})</translation>
        </message>
        <message>
            <source>A database in memory has no folder</source>
            <translation>Cơ sở dữ liệu trong bộ nhớ không có thư mục</translation>
        </message>
        <message>
            <source>The draft could not be written to a file ({folder}): {reason}</source>
            <translation>Không ghi được bản nháp vào tệp ({folder}): {reason}</translation>
        </message>
        <message>
            <source>Unknown kind or means of hand-off</source>
            <extracomment>A hand-off may be recorded with a time a little ahead of this PC's clock (another PC's), not more. …and a minute before the call's start (the form shows times to the minute).</extracomment>
            <translation>Cách chuyển giao không hợp lệ</translation>
        </message>
        <message>
            <source>Say who the report was passed to</source>
            <translation>Cần ghi đã báo cho ai (cơ quan, người nhận)</translation>
        </message>
        <message>
            <source>The recipient is too long or broken</source>
            <translation>Tên người nhận quá dài hoặc có ký tự hỏng</translation>
        </message>
        <message>
            <source>The time of the hand-off is not valid</source>
            <translation>Thời điểm chuyển giao không hợp lệ</translation>
        </message>
        <message>
            <source>The hand-off is dated before the call was received</source>
            <translation>Thời điểm chuyển giao trước lúc nhận cuộc gọi</translation>
        </message>
        <message>
            <source>No line '{code}'</source>
            <translation>Không có đường dây '{code}'</translation>
        </message>
        <message>
            <source>The line's name must not be empty</source>
            <translation>Tên đường dây không được để trống</translation>
        </message>
        <message>
            <source>The line's name is longer than {max_name} characters</source>
            <translation>Tên đường dây dài quá {max_name} ký tự</translation>
        </message>
        <message>
            <source>The line's name holds characters that cannot be shown</source>
            <translation>Tên đường dây có ký tự không in được</translation>
        </message>
        <message>
            <source>A line's code is 2–20 letters or digits</source>
            <translation>Mã đường dây gồm 2–20 chữ cái không dấu hoặc chữ số</translation>
        </message>
        <message>
            <source>The line '{code}' exists already</source>
            <translation>Đã có đường dây '{code}'</translation>
        </message>
        <message>
            <source>At least one line must stay active</source>
            <translation>Phải còn ít nhất một đường dây đang dùng</translation>
        </message>
        <message>
            <source>No such file: {path}</source>
            <translation>Không có tệp: {path}</translation>
        </message>
        <message>
            <source>not a Hotline database</source>
            <translation>không phải cơ sở dữ liệu Hotline</translation>
        </message>
        <message>
            <source>This file is not a Hotline database{where}</source>
            <extracomment>The two lines the centre answers; an administrator can add more. (code, old Vietnamese label, new Vietnamese label, new English label) Whether call X waits in the follow-up queue (store.cases.followup_queue): flagged, with fewer case files (opened from it, or it linked to one) than children; a call without children needs one. (trigger name, event, the call ids it touches): every change that can make a call start or stop waiting.</extracomment>
            <translation>Tệp này không phải cơ sở dữ liệu Hotline{where}</translation>
        </message>
        <message>
            <source>No Mẫu số 01 for a person aged 18 or more: it reports on a child; an adult trafficking victim is referred to the police or the Border Guard</source>
            <extracomment>The kind of document and the unit: BC (báo cáo) of the TTCTXH (Trung tâm Công tác xã hội).</extracomment>
            <translation>Không lập Mẫu số 01 cho người từ 18 tuổi: Mẫu 01 là báo cáo về trẻ em; nạn nhân bị mua bán là người lớn được chuyển đến Công an hoặc Bộ đội Biên phòng</translation>
        </message>
        <message>
            <source>The stored Mẫu 01 number of case {case_id} is not of the form «12/BC-TTCTXH ngày 05/03/2026»</source>
            <translation>Số Mẫu 01 đã lưu của hồ sơ {case_id} không đúng dạng «12/BC-TTCTXH ngày 05/03/2026»</translation>
        </message>
        <message>
            <source>Too many wrong passwords: the account is locked until {until}</source>
            <extracomment>The refusal of a locked account, with the local time the lock ends.</extracomment>
            <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa đến {until}</translation>
        </message>
        <message>
            <source>This account is disabled</source>
            <extracomment>after a wrong password: how many more wrong ones lock the account (for LOCK_MINUTES); None otherwise. Only for a screen that already knows the account exists (the lock screen): sign-in must not tell.</extracomment>
            <translation>Tài khoản đã bị vô hiệu hóa</translation>
        </message>
        <message>
            <source>Wrong username or password</source>
            <translation>Sai tên đăng nhập hoặc mật khẩu</translation>
        </message>
        <message>
            <source>Unknown role: {unknown}; choose from {roles}</source>
            <translation>Vai trò không hợp lệ: {unknown}; chọn trong {roles}</translation>
        </message>
        <message>
            <source>The password needs at least {length} characters</source>
            <translation>Mật khẩu phải có ít nhất {length} ký tự</translation>
        </message>
        <message>
            <source>A username is 2–64 letters, digits, . _ -</source>
            <translation>Tên đăng nhập chỉ gồm chữ không dấu, số, . _ - (2–64 ký tự)</translation>
        </message>
        <message>
            <source>The display name must not be empty</source>
            <translation>Tên hiển thị không được để trống</translation>
        </message>
        <message>
            <source>The display name is at most {length} printable characters</source>
            <translation>Tên hiển thị tối đa {length} ký tự in được</translation>
        </message>
        <message>
            <source>This username is taken</source>
            <translation>Tên đăng nhập này đã có người dùng</translation>
        </message>
        <message>
            <source>There are users already: sign in as an administrator</source>
            <translation>Đã có người dùng: hãy đăng nhập bằng tài khoản quản trị</translation>
        </message>
        <message>
            <source>No user {user_id}</source>
            <translation>Không có người dùng số {user_id}</translation>
        </message>
        <message>
            <source>There must remain at least one active administrator</source>
            <translation>Phải còn ít nhất một quản trị viên đang hoạt động</translation>
        </message>
        <message>
            <source>You cannot disable your own account</source>
            <translation>Không thể tự vô hiệu hóa tài khoản của mình</translation>
        </message>
        <message>
            <source>The new password must differ from the old one</source>
            <translation>Mật khẩu mới phải khác mật khẩu cũ</translation>
        </message>
        <message>
            <source>The current password is wrong</source>
            <translation>Mật khẩu hiện tại không đúng</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>Add a user</source>
            <translation>Thêm người dùng</translation>
        </message>
        <message>
            <source>Change a user</source>
            <translation>Sửa thông tin người dùng</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>letters without accents, digits, . _ -</source>
            <translation>chữ không dấu, chữ số, . _ -</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Tên đăng nhập:</translation>
        </message>
        <message>
            <source>Full &amp;name:</source>
            <translation>Họ &amp;và tên:</translation>
        </message>
        <message>
            <source>Temporary password</source>
            <translation>Mật khẩu tạm thời</translation>
        </message>
        <message>
            <source>&amp;Temporary password:</source>
            <translation>&amp;Mật khẩu tạm thời:</translation>
        </message>
        <message>
            <source>Give this password to the person: they choose their own at the first sign-in.</source>
            <translation>Hãy đưa mật khẩu này cho người dùng: họ sẽ tự chọn mật khẩu riêng ở lần đăng nhập đầu tiên.</translation>
        </message>
        <message>
            <source>Tick at least one role.</source>
            <translation>Chọn ít nhất một vai trò.</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users</source>
            <translation>Người dùng</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Calls logged</source>
            <translation>Số cuộc gọi đã ghi</translation>
        </message>
        <message>
            <source>&amp;Add user…</source>
            <translation>Thêm người &amp;dùng…</translation>
        </message>
        <message>
            <source>&amp;Change…</source>
            <translation>Sử&amp;a…</translation>
        </message>
        <message>
            <source>&amp;Reset password…</source>
            <translation>Đặt &amp;lại mật khẩu…</translation>
        </message>
        <message>
            <source>Un&amp;lock</source>
            <translation>Mở &amp;khóa</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>Vô &amp;hiệu hóa</translation>
        </message>
        <message>
            <source>Users are never deleted: the calls and cases they handled keep their name. Disable the account of someone who leaves.</source>
            <translation>Người dùng không bao giờ bị xóa: các cuộc gọi và hồ sơ họ đã xử lý vẫn giữ tên họ. Khi có người nghỉ việc, hãy vô hiệu hóa tài khoản của người đó.</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Đã vô hiệu hóa</translation>
        </message>
        <message>
            <source>Locked until %1</source>
            <translation>Bị tạm khóa đến %1</translation>
        </message>
        <message>
            <source>Active · must change password</source>
            <translation>Đang hoạt động · phải đổi mật khẩu</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Đang hoạt động</translation>
        </message>
        <message>
            <source>&amp;Enable</source>
            <translation>Kích &amp;hoạt lại</translation>
        </message>
        <message>
            <source>User %1 added.</source>
            <translation>Đã thêm người dùng %1.</translation>
        </message>
        <message>
            <source>User %1 changed.</source>
            <translation>Đã sửa người dùng %1.</translation>
        </message>
        <message>
            <source>Password of %1 reset: they choose a new one at the next sign-in.</source>
            <translation>Đã đặt lại mật khẩu của %1: người đó sẽ chọn mật khẩu mới ở lần đăng nhập tới.</translation>
        </message>
        <message>
            <source>User %1 unlocked.</source>
            <translation>Đã mở khóa người dùng %1.</translation>
        </message>
        <message>
            <source>Disable %1? They can no longer sign in; their calls and cases stay.</source>
            <translation>Vô hiệu hóa %1? Người này sẽ không đăng nhập được nữa; các cuộc gọi và hồ sơ của họ vẫn được giữ.</translation>
        </message>
        <message>
            <source>Disable user</source>
            <translation>Vô hiệu hóa người dùng</translation>
        </message>
        <message>
            <source>User %1 disabled.</source>
            <translation>Đã vô hiệu hóa người dùng %1.</translation>
        </message>
        <message>
            <source>User %1 enabled.</source>
            <translation>Đã kích hoạt lại người dùng %1.</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>Live call</source>
            <translation>Cuộc gọi</translation>
        </message>
        <message>
            <source>My calls</source>
            <translation>Cuộc gọi của tôi</translation>
        </message>
        <message>
            <source>Daily log</source>
            <translation>Sổ cuộc gọi</translation>
        </message>
        <message>
            <source>Follow-up queue</source>
            <translation>Hàng chờ theo dõi</translation>
        </message>
        <message>
            <source>My cases</source>
            <translation>Hồ sơ của tôi</translation>
        </message>
        <message>
            <source>Overdue cases</source>
            <translation>Hồ sơ quá hạn</translation>
        </message>
        <message>
            <source>All open cases</source>
            <translation>Hồ sơ đang mở</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Thống kê</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Nhật ký hoạt động</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Quản trị</translation>
        </message>
        <message>
            <source>Screens</source>
            <extracomment>How often the counts in the navigation are read again (another PC may have opened a case).</extracomment>
            <translation>Màn hình</translation>
        </message>
    </context>
</TS>
