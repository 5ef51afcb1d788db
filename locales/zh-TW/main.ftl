# 聽見 Tingjian：繁體中文介面文字。
# 每個介面文字都在這裡；螢幕顯示和語音朗讀使用同一則訊息。

## 朗讀的組成部分

role-menu-item = 選單項目
role-list-item = 列表項目
role-paragraph = 段落
role-setting = 設定項目
role-help-entry = 說明項目
role-history-entry = 歷史紀錄
role-edit-field = 編輯框
role-field = 資訊
list-empty = 沒有項目
list-separator = ，
sentence-separator = 。
position = 第{ $index }項，共{ $total }項
position-paragraph = 第{ $index }段，共{ $total }段
date = { $year }年{ $month }月{ $day }日
screen-opened = { $title }，{ $count }項
screen-opened-paragraphs = { $title }，{ $count }段
welcome = 聽見已啟動。按 F1 聽取說明

## 主選單

home-title = 主選單
home-jobs = 職缺資訊
home-entitlements = 補助與權益
home-massage = 盲人按摩
home-applications = 我的申請
home-policies = 政策文件
home-settings = 設定
home-help = 說明
not-built = { $name }功能還在開發中，這個版本還不能使用。請先使用政策文件、設定或說明
at-home = 已經在主選單。按 { $keys } 離開

## 政策文件

regions-title = 政策文件：選擇地區
level-province = 省級
level-city = 市級
region-state = { $level }，{ $count }份文件
region-menu-title = { $region }
region-entry-document = 全文：{ $title }
region-entry-targets = 目標任務
count-targets = { $count }項目標
count-measures = { $count }項措施
measures-title = { $region }：{ $action }
measure-title = 措施詳情
targets-title = { $region }：目標任務
target-value = { $what }：{ $value }{ $unit }
kind-duty = 部門職責
kind-support = 可申請的支援
kind-target = 目標
deadline = 截止{ $date }
deadline-none = 文件未規定截止時間
deadline-with-words = { $date }（原文：{ $words }）
clause = 條款 { $clause }
field-action = 行動：{ $value }
field-deadline = 截止時間：{ $value }
field-beneficiaries = 受益對象：{ $value }
field-responsible = 負責單位：{ $value }
field-citation = 出處：{ $value }
field-quote = 原文：{ $value }
citation = { $region }方案 條款 { $clause }，檔案 { $source }
number-value = { $what }：{ $value }{ $unit }
not-specified = 文件未列出
enumeration-separator = 、
no-original = 這裡沒有可以開啟的原文。在措施或目標上按 o 開啟原文
search-title = 搜尋政策措施
search-field = 搜尋詞
empty = 空白
search-empty-query = 請先輸入搜尋詞，再按 Enter 鍵
search-none = 沒有找到包含「{ $query }」的措施
search-found = 找到{ $count }項措施
deleted = 刪除 { $char }

action-public-bodies = 機關和事業單位帶頭安排殘疾人就業
action-state-enterprises = 國有企業安排殘疾人就業
action-private-enterprises = 民營企業安排殘疾人就業
action-social-organisations = 社會組織助殘就業
action-hard-to-employ = 就業困難殘疾人幫扶
action-rural = 農村殘疾人就業幫扶
action-graduates = 殘疾人大學生就業幫扶
action-blind-massage = 盲人按摩就業促進
action-employment-services = 殘疾人就業服務
action-vocational-skills = 職業技能提升
action-general = 目標和保障措施

group-disabled-people = 殘疾人
group-visually-disabled = 視力殘疾人
group-hearing-speech-disabled = 聽力和言語殘疾人
group-physically-disabled = 肢體殘疾人
group-intellectual-psychosocial = 智力和精神殘疾人
group-severely-disabled = 重度殘疾人
group-women = 殘疾婦女
group-youth = 殘疾青年
group-graduates = 殘疾人高校畢業生
group-students = 殘疾學生
group-rural = 農村殘疾人
group-low-income = 低保和困難家庭殘疾人
group-hard-to-employ = 就業困難殘疾人
group-unemployed = 未就業殘疾人
group-self-employed = 自主創業和個體經營的殘疾人
group-massage-practitioners = 盲人按摩從業人員
group-families = 殘疾人家庭
group-employers = 用人單位
group-public-bodies = 機關和事業單位
group-state-enterprises = 國有企業
group-private-enterprises = 民營企業
group-social-organisations = 社會組織
group-service-agencies = 就業服務機構
document-draft = 徵求意見稿
document-period = { $from }年至{ $to }年
document-issued = { $date }印發
document-undated = 未註明日期
document-paragraphs = { $count }段


## 職缺資訊

jobs-sample-mark = （示例）
jobs-sample = 示例
jobs-home-based = 居家就業
jobs-suits = 適合：{ $categories }
jobs-closing = 截止{ $date }
jobs-pay-exact = 月薪{ $amount }元
jobs-pay-range = 月薪{ $min }到{ $max }元
jobs-pay-from = 月薪{ $amount }元起
jobs-pay-to = 月薪最高{ $amount }元
jobs-pay-none = 未寫明薪資
jobs-found = 共找到{ $total }筆，顯示{ $shown }筆
jobs-sample-written = 已寫入{ $count }筆示例職缺：{ $path }
jobs-import-start = 正在匯入 { $path }
jobs-import-progress = 已處理約百分之{ $percent }
jobs-import-row-error = 第{ $row }列，{ $column }：{ $reason }
jobs-import-done = 匯入完成：新增{ $added }筆，更新{ $updated }筆，拒絕{ $rejected }筆
employer-government = 機關
employer-public-institution = 事業單位
employer-state-enterprise = 國企
employer-private-enterprise = 民企
employer-social-organisation = 社會組織
employer-individual = 個體
job-kind-open-market = 市場招聘
job-kind-public-welfare = 公益性崗位
job-kind-sheltered = 輔助性就業
job-kind-concentrated = 集中就業
job-kind-internship = 見習崗位
job-kind-massage = 按摩
category-visual = 視力殘疾
category-hearing = 聽力殘疾
category-speech = 言語殘疾
category-physical = 肢體殘疾
category-intellectual = 智力殘疾
category-psychosocial = 精神殘疾
category-multiple = 多重殘疾
problem-missing = 必須填寫
problem-not-allowed = 不是可用的值，可用：{ $allowed }
problem-bad-date = 不是日期，請寫成 2025-03-01、2025年3月1日或20250301
problem-bad-number = 不是整數金額
problem-bad-bool = 請填是或否
problem-pay-range = 最低薪資高於最高薪資
problem-date-range = 截止日期早於發布日期
problem-too-long = 太長，最多{ $max }個字
import-not-utf8 = 第{ $line }列不是 UTF-8 文字，請用 UTF-8 編碼另存檔案
import-missing-columns = 缺少必需的欄：{ $columns }
import-unknown-columns = 有不認識的欄：{ $columns }
import-bad-at = 第{ $line }列：{ $message }
import-bad-at-column = 第{ $line }列第{ $column }欄：{ $message }
import-not-array = JSON 檔案的最外層應該是一個陣列
import-stopped = 匯入被中止
error-import = 無法匯入 { $path }：{ $detail }。沒有匯入任何內容
error-import-format = 無法判斷 { $path } 的格式：檔名應以 .csv 或 .json 結尾
error-file = 無法讀寫檔案 { $path }：{ $detail }
error-bad-value = { $what } 不能是「{ $value }」，可用：{ $allowed }
jobs-title = 職缺資訊
job-detail-title = 職缺詳情
bookmarks-title = 我的收藏
jobs-hint = 在搜尋詞上輸入文字後按 Enter 鍵搜尋，一兩個字也可以；用下方向鍵選擇篩選條件，左右方向鍵修改
jobs-found-more = 找到{ $total }筆，列出最新或最相關的{ $shown }筆
jobs-found-all = 找到{ $total }筆
bookmarks-empty = 還沒有收藏。在職缺詳情的最後一項按 Enter 鍵收藏
bookmark-added = 已收藏
bookmark-removed = 已取消收藏
bookmarked = 已收藏
filter-any = 不限
jobs-field = 搜尋詞
filter-region = 地區
filter-kind = 職缺類型
filter-category = 殘疾類別
filter-home-based = 居家就業
filter-home-only = 只看居家就業
filter-sort = 排序
sort-relevance = 依相關程度
sort-newest = 最新發布在前
count-bookmarks = { $count }筆
not-stated = 未寫明
jobs-sample-note = 這是示例資料，不是真實職缺
job-dates = { $published }發布，{ $closing }截止
job-dates-open = { $published }發布，未寫明截止日期
field-employer = 單位：{ $value }
field-place = 地點：{ $value }
field-suits = 適合：{ $value }
field-pay = 薪資：{ $value }
field-hours = 工作時間：{ $value }
field-requirements = 要求：{ $value }
field-accessibility = 無障礙：{ $value }
field-apply = 報名方式：{ $value }
field-contact = 聯絡方式：{ $value }
field-dates = 日期：{ $value }
field-source = 來源：{ $value }
bookmark-add = 收藏這筆職缺
bookmark-remove = 取消收藏
help-jobs = 職缺資訊。第一項是搜尋詞：輸入文字，按 Enter 鍵搜尋，一兩個字也可以，例如按摩、客服。下面是篩選條件：地區、職缺類型、殘疾類別、居家就業和排序，用左右方向鍵修改，結果立即更新。然後是我的收藏和搜尋結果，按 Enter 鍵查看詳情。標有示例的是示例資料，不是真實職缺
help-job-detail = 職缺詳情，逐項閱讀。最後一項按 Enter 鍵收藏或取消收藏，按 Esc 返回
help-bookmarks = 收藏的職缺。按 Enter 鍵查看詳情，按 Esc 返回

## 補貼與權益

ent-as-of = 依{ $date }的規定篩查
ent-group-eligible = 符合條件的（{ $count }項）
ent-group-unknown = 還需要更多資訊的（{ $count }項）
ent-group-not-eligible = 不符合或已過期的（{ $count }項）
ent-screening = 這只是初步篩查，不是審批決定。是否能享受，由辦理單位依當時的政策審核決定；請帶上殘疾人證和身分證到辦理單位諮詢
ent-replaced = 本地區的規定「{ $rule }」取代了這一條
ent-expired = 這項措施已於{ $date }到期
ent-not-yet = 這項措施自{ $date }起施行
ent-other-region = 這是其他地區的措施
ent-reason = { $condition }：你的情況是{ $used }，{ $result }
ent-missing = 還需要知道：{ $facts }
ent-apply = 辦理：{ $how }
ent-bring = 需要帶：{ $what }
ent-citation = 出處：條款 { $clause }（{ $source }）：「{ $quote }」
ent-secondary = 這一條的依據來自轉載資料，沒有核對到原文，請以辦理單位的說明為準
not-specified-sources = 文件沒有寫明，請向當地殘聯或人社部門諮詢
test-met = 符合
test-not-met = 不符合
test-unknown = 不知道
value-yes = 是
value-no = 否
cond-fact = { $fact }為{ $value }
cond-fact-in = { $fact }為{ $values }
cond-education-at-least = 學歷為{ $level }或更高
cond-category = 殘疾類別為{ $categories }
cond-grade = 殘疾等級為{ $grades }級
cond-age-range = 年齡在{ $min }到{ $max }歲之間
cond-age-min = 年齡不小於{ $min }歲
cond-age-max = 年齡不大於{ $max }歲
cond-working-age = 在勞動年齡內（16歲到法定退休年齡）
cond-any = 以下任一項：{ $conditions }
missing-region = 所在地區
missing-category = 殘疾類別
missing-grade = 殘疾等級
missing-birth = 出生日期
missing-sex = 性別
fact-employed = 已就業
fact-registered-unemployed = 已登記失業
fact-hard-to-employ = 已認定為就業困難人員
fact-graduating = 今年畢業
fact-education = 學歷
fact-student = 在校學生
fact-rural = 農村戶籍
fact-dibao = 享受低保（本人或家庭）
fact-zero-employment-family = 零就業家庭
fact-self-employed = 自主就業或個體經營
fact-starting-business = 準備創業
fact-sheltered-employment = 在輔助性就業機構工作
fact-public-welfare-post = 在公益性崗位工作
fact-female-cadre = 女性，按幹部身分退休（55歲）
education-primary = 小學
education-junior-secondary = 國中
education-senior-secondary = 高中
education-secondary-vocational = 中專或職高
education-college = 大專
education-bachelor = 大學本科
education-postgraduate = 研究所
card-too-short = 殘疾人證號太短：只有{ $len }位，應為20位
card-not-digit = 第{ $position }位「{ $found }」不是數字
card-check-digit = 第{ $position }位檢查碼應為 { $expected }，現在是 { $found }
card-birth-date = 第{ $from }到{ $to }位的出生日期「{ $found }」不是有效日期
card-birth-future = 證號裡的出生日期在今天之後
card-age = 證號裡的出生日期算出{ $age }歲，不可能
card-category = 第{ $position }位殘疾類別「{ $found }」應為1到7
card-grade = 第{ $position }位殘疾等級「{ $found }」應為1到4
card-region = 證號前兩位「{ $code }」不是已知的省份代碼
card-longer = 證號有{ $len }位，比通常的20位長：依前20位識別（換發的證件可能更長），請核對
card-shown = 殘疾人證：{ $card }
card-last-four = 尾號{ $last4 }
error-card = 殘疾人證號有誤：{ $detail }
error-fact-form = 「{ $fact }」應寫成 名稱=值，例如 dibao=yes
error-unknown-fact = 沒有「{ $fact }」這項情況。可用：{ $known }
## 設定

settings-title = 設定
setting-language = 介面語言
setting-speech = 語音朗讀
setting-rate = 語速
setting-volume = 音量
setting-verbosity = 朗讀詳細程度
setting-screen-reader = 螢幕閱讀器模式
setting-language-system = 跟隨系統（{ $lang }）
lang-zh-cn = 简体中文
lang-zh-tw = 繁體中文
lang-en = English
speech-auto = 自動
speech-on = 開
speech-off = 關
speech-status-starting = 正在啟動
speech-status-speaking = 正在使用 { $backend }
speech-status-off = 未發聲
speech-status-unavailable = 語音服務無法使用
speech-status-screen-reader = 偵測到螢幕閱讀器 { $name }，不發聲
setting-speech-value = { $chosen }（目前：{ $now }）
percent = 百分之{ $value }
verbosity-full = 完整：名稱、類型、狀態和位置
verbosity-brief = 簡潔：只讀名稱和狀態
on = 開
off = 關
speech-unavailable = 語音無法使用（{ $reason }）。聽見會繼續運作，螢幕上的文字不變，也可以使用螢幕閱讀器
speech-screen-reader = 偵測到螢幕閱讀器 { $name } 正在執行，聽見自己不發聲，以免兩個聲音同時說話。可在設定裡開啟語音
screen-reader-mode-on = 螢幕閱讀器模式已開啟：不畫邊框，焦點以游標和反白顯示

## 說明

help-title = 說明
key-or = 或
no-key = 未設定按鍵
help-home = 主選單。用上下方向鍵選擇，按 Enter 鍵開啟。政策文件可以依地區閱讀五個地方的殘疾人就業行動方案。隨時按 F1 聽取目前畫面的說明
help-regions = 政策文件的地區列表。用上下方向鍵選擇地區，按 Enter 鍵查看該地區的文件、目標和措施。按斜線鍵搜尋所有地區的措施，按 Esc 返回主選單
help-region-menu = 一個地區：第一項是文件全文，按 Enter 鍵逐段閱讀；然後是目標任務和按行動分類的措施。按 Esc 返回地區列表
help-measures = 一類措施的列表，每項讀出內容、類型、截止時間和條款。按 Enter 鍵查看詳情，按 o 開啟原文中的這一條，按斜線鍵搜尋，按 Esc 返回
help-measure = 措施詳情，逐項閱讀：內容、行動、截止時間、受益對象、負責單位、數字、出處和原文。按 o 或在原文上按 Enter 鍵，開啟文件中的這一條，按 Esc 返回
help-targets = 一個地區承諾的目標，每項讀出數字和條款。按 Enter 鍵或 o 開啟原文中的這一條，按 Esc 返回
help-search = 搜尋所有地區的措施。在搜尋詞上輸入文字，一個字也可以，按 Enter 鍵搜尋；用下方向鍵聽結果，按 Enter 鍵查看詳情，按 Esc 返回
help-reader = 逐段閱讀文件。上下方向鍵讀上一段或下一段，Home 和 End 到開頭和結尾，Page Up 和 Page Down 一次跳十段，Enter 鍵重讀目前段落，Esc 返回
help-settings = 設定。上下方向鍵選擇項目，左右方向鍵或 Enter 鍵修改，修改會立即儲存
help-help = 說明。先是目前畫面的說明，然後是所有按鍵。按鍵可以在 keys.toml 檔案裡修改
help-history = 朗讀歷史，最新的在最前面。按 Enter 鍵重讀一則，按 Esc 返回

cmd-up = 上一項
cmd-down = 下一項
cmd-next = 下一項
cmd-previous = 上一項
cmd-first = 第一項
cmd-last = 最後一項
cmd-page-up = 向上翻十項
cmd-page-down = 向下翻十項
cmd-activate = 開啟或確認
cmd-back = 返回
cmd-increase = 增加設定值
cmd-decrease = 減少設定值
cmd-help = 目前畫面的說明
cmd-repeat = 重複上一次朗讀
cmd-read-screen = 朗讀整個畫面
cmd-history = 朗讀歷史
cmd-stop-speech = 停止朗讀
cmd-search = 搜尋措施
cmd-original = 開啟原文
cmd-quit = 離開

## 歷史

history-title = 朗讀歷史
history-empty = 還沒有朗讀紀錄
nothing-to-repeat = 還沒有可重複的內容

## 狀態列

hint-bar = F1 說明　F2 重複　F3 朗讀畫面　F4 歷史　Esc 返回　Ctrl-Q 離開

## 行模式

line-prompt = 輸入 1 到 { $count } 選擇，n 下一項，p 上一項，b 返回，h 說明，r 重複，q 離開：
line-prompt-empty = b 返回，h 說明，q 離開：
line-invalid = 無法辨識「{ $input }」。請輸入 1 到 { $count } 之間的數字，或輸入 h 查看說明
line-help = 行模式按鍵：數字選擇並開啟該項；n 下一項；p 上一項；Enter 鍵開啟目前項目；+ 和 - 修改設定；b 返回；r 重複；s 朗讀整個畫面；h 說明；q 離開
line-focus = 目前：{ $item }
line-bye = 再見

## 錯誤

error-cache = 讀取快取時發生錯誤：{ $detail }
error-data = 資料檔案有錯誤：{ $file }{ $line }：{ $detail }
error-data-line = 第{ $line }行
error-records = 無法讀取個人紀錄檔案 { $path }：{ $detail }。這個檔案沒有被修改，請把它交給服務中心的工作人員檢查
error-records-newer = 個人紀錄檔案 { $path } 來自較新版本的聽見，這個版本無法開啟它。檔案沒有被修改
error-keys = 按鍵設定檔案 { $file }{ $line } 有錯誤：{ $detail }。已改用預設按鍵
error-terminal = 終端機發生錯誤：{ $detail }
error-transcript = 無法開啟朗讀紀錄檔案 { $path }：{ $detail }

error-unknown-region = 沒有「{ $region }」這個地區。可選：{ $known }
error-unknown-action = 沒有「{ $action }」這個行動。可選：{ $known }
cli-measure-head = { $region } · { $action } · 條款 { $clause }
cli-target-head = { $region } · 條款 { $clause }
cli-quote = 原文：「{ $quote }」（{ $source }）
cli-count-measures = 共{ $count }項措施
cli-count-targets = 共{ $count }項目標
## 診斷（tingjian doctor）

doctor-title = 聽見診斷
doctor-version = 版本：{ $version }
doctor-lang = 介面語言：{ $lang }
doctor-speech-choice = 語音設定：{ $choice }
doctor-speech-built-without = 語音：這個版本編譯時沒有語音功能（未包含 speech 功能）
doctor-speech-ok = 語音服務：已連線（{ $features }，耗時 { $ms } 毫秒）
doctor-speech-fail = 語音服務：無法連線（{ $reason }）。請安裝並啟動 speech-dispatcher：sudo apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
doctor-voice = 中文語音：{ $voice }
doctor-voice-missing = 中文語音：找不到「Chinese (Mandarin, latin as Pinyin)」，中文可能讀不準
doctor-screen-reader-running = 正在執行的螢幕閱讀器：{ $name }
doctor-screen-reader-none = 正在執行的螢幕閱讀器：未偵測到
doctor-screen-reader-mode = 螢幕閱讀器模式：{ $state }
doctor-files = 檔案位置：
doctor-file = { $what }：{ $path }
doctor-file-cache = 快取
doctor-file-records = 個人紀錄
doctor-file-keys = 按鍵設定
doctor-data = 資料：{ $source }，版本 { $hash }
doctor-data-bundled = 內建資料
doctor-counts = 快取內容：{ $regions }個地區，{ $documents }份文件，{ $paragraphs }個段落
doctor-records-check = 個人紀錄完整性檢查：{ $result }
doctor-records-mode = 個人紀錄檔案權限：{ $mode }
doctor-file-jobs = 職缺資訊
doctor-jobs = 職缺資訊：共{ $count }筆，其中示例{ $samples }筆
doctor-jobs-check = 職缺資訊完整性檢查：{ $result }
