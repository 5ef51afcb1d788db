## 申請（applications）

## 申請的種類和狀態

app-kind-job = 求職申請
app-kind-entitlement = 補貼與權益申請
app-kind-training = 培訓報名
app-kind-massage-exam = 盲人按摩考試報名
app-kind-massage-certificate = 按摩證書申領
app-kind-four-one-basic-info = 「四個一」基本資訊核對
app-kind-four-one-assessment = 「四個一」職業評估申請
app-kind-four-one-needs = 「四個一」就業需求登記
app-status-draft = 草稿
app-status-filed = 已提交，待交給服務機構
app-status-handed-over = 已交給服務機構
app-status-accepted = 已受理
app-status-rejected = 未通過
app-status-withdrawn = 已撤回

## 表格

app-form-job = 求職申請表
app-form-entitlement = 補貼與權益申請表
app-form-training = 培訓報名表
app-form-massage-exam = 盲人按摩考試報名表
app-form-massage-certificate = 按摩證書申領表
app-form-four-one-basic-info = 「四個一」就業服務：基本資訊核對表
app-form-four-one-assessment = 「四個一」就業服務：職業評估申請表
app-form-four-one-needs = 「四個一」就業服務：就業需求登記表
app-type-text = 文字
app-type-number = 數字
app-type-date = 日期
app-type-choice = 選項
app-type-yes-no = 是或否
app-type-card = 殘疾人證號
app-type-phone = 電話號碼
app-required = 必填
app-has-error = 有誤：{ $problem }
app-value-empty = 未填
app-prefilled-from = ，從檔案自動填寫（{ $source }）
app-list-field = { $id }：{ $label }，{ $type }，{ $required }

## 欄位

app-field-name = 姓名
app-field-name-help = 和身份證、殘疾人證上的姓名一樣
app-field-card = 殘疾人證號
app-field-card-help = 20位，和證件上的一樣。螢幕和朗讀只顯示尾號
app-field-phone = 聯繫電話
app-field-phone-help = 手機號11位；固定電話要帶區號，例如 0851-12345678
app-field-sex = 性別
app-field-birth = 出生日期
app-field-birth-help = 可以寫成 1990-03-07、1990年3月7日 或 19900307
app-field-category = 殘疾類別
app-field-grade = 殘疾等級
app-field-grade-help = 和殘疾人證上的一樣，一級最重，四級最輕
app-field-hukou = 戶籍所在地
app-field-hukou-help = 寫到縣或區，例如 貴州省貴陽市南明區
app-field-address = 現在的住址
app-field-address-help = 工作人員可以聯繫到你的地址，寫到門牌號
app-field-education = 學歷
app-field-education-help = 已經取得的最高學歷
app-field-employed = 現在是否有工作
app-field-registered-unemployed = 是否已辦理失業登記
app-field-registered-unemployed-help = 在當地人社部門或街道辦理過失業登記的選「是」
app-field-dibao = 本人或家庭是否享受低保
app-field-work-experience = 工作經歷
app-field-work-experience-help = 做過什麼工作、在哪裡、做了多久；沒有可以不填
app-field-skills = 會的技能
app-field-skills-help = 例如 螢幕閱讀器、盲文、電腦打字、按摩、客服、外語
app-field-available-from = 最早可以開始的日期
app-field-available-from-help = 可以寫成 2025-03-01、2025年3月1日 或 20250301
app-field-accommodations = 需要的便利
app-field-accommodations-help = 例如 螢幕閱讀器、盲文或大字材料、有人引導、無障礙通道、手語
app-field-note = 備註
app-field-note-help = 還想告訴工作人員的事情
app-field-training-wish = 想參加的培訓
app-field-training-wish-help = 培訓項目或機構的名稱，例如 盲人保健按摩、電商客服
app-field-training-time = 可以參加培訓的時間
app-field-school = 畢業學校或培訓機構
app-field-school-help = 學習按摩的學校或培訓機構的全稱
app-field-major = 所學專業
app-field-major-help = 和畢業證或結業證上的一樣
app-field-graduation = 畢業或結業日期
app-field-graduation-help = 可以寫成 2015-07-01、2015年7月1日 或 20150701
app-field-practice-years = 從事按摩工作的年數
app-field-practice-years-help = 整數，沒有做過填 0
app-field-exam-format = 考試需要的試卷形式
app-field-exam-format-help = 按你能閱讀的方式選擇，報名時告訴考試機構
app-field-exam-passed = 考試合格日期
app-field-exam-passed-help = 合格證明上的日期
app-field-exam-certificate-no = 考試合格證明編號
app-field-exam-certificate-no-help = 合格證明上的編號，沒有可以不填
app-field-workplace = 現在工作的單位
app-field-workplace-help = 按摩機構或單位的名稱，沒有可以不填
app-field-assessment-wish = 希望評估的內容
app-field-assessment-wish-help = 例如 適合做什麼工作、需要什麼培訓、工作場所要做哪些調整
app-field-preferred-work = 希望從事的工作
app-field-preferred-work-help = 例如 按摩、客服、電商、手工、公益性崗位
app-field-preferred-place = 希望工作的地點
app-field-preferred-place-help = 城市或區縣，例如 南昌市東湖區
app-field-home-based = 是否希望居家就業
app-field-work-time = 希望的工作時間
app-field-expected-pay = 期望月收入（元）
app-field-expected-pay-help = 整數，單位是元；不確定可以不填
app-field-needs-training = 是否需要職業培訓
app-choice-grade-1 = 一級
app-choice-grade-2 = 二級
app-choice-grade-3 = 三級
app-choice-grade-4 = 四級
app-choice-weekdays = 工作日
app-choice-weekends = 周末
app-choice-either = 都可以
app-choice-full-time = 全職
app-choice-part-time = 兼職
app-choice-braille = 盲文試卷
app-choice-large-print = 大字試卷
app-choice-electronic = 電子試卷（用螢幕閱讀器）
app-choice-regular = 普通試卷

## 有誤的地方

app-error-in-field = { $label }：{ $problem }
app-hint-field = （用 --field { $field }=… 填寫）
app-problem-required = 必須填寫
app-problem-unknown-field = 這張表格沒有這一項
app-problem-too-short = 太短，至少{ $min }個字
app-problem-too-long = 太長，最多{ $max }個字
app-problem-control = 含有換行、制表符或看不見的控制字符，請重新輸入
app-problem-not-a-number = 不是整數
app-problem-too-small = 不能小於{ $min }
app-problem-too-large = 不能大於{ $max }
app-problem-bad-date = 不是有效日期，請寫成 2025-03-01、2025年3月1日 或 20250301
app-problem-not-a-choice = 不是可選的項，可選：{ $choices }
app-problem-not-yes-no = 請回答是或否
app-problem-card = 殘疾人證號有誤：{ $detail }
app-problem-phone = 電話號碼有誤：{ $detail }
app-phone-empty = 沒有數字
app-phone-not-digit = 「{ $found }」不是數字
app-phone-country = 不是中國的號碼（國家代碼應為 +86）
app-phone-mobile-length = 手機號應為11位數字，現在是{ $digits }位
app-phone-mobile-prefix = 手機號應以13到19開頭
app-phone-area-code = 區號不對，應以0開頭，例如 010、020、0851
app-phone-local-length = 區號後面應為7位或8位數字，現在是{ $digits }位
app-phone-local-prefix = 區號後面的號碼不能以0開頭
app-phone-no-area-code = 固定電話要帶區號，例如 0851-12345678

## 命令行

app-owner-client = 服務對象：{ $name }
app-owner-myself = 服務對象：本人
app-myself = 本人
app-applying = { $kind }：{ $target }
app-target-none = 未指定
app-target-posting = { $id } { $title }（{ $employer }）
app-target-rule = { $id } { $title }
app-draft-new = 新建草稿，申請編號 { $id }，已保存
app-draft-continued = 繼續申請 { $id } 的草稿
app-draft-kept = 申請 { $id } 保存為草稿，還有{ $count }處要補全或改正，暫時不能提交：
app-continue-hint = 補全後再運行同一條命令，加上 --field 名稱=值，會繼續這份草稿；用 --list-fields 查看所有項目
app-filed = 申請 { $id } 已提交，放在待交材料裡，請交給服務機構
app-summary-documents = 需要帶的材料：
app-documents-none = 資料裡沒有寫明需要帶的材料，請向辦理單位諮詢
app-document = { $what }（{ $citation }）
app-status-changed = 申請 { $id }：從「{ $from }」改為「{ $to }」
app-list-row = { $id }. { $owner }，{ $kind }，{ $target }，{ $status }，更新於 { $updated }
app-list-empty = 還沒有申請
app-client-with-card = { $name }（證號尾號{ $last4 }，#{ $id }）
app-client-no-card = { $name }（#{ $id }）
app-no-clients = 還沒有保存任何服務對象的檔案
app-exported = 已導出{ $count }份申請到 { $path }。檔案裡有個人資訊，請妥善保管
app-exported-full-numbers = 注意：檔案裡有完整的證號和電話號碼
app-col-id = 編號
app-col-client = 服務對象
app-col-card = 殘疾人證號
app-col-kind = 申請類別
app-col-target = 申請對象
app-col-status = 狀態
app-col-created = 創建時間
app-col-updated = 更新時間
app-summary-title = 聽見 · 申請 { $id }
app-summary-kind = 申請類別：{ $kind }
app-summary-target = 申請對象：{ $target }
app-summary-status = 狀態：{ $status }
app-summary-created = 創建時間：{ $time }
app-summary-updated = 更新時間：{ $time }
app-summary-fields = 填寫的內容：
app-summary-field = { $label }：{ $value }
app-summary-history = 辦理記錄：
app-summary-event = { $time } { $status }（{ $who }）
app-summary-note = ，備註：{ $note }
app-error-no-form = 沒有「{ $kind }」的表格，資料檔案可能不完整
app-error-unknown-client = 沒有叫「{ $name }」的服務對象。已保存的有：{ $known }
app-error-ambiguous-client = 「{ $name }」對應不止一位服務對象：{ $matches }。請寫全名，或用 #編號
app-error-target-needed = { $kind }要寫明申請對象：用 --target
app-error-target-bad = 申請對象太長或含有控制字符
app-error-no-posting = 沒有編號為「{ $id }」的招聘資訊。可以用 tingjian jobs search 查找
app-error-no-rule = 沒有 id 為「{ $id }」的補貼或權益。可以用 tingjian entitlements --format json 查看所有 id
app-error-field-form = 「{ $field }」應寫成 名稱=值，例如 phone=13812345678
app-error-unknown-field = 這張表格沒有「{ $field }」這一項。可用：{ $known }
app-error-note = 備註太長（最多500字）或含有控制字符
app-error-conflict = 申請 { $id } 剛剛在別處（另一台終端）被修改過，你的這次修改沒有保存，也沒有覆蓋別人的修改。請重新打開這份申請，看過最新的內容後再改
app-error-no-such = 沒有編號為 { $id } 的申請
app-error-not-editable = 申請 { $id } 的狀態是「{ $status }」，不是草稿，內容保持提交時的樣子，不能再改。需要改的話，請撤回後重新申請
app-error-transition = 申請 { $id } 不能從「{ $from }」改為「{ $to }」
app-error-client-has-applications = 這位服務對象有{ $count }份申請，檔案不能刪除（申請不會被刪除，只能撤回）
app-error-not-records = { $path } 不是可用的個人紀錄檔案（{ $detail }）。沒有做任何改動

## 備份、恢復、紀錄檔案

app-records-damaged-hint = 這個檔案原樣保留。可以用 tingjian restore 備份檔案 從備份恢復；或者用 tingjian records --start-new 把它改名保存為 { $path }.damaged-時間，再新建一個空的紀錄檔案
app-backup-written = 已備份到 { $path }。檔案裡有個人資訊，只有你的帳戶可以讀取，請妥善保管
app-restored = 已從 { $from } 恢復紀錄檔案
app-restored-kept = 已從 { $from } 恢復紀錄檔案。原來的紀錄檔案保留為 { $aside }，沒有刪除
app-records-status = 紀錄檔案：{ $path }。完整性檢查：{ $integrity }。服務對象{ $clients }位，申請{ $applications }份
app-records-fine = 紀錄檔案 { $path } 可以正常讀取，不需要新建
app-records-confirm = 紀錄檔案 { $path } 無法讀取。要把它改名保留，然後新建一個空的紀錄檔案嗎？原來的檔案不會被刪除。輸入「是」或 yes 確認：
app-records-not-confirmed = 沒有確認，什麼也沒有改
app-records-need-yes = 紀錄檔案 { $path } 無法讀取。要把它改名保留並新建一個空的紀錄檔案，請在終端裡運行，或加上 --yes
app-records-started-new = 已新建空的紀錄檔案 { $path }。原來的檔案保留為 { $aside }，可以交給服務中心的工作人員檢查
